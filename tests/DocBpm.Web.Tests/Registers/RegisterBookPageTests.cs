using System.Net;
using System.Text.RegularExpressions;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Registers;

/// <summary>The register book page (issue 20): choose a book and a date range, preview its rows, print the PDF or download the XLSX.</summary>
[TestClass]
public sealed partial class RegisterBookPageTests
{
    [TestMethod]
    public async Task Decree30_Article15_the_clerk_previews_the_outgoing_register_of_a_date_range_and_prints_it_as_PDF_and_XLSX()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (people, _, _) = await OutgoingSearchTests.IssuedAndDraftAsync(host);
        var clerk = people.Clerk;

        var chosen = await OutgoingSearchTests.PageAsync(clerk, "/registers");
        StringAssert.Contains(chosen, "value=\"01/01/2026\"", "from 1 January of this year unless chosen");
        StringAssert.Contains(chosen, "value=\"25/11/2026\"", "to today, day first");

        var page = await OutgoingSearchTests.PageAsync(clerk, $"/registers?book={RegisterBookSeed.Outgoing}&from=01%2F11%2F2026&to=30%2F11%2F2026");
        StringAssert.Contains(page, "Quyết định khen thưởng giáo viên", "the issued document is a row");
        StringAssert.Contains(page, "Từ số 01 đến số 01");
        Assert.IsFalse(page.Contains("rà soát thiết bị", StringComparison.Ordinal), "a draft has no register row");

        var pdf = await clerk.GetAsync(Link(page, "print-pdf"));
        Assert.AreEqual(HttpStatusCode.OK, pdf.StatusCode);
        Assert.AreEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], "%PDF-");
        var xlsx = await clerk.GetAsync(Link(page, "download-xlsx"));
        Assert.AreEqual(HttpStatusCode.OK, xlsx.StatusCode);
        StringAssert.EndsWith(xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'), ".xlsx");

        var empty = await OutgoingSearchTests.PageAsync(clerk, $"/registers?book={RegisterBookSeed.Outgoing}&from=01%2F12%2F2026&to=31%2F12%2F2026");
        StringAssert.Contains(empty, "Không có văn bản trong khoảng thời gian này");
        Assert.IsFalse(empty.Contains("Quyết định khen thưởng giáo viên", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Decree30_Article15_a_register_page_request_it_cannot_serve_says_why_in_Vietnamese()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        (string Query, string Says)[] refusals =
        [
            ($"book={RegisterBookSeed.Outgoing}&from=01%2F12%2F2026&to=05%2F01%2F2027", "cùng một năm"),
            ($"book={RegisterBookSeed.Outgoing}&from=31%2F02%2F2026&to=05%2F03%2F2026", "ngày/tháng/năm"),
            ($"book={RegisterBookSeed.Outgoing}&from=05%2F03%2F2026&to=01%2F03%2F2026", "trước hoặc bằng"),
            ($"book={Guid.CreateVersion7()}&from=01%2F03%2F2026&to=05%2F03%2F2026", "không tồn tại"),
            ("book=abc&from=01%2F03%2F2026&to=05%2F03%2F2026", "không tồn tại"),
        ];
        foreach (var (query, says) in refusals)
        {
            var response = await clerk.GetAsync($"/registers?{query}");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, query);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            StringAssert.Contains(page, says, query);
            Assert.IsFalse(page.Contains("id=\"rows\"", StringComparison.Ordinal), query);
        }

        var staff = await OutgoingSearchTests.PageAsync(await host.LoginAsync("chuyenvien"), $"/registers?book={RegisterBookSeed.Outgoing}&from=01%2F11%2F2026&to=30%2F11%2F2026");
        StringAssert.Contains(staff, "Chỉ văn thư và quản trị hệ thống");
        Assert.IsFalse(staff.Contains("id=\"rows\"", StringComparison.Ordinal), "an officer does not read the register");
    }

    private static string Link(string page, string id) =>
        Regex.Match(page, $"id=\"{id}\" href=\"([^\"]+)\"").Groups[1].Value;
}
