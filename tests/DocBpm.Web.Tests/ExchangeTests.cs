using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Incoming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests;

/// <summary>DocBpm.Web (the Department) and the Provincial People's Committee exchanging documents through a running axis.</summary>
[TestClass]
public sealed class ExchangeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    internal static byte[] FromProvince(string number, bool withFile = true, byte[]? file = null) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            number, "UBND-KGVX", "Lạng Sơn", new DateOnly(2026, 11, 27), new EdxmlDocumentType(2, "Công văn"),
            "Về việc triển khai kế hoạch chuyển đổi số", new EdxmlSigner("KT. CHỦ TỊCH", "Phó Chủ tịch", "Lê Văn C"),
            new EdxmlOtherInfo(EdxmlPriority.Urgent), $"{Province},2026/11/27,{number}/UBND-KGVX"),
        [new EdxmlTrace(Province, VietnamTime.At(2026, 11, 27, 17, 0))], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        withFile ? [new EdxmlAttachment("f", $"{number}.pdf", "application/pdf", file ?? "%PDF-1.7 cong van"u8.ToArray())] : []));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_document_from_the_province_is_registered_once_with_its_receipt_time_and_statuses_flow_back(DatabaseProvider provider)
    {
        await using var scenario = await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 27, 17, 5));
        var (host, province, clerk) = (scenario.Host, scenario.Province, scenario.Clerk);

        var receipt = await province.SendAsync(FromProvince("88"), CancellationToken.None);
        await province.SendAsync(FromProvince("88"), CancellationToken.None);
        var pulled = await (await clerk.PostAsync("/api/exchange/pull", null)).Content.ReadFromJsonAsync<int>();
        await host.RunDueWorkAsync();

        Assert.AreEqual(2, pulled);
        var received = (await clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Single()!;
        Assert.AreEqual(receipt.DocumentId, (string?)received["documentId"]);
        Assert.AreEqual(VietnamTime.At(2026, 11, 27, 17, 5), (DateTimeOffset)received["arrivedAt"]!);
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 7, 30), (DateTimeOffset)received["receivedAt"]!, "Article 10.2: after hours on Friday counts from Monday morning");
        Assert.AreEqual("01", (await province.StatusesAsync(receipt.DocumentId, CancellationToken.None)).Single().StatusCode);

        Assert.AreEqual(receipt.DocumentId, (string?)(await clerk.MyTaskAsync("ClerkCheck"))["businessKey"]);
        var incoming = await InboxDocumentAsync(clerk, "ClerkCheck");
        await scenario.StepAsync(() => clerk.RegisterAsync(incoming));
        var director = await host.LoginAsync("giamdoc");
        await scenario.StepAsync(async () => (await director.AssignAsync(incoming, "person:chuyenvien")).EnsureSuccessStatusCode());
        var staff = await host.LoginAsync("chuyenvien");
        await scenario.StepAsync(async () =>
            (await staff.PostAsJsonAsync($"/api/incoming/{incoming}/complete", new { result = "Đã triển khai kế hoạch" })).EnsureSuccessStatusCode());

        var statuses = await province.StatusesAsync(receipt.DocumentId, CancellationToken.None);
        Assert.AreEqual("01 03 04 05 06", string.Join(" ", statuses.Select(s => s.StatusCode)),
            "every state change of the received document reaches the sender (Article 6.3)");
    }

    [TestMethod]
    public async Task A_recall_notice_is_handed_to_the_incoming_process_and_the_sender_is_told()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var (province, clerk) = (scenario.Province, scenario.Clerk);
        var receipt = await province.SendAsync(FromProvince("91"), CancellationToken.None);
        await scenario.PullAsync();

        var recall = EdxmlReader.ReadPackage(FromProvince("91")).Value! with
        {
            Business = new EdxmlBusiness(BusinessDocType.Revoke, "Ban hành nhầm", null, false),
        };
        await province.SendAsync(EdxmlWriter.Write(recall), CancellationToken.None);
        await scenario.PullAsync();

        var tasks = (await clerk.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!;
        Assert.IsTrue(tasks.Any(t => (string?)t!["elementId"] == "RecallReport"), "the clerk reports the recall to the office leaders");
        Assert.IsFalse(tasks.Any(t => (string?)t!["elementId"] == "ClerkCheck"), "the recalled document leaves the inbox");
        (await clerk.PostAsync($"/api/incoming/{await InboxDocumentAsync(clerk, "RecallReport")}/recall", null)).EnsureSuccessStatusCode();
        await scenario.Host.RunDueWorkAsync();
        CollectionAssert.Contains((await province.StatusesAsync(receipt.DocumentId, CancellationToken.None)).Select(s => s.StatusCode).ToList(), "15");
    }

    /// <summary>The incoming document of the person's task at <paramref name="elementId"/>, from the inbox.</summary>
    private static async Task<Guid> InboxDocumentAsync(HttpClient person, string elementId) =>
        (Guid)(await person.InboxAsync()).Single(t => (string?)t!["elementId"] == elementId)!["documentId"]!;

    [TestMethod]
    public async Task A_package_without_its_document_file_is_refused_with_a_status_and_reason()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var (province, clerk) = (scenario.Province, scenario.Clerk);

        var receipt = await province.SendAsync(FromProvince("90", withFile: false), CancellationToken.None);
        await scenario.PullAsync();

        var status = (await province.StatusesAsync(receipt.DocumentId, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "không kèm tệp");
        Assert.AreEqual(0, (await clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Count, "nothing is registered");
    }

    [TestMethod]
    public async Task Article3_a_package_whose_attachment_is_not_what_it_claims_is_refused_with_the_reason()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

        var receipt = await scenario.Province.SendAsync(FromProvince("91", file: program), CancellationToken.None);
        await scenario.PullAsync();

        var status = (await scenario.Province.StatusesAsync(receipt.DocumentId, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "không thuộc định dạng được chấp nhận");
        Assert.AreEqual(0, (await scenario.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Count, "nothing is registered");
    }

    private const string DispatchProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="send-out" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="dispatch"><bpmn:extensionElements><docbpm:activity type="DispatchToBus">
              <docbpm:input name="document" expression="document"/><docbpm:input name="recipients" expression="recipients"/><docbpm:input name="fileIds" expression="fileIds"/>
              <docbpm:output name="documentId" variable="sentDocumentId"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="track"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="dispatch"/>
            <bpmn:sequenceFlow id="f2" sourceRef="dispatch" targetRef="track"/>
            <bpmn:sequenceFlow id="f3" sourceRef="track" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_dispatch_survives_the_axis_being_down_and_the_recipients_status_is_tracked(DatabaseProvider provider)
    {
        await using var axisDb = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var axisClock = new FakeTimeProvider(VietnamTime.At(2026, 11, 30, 10, 0));
        var axis = Start(axisDb, axisClock);
        var port = axis.Port;
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        axis.Connect(host);
        var analyst = await host.LoginAsync("phantich");
        var admin = await host.LoginAsync("quantri");
        (await analyst.PostAsync("/api/definitions", new StringContent(DispatchProcess, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var fileId = await StoreFileAsync(host);
        var started = await admin.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "send-out",
            variables = new
            {
                document = new { codeNumber = "15", codeNotation = "SGDĐT-VP", place = "Lạng Sơn", promulgationDate = "2026-11-30", documentTypeCode = 2,
                    documentTypeName = "Công văn", subject = "Về việc báo cáo chuyển đổi số", signerName = "Nguyễn Văn A" },
                recipients = new[] { Province },
                fileIds = new[] { fileId },
            },
        });
        started.EnsureSuccessStatusCode();
        var documentId = $"{Department},2026/11/30,15/SGDĐT-VP";

        axis.Dispose();
        await host.RunDueWorkAsync();
        var queued = (await admin.GetFromJsonAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString(documentId)}"))!.Single()!;
        Assert.AreEqual("Queued", (string?)queued["state"], "the axis is down: nothing is lost, the outbox keeps it");

        axisClock.Advance(TimeSpan.FromMinutes(3));
        using var restarted = Start(axisDb, axisClock, port);
        host.Clock.Advance(WorkflowRuntime.Backoff(1));
        await host.RunDueWorkAsync();
        var sent = (await admin.GetFromJsonAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString(documentId)}"))!.Single()!;
        Assert.AreEqual("Sent", (string?)sent["state"]);
        Assert.AreEqual(axisClock.GetUtcNow(), (DateTimeOffset)sent["sentAt"]!, "the send time is the axis's receipt time (Article 10.1)");

        var province = restarted.ClientFor(Province);
        var arrived = (await province.PendingAsync(CancellationToken.None)).Single();
        Assert.AreEqual(documentId, arrived.DocumentId);
        await province.SendStatusAsync(EdxmlWriter.Write(new EdxmlStatus(
            new EdxmlResponseFor(Department, "15/SGDĐT-VP", new DateOnly(2026, 11, 30), documentId),
            new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), ExchangeStatus.InProgress, "Đang xử lý tại Văn phòng UBND", axisClock.GetUtcNow(), null)),
            CancellationToken.None);
        await admin.PostAsync("/api/exchange/pull", null);

        var tracked = (await admin.GetFromJsonAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString(documentId)}"))!.Single()!;
        Assert.AreEqual("InProgress", (string?)tracked["lastStatus"]);
        Assert.AreEqual("Đang xử lý tại Văn phòng UBND", (string?)tracked["lastStatusNote"]);
    }

    private static async Task<Guid> StoreFileAsync(DocBpmWebFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var file = scope.ServiceProvider.GetRequiredService<FileStore>().Add("15-SGDDT-VP.pdf", "application/pdf", "%PDF-1.7 da ky"u8.ToArray());
        await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        return file.Id;
    }
}
