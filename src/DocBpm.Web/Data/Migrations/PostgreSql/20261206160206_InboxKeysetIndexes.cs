using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InboxKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bpm_bookmark_candidates",
                columns: table => new
                {
                    BookmarkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_bookmark_candidates", x => new { x.BookmarkId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_bpm_bookmark_candidates_bpm_bookmarks_BookmarkId",
                        column: x => x.BookmarkId,
                        principalTable: "bpm_bookmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bpm_bookmark_candidates_Kind_Value_BookmarkId",
                table: "bpm_bookmark_candidates",
                columns: new[] { "Kind", "Value", "BookmarkId" });

            // The candidates of the tasks stored before this migration, split out of their ",a,b," columns.
            migrationBuilder.Sql("""
                INSERT INTO bpm_bookmark_candidates ("BookmarkId", "Kind", "Value")
                SELECT b."Id", c.kind, lower(c.value)
                FROM bpm_bookmarks b
                CROSS JOIN LATERAL (
                    SELECT 'User' AS kind, u AS value FROM unnest(string_to_array(b."CandidateUsers", ',')) u
                    UNION ALL
                    SELECT 'Group', g FROM unnest(string_to_array(b."CandidateGroups", ',')) g) c
                WHERE b."Kind" = 'UserTask' AND c.value <> ''
                ON CONFLICT DO NOTHING;
                """);

            // Contains-searches ("%ke hoach%") on the folded keys of incoming documents use trigrams, not a scan of every row.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_incoming_SubjectKey_trgm" ON doc_incoming USING gin ("SubjectKey" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_incoming_SenderKey_trgm" ON doc_incoming USING gin ("SenderKey" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_doc_incoming_NotationKey_trgm" ON doc_incoming USING gin ("NotationKey" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_doc_incoming_SubjectKey_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_doc_incoming_SenderKey_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_doc_incoming_NotationKey_trgm";""");
            migrationBuilder.DropTable(
                name: "bpm_bookmark_candidates");
        }
    }
}
