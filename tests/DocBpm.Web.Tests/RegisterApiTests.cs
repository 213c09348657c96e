using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Files;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace DocBpm.Web.Tests;

/// <summary>Register books over HTTP: kept by the administrator, read and printed by the clerk (NĐ30 art. 15, 16, 22).</summary>
[TestClass]
public sealed class RegisterApiTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_clerk_reads_the_seeded_books_and_only_the_administrator_creates_and_deactivates_them(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await factory.LoginAsync("vanthu");
        var admin = await factory.LoginAsync("quantri");
        var staff = await factory.LoginAsync("chuyenvien");
        var request = new { code = "qd", name = "Sổ Quyết định", direction = "Outgoing" };

        var seeded = (await clerk.GetFromJsonAsync<JsonArray>("/api/registers"))!;
        var byClerk = await clerk.PostAsJsonAsync("/api/registers", request);
        var created = await admin.PostAsJsonAsync("/api/registers", request);
        var duplicate = await admin.PostAsJsonAsync("/api/registers", request);
        var book = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var renamed = await admin.PutAsJsonAsync($"/api/registers/{book["id"]}", new { name = "Sổ đăng ký Quyết định" });
        var deactivated = await admin.PostAsync($"/api/registers/{book["id"]}/deactivate", null);
        var active = (await clerk.GetFromJsonAsync<JsonArray>("/api/registers?direction=Outgoing"))!;

        CollectionAssert.AreEquivalent(new[] { "Sổ văn bản đến", "Sổ văn bản đi" },
            seeded.Select(b => (string?)b!["name"]).ToList());
        Assert.AreEqual(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/registers")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual("QD", (string?)book["code"]);
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        StringAssert.Contains((string?)(await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "Mã sổ 'QD' đã được dùng");
        Assert.AreEqual("Sổ đăng ký Quyết định", (string?)(await renamed.Content.ReadFromJsonAsync<JsonObject>())!["name"]);
        Assert.AreEqual(HttpStatusCode.OK, deactivated.StatusCode);
        CollectionAssert.AreEqual(new[] { "DI" }, active.Select(b => (string?)b!["code"]).ToList());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_clerk_prints_the_incoming_register_of_a_date_range_as_pdf_and_xlsx(DatabaseProvider provider)
    {
        // A stand-in supplies the rows (registered last, it wins over the incoming documents' own store once merged).
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        factory.TestServices.Add(s => s.AddSingleton<IIncomingRegisterEntries, StandInIncomingRegister>());
        var clerk = await factory.LoginAsync("vanthu");
        var url = $"/api/registers/{RegisterBookSeed.Incoming}/export?from=01/11/2026&to=30/11/2026";

        var pdfResponse = await clerk.GetAsync(url);
        var xlsxResponse = await clerk.GetAsync(url + "&format=xlsx");

        Assert.AreEqual("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
        StringAssert.Contains(text, "SỔĐĂNGKÝVĂNBẢNĐẾN");
        StringAssert.Contains(text, "Từngày01/11/2026đếnngày30/11/2026");
        StringAssert.Contains(text, "Từsố01đếnsố02");
        Assert.AreEqual(RegisterXlsx.ContentType, xlsxResponse.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await xlsxResponse.Content.ReadAsStreamAsync());
        Assert.AreEqual("UBND tỉnh Lạng Sơn", workbook.Worksheets.Single().Cell(8, 3).GetString());
    }

    [TestMethod]
    public async Task A_register_request_with_bad_dates_an_unknown_format_or_book_is_refused_in_Vietnamese()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await factory.LoginAsync("vanthu");
        var book = $"/api/registers/{RegisterBookSeed.Incoming}/export";

        var badInput = await clerk.GetAsync($"{book}?from=31-12-2026&format=doc");
        var reversed = await clerk.GetAsync($"{book}?from=2026-12-31&to=2026-01-01");
        var twoYears = await clerk.GetAsync($"{book}?from=2025-12-01&to=2026-01-31");
        var unknown = await clerk.GetAsync($"/api/registers/{Guid.CreateVersion7()}/export?from=2026-01-01&to=2026-12-31");

        Assert.AreEqual(HttpStatusCode.BadRequest, badInput.StatusCode);
        var errors = (await badInput.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { "from", "to", "format" }, errors.Select(e => e.Key).ToList());
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, reversed.StatusCode);
        StringAssert.Contains((string?)(await reversed.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "Ngày bắt đầu phải trước");
        StringAssert.Contains((string?)(await twoYears.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "cùng một năm");
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [TestMethod]
    public async Task Every_register_endpoint_admits_exactly_its_roles_and_nobody_anonymous()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        factory.TestServices.Add(s => s.AddSingleton<IIncomingRegisterEntries, StandInIncomingRegister>());
        string?[] accounts = [null, "giamdoc", "phogiamdoc1", "chanhvanphong", "vanthu", "truongphong.tccb", "chuyenvien", "quantri", "phantich"];
        var book = RegisterBookSeed.Incoming;
        (HttpMethod Method, string Url, object? Body, string[] Allowed)[] endpoints =
        [
            (HttpMethod.Get, "/api/registers", null, ["vanthu", "quantri"]),
            (HttpMethod.Get, $"/api/registers/{book}/export?from=2026-11-01&to=2026-11-30&format=xlsx", null, ["vanthu", "quantri"]),
            (HttpMethod.Post, "/api/registers", new { code = "X", name = "Sổ thử", direction = "Incoming" }, ["quantri"]),
            (HttpMethod.Put, $"/api/registers/{book}", new { name = "Sổ văn bản đến" }, ["quantri"]),
            (HttpMethod.Post, $"/api/registers/{book}/deactivate", null, ["quantri"]),
        ];

        foreach (var account in accounts)
        {
            var client = account is null ? factory.CreateClient() : await factory.LoginAsync(account);
            foreach (var (method, url, body, allowed) in endpoints)
            {
                using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
                var status = (await client.SendAsync(request)).StatusCode;
                var expected = account is null ? HttpStatusCode.Unauthorized : allowed.Contains(account) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.AreEqual(expected, status is HttpStatusCode.Created ? HttpStatusCode.OK : status, $"{account ?? "anonymous"}: {method} {url}");
            }
        }
    }

    [TestMethod]
    public void A_file_failing_its_SHA256_check_becomes_a_problem_saying_so_never_the_file()
    {
        var problem = RefusalExceptionHandler.Describe(new FileIntegrityException(Guid.CreateVersion7()))!;

        Assert.AreEqual(500, problem.Status);
        Assert.AreEqual("Tệp đã bị thay đổi hoặc hư hỏng", problem.Title);
        StringAssert.Contains(problem.Detail, "SHA-256");
    }

    private sealed class StandInIncomingRegister : IIncomingRegisterEntries
    {
        public Task<IReadOnlyList<IncomingRegisterEntry>> ListAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            IncomingRegisterEntry[] all =
            [
                new(VietnamTime.At(2026, 11, 3, 8, 0), false, 1, "Bộ Giáo dục và Đào tạo", "1234/BGDĐT-GDTrH", new DateOnly(2026, 10, 30),
                    "Công văn hướng dẫn nhiệm vụ năm học", "Phòng GDTrH", null, null, null),
                new(VietnamTime.At(2026, 11, 20, 15, 30), true, 2, "UBND tỉnh Lạng Sơn", "88/UBND-KGVX", new DateOnly(2026, 11, 19),
                    "Công văn hỏa tốc về phòng chống rét", "Văn phòng", null, null, "Hỏa tốc"),
                new(VietnamTime.At(2026, 12, 1, 9, 0), false, 3, "Sở Tài chính", "9/STC-NS", new DateOnly(2026, 11, 30),
                    "Công văn về dự toán", "Phòng KHTC", null, null, null),
            ];
            IReadOnlyList<IncomingRegisterEntry> inRange =
                [.. all.Where(e => bookId == RegisterBookSeed.Incoming && DateOnly.FromDateTime(e.ReceivedAt.DateTime) is var d && d >= from && d <= to)];
            return Task.FromResult(inRange);
        }
    }
}
