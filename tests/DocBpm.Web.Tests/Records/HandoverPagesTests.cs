using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocBpm.Documents.Records;
using DocBpm.Engine.Timers;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Data;
using DocBpm.Web.Tests.Hardening;
using DocBpm.Web.Tests.Incoming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using static DocBpm.Web.Tests.Records.PageForms;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// The handover's pages (NĐ30 Articles 30–31): the keeper's, the archivist's and the Director's, read as HTML and posted
/// as forms, and the archivist reading an accepted file. One host for the class; each test makes its own files, and moves
/// the clock only forward from the day they were closed.
/// </summary>
[TestClass]
public sealed partial class HandoverPagesTests
{
    private static readonly RacedSubmission Raced = new();
    private static readonly CapturedLogs Logs = new();
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
        host.TestServices.Add(services =>
        {
            services.ConfigureDbContext<SqliteDocBpmDbContext>(o => o.AddInterceptors(Raced));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    private static async Task<string?> StateAsync(Guid file) =>
        (string?)(await (await host.LoginAsync("luutru")).GetFromJsonAsync<JsonNode>($"/api/records/handover/files/{file}"))!["state"];

    private static string Row(string html, Guid file) => Regex.Match(html, $"<tr data-file=\"{file}\".*?</tr>", RegexOptions.Singleline).Value;

    [TestMethod]
    public async Task Decree30_Article30_the_keeper_sees_his_due_files_with_the_warning_submits_a_batch_withdraws_and_reads_a_return_reason()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var keeper = await host.LoginAsync("chuyenvien");
        var soon = await ClosedFiles.AddAsync(host, "chuyenvien", 10, new DateOnly(2026, 11, 20), "Hồ sơ thi đua khen thưởng năm 2026");
        var later = await ClosedFiles.AddAsync(host, "chuyenvien", null, new DateOnly(2027, 6, 30), "Hồ sơ tuyển sinh lớp 10 năm học 2027-2028");
        var others = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2026, 11, 20), "Hồ sơ quyết toán ngân sách", unit: "KHTC");

        var page = await PageAsync(keeper, "/records/handover");
        StringAssert.Contains(Row(page, soon), "20/11/2027", "the due day, one year after the work ended, day first");
        StringAssert.Contains(Row(page, soon), "Sắp đến hạn nộp lưu: còn 19 ngày", "within the 30 days of the warning");
        StringAssert.Contains(Row(page, later), "Chưa đến hạn nộp lưu");
        Assert.AreEqual("", Row(page, others), "another keeper's file is not his to hand in");
        StringAssert.Contains(page, "href=\"/records/handover\"", "the navigation leads here");

        var refused = await PostFormAsync(keeper, "/records/handover", "submit");
        Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
        StringAssert.Contains(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Chọn ít nhất một hồ sơ để nộp lưu.",
            "nothing chosen: the refusal in the form's summary, not an error page");

        await DoneAsync(await PostFormAsync(keeper, "/records/handover", "submit", ("fileIds", soon.ToString()), ("fileIds", later.ToString())),
            "Đã nộp lưu hồ sơ");
        Assert.AreEqual("Submitted", await StateAsync(soon));
        Assert.AreEqual("Submitted", await StateAsync(later), "a batch: both files in one submission");

        await DoneAsync(await PostFormAsync(keeper, "/records/handover", "withdraw", ("file", later.ToString())), "Đã rút hồ sơ lại.");
        Assert.AreEqual("Withdrawn", await StateAsync(later));

