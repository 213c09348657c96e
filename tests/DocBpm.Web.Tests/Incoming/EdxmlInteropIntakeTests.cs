using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Issue 21: the hand-written corpus of other systems' packages (tests/DocBpm.Edxml.Tests/Corpus) read by the intake
/// itself. Every package ends registered, applied to what is registered, refused with status 02, or set aside with a
/// cause; none is acknowledged into nothing.
/// </summary>
[TestClass]
public sealed class EdxmlInteropIntakeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Finance = "000.00.13.H37";
    private const string Original = Province + ",2026/12/01,45/UBND-KGVX";
    private const string Uuid = "7d3f0c2e-4a59-4c1b-9f8e-2b6d1e0a5c34";
    private const string OurLetter = Department + ",2026/11/25,123/QĐ-SGDĐT";
    private const string UuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static string Corpus(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name));

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    /// <summary>The corpus's dated (dd/MM/yyyy) new document with its file sent zipped, as the zipped corpus package sends it.</summary>
    private static byte[] ZippedOriginal()
    {
        var zipped = Corpus("zipped-attachment.xml");
        var zip = zipped[(zipped.IndexOf("<edXML:ContentTransferEncoded>", StringComparison.Ordinal) + 30)..zipped.IndexOf("</edXML:ContentTransferEncoded>", StringComparison.Ordinal)];
        return Bytes(Corpus("other-system-new.xml").Replace("application/pdf", "application/zip", StringComparison.Ordinal)
            .Replace("JVBERi0xLjc=", zip, StringComparison.Ordinal));
    }

    private static Task<ExchangeScenario> StartAsync(DatabaseProvider provider, params string[] uuidPeers) =>
        ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 12, 2, 9, 0), host =>
        {
            foreach (var peer in uuidPeers)
                host.Settings[$"Exchange:Peers:{peer}:DocumentIdPatterns:0"] = UuidPattern;
        });

    private static async Task<JsonNode> OnlyIncomingAsync(ExchangeScenario scenario)
    {
        var list = (await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!;
        Assert.AreEqual(1, (int)list["total"]!, list.ToJsonString());
        return (await scenario.Clerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{list["items"]![0]!["id"]}"))!;
    }

    private static async Task<JsonArray> RefusalsAsync(ExchangeScenario scenario) =>
        await IntakeFailureTests.FailuresAsync(await scenario.Host.LoginAsync("quantri"), open: false);

    private static async Task<int> PendingAtAxisAsync(ExchangeScenario scenario) =>
        (await scenario.Axis.ClientFor(Department).PendingAsync(CancellationToken.None)).Count;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Axis_and_DocBpm_exchange_a_zipped_dated_document_then_its_update_and_replacement_under_the_same_identifier(DatabaseProvider provider)
    {
        await using var scenario = await StartAsync(provider);

        await scenario.Province.SendAsync(ZippedOriginal(), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);
        var arrived = await OnlyIncomingAsync(scenario);
        CollectionAssert.AreEqual(new[] { "46.pdf", "46-phu-luc.pdf" }, arrived["files"]!.AsArray().Select(f => (string?)f!["name"]).ToArray(),
            "the files inside the zip are taken in, each through the Article 3 check");
        Assert.AreEqual("2026-12-01", (string?)arrived["summary"]!["documentDate"]);
        Assert.AreEqual("01", (await scenario.Province.StatusesAsync(Original, CancellationToken.None)).Single().StatusCode);

        foreach (var name in new[] { "update-reusing-header-id.xml", "replace-reusing-header-id.xml", "replace-reusing-header-id.xml" })
        {
            await scenario.Province.SendAsync(Bytes(Corpus(name)), CancellationToken.None);
            await scenario.StepAsync(scenario.PullAsync);
        }

        var replaced = await OnlyIncomingAsync(scenario);
        Assert.AreEqual("Về việc rà soát số liệu học sinh (thay thế)", (string?)replaced["summary"]!["subject"]);
        Assert.AreEqual("45.pdf", (string?)replaced["files"]!.AsArray().Single()!["name"], "the replacement's file is the document's file now");
        var history = replaced["history"]!.AsArray();
        var update = history.Single(h => (string?)h!["action"] == "updated-by-sender")!;
        StringAssert.Contains((string?)update["detail"], "cập nhật văn bản: Cập nhật thời hạn báo cáo. Thêm nơi nhận: " + Finance);
        StringAssert.Contains((string?)history.Single(h => (string?)h!["action"] == "replaced-by-sender")!["detail"], "thay thế văn bản: Thay thế do sai số liệu");
        Assert.AreEqual(0, (await RefusalsAsync(scenario)).Count, "the replacement delivered twice is a redelivery, not a refusal");
        Assert.AreEqual(0, (await IntakeFailureTests.FailuresAsync(await scenario.Host.LoginAsync("quantri"))).Count);
        Assert.AreEqual(0, await PendingAtAxisAsync(scenario));
    }

    [TestMethod]
    public async Task Article3_zip_bomb_in_an_attachment_is_refused_with_status_02_naming_the_entry_and_registers_nothing()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite);
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry("bom.pdf").Open())
            entry.Write(new byte[20 * 1024 * 1024]);
        var bomb = Corpus("other-system-new.xml").Replace("application/pdf", "application/zip", StringComparison.Ordinal)
            .Replace("JVBERi0xLjc=", Convert.ToBase64String(zip.ToArray()), StringComparison.Ordinal);

        await scenario.Province.SendAsync(Bytes(bomb), CancellationToken.None);
        await scenario.PullAsync();

        Assert.AreEqual(0, (int)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!);
        var status = (await scenario.Province.StatusesAsync(Original, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "45.pdf/bom.pdf: tỷ lệ nén vượt quá 100:1");
        Assert.AreEqual("File", (string?)(await RefusalsAsync(scenario)).Single()!["cause"]);
    }

    [TestMethod]
    [DataRow("status-in-message-header.xml", ExchangeStatus.Accepted)]
    [DataRow("status-soap.xml", ExchangeStatus.Refused)]
    public async Task Article9_4_status_in_another_shape_moves_the_dispatch_it_reports_on(string name, ExchangeStatus expected)
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite);
        await IntakeFailureTests.AddDispatchAsync(scenario, OurLetter);

        await scenario.Axis.InjectAsync(Province, Department, OurLetter, Bytes(Corpus(name)), AxisPackageKind.Status);
        await scenario.PullAsync();

        Assert.AreEqual(expected, (await DispatchAsync(scenario)).LastStatus);
        Assert.AreEqual(0, await PendingAtAxisAsync(scenario));
    }

    [TestMethod]
    public async Task A_status_DocBpm_cannot_read_is_set_aside_with_its_cause_not_acknowledged()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite);
        await IntakeFailureTests.AddDispatchAsync(scenario, OurLetter);
        var unknown = Corpus("status-in-message-header.xml").Replace("<edXML:StatusCode>03<", "<edXML:StatusCode>99<", StringComparison.Ordinal);

        await scenario.Axis.InjectAsync(Province, Department, OurLetter, Bytes(unknown), AxisPackageKind.Status);
        await scenario.PullAsync();

        var failure = (await IntakeFailureTests.FailuresAsync(await scenario.Host.LoginAsync("quantri"))).Single()!;
        Assert.AreEqual("Format", (string?)failure["cause"]);
        Assert.IsNotNull(failure["setAsideAt"]);
        Assert.IsNull((await DispatchAsync(scenario)).LastStatus);
        Assert.AreEqual(1, await PendingAtAxisAsync(scenario), "the status stays at the axis for the administrator");
    }

    [TestMethod]
    public async Task UUID_DocumentId_is_registered_from_a_peer_with_that_pattern_and_refused_from_another_naming_the_pattern()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite, Province);
        var fromFinance = Corpus("uuid-document-id.xml").Replace($"<edXML:OrganId>{Province}</edXML:OrganId>", $"<edXML:OrganId>{Finance}</edXML:OrganId>", StringComparison.Ordinal);

        await scenario.Axis.InjectAsync(Province, Department, Uuid, Bytes(Corpus("uuid-document-id.xml")));
        await scenario.Axis.InjectAsync(Finance, Department, Uuid, Bytes(fromFinance));
        await scenario.PullAsync();

        Assert.AreEqual(Uuid, (string?)(await OnlyIncomingAsync(scenario))["processKey"]);
        var status = (await scenario.Axis.ClientFor(Finance).StatusesAsync(Uuid, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, $"mã định danh văn bản '{Uuid}' không đúng dạng mã cơ quan,yyyy/MM/dd,số/ký hiệu");
        Assert.AreEqual("Format", (string?)(await RefusalsAsync(scenario)).Single()!["cause"]);
    }

    [TestMethod]
    public async Task Article9_5_update_reusing_an_identifier_that_names_no_agency_is_applied_only_from_the_original_sender()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite, Province, Finance);
        var update = Corpus("uuid-document-id.xml").Replace("<edXML:BussinessDocType>0<", "<edXML:BussinessDocType>2<", StringComparison.Ordinal)
            .Replace("hội thảo chuyển đổi số", "hội thảo chuyển đổi số (dời ngày)", StringComparison.Ordinal);
        var forged = update.Replace($"<edXML:OrganId>{Province}</edXML:OrganId>", $"<edXML:OrganId>{Finance}</edXML:OrganId>", StringComparison.Ordinal)
            .Replace("(dời ngày)", "(giả mạo)", StringComparison.Ordinal);

        await scenario.Axis.InjectAsync(Province, Department, Uuid, Bytes(Corpus("uuid-document-id.xml")));
        await scenario.PullAsync();
        await scenario.Axis.InjectAsync(Finance, Department, Uuid, Bytes(forged));
        await scenario.Axis.InjectAsync(Province, Department, Uuid, Bytes(update));
        await scenario.PullAsync();

        var document = await OnlyIncomingAsync(scenario);
        Assert.AreEqual("Về việc phối hợp tổ chức hội thảo chuyển đổi số (dời ngày)", (string?)document["summary"]!["subject"]);
        Assert.AreEqual("NotOriginalSender", (string?)(await RefusalsAsync(scenario)).Single()!["cause"]);
        Assert.AreEqual("02", (await scenario.Axis.ClientFor(Finance).StatusesAsync(Uuid, CancellationToken.None)).Single().StatusCode);
    }

    private static async Task<DispatchRecord> DispatchAsync(ExchangeScenario scenario)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<DispatchRecord>().AsNoTracking().SingleAsync();
    }

    /// <summary>
    /// Issue 21 "done when": every package and status of the corpus, sent once in turn, leaves a trace — a document
    /// registered, one it applies to changed, a dispatch moved, or a refusal or set-aside recorded. None is acknowledged
    /// into nothing.
    /// </summary>
    [TestMethod]
    public async Task Every_corpus_package_and_status_ends_registered_applied_or_recorded_as_refused_never_acknowledged_into_nothing()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite);
        await IntakeFailureTests.AddDispatchAsync(scenario, OurLetter);
        string[] order =
        [
            "other-system-new.xml", "zipped-attachment.xml", "update-reusing-header-id.xml", "replace-reusing-header-id.xml",
            "revoke-without-attachment.xml", "sandbox-agency-code.xml", "uuid-document-id.xml", "status-in-message-header.xml", "status-soap.xml",
        ];
        CollectionAssert.AreEquivalent(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus")).Select(Path.GetFileName).ToArray(), order,
            "a package added to the corpus joins this sweep");

        foreach (var name in order)
        {
            var before = await TraceAsync(scenario);
            var xml = Corpus(name);
            var status = name.StartsWith("status-", StringComparison.Ordinal);
            await scenario.Axis.InjectAsync(Element(xml, "From"), Department, status ? OurLetter : Element(xml, "DocumentId"), Bytes(xml),
                status ? AxisPackageKind.Status : AxisPackageKind.Document);
            await scenario.StepAsync(scenario.PullAsync);

            Assert.AreNotEqual(before, await TraceAsync(scenario), $"{name} left no trace: acknowledged into nothing");
        }
    }

    /// <summary>The first OrganId under <c>&lt;edXML:From&gt;</c>, or the header's first DocumentId.</summary>
    private static string Element(string xml, string name)
    {
        var from = name == "From" ? xml.IndexOf("<edXML:From>", StringComparison.Ordinal) : 0;
        var tag = name == "From" ? "<edXML:OrganId>" : "<edXML:DocumentId>";
        var start = xml.IndexOf(tag, from, StringComparison.Ordinal) + tag.Length;
        return xml[start..xml.IndexOf('<', start)];
    }

    /// <summary>What a package can change: the incoming documents as their page reads them, the dispatch's status, the recorded refusals.</summary>
    private static async Task<string> TraceAsync(ExchangeScenario scenario)
    {
        var trace = new StringBuilder();
        foreach (var item in (await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]!.AsArray())
        {
            var detail = (await scenario.Clerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{item!["id"]}"))!;
            trace.Append(detail.ToJsonString()).Append('|');
        }

        var admin = await scenario.Host.LoginAsync("quantri");
        trace.Append((await DispatchAsync(scenario)).LastStatus).Append('|')
            .Append((await IntakeFailureTests.FailuresAsync(admin)).ToJsonString()).Append((await IntakeFailureTests.FailuresAsync(admin, open: false)).ToJsonString());
        return trace.ToString();
    }
}
