using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DocBpm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Outgoing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "doc_document_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InNotation = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_document_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TypeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DraftingUnit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Drafter = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ArchiveHolder = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InReplyToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CorrectedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerPosition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignerCompetence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisterBookId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisterYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Notation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignedFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NumberAndNotation = table.Column<string>(type: "TEXT", maxLength: 110, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_history_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_recipients_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doc_outgoing_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doc_outgoing_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_doc_outgoing_versions_doc_outgoing_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "doc_outgoing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "doc_document_types",
                columns: new[] { "Code", "InNotation", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "BB", true, "Biên bản", 16 },
                    { "BC", true, "Báo cáo", 15 },
                    { "CĐ", true, "Công điện", 19 },
                    { "CT", true, "Chỉ thị", 4 },
                    { "CTr", true, "Chương trình", 10 },
                    { "CV", false, "Công văn", 1 },
                    { "DA", true, "Dự án", 14 },
                    { "ĐA", true, "Đề án", 13 },
                    { "GGT", true, "Giấy giới thiệu", 24 },
                    { "GM", true, "Giấy mời", 23 },
                    { "GN", true, "Bản ghi nhớ", 20 },
                    { "GNP", true, "Giấy nghỉ phép", 25 },
                    { "GUQ", true, "Giấy ủy quyền", 22 },
                    { "HD", true, "Hướng dẫn", 9 },
                    { "HĐ", true, "Hợp đồng", 18 },
                    { "KH", true, "Kế hoạch", 11 },
                    { "NQ", true, "Nghị quyết", 2 },
                    { "PA", true, "Phương án", 12 },
                    { "PB", true, "Phiếu báo", 28 },
                    { "PC", true, "Phiếu chuyển", 27 },
                    { "PG", true, "Phiếu gửi", 26 },
                    { "QC", true, "Quy chế", 5 },
                    { "QĐ", true, "Quyết định", 3 },
                    { "QyĐ", true, "Quy định", 6 },
                    { "TB", true, "Thông báo", 8 },
                    { "TC", true, "Thông cáo", 7 },
                    { "TTh", true, "Bản thỏa thuận", 21 },
                    { "TTr", true, "Tờ trình", 17 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_NationalId",
                table: "doc_outgoing",
                column: "NationalId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_RegisterBookId_RegisterYear_Number",
                table: "doc_outgoing",
                columns: new[] { "RegisterBookId", "RegisterYear", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_history_DocumentId",
                table: "doc_outgoing_history",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_recipients_DocumentId_Kind_Code",
                table: "doc_outgoing_recipients",
                columns: new[] { "DocumentId", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_doc_outgoing_versions_DocumentId_Kind_Version",
                table: "doc_outgoing_versions",
                columns: new[] { "DocumentId", "Kind", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_agencies");

            migrationBuilder.DropTable(
                name: "doc_document_types");

            migrationBuilder.DropTable(
                name: "doc_outgoing_history");

            migrationBuilder.DropTable(
                name: "doc_outgoing_recipients");

            migrationBuilder.DropTable(
                name: "doc_outgoing_versions");

            migrationBuilder.DropTable(
                name: "doc_outgoing");
        }
    }
}