        var archivist = await host.LoginAsync("luutru");
        (await archivist.PostAsJsonAsync($"/api/records/handover/files/{soon}/return", new { reason = "Thiếu danh sách tập thể được khen thưởng" })).EnsureSuccessStatusCode();
        page = await PageAsync(keeper, "/records/handover");
        StringAssert.Contains(Row(page, soon), "Bị trả lại — Sắp đến hạn nộp lưu");
        StringAssert.Contains(Row(page, soon), "Lý do: Thiếu danh sách tập thể được khen thưởng (Lâm Thị Lưu (Chuyên viên lưu trữ), 01/11/2027)",
            "the archivist's reason, by full name");
        StringAssert.Contains(Row(page, later), "Chưa đến hạn nộp lưu", "a withdrawn file may be handed in again");
    }

    [TestMethod]
    public async Task Decree30_Article30_3_the_keeper_asks_to_keep_a_file_back_and_the_Director_decides_on_his_page()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var (keeper, director, deputy) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("giamdoc"), await host.LoginAsync("phogiamdoc1"));
        var file = await ClosedFiles.AddAsync(host, "chuyenvien", 20, new DateOnly(2026, 11, 25), "Hồ sơ giải quyết khiếu nại năm 2026");

        var noReason = await PostFormAsync(keeper, "/records/handover", "keep-back", ("Input.File", file.ToString()), ("Input.Reason", " "));
        var html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, noReason.StatusCode);
        StringAssert.Contains(html, "Chưa thực hiện được, hãy sửa:", "the shared summary");
        StringAssert.Matches(html, new Regex("id=\"keep-reason\"[^>]*>.*?<div class=\"validation-message\">Đề nghị giữ lại hồ sơ cần ghi lý do", RegexOptions.Singleline),
            "the message beside the reason");
        var badDay = await PostFormAsync(keeper, "/records/handover", "keep-back", ("Input.File", file.ToString()), ("Input.Reason", "Còn giải quyết khiếu nại"),
            ("Input.Until", "31/02/2028"));
        StringAssert.Contains(WebUtility.HtmlDecode(await badDay.Content.ReadAsStringAsync()), "Ngày giữ lại đến phải theo dạng ngày/tháng/năm");

        await DoneAsync(await PostFormAsync(keeper, "/records/handover", "keep-back", ("Input.File", file.ToString()), ("Input.Reason", "Còn giải quyết khiếu nại"),
            ("Input.Until", "25/11/2028")), "Đã gửi đề nghị giữ lại hồ sơ tới Giám đốc.");
        StringAssert.Contains(await PageAsync(keeper, "/records/handover"), "Chờ Giám đốc quyết định");

        Assert.IsFalse((await PageAsync(deputy, "/")).Contains("/records/keep-backs", StringComparison.Ordinal), "only the Director is led to the keep-backs");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await deputy.GetAsync("/records/keep-backs")).StatusCode);
        var pending = await PageAsync(director, "/records/keep-backs");
        StringAssert.Contains(pending, "href=\"/records/keep-backs\"");
        var keepBack = Guid.Parse(Regex.Match(pending, "data-keep-back=\"([0-9a-f-]+)\">(?:(?!</tr>).)*Hồ sơ giải quyết khiếu nại năm 2026", RegexOptions.Singleline).Groups[1].Value);
        StringAssert.Contains(pending, "Mã Văn Viên", "the keeper by full name");
        StringAssert.Contains(pending, "25/11/2028");

        await DoneAsync(await PostFormAsync(director, "/records/keep-backs", "decide", ("approve", keepBack.ToString())), "Đã đồng ý giữ lại hồ sơ.");
        StringAssert.Contains(await PageAsync(keeper, "/records/handover"), "Hoàng Văn Giám (Giám đốc) đồng ý giữ lại đến 25/11/2028");
        var late = await PostFormAsync(director, "/records/keep-backs", "decide", ("refuse", keepBack.ToString()));
        StringAssert.Contains(WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), "Đề nghị giữ lại hồ sơ đã được quyết định. Hãy tải lại trang.",
            "a second decision is refused on the page");
    }

    [TestMethod]
    public async Task Decree30_Article31_the_archivist_checks_a_submission_against_the_plan_returns_with_a_reason_and_accepts()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var (keeper, archivist, staff) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"), await host.LoginAsync("chuyenvien.khtc"));
        var plan = await PlanAsync(2025);
        var planned = await ClosedFiles.AddAsync(host, "chuyenvien", null, new DateOnly(2025, 12, 20), "Hồ sơ kỳ thi tốt nghiệp 2025", planId: plan);
        await ClosedFiles.AddAsync(host, "chuyenvien", 10, new DateOnly(2025, 12, 20), "Hồ sơ kiểm định chất lượng 2025", planId: plan,
            state: RecordFileState.Planned);
        var outside = await ClosedFiles.AddAsync(host, "chuyenvien", 10, new DateOnly(2025, 12, 22), "Hồ sơ hội thảo chuyên môn 2025");
        (await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { planned, outside } })).EnsureSuccessStatusCode();

        var page = await PageAsync(archivist, "/records/archive");
        StringAssert.Contains(Row(page, planned), "Có trong danh mục hồ sơ năm 2025");
        StringAssert.Contains(Row(page, outside), "Ngoài danh mục hồ sơ");
        StringAssert.Contains(page, "còn 1 hồ sơ thuộc diện nộp lưu chưa nộp:", "what the plan lists and was not handed in");
        StringAssert.Contains(page, "Hồ sơ kiểm định chất lượng 2025");
        StringAssert.Contains(page, "Mã Văn Viên", "the keeper by full name");
        StringAssert.Contains(page, "href=\"/records/archive\"", "the navigation leads the archivist here");
        StringAssert.Matches(page, new Regex("/api/records/handover/submissions/[0-9a-f-]+/list\\.pdf"), "the submission list to download");
        Assert.IsFalse((await PageAsync(staff, "/")).Contains("/records/archive", StringComparison.Ordinal), "only the archivist is led there");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync("/records/archive")).StatusCode);

        var noReason = await PostFormAsync(archivist, "/records/archive", "return", ("file", outside.ToString()), ($"reason-{outside:N}", ""));
        var html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, noReason.StatusCode);
        StringAssert.Contains(html, "Chưa thực hiện được, hãy sửa:");
        StringAssert.Contains(Row(html, outside), $"<div class=\"validation-message\" id=\"reason-{outside:N}-error\">Trả lại hồ sơ cần ghi rõ lý do",
            "the message beside that file's reason");
        Assert.IsFalse(Row(html, planned).Contains("validation-message", StringComparison.Ordinal), "and not beside the other file's");
        Assert.AreEqual("Submitted", await StateAsync(outside), "a refused return stores nothing");

        await DoneAsync(await PostFormAsync(archivist, "/records/archive", "return", ("file", outside.ToString()), ($"reason-{outside:N}", "Thiếu biên bản hội thảo")),
            "Đã trả lại hồ sơ cho người lập.");
        await DoneAsync(await PostFormAsync(archivist, "/records/archive", "accept", ("file", planned.ToString())), "Đã tiếp nhận hồ sơ vào Lưu trữ cơ quan.");
        Assert.AreEqual("Returned", await StateAsync(outside));
        Assert.AreEqual("Accepted", await StateAsync(planned));
        page = await PageAsync(archivist, "/records/archive");
        StringAssert.Contains(Row(page, planned), "01/11/2027", "accepted today");
        StringAssert.Matches(Row(page, planned), new Regex("/api/records/handover/submissions/[0-9a-f-]+/record\\.pdf"), "the handover record");
        StringAssert.Matches(Row(page, planned), new Regex("/api/records/handover/submissions/[0-9a-f-]+/package\\.zip"), "the archive package");
    }

    [TestMethod]
    public async Task Decree30_Article31_a_lost_race_on_the_archivists_page_is_a_vietnamese_message_and_changes_nothing()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var (keeper, archivist, second) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"), await host.LoginAsync("luutru"));
        var file = await ClosedFiles.AddAsync(host, "chuyenvien", 30, new DateOnly(2026, 10, 1), "Hồ sơ xây dựng trường chuẩn quốc gia");
        (await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } })).EnsureSuccessStatusCode();

        // The second archivist's page was loaded while the file waited; the first accepts before the second's return arrives.
        var token = Antiforgery().Match(await second.GetStringAsync("/records/archive"));
        Assert.IsTrue(token.Success);
        (await archivist.PostAsync($"/api/records/handover/files/{file}/accept", null)).EnsureSuccessStatusCode();
        var late = await second.PostAsync("/records/archive", new FormUrlEncodedContent([new("_handler", "return"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value)),
            new("file", file.ToString()), new($"reason-{file:N}", "Sai tiêu đề")]));
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, late.StatusCode, html);
        StringAssert.Contains(html, "Hồ sơ đã được Lưu trữ cơ quan tiếp nhận. Hãy tải lại trang.");
        Assert.AreEqual("Accepted", await StateAsync(file), "the first decision stands");
    }

    [TestMethod]
    public async Task Decree30_Article30_two_first_submissions_of_one_file_at_once_the_page_says_the_race_was_lost_and_one_is_stored()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var (keeper, otherTab, archivist) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"));
        var file = await ClosedFiles.AddAsync(host, "chuyenvien", 20, new DateOnly(2026, 11, 10), "Hồ sơ bồi dưỡng thường xuyên giáo viên năm 2026");

        var errors = ErrorsOfOurOwn();
        // The other tab's submission is stored after the page's post has read that the file has no handover yet, before it writes.
        Raced.Meanwhile(async () =>
            (await otherTab.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } })).EnsureSuccessStatusCode());
        var lost = await PostFormAsync(keeper, "/records/handover", "submit", ("fileIds", file.ToString()));

        var html = WebUtility.HtmlDecode(await lost.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, lost.StatusCode, html);
        StringAssert.Contains(html, "Hồ sơ vừa được người khác xử lý cùng lúc; không có thay đổi nào được lưu. Hãy tải lại trang.",
            "the lost race in the form's summary, not an error page");
        StringAssert.Contains(Row(html, file), "Đã nộp, chờ Lưu trữ cơ quan kiểm tra", "the list as it now stands: the other tab's submission");
        var trail = (await archivist.GetFromJsonAsync<JsonNode>($"/api/records/handover/files/{file}"))!["trail"]!.AsArray();
        Assert.AreEqual(1, trail.Count, "one submission stored; the loser stored nothing");
        Assert.IsTrue(Logs.Lines.Any(l => l.Level == LogLevel.Information && l.Message.Contains($"Handover of file {file}: chuyenvien lost the race", StringComparison.Ordinal)),
            "the lost race is an information line");
        Assert.AreEqual(errors, ErrorsOfOurOwn(), "and no error (EF Core's own line about the refused insert aside)");
    }

    private static int ErrorsOfOurOwn() =>
        Logs.Lines.Count(l => l.Level >= LogLevel.Error && !l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

    [TestMethod]
    public async Task Decree30_Article31_the_archivist_reads_a_file_and_its_documents_only_once_accepted_and_every_read_is_logged()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 11, 1, 8, 0));
        var (clerk, keeper, archivist) = (await host.LoginAsync("vanthu"), await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"));
        var incoming = await clerk.UploadAsync(host, "Về việc tổ chức kỳ thi học sinh giỏi cấp tỉnh");
        var file = await ClosedFiles.AddAsync(host, "chuyenvien", null, new DateOnly(2026, 10, 5), "Hồ sơ kỳ thi học sinh giỏi 2026", incoming);
        var notHandedIn = await ClosedFiles.AddAsync(host, "chuyenvien", null, new DateOnly(2026, 10, 5), "Hồ sơ hội khỏe Phù Đổng 2026", incoming);
        var filed = (Guid)(await keeper.GetFromJsonAsync<JsonNode>($"/api/records/files/{file}"))!["documents"]![0]!["id"]!;
        var document = $"/api/records/files/{file}/documents/{filed}/pdf";

        (await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } })).EnsureSuccessStatusCode();
        foreach (var url in new[] { $"/api/records/files/{file}", document, $"/api/records/files/{file}/pdf", $"/api/records/files/{notHandedIn}" })
            Assert.AreEqual(HttpStatusCode.NotFound, (await archivist.GetAsync(url)).StatusCode, $"{url}: submitted, not yet accepted, is still the unit's");
        StringAssert.Contains(await PageAsync(archivist, $"/records/files/{file}"), "Không tìm thấy hồ sơ hoặc bạn không được xem.");

        (await archivist.PostAsync($"/api/records/handover/files/{file}/accept", null)).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = await PageAsync(archivist, $"/records/files/{file}");
        StringAssert.Contains(page, "Về việc tổ chức kỳ thi học sinh giỏi cấp tỉnh", "the documents' metadata");
        StringAssert.Contains(page, $"href=\"{document}\"");
        Assert.IsFalse(page.Contains("id=\"add\"", StringComparison.Ordinal) || page.Contains("id=\"close\"", StringComparison.Ordinal), "read-only");
        var pdf = await archivist.GetAsync(document);
        Assert.AreEqual(HttpStatusCode.OK, pdf.StatusCode);
        Assert.AreEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        CollectionAssert.AreEqual("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        Assert.AreEqual(HttpStatusCode.OK, (await archivist.GetAsync($"/api/records/files/{file}/pdf")).StatusCode, "the whole file as one PDF");
        Assert.AreEqual(HttpStatusCode.NotFound, (await archivist.GetAsync($"/api/records/files/{notHandedIn}")).StatusCode, "a file not handed in stays closed to him");
        Assert.IsFalse((await archivist.DeleteAsync($"/api/records/files/{file}/documents/{filed}")).IsSuccessStatusCode, "he reads, never changes");
        Assert.AreEqual(1, (await archivist.GetFromJsonAsync<JsonNode>($"/api/records/files/{file}"))!["documents"]!.AsArray().Count);

        await host.Services.GetRequiredService<AccessLogWriter>().FlushAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.UserName == "luutru").Select(e => new { e.Kind, e.ItemId }).ToListAsync();
        CollectionAssert.Contains(reads, new { Kind = AccessedKind.RecordFile, ItemId = file }, "the file page's read");
        CollectionAssert.Contains(reads, new { Kind = AccessedKind.Incoming, ItemId = incoming }, "the document's read, as the document itself");
        Assert.IsFalse(reads.Any(r => r.ItemId == notHandedIn), "a refused read is not logged");
    }

    private static async Task<Guid> PlanAsync(int year)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var plan = new FilePlan
        {
            Id = Guid.CreateVersion7(), Year = year, State = FilePlanState.Approved, CreatedBy = "chanhvanphong", CreatedAt = VietnamTime.At(year, 1, 5, 8, 0),
            ApprovedBy = "giamdoc", ApprovedAt = VietnamTime.At(year, 1, 6, 8, 0), Decision = "05/QĐ-SGDĐT",
        };
        db.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>
    /// Runs the work given to <see cref="Meanwhile"/> once, when the next save adds a file's first handover: another request
    /// hands the file in between this one's reading and its writing, every time, not by chance.
    /// </summary>
    private sealed class RacedSubmission : SaveChangesInterceptor
    {
        private Func<Task>? meanwhile;

        public void Meanwhile(Func<Task> other) => meanwhile = other;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<RecordHandover>().Any(e => e.State == EntityState.Added)
                && Interlocked.Exchange(ref meanwhile, null) is { } other)
                await other();
            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
