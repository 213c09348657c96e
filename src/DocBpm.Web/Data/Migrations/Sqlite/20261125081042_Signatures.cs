using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sig_authorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Thumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubjectIdentifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidTo = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sig_authorities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sig_authorities_SubjectIdentifier",
                table: "sig_authorities",
                column: "SubjectIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_sig_authorities_Thumbprint",
                table: "sig_authorities",
                column: "Thumbprint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sig_authorities");
        }
    }
}
