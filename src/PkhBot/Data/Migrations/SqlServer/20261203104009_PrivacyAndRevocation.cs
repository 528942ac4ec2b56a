using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PrivacyAndRevocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "Invites",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_AskerUserId_AskedAt",
                table: "Handoffs",
                columns: new[] { "AskerUserId", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Handoffs_AskerUserId_AskedAt",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "Invites");
        }
    }
}
