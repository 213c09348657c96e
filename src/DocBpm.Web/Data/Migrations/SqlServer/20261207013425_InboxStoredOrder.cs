using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
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
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TaskDueOrder",
                table: "bpm_bookmarks",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));
            migrationBuilder.Sql("""
                UPDATE [bpm_bookmarks] SET [TaskDueOrder] = [TaskDueDate] WHERE [TaskDueDate] IS NOT NULL AND [Kind] = N'UserTask' AND [Status] = N'Active';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX [IX_bpm_bookmarks_AssignedTasks_InboxOrder] ON [bpm_bookmarks] ([Assignee], [Priority] DESC, [TaskDueOrder], [CreatedAt], [Id]) WHERE [Kind] = N'UserTask' AND [Status] = N'Active';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX [IX_bpm_bookmarks_OfferedTasks_InboxOrder] ON [bpm_bookmarks] ([Priority] DESC, [TaskDueOrder], [CreatedAt], [Id]) WHERE [Kind] = N'UserTask' AND [Status] = N'Active' AND [Assignee] IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX [IX_bpm_bookmarks_AssignedTasks_InboxOrder] ON [bpm_bookmarks];""");
            migrationBuilder.Sql("""DROP INDEX [IX_bpm_bookmarks_OfferedTasks_InboxOrder] ON [bpm_bookmarks];""");
            migrationBuilder.DropColumn(
                name: "TaskDueOrder",
                table: "bpm_bookmarks");
        }
    }
}
