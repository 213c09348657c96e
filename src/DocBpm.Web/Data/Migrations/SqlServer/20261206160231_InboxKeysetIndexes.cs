using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
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
                    BookmarkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                INSERT INTO bpm_bookmark_candidates (BookmarkId, Kind, Value)
                SELECT DISTINCT b.Id, c.Kind, LOWER(c.Value)
                FROM bpm_bookmarks b
                CROSS APPLY (
                    SELECT 'User' AS Kind, u.value AS Value FROM STRING_SPLIT(b.CandidateUsers, ',') u
                    UNION ALL
                    SELECT 'Group', g.value FROM STRING_SPLIT(b.CandidateGroups, ',') g) c
                WHERE b.Kind = 'UserTask' AND c.Value <> '';
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
