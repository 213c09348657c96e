using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IncomingDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FileIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_incoming", x => x.Id);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_incoming_assignments");

            migrationBuilder.DropTable(
                name: "doc_incoming_history");

            migrationBuilder.DropTable(
                name: "doc_incoming");
        }
    }
}
