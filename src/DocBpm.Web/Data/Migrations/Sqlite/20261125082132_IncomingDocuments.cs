using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReceivedDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuingAgency = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuingAgencyCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CodeNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CodeNotation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Signer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Copies = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomingNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisterBookId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Instruction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    PaperCopyDelivered = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplyDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FileIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_incoming", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_incoming_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Instruction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Delegated = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
