using System;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bpm_definitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    DeployedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeployedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartMessages = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bpm_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bpm_processed_messages",
                columns: table => new
                {
                    IdempotencyKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_processed_messages", x => x.IdempotencyKey);
                });

            migrationBuilder.CreateTable(
                name: "coordination_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "doc_calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "doc_dispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecipientCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LastStatusNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastStatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PackageFileId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_dispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_document_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InNotation = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_document_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "doc_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_incoming",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReceivedDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProcessKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssuingAgency = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssuingAgencyCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CodeNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CodeNotation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Signer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    PageCount = table.Column<int>(type: "integer", nullable: true),
                    Copies = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncomingNumber = table.Column<int>(type: "integer", nullable: true),
                    RegisterBookId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Instruction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaperCopyDelivered = table.Column<bool>(type: "boolean", nullable: false),
                    ReplyDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectsIdentifier = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CorrectionKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FileIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SenderKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NotationKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_incoming", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_intake_failures",
                columns: table => new
                {
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SenderCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SetAsideAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_intake_failures", x => x.PackageId);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TypeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DraftingUnit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Drafter = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Copies = table.Column<int>(type: "integer", nullable: false),
                    PageCount = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ArchiveHolder = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InReplyToId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CorrectedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SigningLeader = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerPosition = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignerCompetence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignerUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisterBookId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisterYear = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Notation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignedFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    NationalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NumberAndNotation = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_received",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CodeNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CodeNotation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PromulgationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FileIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LastStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_received", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_register_books",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsConfidential = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_register_books", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    SupervisorUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prov_task_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prov_task_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sig_authorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubjectIdentifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AgencyCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sig_authorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bpm_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    OpenIncidents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_instances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bpm_instances_bpm_definitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "bpm_definitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bpm_start_timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemainingRepetitions = table.Column<int>(type: "integer", nullable: true),
                    CycleText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkingTime = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_start_timers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bpm_start_timers_bpm_definitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "bpm_definitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_incoming_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Assignee = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssigneeName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Instruction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Delegated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_incoming_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_incoming_assignments_doc_incoming_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_incoming",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_incoming_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_incoming_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_incoming_history_doc_incoming_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_incoming",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_history_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_recipients_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_versions_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_register_counters",
                columns: table => new
                {
                    BookId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_register_counters", x => new { x.BookId, x.Year });
                    table.ForeignKey(
                        name: "FK_doc_register_counters_doc_register_books_BookId",
                        column: x => x.BookId,
                        principalTable: "doc_register_books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_org_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prov_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OriginalDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MainUnit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CoordinatingUnits = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Handler = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReplyOutgoingId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplyDocumentId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rejections = table.Column<int>(type: "integer", nullable: false),
                    Extension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExtensionLetterId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RequestedDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prov_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prov_tasks_prov_task_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "prov_task_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bpm_bookmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MessageName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CorrelationKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TaskName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Assignee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CandidateUsers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CandidateGroups = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TaskDueDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FormKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DefinitionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_bookmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bpm_bookmarks_bpm_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "bpm_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bpm_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookmarkId = table.Column<Guid>(type: "uuid", nullable: true),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bpm_incidents_bpm_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "bpm_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bpm_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ElementKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Event = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_journal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bpm_journal_bpm_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "bpm_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "doc_document_types",
                columns: new[] { "Code", "InNotation", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "BB", true, "Biên bản", 16 },
                    { "BC", true, "Báo cáo", 15 },
                    { "CĐ", true, "Công điện", 19 },
                    { "CT", true, "Chỉ thị", 4 },
                    { "CTr", true, "Chương trình", 10 },
                    { "CV", false, "Công văn", 1 },
                    { "DA", true, "Dự án", 14 },
                    { "ĐA", true, "Đề án", 13 },
                    { "GGT", true, "Giấy giới thiệu", 24 },
                    { "GM", true, "Giấy mời", 23 },
                    { "GN", true, "Bản ghi nhớ", 20 },
                    { "GNP", true, "Giấy nghỉ phép", 25 },
                    { "GUQ", true, "Giấy ủy quyền", 22 },
                    { "HD", true, "Hướng dẫn", 9 },
                    { "HĐ", true, "Hợp đồng", 18 },
                    { "KH", true, "Kế hoạch", 11 },
                    { "NQ", true, "Nghị quyết", 2 },
                    { "PA", true, "Phương án", 12 },
                    { "PB", true, "Phiếu báo", 28 },
                    { "PC", true, "Phiếu chuyển", 27 },
                    { "PG", true, "Phiếu gửi", 26 },
                    { "QC", true, "Quy chế", 5 },
                    { "QĐ", true, "Quyết định", 3 },
                    { "QyĐ", true, "Quy định", 6 },
                    { "TB", true, "Thông báo", 8 },
                    { "TC", true, "Thông cáo", 7 },
                    { "TTh", true, "Bản thỏa thuận", 21 },
                    { "TTr", true, "Tờ trình", 17 }
                });

            migrationBuilder.InsertData(
                table: "doc_register_books",
                columns: new[] { "Id", "Code", "Direction", "IsActive", "IsConfidential", "Name" },
                values: new object[,]
                {
                    { new Guid("0193a5c0-0000-7000-8000-000000000001"), "DEN", "Incoming", true, false, "Sổ văn bản đến" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000002"), "DI", "Outgoing", true, false, "Sổ văn bản đi" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000003"), "DEN-MAT", "Incoming", true, true, "Sổ văn bản đến mật" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000004"), "DI-MAT", "Outgoing", true, true, "Sổ văn bản đi mật" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_InstanceId_Status",
                table: "bpm_bookmarks",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_Kind_Status_Assignee",
                table: "bpm_bookmarks",
                columns: new[] { "Kind", "Status", "Assignee" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_Kind_Status_DueAt",
                table: "bpm_bookmarks",
                columns: new[] { "Kind", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_Kind_Status_MessageName_CorrelationKey",
                table: "bpm_bookmarks",
                columns: new[] { "Kind", "Status", "MessageName", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_definitions_Key_ContentHash",
                table: "bpm_definitions",
                columns: new[] { "Key", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_definitions_Key_Version",
                table: "bpm_definitions",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bpm_incidents_InstanceId_ResolvedAt",
                table: "bpm_incidents",
                columns: new[] { "InstanceId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_BusinessKey",
                table: "bpm_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_DefinitionId",
                table: "bpm_instances",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_DefinitionKey_Status",
                table: "bpm_instances",
                columns: new[] { "DefinitionKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_StartedAt",
                table: "bpm_instances",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_journal_InstanceId_Id",
                table: "bpm_journal",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "ux_bpm_journal_step",
                table: "bpm_journal",
                columns: new[] { "InstanceId", "Revision", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bpm_outbox_DeliveredAt_NextAttemptAt",
                table: "bpm_outbox",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_start_timers_DefinitionId",
                table: "bpm_start_timers",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_start_timers_DefinitionKey",
                table: "bpm_start_timers",
                column: "DefinitionKey");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_start_timers_DueAt",
                table: "bpm_start_timers",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_coordination_opinions_ProcessKey_SubjectId",
                table: "coordination_opinions",
                columns: new[] { "ProcessKey", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_dispatches_BatchId",
                table: "doc_dispatches",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_dispatches_DocumentId_RecipientCode",
                table: "doc_dispatches",
                columns: new[] { "DocumentId", "RecipientCode" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_CorrectsId",
                table: "doc_incoming",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_CorrectsIdentifier",
                table: "doc_incoming",
                column: "CorrectsIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_NotationKey",
                table: "doc_incoming",
                column: "NotationKey");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_ProcessKey",
                table: "doc_incoming",
                column: "ProcessKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_ReceivedAt",
                table: "doc_incoming",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_ReceivedDocumentId",
                table: "doc_incoming",
                column: "ReceivedDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_RegisterBookId_IncomingNumber",
                table: "doc_incoming",
                columns: new[] { "RegisterBookId", "IncomingNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_SenderKey",
                table: "doc_incoming",
                column: "SenderKey");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_assignments_Assignee_DocumentId",
                table: "doc_incoming_assignments",
                columns: new[] { "Assignee", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_assignments_DocumentId",
                table: "doc_incoming_assignments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_assignments_UnitCode_DocumentId",
                table: "doc_incoming_assignments",
                columns: new[] { "UnitCode", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_history_DocumentId",
                table: "doc_incoming_history",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_intake_failures_ResolvedAt",
                table: "doc_intake_failures",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing",
                column: "NationalId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_RegisterBookId_RegisterYear_Number",
                table: "doc_outgoing",
                columns: new[] { "RegisterBookId", "RegisterYear", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_history_DocumentId",
                table: "doc_outgoing_history",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_recipients_DocumentId_Kind_Code",
                table: "doc_outgoing_recipients",
                columns: new[] { "DocumentId", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_versions_DocumentId_Kind_Version",
                table: "doc_outgoing_versions",
                columns: new[] { "DocumentId", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_received_SenderCode_DocumentId",
                table: "doc_received",
                columns: new[] { "SenderCode", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_register_books_Code",
                table: "doc_register_books",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_units_Code",
                table: "org_units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prov_task_documents_ReceivedDocumentId",
                table: "prov_task_documents",
                column: "ReceivedDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_Deadline",
                table: "prov_tasks",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_DocumentId_Line",
                table: "prov_tasks",
                columns: new[] { "DocumentId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_ExtensionLetterId",
                table: "prov_tasks",
                column: "ExtensionLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_ReplyDocumentId",
                table: "prov_tasks",
                column: "ReplyDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_ReplyOutgoingId",
                table: "prov_tasks",
                column: "ReplyOutgoingId");

            migrationBuilder.CreateIndex(
                name: "IX_sig_authorities_SubjectIdentifier",
                table: "sig_authorities",
                column: "SubjectIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_sig_authorities_Thumbprint",
                table: "sig_authorities",
                column: "Thumbprint");

            // Quartz's job store lives in the same database (clustered timers); see QuartzSchema.
            migrationBuilder.CreateQuartzSchema(DatabaseProvider.PostgreSql, DocBpmDbContext.QuartzTablePrefix);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropQuartzSchema(DatabaseProvider.PostgreSql, DocBpmDbContext.QuartzTablePrefix);

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "bpm_bookmarks");

            migrationBuilder.DropTable(
                name: "bpm_incidents");

            migrationBuilder.DropTable(
                name: "bpm_journal");

            migrationBuilder.DropTable(
                name: "bpm_outbox");

            migrationBuilder.DropTable(
                name: "bpm_processed_messages");

            migrationBuilder.DropTable(
                name: "bpm_start_timers");

            migrationBuilder.DropTable(
                name: "coordination_opinions");

            migrationBuilder.DropTable(
                name: "doc_agencies");

            migrationBuilder.DropTable(
                name: "doc_calendar_days");

            migrationBuilder.DropTable(
                name: "doc_dispatches");

            migrationBuilder.DropTable(
                name: "doc_document_types");

            migrationBuilder.DropTable(
                name: "doc_files");

            migrationBuilder.DropTable(
                name: "doc_incoming_assignments");

            migrationBuilder.DropTable(
                name: "doc_incoming_history");

            migrationBuilder.DropTable(
                name: "doc_intake_failures");

            migrationBuilder.DropTable(
                name: "doc_outgoing_history");

            migrationBuilder.DropTable(
                name: "doc_outgoing_recipients");

            migrationBuilder.DropTable(
                name: "doc_outgoing_versions");

            migrationBuilder.DropTable(
                name: "doc_received");

            migrationBuilder.DropTable(
                name: "doc_register_counters");

            migrationBuilder.DropTable(
                name: "prov_tasks");

            migrationBuilder.DropTable(
                name: "sig_authorities");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "bpm_instances");

            migrationBuilder.DropTable(
                name: "doc_incoming");

            migrationBuilder.DropTable(
                name: "doc_outgoing");

            migrationBuilder.DropTable(
                name: "doc_register_books");

            migrationBuilder.DropTable(
                name: "prov_task_documents");

            migrationBuilder.DropTable(
                name: "org_units");

            migrationBuilder.DropTable(
                name: "bpm_definitions");
        }
    }
}
