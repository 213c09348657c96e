using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Issue 19: the outgoing list in its order (newest first; by drafter and drafting unit), and the outgoing tasks by
    /// business key, through which the list asks each document about the tasks of a reader who has too many to list
    /// first. That index holds outgoing tasks only (raw SQL, as <c>OutgoingTaskIndexes</c>: its filter names the
    /// outgoing process, which the engine's model does not know), so no other process's step enters it.
    /// </summary>
    public partial class OutgoingListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_CreatedAt_Id",
                table: "doc_outgoing",
                columns: new[] { "CreatedAt", "Id" },
                descending: new[] { true, false });

            migrationBuilder.Sql("""
                CREATE INDEX [IX_bpm_bookmarks_OutgoingTasks_BusinessKey] ON [bpm_bookmarks] ([BusinessKey]) WHERE [DefinitionKey] = N'outgoing' AND [Kind] = N'UserTask';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_Drafter_CreatedAt",
                table: "doc_outgoing",
                columns: new[] { "Drafter", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_DraftingUnit_CreatedAt",
                table: "doc_outgoing",
                columns: new[] { "DraftingUnit", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX [IX_bpm_bookmarks_OutgoingTasks_BusinessKey] ON [bpm_bookmarks];""");

            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_CreatedAt_Id",
                table: "doc_outgoing");

            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_Drafter_CreatedAt",
                table: "doc_outgoing");

            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_DraftingUnit_CreatedAt",
                table: "doc_outgoing");
        }
    }
}
