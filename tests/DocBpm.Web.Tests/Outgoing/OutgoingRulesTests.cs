using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>The rules around the outgoing path: the issue deadline of Article 6.2, urgency first, and refusals that change nothing.</summary>
[TestClass]
public sealed class OutgoingRulesTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly object Draft = new
    {
        typeCode = "QĐ",
        subject = "Quyết định thành lập đoàn kiểm tra",
        recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
    };

    [TestMethod]
    public async Task Article6_2_a_document_signed_on_Friday_afternoon_not_issued_by_Monday_morning_is_escalated_to_clerk_and_office_chief()
    {
        var friday = VietnamTime.At(2026, 11, 27, 15, 0);
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, friday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(Draft);
        await people.ToClerkAsync(id, "quyết định");

        var check = await people.Clerk.MyTaskAsync("ClerkCheck");
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 11, 30), (DateTimeOffset)check["dueDate"]!, "at the latest the next working morning");
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 30, 10, 29).ToUniversalTime());
        await host.RunDueWorkAsync();
        people = await OutgoingPeople.SignInAsync(host);
        var officeChief = await host.LoginAsync("chanhvanphong");
        Assert.IsFalse(await HasTaskAsync(officeChief, "IssueOverdue"), "no warning before the lead time");

        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 30, 10, 31).ToUniversalTime());
        await host.RunDueWorkAsync();
        Assert.IsTrue(await HasTaskAsync(officeChief, "IssueOverdue"), "the office chief is warned an hour before the deadline");
        Assert.IsTrue(await HasTaskAsync(people.Clerk, "IssueOverdue"));

        var issued = await people.IssueAsync(id);
        Assert.AreEqual("01/QĐ-SGDĐT", (string?)issued["numberAndNotation"], "a typed document's notation is type-agency");
        Assert.IsFalse(await HasTaskAsync(officeChief, "IssueOverdue"), "the warning ends with the issue");
    }

    [TestMethod]
    public async Task Article6_2_an_urgent_signed_document_comes_first_in_the_clerks_inbox_and_a_flash_one_is_due_within_two_hours()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var normal = await people.Drafter.CreateOutgoingAsync(Draft);
        var flash = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CĐ",
            subject = "Công điện về phòng chống bão",
            urgency = "Flash",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(normal, "thường");
        await people.ToClerkAsync(flash, "hỏa tốc");

        var inbox = (await people.Clerk.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Where(t => (string?)t!["elementId"] == "ClerkCheck").ToList();
        Assert.AreEqual(flash.ToString(), (string?)inbox[0]!["businessKey"], "urgent documents first");
        Assert.AreEqual(OutgoingPeople.Wednesday.AddHours(2), (DateTimeOffset)inbox[0]!["dueDate"]!, "sent right after signing");
        var items = (await people.Clerk.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Where(t => (string?)t!["elementId"] == "ClerkCheck").ToList();
        Assert.AreEqual(flash, (Guid?)items[0]!["outgoingId"], "the inbox line links the outgoing document");
        Assert.AreEqual("Công điện về phòng chống bão", (string?)items[0]!["subject"]);
        Assert.AreEqual("Flash", (string?)items[0]!["urgency"]);
        Assert.AreEqual(normal, (Guid?)items[1]!["outgoingId"]);
    }

    [TestMethod]
    public async Task Article6_2_a_flash_document_signed_on_Sunday_is_due_two_clock_hours_later_and_escalated_before()
    {
        var sunday = VietnamTime.At(2026, 11, 29, 10, 16);
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, sunday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CĐ",
            subject = "Công điện về ứng phó mưa lũ",
            urgency = "Flash",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(id, "hỏa tốc");

        var check = await people.Clerk.MyTaskAsync("ClerkCheck");
        Assert.AreEqual(VietnamTime.At(2026, 11, 29, 12, 16), (DateTimeOffset)check["dueDate"]!, "clock hours, not Monday's working hours");
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 29, 11, 15).ToUniversalTime());
        await host.RunDueWorkAsync();
        Assert.IsFalse(await HasTaskAsync(await host.LoginAsync("chanhvanphong"), "IssueOverdue"), "no warning before the lead time");
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 29, 11, 17).ToUniversalTime());
        await host.RunDueWorkAsync();
        Assert.IsTrue(await HasTaskAsync(await host.LoginAsync("chanhvanphong"), "IssueOverdue"), "the office chief is warned an hour before, on Sunday");
    }

    [TestMethod]
    [DataRow("Confidential")]
    [DataRow("Secret")]
    [DataRow("TopSecret")]
    public async Task Article5_2_and_11_1_a_state_secret_draft_is_refused_and_no_form_offers_a_secret_level(string level)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");
        var clerk = await host.LoginAsync("vanthu");

        var secret = await drafter.PostAsJsonAsync("/api/outgoing", new
        {
            typeCode = "QĐ",
            subject = "Quyết định về công tác bảo vệ bí mật nhà nước",
            confidentiality = level,
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });

        await AssertProblemAsync(secret, HttpStatusCode.UnprocessableEntity, "Điều 5 khoản 2, Điều 11 khoản 1");
        Assert.AreEqual(0, (int)(await drafter.GetFromJsonAsync<JsonNode>("/api/outgoing"))!["total"]!, "nothing was stored");
        foreach (var (client, page) in new[] { (drafter, "/outgoing"), (clerk, "/incoming/new") })
        {
            var html = await client.GetStringAsync(page);
            foreach (var mark in new[] { "Độ mật", "Tối mật", "Tuyệt mật" })
                Assert.IsFalse(html.Contains(mark, StringComparison.Ordinal), $"{page} offers {mark}");
        }
        var books = (await clerk.GetFromJsonAsync<JsonArray>("/api/registers"))!.Select(b => (string?)b!["code"]).ToList();
        CollectionAssert.AreEquivalent(new[] { "DEN", "DI" }, books, "no confidential register book");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Refused_steps_explain_themselves_in_Vietnamese_and_change_nothing(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var drafter = await host.LoginAsync("chuyenvien");
        var head = await host.LoginAsync("truongphong.gdtrh");

        var unknownAgency = await drafter.PostAsJsonAsync("/api/outgoing", new
        {
            typeCode = "CV",
            subject = "Về việc báo cáo",
            recipients = new object[] { new { kind = "Agency", code = "000.00.99.H37" } },
        });
        await AssertProblemAsync(unknownAgency, HttpStatusCode.UnprocessableEntity, "danh bạ cơ quan");
        Assert.AreEqual(0, (int)(await drafter.GetFromJsonAsync<JsonNode>("/api/outgoing"))!["total"]!, "nothing was stored");
        await AssertProblemAsync(await drafter.PostAsJsonAsync("/api/outgoing", new { typeCode = "XX", subject = "Về việc" }),
            HttpStatusCode.UnprocessableEntity, "Phụ lục III");

        var id = await drafter.CreateOutgoingAsync(Draft);
        using var text = new StringContent("không phải PDF");
        text.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        await AssertProblemAsync(await drafter.PostAsync($"/api/outgoing/{id}/versions?kind=Main&fileName=du-thao.pdf", text),
            HttpStatusCode.UnprocessableEntity, "du-thao.pdf");
        await AssertProblemAsync(await drafter.PostAsJsonAsync($"/api/outgoing/{id}/submit", new { }), HttpStatusCode.UnprocessableEntity, "tệp dự thảo");
        Assert.AreEqual(0, (await drafter.PageAsync(id))["versions"]!.AsArray().Count);

        await drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("v1"));
        await drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await AssertProblemAsync(await head.PostAsJsonAsync($"/api/outgoing/{id}/return", new { reason = " " }),
            HttpStatusCode.UnprocessableEntity, "Lý do trả lại");
        await AssertProblemAsync(await drafter.PostAsJsonAsync($"/api/outgoing/{id}/approve", new { }), HttpStatusCode.Forbidden, "không được giao");
        await AssertProblemAsync(await drafter.PostAsJsonAsync($"/api/outgoing/{id}/sign", new { }), HttpStatusCode.Conflict, "không ở bước này");
        var page = await drafter.PageAsync(id);
        Assert.AreEqual("Reviewing", (string?)page["stage"]);
        Assert.AreEqual("UnitHeadCheck", (string?)page["openSteps"]![0]!["elementId"], "the refused steps left the process where it was");
        Assert.AreEqual(HttpStatusCode.NotFound, (await (await host.LoginAsync("chuyenvien.gdmnth")).GetAsync($"/api/outgoing/{id}")).StatusCode,
            "a document is not shown to people it does not concern");
    }

    private static async Task<bool> HasTaskAsync(HttpClient client, string elementId) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == elementId);
}
