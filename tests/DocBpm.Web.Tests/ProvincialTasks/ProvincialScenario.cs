using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>
/// The Department and the Provincial People's Committee on a running axis, with the people of Chapter III signed in:
/// the clerk, the Director, the head and a specialist of GDTrH, and the office chief.
/// </summary>
public sealed class ProvincialScenario : IAsyncDisposable
{
    private readonly ExchangeScenario exchange;

    private ProvincialScenario(ExchangeScenario exchange) => this.exchange = exchange;

    public DocBpmWebFactory Host => exchange.Host;
    public AxisClient ProvincialOffice => exchange.Province;
    public HttpClient Clerk { get; private set; } = null!;
    public HttpClient Director { get; private set; } = null!;
    public HttpClient UnitHead { get; private set; } = null!;
    public HttpClient Handler { get; private set; } = null!;
    public HttpClient OfficeChief { get; private set; } = null!;
    public HttpClient Deputy { get; private set; } = null!;

    /// <summary>The registered incoming document of the last task document received.</summary>
    public Guid? CarrierId { get; private set; }

    /// <summary>When the outgoing flow last issued a reply (the time it reports, not when the report arrives).</summary>
    public DateTimeOffset LastIssuedAt { get; private set; }

    /// <summary>Starts on Monday 23/11/2026 at 08:00 Vietnam time (the host's fake clock), the axis a minute earlier.</summary>
    public static async Task<ProvincialScenario> StartAsync(DatabaseProvider provider, Action<DocBpmWebFactory>? configure = null)
    {
        var scenario = new ProvincialScenario(await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 23, 7, 59), host =>
        {
            OutgoingPeople.UseTestKeys(host, VietnamTime.At(2026, 11, 23, 8, 0));
            configure?.Invoke(host);
        }));
        await scenario.SignInAsync();
        var admin = await scenario.Host.LoginAsync("quantri");
        await Expect.SuccessAsync(await admin.PutAsJsonAsync($"/api/agencies/{Province}", new { code = Province, name = "UBND tỉnh Lạng Sơn" }));
        return scenario;
    }

    /// <summary>Everyone signs in again: tokens expire while the fake clock moves days ahead.</summary>
    private async Task SignInAsync()
    {
        Clerk = await Host.LoginAsync("vanthu");
        Director = await Host.LoginAsync("giamdoc");
        UnitHead = await Host.LoginAsync("truongphong.gdtrh");
        Handler = await Host.LoginAsync("chuyenvien");
        OfficeChief = await Host.LoginAsync("chanhvanphong");
        Deputy = await Host.LoginAsync("phogiamdoc1");
    }

    /// <summary>The clerk takes in what the axis holds, as the scheduled intake would.</summary>
    private async Task PullAsync() => await Expect.SuccessAsync(await Clerk.PostAsync("/api/exchange/pull", null));

    /// <summary>The province sends a task-bearing document; the clerk takes it in and records its task lines.</summary>
    public async Task<JsonNode> ReceiveTasksAsync(string number, params (string Content, DateTimeOffset Deadline)[] lines)
    {
        var receipt = await ProvincialOffice.SendAsync(TaskDocument(number), CancellationToken.None);
        await PullAsync();
        var received = (await Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!
            .Single(d => (string?)d!["documentId"] == receipt.DocumentId)!;
        var response = await Clerk.PostAsJsonAsync("/api/provincial-tasks/documents", new
        {
            receivedDocumentId = (Guid)received["id"]!,
            lines = lines.Select(l => new { content = l.Content, deadline = l.Deadline }),
        });
        await Expect.SuccessAsync(response);
        await Host.RunDueWorkAsync();
        var document = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        CarrierId = (Guid?)document["incomingDocumentId"];
        return document;
    }

    public static Guid LineId(JsonNode document, int line) => (Guid)document["tasks"]![line - 1]!["id"]!;

    /// <summary>Reconciled, assigned to GDTrH with KHTC coordinating, handled by the GDTrH specialist.</summary>
    public async Task ToHandlerAsync(Guid task)
    {
        await AssignAsync(task, "GDTrH", "KHTC");
        await StepAsync(UnitHead, $"/api/provincial-tasks/{task}/handler", new { userName = "chuyenvien" });
    }

    /// <summary>Reconciled by the clerk and assigned by the Director, waiting for the main unit's head to name a handler.</summary>
    public async Task AssignAsync(Guid task, string mainUnit, params string[] coordinatingUnits)
    {
        await StepAsync(Clerk, $"/api/provincial-tasks/{task}/reconcile", new { decision = "Accept" });
        await StepAsync(Director, $"/api/provincial-tasks/{task}/assign", new { mainUnit, coordinatingUnits });
    }

    /// <summary>A one-task document whose task has reached its main handler.</summary>
    public async Task<Guid> TaskAtHandlerAsync(string number, string content, DateTimeOffset deadline)
    {
        var task = LineId(await ReceiveTasksAsync(number, (content, deadline)), 1);
        await ToHandlerAsync(task);
        return task;
    }

    /// <summary>
    /// The handler starts the reply from "Văn bản trả lời" of the task document (one call: an outgoing draft replying to
    /// the incoming document that carries the tasks, linked to the task); it is checked, signed and issued to the
    /// province on the outgoing flow, whose issue reports to the task. Returns the reply's document identifier.
    /// </summary>
    public async Task<string> ReplyAndIssueAsync(Guid task)
    {
        var response = await StartReplyAsync(task);
        await Expect.SuccessAsync(response);
        var reply = (Guid)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        await Handler.UploadAsync(reply, "bao-cao.pdf", OutgoingClient.Pdf("Báo cáo kết quả thực hiện nhiệm vụ"));
        return await IssueAsync(reply);
    }

    /// <summary>"Khởi tạo văn bản đi" at "Văn bản trả lời" of the task, addressed to <paramref name="agencies"/> (the province by default).</summary>
    public Task<HttpResponseMessage> StartReplyAsync(Guid task, HttpClient? person = null, string typeCode = "BC", params string[] agencies) =>
        StepAsync(person ?? Handler, $"/api/provincial-tasks/{task}/reply-draft", new
        {
            typeCode,
            subject = "Báo cáo kết quả thực hiện nhiệm vụ",
            recipients = (agencies.Length == 0 ? [Province] : agencies).Select(a => new { kind = "Agency", code = a }),
        }, mustSucceed: false);

    /// <summary>The extension-request letter, drafted and issued to the province on its own outgoing flow (Article 12.3).</summary>
    public async Task<string> LetterSentToProvinceAsync()
    {
        const string subject = "Xin gia hạn thực hiện nhiệm vụ";
        var id = await Handler.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject, urgency = "Normal", copies = 1,
            recipients = new object[] { new { kind = "Agency", code = Province } },
        });
        await Handler.UploadAsync(id, "xin-gia-han.pdf", OutgoingClient.Pdf(subject));
        return await IssueAsync(id);
    }

    private async Task<string> IssueAsync(Guid outgoing)
    {
        await Handler.StepAsync(outgoing, "submit", new { reviewers = Array.Empty<string>() });
        await UnitHead.StepAsync(outgoing, "approve");
        await Deputy.StepAsync(outgoing, "sign");
        await Host.RunDueWorkAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Clerk.StepAsync(outgoing, "issue");
        await Host.RunDueWorkAsync();
        await Host.RunDueWorkAsync();
        var page = await Handler.PageAsync(outgoing);
        LastIssuedAt = (DateTimeOffset)page["issuedAt"]!;
        return (string)page["nationalId"]!;
    }

    /// <summary>The province reports a status on one of our documents (06: approved, 02: refused with its reason); the clerk takes it in.</summary>
    public async Task ProvinceDecidesAsync(string documentId, ExchangeStatus status, string? note = null)
    {
        var code = documentId.Split(',')[2];
        await ProvincialOffice.SendStatusAsync(EdxmlWriter.Write(new EdxmlStatus(
            new EdxmlResponseFor(Department, code, DateOnly.FromDateTime(Local(Host.Clock.GetUtcNow()).DateTime), documentId),
            new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), status, note, Host.Clock.GetUtcNow(), null)), CancellationToken.None);
        await PullAsync();
        await Host.RunDueWorkAsync();
    }

    public async Task<JsonNode> TaskAsync(Guid task) => (await Clerk.GetFromJsonAsync<JsonNode>($"/api/provincial-tasks/{task}"))!;

    /// <summary>A person's request, a minute after the previous step, then the due work (outbox, timers) it caused.</summary>
    public async Task<HttpResponseMessage> StepAsync(HttpClient person, string path, object? body = null, bool mustSucceed = true)
    {
        HttpResponseMessage? response = null;
        await exchange.StepAsync(async () => response = await person.PostAsJsonAsync(path, body ?? new { }));
        if (mustSucceed)
            await Expect.SuccessAsync(response!);
        return response!;
    }

    /// <summary>Moves both clocks to <paramref name="at"/> and lets the timers due by then fire.</summary>
    public async Task UntilAsync(DateTimeOffset at)
    {
        await Bounded.MoveAsync($"Moving the axis's clock to {at:O}", () => exchange.Axis.Clock.SetUtcNow(at.ToUniversalTime()));
        await Host.SetClockAsync(at);
        await SignInAsync();
        await Host.RunDueWorkAsync();
    }

    private static DateTimeOffset Local(DateTimeOffset at) => VietnamTime.ToLocal(at);

    private static byte[] TaskDocument(string number) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            number, "UBND-KGVX", "Lạng Sơn", new DateOnly(2026, 11, 20), new EdxmlDocumentType(2, "Công văn"),
            "Về việc giao nhiệm vụ năm học 2026-2027", new EdxmlSigner("KT. CHỦ TỊCH", "Phó Chủ tịch", "Lê Văn C"),
            new EdxmlOtherInfo(EdxmlPriority.Normal), $"{Province},2026/11/20,{number}/UBND-KGVX"),
        [new EdxmlTrace(Province, VietnamTime.At(2026, 11, 20, 9, 0))], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f", $"{number}.pdf", "application/pdf", "%PDF-1.7 giao nhiem vu"u8.ToArray())]));

    public async ValueTask DisposeAsync() => await exchange.DisposeAsync();
}

public static class Expect
{
    public static async Task SuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A refusal under a Chapter III rule: 409 naming the rule, with a Vietnamese explanation.</summary>
    public static async Task<string> RefusedAsync(HttpResponseMessage response, string rule)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(409, (int)response.StatusCode, body);
        var problem = JsonNode.Parse(body)!;
        Assert.AreEqual(rule, (string?)problem["rule"], body);
        return (string)problem["detail"]!;
    }
}
