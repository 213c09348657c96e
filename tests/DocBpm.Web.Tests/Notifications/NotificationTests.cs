using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Notifications;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DocBpm.Web.Tests.Notifications;

/// <summary>
/// Notifications of issue 20: new work, returns, deadlines and e-mail, raised by the sweep from committed work, once per
/// person and event, and read only by their owner.
/// </summary>
[TestClass]
public sealed partial class NotificationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_submitted_draft_notifies_the_unit_head_once_and_a_return_notifies_the_drafter(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var drafter = await host.LoginAsync("chuyenvien");
        var head = await host.LoginAsync("truongphong.gdtrh");
        var id = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc tổ chức hội thi giáo viên giỏi", urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("v1"));

        Assert.AreEqual(0, await SweepAsync(host), "a drafter's own new draft is not news to anyone");
        await drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        Assert.AreEqual(1, await SweepAsync(host));
        Assert.AreEqual(0, await SweepAsync(host), "a second run of the job raises nothing again");

        var mine = await ListAsync(head);
        Assert.AreEqual(1, (int)mine["unread"]!);
        var item = mine["items"]![0]!;
        Assert.AreEqual("NewWork", (string?)item["kind"]);
        Assert.AreEqual($"/outgoing/{id}", (string?)item["link"]);
        StringAssert.Contains((string?)item["text"], "Về việc tổ chức hội thi giáo viên giỏi");
        Assert.AreEqual(0, (int)(await ListAsync(drafter))["total"]!);

        await head.StepAsync(id, "return", new { reason = "Sửa lại trích yếu" });
        await SweepAsync(host);
        var returned = (await ListAsync(drafter))["items"]![0]!;
        Assert.AreEqual("Returned", (string?)returned["kind"], "a Draft after a completed one is the document coming back");
        StringAssert.StartsWith((string?)returned["text"], "Văn bản bị trả lại");
    }

    [TestMethod]
    public async Task Article9_3_failed_signature_notifies_the_drafter_and_the_signing_leader_not_the_clerks()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (people, id) = await StepFailureTests.FailedSignatureAsync(host);
        await SweepAsync(host);
        await SweepAsync(host);

        foreach (var person in new[] { people.Drafter, people.Deputy })
        {
            var incident = (await ListAsync(person))["items"]!.AsArray().Single(i => (string?)i!["kind"] == "Incident")!;
            Assert.AreEqual($"/outgoing/{id}", (string?)incident["link"]);
            StringAssert.StartsWith((string?)incident["text"], "Sự cố khi xử lý văn bản: Về việc kiểm tra cơ sở vật chất");
        }

        Assert.IsFalse((await ListAsync(people.Clerk))["items"]!.AsArray().Any(i => (string?)i!["kind"] == "Incident"));
    }

    [TestMethod]
    public async Task Notification_of_a_group_task_reaches_each_member_and_only_its_owner_reads_or_marks_it()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var director = await host.LoginAsync("giamdoc");
        var deputy = await host.LoginAsync("phogiamdoc1");
        (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "sample-approval", variables = new { drafter = "chuyenvien" } }))
            .EnsureSuccessStatusCode();
        await SweepAsync(host);

        var directorsId = (Guid)(await ListAsync(director))["items"]![0]!["id"]!;
        Assert.AreEqual(1, (int)(await ListAsync(deputy))["unread"]!, "candidate group PhoGiamDoc reaches every deputy");
        Assert.AreEqual(0, (int)(await ListAsync(clerk))["total"]!);

        var foreign = await deputy.PostAsync($"/api/notifications/{directorsId}/read", null);
        Assert.AreEqual(HttpStatusCode.NotFound, foreign.StatusCode, "another person's notification does not exist for you");
        StringAssert.Contains((string?)(await foreign.Content.ReadFromJsonAsync<JsonNode>())!["detail"], "không có thông báo");
        Assert.AreEqual(1, (int)(await ListAsync(director))["unread"]!, "and it stays unread");

        Assert.AreEqual(HttpStatusCode.NoContent, (await director.PostAsync($"/api/notifications/{directorsId}/read", null)).StatusCode);
        Assert.AreEqual(0, (int)(await ListAsync(director))["unread"]!);
        var marked = await OutgoingClient.Ok(await deputy.PostAsync("/api/notifications/read-all", null));
        Assert.AreEqual(1, (int)marked!["marked"]!);

        var bad = await deputy.GetAsync("/api/notifications?page=0");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "Trang phải là số");
        var page = await director.GetStringAsync("/notifications");
        var bell = Bell().Match(WebUtility.HtmlDecode(page));
        Assert.IsTrue(bell.Success, "the bell is a link with the unread count in its name and on it");
        StringAssert.Contains(bell.Value, "<svg class=\"bell-icon\" aria-hidden=\"true\"", "drawn: the page fonts have no emoji");
        Assert.IsFalse(bell.Value.Contains("\U0001F514", StringComparison.Ordinal), "no emoji, which showed as an empty box");
        StringAssert.Contains(WebUtility.HtmlDecode(page), "Lãnh đạo xem xét", "the list shows the task's name");
    }

    [TestMethod]
    public async Task Notification_deadline_two_working_days_ahead_is_due_soon_then_passed_each_once()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await host.LoginAsync("phantich");
        (await analyst.PostAsync("/api/definitions", new StringContent(DueTask, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        // Monday 08:00; two working days on is Wednesday 08:00, the edge of "sắp đến hạn".
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 23, 8, 0));
        var clerk = await host.LoginAsync("vanthu");
        await StartDueTaskAsync(clerk, VietnamTime.At(2026, 11, 25, 8, 0));
        await StartDueTaskAsync(clerk, VietnamTime.At(2026, 11, 25, 8, 1));

        await SweepAsync(host);
        var staff = await host.LoginAsync("chuyenvien");
        var kinds = (await ListAsync(staff))["items"]!.AsArray().Select(i => (string?)i!["kind"]).ToList();
        Assert.AreEqual(1, kinds.Count(k => k == "DeadlineSoon"), "only the task due within two working days is due soon");
        Assert.AreEqual(2, kinds.Count(k => k == "NewWork"));

        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 25, 8, 0));
        staff = await host.LoginAsync("chuyenvien");
        await SweepAsync(host);
        kinds = [.. (await ListAsync(staff))["items"]!.AsArray().Select(i => (string?)i!["kind"])];
        Assert.AreEqual(2, kinds.Count(k => k == "DeadlineSoon"));
        Assert.AreEqual(0, kinds.Count(k => k == "DeadlinePassed"), "at the deadline instant the task is not yet late");

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync(host);
        await SweepAsync(host);
        kinds = [.. (await ListAsync(staff))["items"]!.AsArray().Select(i => (string?)i!["kind"])];
        Assert.AreEqual(2, kinds.Count(k => k == "DeadlinePassed"));
        Assert.AreEqual(6, kinds.Count, "each event once");
    }

    [TestMethod]
    public async Task Notification_is_emailed_through_the_configured_smtp_server_and_a_dead_server_is_retried_later()
    {
        await using var smtp = new LoopbackSmtpServer();
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        host.Settings["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Settings["Notifications:Smtp:UseTls"] = "false";
        host.Settings["Notifications:Smtp:From"] = "vanphong@sgddt.langson.gov.vn";
        host.Settings["Notifications:Smtp:SiteUrl"] = "https://vanban.sgddt.langson.gov.vn";
        var clerk = await host.LoginAsync("vanthu");
        (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "sample-approval", variables = new { drafter = "chuyenvien" } }))
            .EnsureSuccessStatusCode();
        await SweepAsync(host);

        Assert.AreEqual(3, await MailAsync(host), "the Director and both deputies");
        Assert.AreEqual(0, await MailAsync(host), "sent once");
        var toDirector = smtp.Messages.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m))))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "giamdoc@sgddt.langson.gov.vn"));
        Assert.AreEqual("[Văn bản] Việc mới", toDirector.Subject);
        StringAssert.Contains(toDirector.TextBody, "Lãnh đạo xem xét");
        StringAssert.Contains(toDirector.TextBody, "https://vanban.sgddt.langson.gov.vn/", "the link to open, from the site's address");
        Assert.AreEqual(host.Clock.GetUtcNow(), toDirector.Date, "dated by the application's clock");

        await smtp.DisposeAsync();
        (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "sample-approval", variables = new { drafter = "chuyenvien" } }))
            .EnsureSuccessStatusCode();
        await SweepAsync(host);
        Assert.AreEqual(0, await MailAsync(host), "the server is gone: nothing sent, nothing thrown");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var waiting = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Notification>()
                .Where(n => n.EmailedAt == null).ToListAsync();
            Assert.AreEqual(3, waiting.Count);
            Assert.IsTrue(waiting.All(n => n.EmailAttempts == 1 && n.EmailRetryAt > host.Clock.GetUtcNow()), "tried again after a wait");
        }
    }

    private static async Task StartDueTaskAsync(HttpClient client, DateTimeOffset due) =>
        (await client.PostAsJsonAsync("/api/instances", new { definitionKey = "due-task", variables = new { due = due.ToString("O") } }))
            .EnsureSuccessStatusCode();

    private const string DueTask = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="due-task" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="work" name="Báo cáo số liệu"><bpmn:extensionElements><docbpm:assignment assignee="chuyenvien" dueDate="=due"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<int> SweepAsync(DocBpmWebFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<int> MailAsync(DocBpmWebFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None);
    }

    private static async Task<JsonNode> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonNode>("/api/notifications"))!;

    [GeneratedRegex("<a href=\"/notifications\" id=\"bell\"[^>]*aria-label=\"Thông báo: (?<n>\\d+) chưa đọc\"[^>]*>.*?<span class=\"count\">\\k<n></span></a>",
        RegexOptions.Singleline)]
    private static partial Regex Bell();
}
