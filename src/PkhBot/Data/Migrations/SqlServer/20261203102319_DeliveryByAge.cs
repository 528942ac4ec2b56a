using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeliveryByAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ChatId",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ChatId_LockedUntil",
                table: "Outbox",
                columns: new[] { "ChatId", "LockedUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ChatId_LockedUntil",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ChatId",
                table: "Outbox",
                column: "ChatId");
        }
    }
}
