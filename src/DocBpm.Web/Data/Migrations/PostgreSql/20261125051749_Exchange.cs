using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
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
