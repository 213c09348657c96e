using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutgoingDelegationAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SupervisorUserName",
                table: "org_units",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningLeader",
                table: "doc_outgoing",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionKind",
                table: "doc_incoming",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CorrectsId",
                table: "doc_incoming",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectsIdentifier",
                table: "doc_incoming",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_CorrectsId",
                table: "doc_incoming",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_incoming_CorrectsIdentifier",
                table: "doc_incoming",
                column: "CorrectsIdentifier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_doc_incoming_CorrectsId",
                table: "doc_incoming");

            migrationBuilder.DropIndex(
                name: "IX_doc_incoming_CorrectsIdentifier",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "SupervisorUserName",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "SigningLeader",
                table: "doc_outgoing");

            migrationBuilder.DropColumn(
                name: "CorrectionKind",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "CorrectsId",
                table: "doc_incoming");

            migrationBuilder.DropColumn(
                name: "CorrectsIdentifier",
                table: "doc_incoming");
        }
    }
}
