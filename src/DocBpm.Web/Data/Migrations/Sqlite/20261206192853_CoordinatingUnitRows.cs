using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoordinatingUnitRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prov_task_coordinators",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prov_task_coordinators", x => new { x.TaskId, x.UnitCode });
                    table.ForeignKey(
                        name: "FK_prov_task_coordinators_prov_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "prov_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_Handler",
                table: "prov_tasks",
                column: "Handler");

            migrationBuilder.CreateIndex(
                name: "IX_prov_tasks_MainUnit",
                table: "prov_tasks",
                column: "MainUnit");

            migrationBuilder.CreateIndex(
                name: "IX_prov_task_coordinators_UnitCode_TaskId",
                table: "prov_task_coordinators",
                columns: new[] { "UnitCode", "TaskId" });

            // The units of the tasks already stored, a row each, so that their coordinating units keep reading them.
            migrationBuilder.Sql("""
                WITH RECURSIVE split(id, rest, value) AS (
                    SELECT "Id", "CoordinatingUnits" || ',', NULL FROM prov_tasks WHERE "CoordinatingUnits" IS NOT NULL
                    UNION ALL
                    SELECT id, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) FROM split WHERE instr(rest, ',') > 0)
                INSERT OR IGNORE INTO prov_task_coordinators ("TaskId", "UnitCode")
                SELECT id, value FROM split WHERE value <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prov_task_coordinators");

            migrationBuilder.DropIndex(
                name: "IX_prov_tasks_Handler",
                table: "prov_tasks");

            migrationBuilder.DropIndex(
                name: "IX_prov_tasks_MainUnit",
                table: "prov_tasks");
        }
    }
}
