using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Issue 19: the outgoing list of a reader who does not follow every outgoing document finds the documents whose tasks
    /// are or were theirs (<c>OutgoingVisibility.TaskKeys</c>) from indexes that hold the outgoing process's user tasks only,
    /// where it read every bookmark of every process. A candidate row now carries its task's definition key, filled here
    /// for the rows already stored, so that the candidate rows of outgoing tasks have an index of their own and a reader's
    /// groups are not looked up among every incoming task offered to them. The indexes are raw SQL for each provider, as
    /// their filter names a process of the documents (<c>OutgoingProcess.Key</c>), which the engine's model, shared by
    /// every host of the engine, does not know; the model and its snapshot change only by the column. Incoming and
    /// provincial steps write no entry in them.
    /// </summary>
    public partial class OutgoingTaskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefinitionKey",
                table: "bpm_bookmark_candidates",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
            migrationBuilder.Sql("""
                UPDATE bpm_bookmark_candidates AS c SET "DefinitionKey" = b."DefinitionKey" FROM bpm_bookmarks AS b WHERE b."Id" = c."BookmarkId" AND b."DefinitionKey" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmarks_OutgoingTasks_Assignee" ON bpm_bookmarks ("Assignee", "BusinessKey") WHERE "DefinitionKey" = 'outgoing' AND "Kind" = 'UserTask';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmarks_OutgoingTasks_ClosedBy" ON bpm_bookmarks ("ClosedBy", "BusinessKey") WHERE "DefinitionKey" = 'outgoing' AND "Kind" = 'UserTask';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmarks_OutgoingTasks_OfferedToNobody" ON bpm_bookmarks ("BusinessKey") WHERE "DefinitionKey" = 'outgoing' AND "Kind" = 'UserTask' AND "Assignee" IS NULL AND "CandidateUsers" IS NULL AND "CandidateGroups" IS NULL;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmark_candidates_OutgoingTasks" ON bpm_bookmark_candidates ("Kind", "Value", "BookmarkId") WHERE "DefinitionKey" = 'outgoing';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmarks_OutgoingTasks_Assignee";""");
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmarks_OutgoingTasks_ClosedBy";""");
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmarks_OutgoingTasks_OfferedToNobody";""");
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmark_candidates_OutgoingTasks";""");
            migrationBuilder.DropColumn(
                name: "DefinitionKey",
                table: "bpm_bookmark_candidates");
        }
    }
}
