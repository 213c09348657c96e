using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The outgoing search without case or diacritics: folded keys of the subject, the number and notation and the
    /// signer's name, written by the document's setters; rows stored before them are keyed at start-up
    /// (<c>OutgoingKeysBackfill</c>, after migrating: the fold is C#), and an empty subject key marks them, found through
    /// <c>IX_doc_outgoing_Unkeyed</c>. Contains-searches ("%ke hoach%") on the keys use
    /// trigrams (pg_trgm, as the incoming keys since <c>InboxKeysetIndexes</c>), not a read of every document.
    /// </summary>
    public partial class OutgoingSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotationKey",
                table: "doc_outgoing",
                type: "character varying(110)",
                maxLength: 110,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SignerKey",
                table: "doc_outgoing",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "doc_outgoing",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_Unkeyed",
                table: "doc_outgoing",
                column: "Id",
                filter: "\"SubjectKey\" = ''");

            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_outgoing_SubjectKey_trgm" ON doc_outgoing USING gin ("SubjectKey" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_outgoing_NotationKey_trgm" ON doc_outgoing USING gin ("NotationKey" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_outgoing_SignerKey_trgm" ON doc_outgoing USING gin ("SignerKey" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_doc_outgoing_SubjectKey_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_doc_outgoing_NotationKey_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_doc_outgoing_SignerKey_trgm";""");

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
