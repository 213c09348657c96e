using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvincialTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prov_task_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prov_task_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prov_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MainUnit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CoordinatingUnits = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReplyOutgoingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReplyDocumentId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rejections = table.Column<int>(type: "INTEGER", nullable: false),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExtensionLetterId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RequestedDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prov_tasks");

            migrationBuilder.DropTable(
                name: "prov_task_documents");
        }
    }
}
