using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrustAndGraduation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ChatId",
                table: "Outbox");

            migrationBuilder.AddColumn<int>(
                name: "DesaId",
                table: "Invites",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "KecamatanId",
                table: "Invites",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MitraCode",
                table: "Invites",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "Invites",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MitraCode",
                table: "Identities",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PemantauKecamatanId",
                table: "Identities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousStatus",
                table: "Graduations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RecordedByUserId",
                table: "Graduations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatementPhotoFileId",
                table: "Graduations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: false),
                    MitraCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ChatId_LockedUntil",
                table: "Outbox",
                columns: new[] { "ChatId", "LockedUntil" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_AskerUserId_AskedAt",
                table: "Handoffs",
                columns: new[] { "AskerUserId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationRuns_RanAt",
                table: "ReconciliationRuns",
                column: "RanAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_HouseholdId",
                table: "Referrals",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_MitraCode_Status",
                table: "Referrals",
                columns: new[] { "MitraCode", "Status" });

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

            migrationBuilder.DropTable(
                name: "ReconciliationRuns");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ChatId_LockedUntil",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Invites_DesaId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Invites_KecamatanId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Identities_PemantauKecamatanId",
                table: "Identities");

            migrationBuilder.DropIndex(
                name: "IX_Handoffs_AskerUserId_AskedAt",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "DesaId",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "KecamatanId",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "MitraCode",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "MitraCode",
                table: "Identities");

            migrationBuilder.DropColumn(
                name: "PemantauKecamatanId",
                table: "Identities");

            migrationBuilder.DropColumn(
                name: "PreviousStatus",
                table: "Graduations");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "Graduations");

            migrationBuilder.DropColumn(
                name: "StatementPhotoFileId",
                table: "Graduations");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ChatId",
                table: "Outbox",
                column: "ChatId");
        }
    }
}
