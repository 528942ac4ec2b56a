using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GraduationStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PreviousStatus",
                table: "Graduations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RecordedByUserId",
                table: "Graduations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatementPhotoFileId",
                table: "Graduations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousStatus",
                table: "Graduations");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "Graduations");

            migrationBuilder.DropColumn(
                name: "StatementPhotoFileId",
                table: "Graduations");
        }
    }
}
