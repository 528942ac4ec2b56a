using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconciliationRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RanAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    RowsRead = table.Column<int>(type: "int", nullable: false),
                    KecamatanFilter = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    KecamatanJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationRuns_RanAt",
                table: "ReconciliationRuns",
                column: "RanAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationRuns");
        }
    }
}
