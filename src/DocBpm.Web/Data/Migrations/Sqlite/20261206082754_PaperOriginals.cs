using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaperOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PaperAlsoSent",
                table: "doc_outgoing",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PaperDeliveredAt",
                table: "doc_incoming",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaperDeliveredBy",
                table: "doc_incoming",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaperOriginalFollows",
                table: "doc_incoming",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaperAlsoSent",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "PaperDeliveredAt",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "PaperDeliveredBy",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "PaperOriginalFollows",
                table: "doc_incoming");
        }
    }
}
