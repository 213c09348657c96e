using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 19: open work is listed from an index in the inbox's order instead of being read and sorted whole for every
    /// page. The order's due date is stored (<c>TaskDueOrder</c>: the deadline, or a far-future instant for none) so that the
    /// order is plain columns, and two partial indexes of open user tasks hold it: per assignee for the work assigned to
    /// someone, and for the work offered and not taken (an <c>IS NULL</c> condition on the assignee would not let PostgreSQL
    /// read an index led by it in order). Existing open tasks take their deadline; closed ones keep the far-future
    /// default: no list sorts them this way, and rewriting years of closed rows would make a large database's upgrade
    /// take minutes.
    /// </summary>
    public partial class InboxStoredOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 9999-12-31T00:00:00Z (BookmarkRecord.NoDeadline) as the SQLite binary ticks the engine stores instants in.
            migrationBuilder.AddColumn<long>(
                name: "TaskDueOrder",
                table: "bpm_bookmarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6462214373376000000L);
            migrationBuilder.Sql("""
                UPDATE bpm_bookmarks SET "TaskDueOrder" = "TaskDueDate" WHERE "TaskDueDate" IS NOT NULL AND "Kind" = 'UserTask' AND "Status" = 'Active';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmarks_AssignedTasks_InboxOrder" ON bpm_bookmarks ("Assignee", "Priority" DESC, "TaskDueOrder", "CreatedAt", "Id") WHERE "Kind" = 'UserTask' AND "Status" = 'Active';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_bpm_bookmarks_OfferedTasks_InboxOrder" ON bpm_bookmarks ("Priority" DESC, "TaskDueOrder", "CreatedAt", "Id") WHERE "Kind" = 'UserTask' AND "Status" = 'Active' AND "Assignee" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmarks_AssignedTasks_InboxOrder";""");
            migrationBuilder.Sql("""DROP INDEX "IX_bpm_bookmarks_OfferedTasks_InboxOrder";""");
            migrationBuilder.DropColumn(
                name: "TaskDueOrder",
                table: "bpm_bookmarks");
        }
    }
}
