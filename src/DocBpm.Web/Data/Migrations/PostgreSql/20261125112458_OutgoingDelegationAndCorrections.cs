using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningLeader",
                table: "doc_outgoing",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionKind",
                table: "doc_incoming",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CorrectsId",
                table: "doc_incoming",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectsIdentifier",
                table: "doc_incoming",
                type: "character varying(300)",
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
