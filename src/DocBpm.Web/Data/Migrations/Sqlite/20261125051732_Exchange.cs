using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_dispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecipientCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastStatusNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastStatusAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PackageFileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_dispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_received",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CodeNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CodeNotation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PromulgationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FileIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LastStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_received", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_dispatches_BatchId",
                table: "doc_dispatches",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_dispatches_DocumentId_RecipientCode",
                table: "doc_dispatches",
                columns: new[] { "DocumentId", "RecipientCode" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_received_SenderCode_DocumentId",
                table: "doc_received",
                columns: new[] { "SenderCode", "DocumentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_dispatches");

            migrationBuilder.DropTable(
                name: "doc_files");

            migrationBuilder.DropTable(
                name: "doc_received");
        }
    }
}
