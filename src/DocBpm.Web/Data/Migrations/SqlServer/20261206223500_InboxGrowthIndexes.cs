using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The completed tray ("Đã xử lý") reads one person's closed tasks newest first from an index of completed user tasks
    /// by closer, and counts them from the same index, where it read every task ever closed (issue 19). Raw SQL
    /// for each provider (a partial, descending index), so the model and its snapshot do not change.
    /// </summary>
    [DbContext(typeof(SqlServerDocBpmDbContext))]
    [Migration("20261206223500_InboxGrowthIndexes")]
    public partial class InboxGrowthIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX [IX_bpm_bookmarks_DoneTasks_InboxOrder] ON [bpm_bookmarks] ([ClosedBy], [ClosedAt] DESC, [Id] DESC) WHERE [Kind] = N'UserTask' AND [Status] = N'Completed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX [IX_bpm_bookmarks_DoneTasks_InboxOrder] ON [bpm_bookmarks];""");
        }
    }
}
