using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IntakeFailureCause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "doc_received",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cause",
                table: "doc_intake_failures",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "InnerError",
                table: "doc_intake_failures",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "doc_received");

            migrationBuilder.DropColumn(
                name: "Cause",
                table: "doc_intake_failures");

            migrationBuilder.DropColumn(
                name: "InnerError",
                table: "doc_intake_failures");
        }
    }
}
