using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenBookmarkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_InstanceId_Status",
                table: "bpm_bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_Kind_Status_Assignee",
                table: "bpm_bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_Kind_Status_DueAt",
                table: "bpm_bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_Kind_Status_MessageName_CorrelationKey",
                table: "bpm_bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_DueAt",
                table: "bpm_bookmarks",
                column: "DueAt",
                filter: "\"Status\" = 'Active' AND \"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_InstanceId",
                table: "bpm_bookmarks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmarks_Kind_MessageName_CorrelationKey",
                table: "bpm_bookmarks",
                columns: new[] { "Kind", "MessageName", "CorrelationKey" },
                filter: "\"Status\" = 'Active' AND \"MessageName\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_DueAt",
                table: "bpm_bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_InstanceId",
                table: "bpm_bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bpm_bookmarks_Kind_MessageName_CorrelationKey",
                table: "bpm_bookmarks");

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
        }
    }
}
