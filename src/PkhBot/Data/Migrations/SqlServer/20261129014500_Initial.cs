using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PkhBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AuthorIdentityId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Audience = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    KecamatanIds = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Recipients = table.Column<int>(type: "int", nullable: false),
                    ExcludedOptedOut = table.Column<int>(type: "int", nullable: false),
                    Delivered = table.Column<int>(type: "int", nullable: false),
                    Unreachable = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Coordinators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Nama = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    WholeKabupaten = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coordinators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Flows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Flow = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Step = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DataJson = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Flows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AskerUserId = table.Column<long>(type: "bigint", nullable: false),
                    AskerChatId = table.Column<long>(type: "bigint", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DesaId = table.Column<int>(type: "int", nullable: true),
                    KecamatanId = table.Column<int>(type: "int", nullable: true),
                    AssignedPendampingId = table.Column<int>(type: "int", nullable: true),
                    AssignedCoordinatorId = table.Column<int>(type: "int", nullable: true),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AnsweredByIdentityId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inbox",
                columns: table => new
                {
                    UpdateId = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inbox", x => x.UpdateId);
                });

            migrationBuilder.CreateTable(
                name: "InviteAttempts",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteAttempts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Invites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: true),
                    CoordinatorId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UsedByUserId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Kecamatan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Nama = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kecamatan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NudgeLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Job = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NudgeLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ChatId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    KeyboardJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AttachmentKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AttachmentName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Attachment = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    CallbackQueryId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EditMessageId = table.Column<int>(type: "int", nullable: true),
                    AnnouncementId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TelegramMessageId = table.Column<int>(type: "int", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatorKecamatan",
                columns: table => new
                {
                    CoordinatorId = table.Column<int>(type: "int", nullable: false),
                    KecamatanId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorKecamatan", x => new { x.CoordinatorId, x.KecamatanId });
                    table.ForeignKey(
                        name: "FK_CoordinatorKecamatan_Coordinators_CoordinatorId",
                        column: x => x.CoordinatorId,
                        principalTable: "Coordinators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoordinatorKecamatan_Kecamatan_KecamatanId",
                        column: x => x.KecamatanId,
                        principalTable: "Kecamatan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Desa",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Nama = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsKelurahan = table.Column<bool>(type: "bit", nullable: false),
                    KecamatanId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Desa", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Desa_Kecamatan_KecamatanId",
                        column: x => x.KecamatanId,
                        principalTable: "Kecamatan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pendamping",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Nama = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    KecamatanId = table.Column<int>(type: "int", nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pendamping", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pendamping_Kecamatan_KecamatanId",
                        column: x => x.KecamatanId,
                        principalTable: "Kecamatan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IdKpm = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Nik = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    NamaPengurus = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    NamaSearch = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Alamat = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    DesaId = table.Column<int>(type: "int", nullable: true),
                    KecamatanId = table.Column<int>(type: "int", nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: true),
                    IbuHamil = table.Column<int>(type: "int", nullable: false),
                    AnakUsiaDini = table.Column<int>(type: "int", nullable: false),
                    Sd = table.Column<int>(type: "int", nullable: false),
                    Smp = table.Column<int>(type: "int", nullable: false),
                    Sma = table.Column<int>(type: "int", nullable: false),
                    DisabilitasBerat = table.Column<int>(type: "int", nullable: false),
                    Lansia = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    LastReportAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Desa_DesaId",
                        column: x => x.DesaId,
                        principalTable: "Desa",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Kecamatan_KecamatanId",
                        column: x => x.KecamatanId,
                        principalTable: "Kecamatan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Identities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    ChatId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: true),
                    CoordinatorId = table.Column<int>(type: "int", nullable: true),
                    DisplayName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DesaId = table.Column<int>(type: "int", nullable: true),
                    PhoneVerified = table.Column<bool>(type: "bit", nullable: false),
                    OptedOut = table.Column<bool>(type: "bit", nullable: false),
                    Unreachable = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identities_Coordinators_CoordinatorId",
                        column: x => x.CoordinatorId,
                        principalTable: "Coordinators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Identities_Desa_DesaId",
                        column: x => x.DesaId,
                        principalTable: "Desa",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Identities_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "P2K2Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PendampingId = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Module = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AttendeeCount = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_P2K2Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_P2K2Sessions_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Graduations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    GraduatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Graduations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Graduations_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Graduations_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: false),
                    EventAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    IncomeRupiah = table.Column<long>(type: "bigint", nullable: true),
                    AttendancePercent = table.Column<int>(type: "int", nullable: true),
                    ValuesJson = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PhotoFileId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "float", nullable: true),
                    Longitude = table.Column<double>(type: "float", nullable: true),
                    SourceUpdateId = table.Column<long>(type: "bigint", nullable: true),
                    Withdrawn = table.Column<bool>(type: "bit", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "P2K2Attendance",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    HouseholdId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_P2K2Attendance", x => new { x.SessionId, x.HouseholdId });
                    table.ForeignKey(
                        name: "FK_P2K2Attendance_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_P2K2Attendance_P2K2Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "P2K2Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    PendampingId = table.Column<int>(type: "int", nullable: false),
                    ReportId = table.Column<int>(type: "int", nullable: true),
                    Issue = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosingNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Pendamping_PendampingId",
                        column: x => x.PendampingId,
                        principalTable: "Pendamping",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_AuthorIdentityId",
                table: "Announcements",
                column: "AuthorIdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Status_ScheduledFor",
                table: "Announcements",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_Entity_EntityId",
                table: "Audit",
                columns: new[] { "Entity", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorKecamatan_KecamatanId",
                table: "CoordinatorKecamatan",
                column: "KecamatanId");

            migrationBuilder.CreateIndex(
                name: "IX_Desa_KecamatanId_Nama",
                table: "Desa",
                columns: new[] { "KecamatanId", "Nama" });

            migrationBuilder.CreateIndex(
                name: "IX_Desa_Kode",
                table: "Desa",
                column: "Kode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Flows_UserId",
                table: "Flows",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_HouseholdId",
                table: "FollowUps",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PendampingId_Status_DueDate",
                table: "FollowUps",
                columns: new[] { "PendampingId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ReportId",
                table: "FollowUps",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueDate",
                table: "FollowUps",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Graduations_GraduatedAt",
                table: "Graduations",
                column: "GraduatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Graduations_HouseholdId",
                table: "Graduations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Graduations_PendampingId",
                table: "Graduations",
                column: "PendampingId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_AssignedCoordinatorId_Status",
                table: "Handoffs",
                columns: new[] { "AssignedCoordinatorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_AssignedPendampingId_Status",
                table: "Handoffs",
                columns: new[] { "AssignedPendampingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_DesaId",
                table: "Households",
                column: "DesaId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_IdKpm",
                table: "Households",
                column: "IdKpm",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_KecamatanId_Status",
                table: "Households",
                columns: new[] { "KecamatanId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_NamaSearch",
                table: "Households",
                column: "NamaSearch");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Nik",
                table: "Households",
                column: "Nik");

            migrationBuilder.CreateIndex(
                name: "IX_Households_PendampingId_Status_LastReportAt",
                table: "Households",
                columns: new[] { "PendampingId", "Status", "LastReportAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Identities_CoordinatorId",
                table: "Identities",
                column: "CoordinatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Identities_DesaId",
                table: "Identities",
                column: "DesaId");

            migrationBuilder.CreateIndex(
                name: "IX_Identities_PendampingId",
                table: "Identities",
                column: "PendampingId");

            migrationBuilder.CreateIndex(
                name: "IX_Identities_Role_OptedOut",
                table: "Identities",
                columns: new[] { "Role", "OptedOut" });

            migrationBuilder.CreateIndex(
                name: "IX_Identities_UserId",
                table: "Identities",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Status_ReceivedAt",
                table: "Inbox",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invites_CodeHash",
                table: "Invites",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kecamatan_Kode",
                table: "Kecamatan",
                column: "Kode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kecamatan_Nama",
                table: "Kecamatan",
                column: "Nama",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NudgeLog_Job_Subject_Period",
                table: "NudgeLog",
                columns: new[] { "Job", "Subject", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_AnnouncementId",
                table: "Outbox",
                column: "AnnouncementId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ChatId",
                table: "Outbox",
                column: "ChatId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_Channel_NotBefore",
                table: "Outbox",
                columns: new[] { "Status", "Channel", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_P2K2Attendance_HouseholdId",
                table: "P2K2Attendance",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_P2K2Sessions_PendampingId_HeldOn",
                table: "P2K2Sessions",
                columns: new[] { "PendampingId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Pendamping_KecamatanId",
                table: "Pendamping",
                column: "KecamatanId");

            migrationBuilder.CreateIndex(
                name: "IX_Pendamping_Kode",
                table: "Pendamping",
                column: "Kode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_HouseholdId_EventAt",
                table: "Reports",
                columns: new[] { "HouseholdId", "EventAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PendampingId_ReceivedAt",
                table: "Reports",
                columns: new[] { "PendampingId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedAt",
                table: "Reports",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "CoordinatorKecamatan");

            migrationBuilder.DropTable(
                name: "Flows");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Graduations");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropTable(
                name: "Identities");

            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.DropTable(
                name: "InviteAttempts");

            migrationBuilder.DropTable(
                name: "Invites");

            migrationBuilder.DropTable(
                name: "NudgeLog");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "P2K2Attendance");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "Coordinators");

            migrationBuilder.DropTable(
                name: "P2K2Sessions");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "Desa");

            migrationBuilder.DropTable(
                name: "Pendamping");

            migrationBuilder.DropTable(
                name: "Kecamatan");
        }
    }
}
