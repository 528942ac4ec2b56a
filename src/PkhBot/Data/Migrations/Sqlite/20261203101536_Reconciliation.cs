using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    KecamatanFilter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    KecamatanJson = table.Column<string>(type: "TEXT", nullable: false)
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
