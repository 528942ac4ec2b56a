using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Pemantau : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DesaId",
                table: "Invites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "KecamatanId",
                table: "Invites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PemantauKecamatanId",
                table: "Identities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invites_DesaId",
                table: "Invites",
                column: "DesaId");

            migrationBuilder.CreateIndex(
                name: "IX_Invites_KecamatanId",
                table: "Invites",
                column: "KecamatanId");

            migrationBuilder.CreateIndex(
                name: "IX_Identities_PemantauKecamatanId",
                table: "Identities",
                column: "PemantauKecamatanId");

            migrationBuilder.AddForeignKey(
                name: "FK_Identities_Kecamatan_PemantauKecamatanId",
                table: "Identities",
                column: "PemantauKecamatanId",
                principalTable: "Kecamatan",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invites_Desa_DesaId",
                table: "Invites",
                column: "DesaId",
                principalTable: "Desa",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invites_Kecamatan_KecamatanId",
                table: "Invites",
                column: "KecamatanId",
                principalTable: "Kecamatan",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Identities_Kecamatan_PemantauKecamatanId",
                table: "Identities");

            migrationBuilder.DropForeignKey(
                name: "FK_Invites_Desa_DesaId",
                table: "Invites");

            migrationBuilder.DropForeignKey(
                name: "FK_Invites_Kecamatan_KecamatanId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Invites_DesaId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Invites_KecamatanId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Identities_PemantauKecamatanId",
                table: "Identities");

            migrationBuilder.DropColumn(
                name: "DesaId",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "KecamatanId",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "PemantauKecamatanId",
                table: "Identities");
        }
    }
}
