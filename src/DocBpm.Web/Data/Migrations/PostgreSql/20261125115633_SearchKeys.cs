using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No backfill here on purpose: SQL cannot fold Vietnamese diacritics (ế → e, đ → d) alike on every provider. Rows
            // stored before this migration keep an empty notation key, and IncomingSearchKeys.FillMissingAsync keys them in
            // C# at start-up, right after the migrations run (DatabaseMigrator).
            migrationBuilder.AddColumn<string>(
                name: "NotationKey",
                table: "doc_incoming",
                type: "character varying(160)",
                maxLength: 160,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "doc_incoming",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "doc_incoming",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_NotationKey",
                table: "doc_incoming",
                column: "NotationKey");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_SenderKey",
                table: "doc_incoming",
                column: "SenderKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_doc_incoming_NotationKey",
                table: "doc_incoming");

            migrationBuilder.DropIndex(
                name: "IX_doc_incoming_SenderKey",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "NotationKey",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "SenderKey",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "SubjectKey",
                table: "doc_incoming");
        }
    }
}
