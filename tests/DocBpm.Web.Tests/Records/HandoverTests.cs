using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocBpm.Documents.Records;
using DocBpm.Engine.Timers;
using DocBpm.Web.Notifications;
using DocBpm.Web.Records;
using DocBpm.Web.Tests.Incoming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Web.Tests.Records.RecordAnswers;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// NĐ30 Articles 30–31: closed files kept five years or more go to the agency archive a year after the work ended; the
/// keeper is warned 30 days ahead, submits, the archivist (Lưu trữ cơ quan) accepts or returns, the Director lets a file
/// be kept back. One host for the class; each test makes its own files, closed on the day it says.
/// </summary>
[TestClass]
public sealed class HandoverTests
{
    // One host for the class, whose tests run in any order: each sets its own day with AdjustTime, which may go back.
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    private static Task<Guid> ClosedFileAsync(string keeper, int? retentionYears, DateOnly endDate, string title = "Hồ sơ tuyển dụng viên chức",
        Guid? incoming = null) => ClosedFiles.AddAsync(host, keeper, retentionYears, endDate, title, incoming);

    private static async Task<int> WarnAsync(DateOnly today)
    {
        host.Clock.AdjustTime(VietnamTime.At(today, new TimeOnly(7, 0)));
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoverWarnings>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<List<Notification>> WarningsAsync(Guid source)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.Kind == NotificationKind.HandoverDue && n.SourceId == source).ToListAsync();
    }

    private static async Task<string?> StateAsync(HttpClient client, Guid file) =>
        (string?)(await OkAsync(await client.GetAsync($"/api/records/handover/files/{file}")))["state"];

    [TestMethod]
    public async Task Decree30_AppendixVI_I_III_8_the_keeper_is_warned_once_from_30_days_before_the_file_falls_due()
    {
        var closed = new DateOnly(2026, 11, 23);
        var file = await ClosedFileAsync("chuyenvien", 10, closed);
        var shortLived = await ClosedFileAsync("chuyenvien", 3, closed);
        var due = closed.AddMonths(12);

        await WarnAsync(due.AddDays(-31));
        Assert.AreEqual(0, (await WarningsAsync(file)).Count, "31 days before: not yet");
        await WarnAsync(due.AddDays(-30));
        var warned = await WarningsAsync(file);
        Assert.AreEqual(1, warned.Count, "30 days before: warned");
        Assert.AreEqual("chuyenvien", warned[0].UserName);
        StringAssert.Contains(warned[0].Text, "23/11/2027");
        Assert.AreEqual($"/records/files/{file}", warned[0].Link);
        await WarnAsync(due.AddDays(-29));
        await WarnAsync(due.AddDays(1));
        Assert.AreEqual(1, (await WarningsAsync(file)).Count, "the daily job warns once, not every day");
        Assert.AreEqual(0, (await WarningsAsync(shortLived)).Count, "a file kept under five years stays with the unit (Art. 30.1)");

        var keeper = await host.LoginAsync("chuyenvien");
        var trail = (await OkAsync(await keeper.GetAsync($"/api/records/handover/files/{file}")))["trail"]!.AsArray();
        Assert.AreEqual(1, trail.Count(e => (string?)e!["action"] == "Warned"), "the warning is in the file's trail");
        var listed = (await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Single(d => (Guid)d!["file"]!["id"]! == file)!;
        Assert.AreEqual("2027-11-23", (string?)listed["dueDate"]);
        Assert.AreEqual(-1, (int)listed["daysLeft"]!, "due yesterday");
    }

    [TestMethod]
    public void Decree30_Article30_2_the_delay_before_a_file_falls_due_is_a_setting()
    {
        var file = new RecordFile { Notation = "01.VP", Title = "Hồ sơ", State = RecordFileState.Closed, RetentionYears = 5, EndDate = new DateOnly(2026, 3, 31) };
        Assert.AreEqual(new DateOnly(2027, 3, 31), new HandoverOptions().DueDate(file), "NĐ30: one year from the day the work ended");
        Assert.AreEqual(new DateOnly(2026, 6, 30), new HandoverOptions { DelayMonths = 3 }.DueDate(file), "e.g. construction files: three months");
        Assert.IsTrue(new HandoverOptions().Applies(file), "five years is enough");
        Assert.IsFalse(new HandoverOptions { MinimumRetentionYears = 6 }.Applies(file));
    }

    [TestMethod]
    public async Task Decree30_Articles30_31_the_archivist_returns_a_file_with_a_reason_the_keeper_resubmits_and_the_archivist_accepts()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 12, 1, 8, 0));
        var (keeper, other, archivist, office) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("chuyenvien.khtc"),
            await host.LoginAsync("luutru"), await host.LoginAsync("chanhvanphong"));
        var permanent = await ClosedFileAsync("chuyenvien", null, new DateOnly(2026, 11, 20), "Hồ sơ tuyển sinh lớp 10");
        var tenYears = await ClosedFileAsync("chuyenvien", 10, new DateOnly(2026, 11, 20), "Hồ sơ thi đua khen thưởng");
        var threeYears = await ClosedFileAsync("chuyenvien", 3, new DateOnly(2026, 11, 20));
        var notDue = await ClosedFileAsync("chuyenvien", 10, new DateOnly(2027, 11, 20));

        Assert.AreEqual(HttpStatusCode.NotFound, (await archivist.GetAsync($"/api/records/handover/files/{notDue}")).StatusCode,
            "the archivist sees only files due or handed over");
        Assert.AreEqual(HttpStatusCode.NotFound, (await archivist.GetAsync($"/api/records/files/{permanent}")).StatusCode,
            "nor the unit's files through the keeper's pages");
        Assert.AreEqual(0, (int)(await OkAsync(await archivist.GetAsync("/api/records/files")))["total"]!);
        Assert.AreEqual(1, (await OkAsync(await archivist.GetAsync($"/api/records/handover/files/{permanent}")))["file"]!["documents"]!.AsArray().Count,
            "but the due file's metadata and document list");

        await RefusedAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { permanent, threeYears } }),
            (HttpStatusCode)422, "short-retention");
        await RefusedAsync(await other.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { permanent } }),
            HttpStatusCode.Forbidden, "not-keeper");
        await RefusedAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = Array.Empty<Guid>() }), (HttpStatusCode)422, "no-files");
        Assert.IsNull(await StateAsync(keeper, permanent), "a refused submission stores nothing");

        var submission = await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { permanent, tenYears } }));
        Assert.AreEqual(2, submission["files"]!.AsArray().Count);
        await RefusedAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { permanent } }),
            HttpStatusCode.Conflict, "already-submitted");
        var waiting = (await OkAsync(await archivist.GetAsync("/api/records/handover/files?state=Submitted"))).AsArray();
        Assert.IsTrue(waiting.Any(f => (Guid)f!["file"]!["id"]! == tenYears));

        await RefusedAsync(await office.PostAsync($"/api/records/handover/files/{permanent}/accept", null), HttpStatusCode.Forbidden, "not-archivist");
        await RefusedAsync(await archivist.PostAsJsonAsync($"/api/records/handover/files/{permanent}/return", new { reason = " " }), (HttpStatusCode)422, "reason-required");
        Assert.AreEqual("Returned", (string?)await OkAsync(await archivist.PostAsJsonAsync($"/api/records/handover/files/{permanent}/return",
            new { reason = "Thiếu biên bản họp hội đồng tuyển sinh" })));
        Assert.AreEqual("Accepted", (string?)await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{tenYears}/accept", null)));

        var mine = (await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Single(d => (Guid)d!["file"]!["id"]! == permanent)!;
        Assert.AreEqual("Returned", (string?)mine["state"]);
        Assert.AreEqual("Thiếu biên bản họp hội đồng tuyển sinh", (string?)mine["reason"], "the keeper sees why");
        Assert.IsFalse((await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Any(d => (Guid)d!["file"]!["id"]! == tenYears),
            "an accepted file is no longer due");

        await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { permanent } }));
        Assert.AreEqual("Accepted", (string?)await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{permanent}/accept", null)));
        var trail = (await OkAsync(await archivist.GetAsync($"/api/records/handover/files/{permanent}")))["trail"]!.AsArray()
            .Select(e => $"{e!["action"]}:{e["actor"]}").ToArray();
        CollectionAssert.AreEqual(new[] { "Submitted:chuyenvien", "Returned:luutru", "Submitted:chuyenvien", "Accepted:luutru" }, trail,
            "every transition is audited");
    }

    [TestMethod]
    public async Task Decree30_Article31_a_lost_race_between_archivists_or_with_the_keeper_is_a_409_and_changes_nothing()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 12, 1, 8, 0));
        var (keeper, archivist, second) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"), await host.LoginAsync("luutru"));
        var first = await ClosedFileAsync("chuyenvien", 20, new DateOnly(2026, 11, 20));
        var raced = await ClosedFileAsync("chuyenvien", 20, new DateOnly(2026, 11, 20));
        await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { first, raced } }));

        await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{first}/accept", null));
        await RefusedAsync(await keeper.PostAsync($"/api/records/handover/files/{first}/withdraw", null), HttpStatusCode.Conflict, "already-decided");
        await RefusedAsync(await second.PostAsJsonAsync($"/api/records/handover/files/{first}/return", new { reason = "Sai tiêu đề" }),
            HttpStatusCode.Conflict, "already-decided");
        Assert.AreEqual("Accepted", await StateAsync(archivist, first), "the first decision stands");

        var answers = await Task.WhenAll(
            archivist.PostAsync($"/api/records/handover/files/{raced}/accept", null),
            second.PostAsJsonAsync($"/api/records/handover/files/{raced}/return", new { reason = "Sai tiêu đề" }),
            keeper.PostAsync($"/api/records/handover/files/{raced}/withdraw", null));
        CollectionAssert.AreEquivalent(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).ToArray(),
            "one of three concurrent decisions wins; the others lose the race");
        var trail = (await OkAsync(await archivist.GetAsync($"/api/records/handover/files/{raced}")))["trail"]!.AsArray();
        Assert.AreEqual(2, trail.Count, "submitted and one decision: the losers stored nothing");
    }

    [TestMethod]
    public async Task Decree30_Article30_3_keeping_a_file_back_needs_the_Directors_consent_and_ends_within_two_years()
    {
        var closed = new DateOnly(2026, 10, 5);
        var due = closed.AddMonths(12);
        host.Clock.AdjustTime(VietnamTime.At(due.AddDays(-10), new TimeOnly(8, 0)));
        var (keeper, deputy, director) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("phogiamdoc1"), await host.LoginAsync("giamdoc"));
        var file = await ClosedFileAsync("chuyenvien", null, closed);

        await RefusedAsync(await keeper.PostAsJsonAsync($"/api/records/handover/files/{file}/keep-back", new { reason = "Còn dùng để giải quyết khiếu nại", until = due.AddYears(2).AddDays(1) }),
            (HttpStatusCode)422, "keep-back-period");
        await RefusedAsync(await keeper.PostAsJsonAsync($"/api/records/handover/files/{file}/keep-back", new { reason = "" }), (HttpStatusCode)422, "reason-required");
        var request = await OkAsync(await keeper.PostAsJsonAsync($"/api/records/handover/files/{file}/keep-back", new { reason = "Còn dùng để giải quyết khiếu nại" }));
        Assert.AreEqual(due.AddYears(2).ToString("yyyy-MM-dd"), (string?)request["until"], "at most two years past the due date");
        var keepBack = (Guid)request["id"]!;
        await RefusedAsync(await deputy.PostAsync($"/api/records/handover/keep-backs/{keepBack}/approve", null), HttpStatusCode.Forbidden, "not-director");
        Assert.IsTrue((await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Any(d => (Guid)d!["file"]!["id"]! == file),
            "still due while the Director has not consented");

        Assert.AreEqual("Approved", (string?)(await OkAsync(await director.PostAsync($"/api/records/handover/keep-backs/{keepBack}/approve", null)))["state"]);
        await RefusedAsync(await director.PostAsync($"/api/records/handover/keep-backs/{keepBack}/refuse", null), HttpStatusCode.Conflict, "keep-back-decided");
        Assert.IsFalse((await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Any(d => (Guid)d!["file"]!["id"]! == file),
            "kept back: no longer due");

        var until = due.AddYears(2);
        await WarnAsync(until.AddDays(-31));
        Assert.AreEqual(0, (await WarningsAsync(keepBack)).Count);
        await WarnAsync(until.AddDays(-30));
        Assert.AreEqual(1, (await WarningsAsync(keepBack)).Count, "when the keep-back ends the file falls due again and is warned again");
        keeper = await host.LoginAsync("chuyenvien"); // two years on, the morning's sign-in has long expired
        var listed = (await OkAsync(await keeper.GetAsync("/api/records/handover/due"))).AsArray().Single(d => (Guid)d!["file"]!["id"]! == file)!;
        Assert.AreEqual(until.ToString("yyyy-MM-dd"), (string?)listed["dueDate"]);
        var trail = (await OkAsync(await keeper.GetAsync($"/api/records/handover/files/{file}")))["trail"]!.AsArray().Select(e => (string?)e!["action"]).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "KeepBackRequested", "KeepBackApproved" }, trail);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    [TestMethod]
    public async Task Decree30_Article31_the_submission_list_and_the_receipt_record_print_the_files_codes_and_titles()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 12, 1, 8, 0));
        var (keeper, archivist) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"));
        var admissions = await ClosedFileAsync("chuyenvien", null, new DateOnly(2026, 11, 20), "Hồ sơ tuyển sinh lớp 10 năm học 2026-2027");
        var awards = await ClosedFileAsync("chuyenvien", 10, new DateOnly(2026, 11, 20), "Hồ sơ thi đua khen thưởng năm 2026");
        var submission = await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { admissions, awards } }));
        var id = (Guid)submission["id"]!;
        var codes = submission["files"]!.AsArray().ToDictionary(f => (Guid)f!["file"]!["id"]!, f => (string)f!["file"]!["code"]!);
        await RefusedAsync(await archivist.GetAsync($"/api/records/handover/submissions/{id}/record.pdf"), (HttpStatusCode)422, "none-accepted");

        var list = await PdfTextAsync(archivist, $"/api/records/handover/submissions/{id}/list.pdf");
        StringAssert.Contains(list, Squeeze("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU"));
        foreach (var text in codes.Values.Append("Hồ sơ tuyển sinh lớp 10 năm học 2026-2027").Append("Hồ sơ thi đua khen thưởng năm 2026").Append("Vĩnh viễn"))
            StringAssert.Contains(list, Squeeze(text));

        await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{admissions}/accept", null));
        var record = await PdfTextAsync(keeper, $"/api/records/handover/submissions/{id}/record.pdf");
        StringAssert.Contains(record, Squeeze("BIÊN BẢN"));
        StringAssert.Contains(record, Squeeze(codes[admissions]));
        StringAssert.Contains(record, Squeeze("Hồ sơ tuyển sinh lớp 10 năm học 2026-2027"));
        Assert.IsFalse(record.Contains(Squeeze("Hồ sơ thi đua khen thưởng"), StringComparison.Ordinal), "the record lists the files accepted, not those waiting");
        StringAssert.Contains(record, Squeeze("1 hồ sơ điện tử"), "the quantity of electronic files");
    }

    /// <summary>Each package part with a checksum: the path it names (relative to the METS that lists it) and the SHA-256 given.</summary>
    private static IEnumerable<(string Path, string Sha256)> Checksums(XDocument mets, string folder)
    {
        XNamespace m = "http://www.loc.gov/METS/";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        foreach (var e in mets.Descendants().Where(e => e.Attribute("CHECKSUM") is not null))
        {
            var href = (string?)e.Attribute(xlink + "href") ?? (string)e.Element(m + "FLocat")!.Attribute(xlink + "href")!;
            Assert.AreEqual("SHA-256", (string?)e.Attribute("CHECKSUMTYPE"));
            yield return (folder + href, (string)e.Attribute("CHECKSUM")!);
        }
    }

    [TestMethod]
    public async Task TT05_2025_the_submission_package_is_valid_against_its_schemas_and_every_checksum_matches_its_file()
    {
        host.Clock.AdjustTime(VietnamTime.At(2027, 12, 1, 8, 0));
        var (clerk, keeper, archivist) = (await host.LoginAsync("vanthu"), await host.LoginAsync("chuyenvien"), await host.LoginAsync("luutru"));
        var incoming = await clerk.UploadAsync(host, "Về việc tuyển sinh lớp 10 năm học 2026-2027");
        var file = await ClosedFileAsync("chuyenvien", null, new DateOnly(2026, 11, 20), "Hồ sơ tuyển sinh lớp 10", incoming);
        var submission = await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } }));
        var id = (Guid)submission["id"]!;
        var code = (string)submission["files"]![0]!["file"]!["code"]!;
        await RefusedAsync(await archivist.GetAsync($"/api/records/handover/submissions/{id}/package.zip"), (HttpStatusCode)422, "none-accepted");
        await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{file}/accept", null));

        var response = await archivist.GetAsync($"/api/records/handover/submissions/{id}/package.zip");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = entry.Open())
                await stream.CopyToAsync(content);
            entries[entry.FullName] = content.ToArray();
        }

        var schemas = new XmlSchemaSet();
        foreach (var name in HandoverPackage.Schemas)
        {
            CollectionAssert.AreEqual(HandoverPackage.SchemaBytes(name), entries[$"schemas/{name}"], $"{name} ships in schemas/");
            schemas.Add(null, XmlReader.Create(new MemoryStream(HandoverPackage.SchemaBytes(name))));
        }

        XDocument Valid(string path)
        {
            var document = XDocument.Load(new MemoryStream(entries[path]));
            var errors = new List<string>();
            document.Validate(schemas, (_, e) => errors.Add($"{path}: {e.Message}"));
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
            return document;
        }

        var root = Valid("METS.xml");
        var representation = Valid("representations/rep1/METS.xml");
        var ead = Valid("metadata/descriptive/EAD.xml");
        var premis = Valid("metadata/preservation/PREMIS.xml");
        Assert.AreEqual("SIP", (string?)root.Root!.Attribute(XName.Get("OAISPACKAGETYPE", "https://DILCIS.eu/XML/METS/CSIPExtensionMETS")));

        XNamespace p = "http://www.loc.gov/premis/v3";
        var sums = Checksums(root, "").Concat(Checksums(representation, "representations/rep1/"))
            .Concat(premis.Descendants(p + "object").Select(o => ((string)o.Descendants(p + "objectIdentifierValue").Single(), (string)o.Descendants(p + "messageDigest").Single())))
            .Concat(ead.Descendants("dataFile").Select(d => (d.Value, (string)d.Attribute("sha256")!))).ToList();
        foreach (var (path, sha) in sums)
            Assert.AreEqual(Convert.ToHexString(SHA256.HashData(entries[path])), sha, $"{path}: the recorded SHA-256 is the file's");
        CollectionAssert.AreEquivalent(entries.Keys.Where(k => k != "METS.xml").ToArray(), sums.Select(s => s.Item1).Distinct().ToArray(),
            "every file but the root METS has its checksum recorded");
        var data = entries.Keys.Where(k => k.StartsWith("representations/rep1/data/", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, data.Count, "the incoming document's file");
        Assert.IsTrue(premis.Descendants(p + "objectIdentifierValue").Any(v => v.Value == data[0]), "PREMIS fixes the data file");
        Assert.AreEqual(code, ead.Root!.Element("file")!.Element("arcFileCode")!.Value);
        Assert.AreEqual("Vĩnh viễn", ead.Root.Element("file")!.Element("maintenance")!.Value);
        Assert.AreEqual("Về việc tuyển sinh lớp 10 năm học 2026-2027", ead.Root.Element("file")!.Element("document")!.Element("subject")!.Value);
    }
}
