using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
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
