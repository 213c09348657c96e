using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_register_books",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsConfidential = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_register_books", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_register_counters",
                columns: table => new
                {
                    BookId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_register_counters", x => new { x.BookId, x.Year });
                    table.ForeignKey(
                        name: "FK_doc_register_counters_doc_register_books_BookId",
                        column: x => x.BookId,
                        principalTable: "doc_register_books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "doc_register_books",
                columns: new[] { "Id", "Code", "Direction", "IsActive", "IsConfidential", "Name" },
                values: new object[,]
                {
                    { new Guid("0193a5c0-0000-7000-8000-000000000001"), "DEN", "Incoming", true, false, "Sổ văn bản đến" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000002"), "DI", "Outgoing", true, false, "Sổ văn bản đi" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000003"), "DEN-MAT", "Incoming", true, true, "Sổ văn bản đến mật" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000004"), "DI-MAT", "Outgoing", true, true, "Sổ văn bản đi mật" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_register_books_Code",
                table: "doc_register_books",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_register_counters");

            migrationBuilder.DropTable(
                name: "doc_register_books");
        }
    }
}
