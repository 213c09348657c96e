using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvincialTaskRecordingForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposedHandler",
                table: "prov_tasks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedUnit",
                table: "prov_tasks",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DocumentDate",
                table: "prov_task_documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuingBody",
                table: "prov_task_documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProposedHandler",
                table: "prov_tasks");

            migrationBuilder.DropColumn(
                name: "ProposedUnit",
                table: "prov_tasks");

            migrationBuilder.DropColumn(
                name: "DocumentDate",
                table: "prov_task_documents");

            migrationBuilder.DropColumn(
                name: "IssuingBody",
                table: "prov_task_documents");
        }
    }
}
