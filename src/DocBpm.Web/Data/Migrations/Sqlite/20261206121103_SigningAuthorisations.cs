using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SigningAuthorisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestedCapacity",
                table: "doc_outgoing",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerAuthorisation",
                table: "doc_outgoing",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SigningAuthorisationId",
                table: "doc_outgoing",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "doc_signing_authorisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DocumentTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_signing_authorisations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_signing_authorisations_UserName",
                table: "doc_signing_authorisations",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_signing_authorisations");

            migrationBuilder.DropColumn(
                name: "RequestedCapacity",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "SignerAuthorisation",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "SigningAuthorisationId",
                table: "doc_outgoing");
        }
    }
}
