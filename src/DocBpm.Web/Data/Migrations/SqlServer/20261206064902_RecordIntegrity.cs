using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DocBpm.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RecordIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing");

            // State secrets stay out of the system (Articles 5.2, 11.1): the confidential books go. A book that numbered a document
            // stays, deactivated, so that the register keeps its history.
            migrationBuilder.Sql("""
                DELETE FROM "doc_register_counters" WHERE "BookId" IN ('0193a5c0-0000-7000-8000-000000000003', '0193a5c0-0000-7000-8000-000000000004')
                    AND NOT EXISTS (SELECT 1 FROM "doc_incoming" d WHERE d."RegisterBookId" = "doc_register_counters"."BookId")
                    AND NOT EXISTS (SELECT 1 FROM "doc_outgoing" d WHERE d."RegisterBookId" = "doc_register_counters"."BookId");
                DELETE FROM "doc_register_books" WHERE "Id" IN ('0193a5c0-0000-7000-8000-000000000003', '0193a5c0-0000-7000-8000-000000000004')
                    AND NOT EXISTS (SELECT 1 FROM "doc_register_counters" c WHERE c."BookId" = "doc_register_books"."Id")
                    AND NOT EXISTS (SELECT 1 FROM "doc_incoming" d WHERE d."RegisterBookId" = "doc_register_books"."Id")
                    AND NOT EXISTS (SELECT 1 FROM "doc_outgoing" d WHERE d."RegisterBookId" = "doc_register_books"."Id");
                UPDATE "doc_register_books" SET "IsActive" = 0 WHERE "Id" IN ('0193a5c0-0000-7000-8000-000000000003', '0193a5c0-0000-7000-8000-000000000004');
                """);

            migrationBuilder.DropColumn(
                name: "IsConfidential",
                table: "doc_register_books");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing",
                column: "NationalId",
                unique: true,
                filter: "[NationalId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_RegisterBookId_RegisterYear_NumberAndNotation",
                table: "doc_outgoing",
                columns: new[] { "RegisterBookId", "RegisterYear", "NumberAndNotation" },
                unique: true,
                filter: "[RegisterBookId] IS NOT NULL AND [RegisterYear] IS NOT NULL AND [NumberAndNotation] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing");

            migrationBuilder.DropIndex(
                name: "IX_doc_outgoing_RegisterBookId_RegisterYear_NumberAndNotation",
                table: "doc_outgoing");

            migrationBuilder.AddColumn<bool>(
                name: "IsConfidential",
                table: "doc_register_books",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.UpdateData(
                table: "doc_register_books",
                keyColumn: "Id",
                keyValue: new Guid("0193a5c0-0000-7000-8000-000000000001"),
                column: "IsConfidential",
                value: false);

            migrationBuilder.UpdateData(
                table: "doc_register_books",
                keyColumn: "Id",
                keyValue: new Guid("0193a5c0-0000-7000-8000-000000000002"),
                column: "IsConfidential",
                value: false);

            migrationBuilder.InsertData(
                table: "doc_register_books",
                columns: new[] { "Id", "Code", "Direction", "IsActive", "IsConfidential", "Name" },
                values: new object[,]
                {
                    { new Guid("0193a5c0-0000-7000-8000-000000000003"), "DEN-MAT", "Incoming", true, true, "Sổ văn bản đến mật" },
                    { new Guid("0193a5c0-0000-7000-8000-000000000004"), "DI-MAT", "Outgoing", true, true, "Sổ văn bản đi mật" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing",
                column: "NationalId");
        }
    }
}
