using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EngineInPlaceSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bpm_journal_InstanceId_Id",
                table: "bpm_journal");

            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_CallerBookmarkId",
                table: "bpm_instances");

            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_DefinitionKey_Status",
                table: "bpm_instances");

            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_DefinitionKey",
                table: "bpm_instances",
                column: "DefinitionKey");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances",
                column: "ParentInstanceId",
                filter: "\"ParentInstanceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_DefinitionKey",
                table: "bpm_instances");

            migrationBuilder.DropIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_journal_InstanceId_Id",
                table: "bpm_journal",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_CallerBookmarkId",
                table: "bpm_instances",
                column: "CallerBookmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_DefinitionKey_Status",
                table: "bpm_instances",
                columns: new[] { "DefinitionKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_instances_ParentInstanceId",
                table: "bpm_instances",
                column: "ParentInstanceId");
        }
    }
}
