using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The outgoing search without case or diacritics: folded keys of the subject, the number and notation and the
    /// signer's name, written by the document's setters; rows stored before them are keyed at start-up
    /// (<c>OutgoingKeysBackfill</c>, after migrating: the fold is C#), and an empty subject key marks them, found through
    /// <c>IX_doc_outgoing_Unkeyed</c>.
    /// </summary>
    public partial class OutgoingSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotationKey",
                table: "doc_outgoing",
                type: "nvarchar(110)",
                maxLength: 110,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SignerKey",
                table: "doc_outgoing",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "doc_outgoing",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_Unkeyed",
                table: "doc_outgoing",
                column: "Id",
                filter: "\"SubjectKey\" = ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_Unkeyed",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "NotationKey",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "SignerKey",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "SubjectKey",
                table: "doc_outgoing");
        }
    }
}
