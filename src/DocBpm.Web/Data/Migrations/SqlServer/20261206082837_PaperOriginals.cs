using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PaperDeliveredAt",
                table: "doc_incoming",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaperDeliveredBy",
                table: "doc_incoming",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaperOriginalFollows",
                table: "doc_incoming",
                type: "bit",
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
