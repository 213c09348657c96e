using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;
using UglyToad.PdfPig;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// NĐ30 Articles 28–30, Phụ lục V: the annual file plan prints as the decree's form (PDF, XLSX), and a file exports as one
/// PDF, its cover and document list first.
/// </summary>
[TestClass]
public sealed class RecordPrintTests
{
    [TestMethod]
    public async Task Decree30_AppendixV_the_approved_plan_prints_its_headings_file_notations_titles_and_retention_as_pdf_and_xlsx()
    {
        await using var host = await RecordsHost.StartAsync();
        var office = await host.LoginAsync("chanhvanphong");
        var plan = await IdAsync(await office.PostAsJsonAsync("/api/records/plans", new { year = 2026, serialPerHeading = true }));
        var staff = await IdAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Tổ chức cán bộ", abbreviation = "TCCB" }));
        var finance = await IdAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Kế hoạch tài chính", abbreviation = "KHTC" }));
        await IdAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"),
            new { headingId = staff, title = "Hồ sơ tuyển dụng viên chức", retentionYears = (int?)null, keeper = "chuyenvien" }));
        await IdAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"), new { headingId = finance, title = "Hồ sơ dự toán ngân sách", retentionYears = 20 }));
        var draft = await PdfTextAsync(office, plan);
        StringAssert.Contains(draft, "chưa được Giám đốc phê duyệt", "a draft says it is one");
        await office.ApprovePlanAsync(await host.LoginAsync("giamdoc"), plan, "05/QĐ-SGDĐT");

        var pdf = await PdfTextAsync(office, plan);
        foreach (var expected in new[]
        {
            "DANH MỤC HỒ SƠ CỦA", "Năm 2026", "Kèm theo Quyết định số 05/QĐ-SGDĐT", "Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ",
            "Thời hạn bảo quản", "I. TỔ CHỨC CÁN BỘ", "II. KẾ HOẠCH TÀI CHÍNH", "01.TCCB", "01.KHTC", "Hồ sơ tuyển dụng viên chức", "Vĩnh viễn",
            "20 năm", "Mã Văn Viên", "có 2 hồ sơ, bao gồm: 1 hồ sơ có thời hạn bảo quản vĩnh viễn; 1 hồ sơ có thời hạn",
        })
            StringAssert.Contains(pdf, expected);

        using var workbook = new XLWorkbook(new MemoryStream(await office.GetByteArrayAsync($"/api/records/plans/{plan}/print?format=Xlsx")));
        var sheet = workbook.Worksheet(1);
        Assert.AreEqual("Danh mục hồ sơ", sheet.Name);
        var rows = sheet.RowsUsed().Select(r => string.Join(" | ", r.CellsUsed().Select(c => c.GetString()))).ToList();
        CollectionAssert.Contains(rows, "I. TỔ CHỨC CÁN BỘ", "a heading is a row of its own");
        CollectionAssert.Contains(rows, "01.TCCB | Hồ sơ tuyển dụng viên chức | Vĩnh viễn | Mã Văn Viên (Chuyên viên)");
        CollectionAssert.Contains(rows, "01.KHTC | Hồ sơ dự toán ngân sách | 20 năm");
        Assert.IsTrue(rows.IndexOf("I. TỔ CHỨC CÁN BỘ") < rows.IndexOf("II. KẾ HOẠCH TÀI CHÍNH"), "headings in their order");
    }

    [TestMethod]
    public async Task Decree30_Article30_a_file_exports_as_one_pdf_with_its_cover_and_document_list_then_the_documents_in_order()
    {
        await using var host = await RecordsHost.StartAsync();
        var clerk = await host.LoginAsync("vanthu");
        var letter = await IncomingAsync(host, clerk, "Về việc tuyển dụng viên chức", "cong-van.pdf", OutgoingClient.Pdf("Nội dung công văn tuyển dụng"));
        var broken = await IncomingAsync(host, clerk, "Về việc khác", "hong.pdf", IncomingClient.Pdf);
        var file = await IdAsync(await clerk.PostAsJsonAsync("/api/records/files", new { title = "Hồ sơ tuyển dụng", notation = "07.VP", retentionYears = 10 }));
        foreach (var id in new[] { letter, broken })
            (await clerk.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Incoming", documentId = id })).EnsureSuccessStatusCode();

        using var pdf = PdfDocument.Open(await clerk.GetByteArrayAsync($"/api/records/files/{file}/pdf"));
        Assert.AreEqual(2, pdf.NumberOfPages, "the cover with the list, then the one readable document's page");
        var cover = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        foreach (var expected in new[] { "HỒ SƠ", "000.00.12.H37.2026.07.VP: Hồ sơ tuyển dụng", "10 năm", "Về việc tuyển dụng viên chức", "Về việc khác",
            "Không có bản PDF để ghép", "chữ ký số của các văn bản không được giữ nguyên" })
            StringAssert.Contains(cover, expected);
        Assert.IsTrue(cover.IndexOf("Về việc tuyển dụng viên chức", StringComparison.Ordinal) < cover.IndexOf("Về việc khác", StringComparison.Ordinal),
            "listed in the file's order");
        StringAssert.Contains(string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text)), "Nội dung công văn tuyển dụng");
        var stranger = await (await host.LoginAsync("chuyenvien.khtc")).GetAsync($"/api/records/files/{file}/pdf");
        Assert.IsTrue(stranger.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"only who may see the file: {stranger.StatusCode}");
    }

    private static async Task<Guid> IncomingAsync(DocBpmWebFactory host, HttpClient clerk, string subject, string fileName, byte[] content)
    {
        var form = IncomingClient.PaperForm(subject, withFile: false);
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new("application/pdf") } }, "files", fileName);
        var response = await clerk.PostAsync("/api/incoming", form);
        var id = await IdAsync(response);
        await host.RunDueWorkAsync();
        await clerk.RegisterAsync(id, subject);
        return id;
    }

    private static async Task<string> PdfTextAsync(HttpClient client, Guid plan)
    {
        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync($"/api/records/plans/{plan}/print"));
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return (Guid)JsonNode.Parse(body)!["id"]!;
    }
}
