using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Issue 19: the incoming search of a person who sees only what is assigned to them probes, for each document the
    /// search reads newest first, whether one of their personal assignments names it; with the kind in the index that
    /// probe is answered from the index alone, where it read every assignment row of the document to check its kind.
    /// Raw SQL for each provider, so the model and its snapshot do not change.
    /// </summary>
    [DbContext(typeof(SqlServerDocBpmDbContext))]
    [Migration("20261207020000_PersonAssignmentIndex")]
    public partial class PersonAssignmentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX [IX_doc_incoming_assignments_Assignee_Kind_DocumentId] ON [doc_incoming_assignments] ([Assignee], [Kind], [DocumentId]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX [IX_doc_incoming_assignments_Assignee_Kind_DocumentId] ON [doc_incoming_assignments];""");
        }
    }
}
