using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
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
                    BookmarkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                WITH RECURSIVE split(id, kind, rest, value) AS (
                    SELECT "Id", 'User', substr("CandidateUsers", 2), NULL FROM bpm_bookmarks WHERE "Kind" = 'UserTask' AND "CandidateUsers" IS NOT NULL
                    UNION ALL
                    SELECT "Id", 'Group', substr("CandidateGroups", 2), NULL FROM bpm_bookmarks WHERE "Kind" = 'UserTask' AND "CandidateGroups" IS NOT NULL
                    UNION ALL
                    SELECT id, kind, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) FROM split WHERE instr(rest, ',') > 0)
                INSERT OR IGNORE INTO bpm_bookmark_candidates ("BookmarkId", "Kind", "Value")
                SELECT id, kind, lower(value) FROM split WHERE value <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bpm_bookmark_candidates");
        }
    }
}
