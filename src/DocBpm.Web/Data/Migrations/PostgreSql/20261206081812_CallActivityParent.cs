using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CallActivityParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CallerBookmarkId",
                table: "bpm_instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentInstanceId",
                table: "bpm_instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_CallerBookmarkId",
                table: "bpm_instances",
                column: "CallerBookmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances",
                column: "ParentInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_CallerBookmarkId",
                table: "bpm_instances");

            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances");

            migrationBuilder.DropColumn(
                name: "CallerBookmarkId",
                table: "bpm_instances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "bpm_instances");
        }
    }
}
