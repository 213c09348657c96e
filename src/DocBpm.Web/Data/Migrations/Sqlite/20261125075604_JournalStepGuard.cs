using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalStepGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Ordinal",
                table: "bpm_journal",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "bpm_journal",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ux_bpm_journal_step",
                table: "bpm_journal",
                columns: new[] { "InstanceId", "Revision", "Ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_bpm_journal_step",
                table: "bpm_journal");

            migrationBuilder.DropColumn(
                name: "Ordinal",
                table: "bpm_journal");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "bpm_journal");
        }
    }
}
