using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocBpm.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RecordFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rec_file_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SerialPerHeading = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_file_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    HeadingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<int>(type: "integer", nullable: true),
                    Notation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RetentionYears = table.Column<int>(type: "integer", nullable: true),
                    Keeper = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_retention_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Item = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_retention_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_file_plan_headings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Abbreviation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_file_plan_headings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rec_file_plan_headings_rec_file_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "rec_file_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rec_filed_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_filed_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rec_filed_documents_rec_files_FileId",
                        column: x => x.FileId,
                        principalTable: "rec_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rec_file_plan_headings_PlanId_Abbreviation",
                table: "rec_file_plan_headings",
                columns: new[] { "PlanId", "Abbreviation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_file_plan_headings_PlanId_Ordinal",
                table: "rec_file_plan_headings",
                columns: new[] { "PlanId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_file_plans_Year",
                table: "rec_file_plans",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_filed_documents_FileId_Kind_DocumentId",
                table: "rec_filed_documents",
                columns: new[] { "FileId", "Kind", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_filed_documents_Kind_DocumentId",
                table: "rec_filed_documents",
                columns: new[] { "Kind", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_files_Keeper",
                table: "rec_files",
                column: "Keeper");

            migrationBuilder.CreateIndex(
                name: "IX_rec_files_Year_Notation",
                table: "rec_files",
                columns: new[] { "Year", "Notation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_retention_rules_Source_Group_Item",
                table: "rec_retention_rules",
                columns: new[] { "Source", "Group", "Item" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rec_file_plan_headings");

            migrationBuilder.DropTable(
                name: "rec_filed_documents");

            migrationBuilder.DropTable(
                name: "rec_retention_rules");

            migrationBuilder.DropTable(
                name: "rec_file_plans");

            migrationBuilder.DropTable(
                name: "rec_files");
        }
    }
}
