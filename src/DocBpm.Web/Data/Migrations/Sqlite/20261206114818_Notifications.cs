using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailRetryAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_notifications_EmailedAt_EmailRetryAt",
                table: "doc_notifications",
                columns: new[] { "EmailedAt", "EmailRetryAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_notifications_SourceId_Kind",
                table: "doc_notifications",
                columns: new[] { "SourceId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_notifications_UserName_Kind_SourceId",
                table: "doc_notifications",
                columns: new[] { "UserName", "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_notifications_UserName_ReadAt_CreatedAt",
                table: "doc_notifications",
                columns: new[] { "UserName", "ReadAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_notifications");
        }
    }
}
