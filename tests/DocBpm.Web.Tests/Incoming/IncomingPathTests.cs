using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Article 8 end to end over HTTP: a paper document from upload to completion, on SQLite and PostgreSQL.</summary>
[TestClass]
public sealed class IncomingPathTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article8_a_paper_document_is_registered_assigned_reassigned_and_completed_with_every_action_journalled(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 27, 17, 5).ToUniversalTime()); // a Friday, after working hours
        var clerk = await host.LoginAsync("vanthu");

        var id = await clerk.UploadAsync(host, "Về việc tuyển sinh lớp 10");
        var arrived = await clerk.DetailAsync(id);
        Assert.AreEqual("Arrived", (string?)arrived["summary"]!["status"]);
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 7, 30), (DateTimeOffset)arrived["summary"]!["receivedAt"]!,
            "Article 10.2: entered after hours on Friday, received at the start of Monday's working hours");
        StringAssert.Contains(WebUtility.HtmlDecode(await clerk.GetStringAsync($"/incoming/{id}")),
            "Văn bản đến Hệ thống lúc 17:05 27/11/2026, ngoài giờ làm việc; theo Điều 10.2", "the page explains why it counts from Monday");
        Assert.IsTrue((bool)arrived["actions"]!["register"]!);
        Assert.AreEqual("ReferenceOnly", (string?)arrived["signature"]?["legalStatus"], $"Article 4: a scan without a digital signature is for reference only; {arrived["signature"]}");
        var file = arrived["files"]!.AsArray().Single()!;
        CollectionAssert.AreEqual(IncomingClient.Pdf, await clerk.GetByteArrayAsync((string)file["url"]!), "the stored file is served as uploaded");

        Assert.AreEqual(1, await clerk.RegisterAsync(id));
        Assert.AreEqual(2, await clerk.RegisterAsync(await clerk.UploadAsync(host, "Về việc thi học sinh giỏi")), "incoming numbers follow each other");

        var director = await host.LoginAsync("giamdoc");
        Assert.IsTrue((await director.InboxAsync()).Any(t => (Guid?)t!["documentId"] == id && (string?)t["elementId"] == "DirectorInstruction"));
        (await director.AssignAsync(id, "unit:GDTrH", ["unit:KHTC"], ["person:chuyenvien.gdmnth"])).EnsureSuccessStatusCode();

        var informed = (await (await host.LoginAsync("chuyenvien.gdmnth")).GetFromJsonAsync<JsonArray>("/api/inbox/shared"))!.Single()!;
        Assert.AreEqual("Information", (string?)informed["role"], "a for-information recipient finds the document beside the inbox");
        Assert.AreEqual(id, (Guid)informed["document"]!["id"]!);

        var head = await host.LoginAsync("truongphong.gdtrh");
        var task = (await head.InboxAsync()).Single(t => (Guid?)t!["documentId"] == id)!;
        Assert.AreEqual("Process", (string?)task["elementId"], "work assigned to a unit reaches its head");
        (await head.PostAsJsonAsync($"/api/incoming/{id}/reassign", new
        {
            instruction = "Đồng chí Viên nghiên cứu, dự thảo văn bản trả lời.", mainHandler = "person:chuyenvien", deadline = "2026-12-03",
        })).EnsureSuccessStatusCode();
        Assert.AreEqual(0, (await head.InboxAsync()).Count(t => (Guid?)t!["documentId"] == id), "handed on: no longer in the head's inbox");

        var staff = await host.LoginAsync("chuyenvien");
        Assert.AreEqual(VietnamTime.At(2026, 12, 4, 0, 0), (DateTimeOffset)(await staff.InboxAsync()).Single(t => (Guid?)t!["documentId"] == id)!["deadline"]!);
        (await staff.PostAsJsonAsync($"/api/incoming/{id}/complete", new { result = "Đã dự thảo công văn trả lời, trình lãnh đạo ký." }))
            .EnsureSuccessStatusCode();

        var done = await clerk.DetailAsync(id);
        Assert.AreEqual("Completed", (string?)done["summary"]!["status"]);
        Assert.AreEqual("Giao Phòng GDTrH chủ trì tham mưu, báo cáo trước thời hạn.", (string?)done["instruction"]);
        var roots = done["assignments"]!.AsArray();
        Assert.AreEqual("Main Coordinating Information", string.Join(" ", roots.Select(r => (string?)r!["role"])));
        var main = roots[0]!;
        Assert.IsTrue((bool)main["delegated"]!);
        Assert.AreEqual("chuyenvien", (string?)main["children"]!.AsArray().Single()!["assignee"], "the re-assignment hangs under the unit's line");
        var history = done["history"]!.AsArray().Select(h => $"{h!["action"]}:{h["userName"]}").ToList();
        CollectionAssert.AreEqual(
            new[] { "uploaded:vanthu", "registered:vanthu", "assigned:giamdoc", "reassigned:truongphong.gdtrh", "completed:chuyenvien" }, history);
        Assert.AreEqual(0, (await staff.InboxAsync()).Count);
    }

    [TestMethod]
    public async Task Urgent_documents_come_first_in_the_inbox_and_overdue_work_is_flagged()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var normal = await clerk.UploadAsync(host, "Thường");
        var flash = await clerk.UploadAsync(host, "Hỏa tốc", "Flash");
        var urgent = await clerk.UploadAsync(host, "Khẩn", "Urgent");

        var order = (await clerk.InboxAsync()).Select(t => (Guid)t!["documentId"]!).ToList();
        CollectionAssert.AreEqual(new[] { flash, urgent, normal }, order, "Hỏa tốc, then Khẩn, then ordinary");

        await clerk.RegisterAsync(normal);
        var director = await host.LoginAsync("giamdoc");
        (await director.AssignAsync(normal, "person:chuyenvien", deadline: "2026-11-25")).EnsureSuccessStatusCode();
        var staff = await host.LoginAsync("chuyenvien");
        Assert.IsFalse((bool)(await staff.InboxAsync()).Single()!["overdue"]!);
        host.Clock.Advance(TimeSpan.FromDays(3));
        staff = await host.LoginAsync("chuyenvien");
        Assert.IsTrue((bool)(await staff.InboxAsync()).Single()!["overdue"]!, "past the deadline day");
        Assert.IsTrue((bool)(await staff.DetailAsync(normal))["summary"]!["overdue"]!);
    }

    [TestMethod]
    public async Task Article8_1b_the_clerk_returns_a_document_with_a_reason_and_it_leaves_the_inbox()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Gửi nhầm nơi nhận");

        var withoutReason = await clerk.PostAsJsonAsync($"/api/incoming/{id}/return", new { reason = " " });
        Assert.AreEqual(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.IsNotNull((await withoutReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["reason"]);
        Assert.AreEqual("Arrived", (string?)(await clerk.DetailAsync(id))["summary"]!["status"], "a refused step changes nothing");

        (await clerk.PostAsJsonAsync($"/api/incoming/{id}/return", new { reason = "Văn bản gửi nhầm, không thuộc thẩm quyền của Sở." }))
            .EnsureSuccessStatusCode();
        var returned = await clerk.DetailAsync(id);
        Assert.AreEqual("Returned", (string?)returned["summary"]!["status"]);
        Assert.AreEqual("Văn bản gửi nhầm, không thuộc thẩm quyền của Sở.", (string?)returned["returnReason"]);
        Assert.AreEqual(0, (await clerk.InboxAsync()).Count);
        Assert.AreEqual(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/incoming/{id}/register", IncomingClient.Fields("x"))).StatusCode);
    }

    [TestMethod]
    public async Task Bad_input_is_refused_field_by_field_in_Vietnamese_and_stores_nothing()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");

        var response = await clerk.PostAsync("/api/incoming", IncomingClient.PaperForm(" ", withFile: false));
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        StringAssert.Contains((string?)errors["subject"]![0], "Trích yếu");
        StringAssert.Contains((string?)errors["files"]![0], "tệp");
        Assert.AreEqual(0, (int)(await clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!);

        var id = await clerk.UploadAsync(host, "Về việc A");
        await clerk.RegisterAsync(id);
        var director = await host.LoginAsync("giamdoc");
        var bad = await director.AssignAsync(id, "unit:KHONGCO", deadline: "2020-01-01");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        var assignErrors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.IsNotNull(assignErrors["mainHandler"]);
        Assert.IsNotNull(assignErrors["deadline"]);
        Assert.AreEqual("Registered", (string?)(await director.DetailAsync(id))["summary"]!["status"]);
    }

    [TestMethod]
    public async Task A_unit_head_reassigns_only_to_people_of_the_unit_and_only_while_holding_the_document()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc B");
        await clerk.RegisterAsync(id);
        (await (await host.LoginAsync("giamdoc")).AssignAsync(id, "unit:GDTrH")).EnsureSuccessStatusCode();

        var head = await host.LoginAsync("truongphong.gdtrh");
        var outside = await head.PostAsJsonAsync($"/api/incoming/{id}/reassign", new { mainHandler = "person:chuyenvien.khtc" });
        Assert.AreEqual(HttpStatusCode.BadRequest, outside.StatusCode, "a person of another unit is outside the head's scope");
        var otherHead = await host.LoginAsync("truongphong.tccb");
        Assert.AreEqual(HttpStatusCode.NotFound,
            (await otherHead.PostAsJsonAsync($"/api/incoming/{id}/reassign", new { mainHandler = "person:chuyenvien" })).StatusCode,
            "another unit's head does not even see the document");
        var deputy = await host.LoginAsync("phogiamdoc1");
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await deputy.PostAsJsonAsync($"/api/incoming/{id}/reassign", new { mainHandler = "person:chuyenvien" })).StatusCode,
            "a deputy re-assigns only what is assigned to them");
    }

    [TestMethod]
    public async Task Search_finds_by_number_notation_subject_sender_dates_and_status_and_pages()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        for (var i = 0; i < 3; i++)
            await clerk.RegisterAsync(await clerk.UploadAsync(host, $"Về việc số {i}"), $"Về việc chuyển đổi số đợt {i}");
        await clerk.UploadAsync(host, "Về việc chưa vào sổ");

        async Task<JsonObject> Search(string query) => (await clerk.GetFromJsonAsync<JsonObject>($"/api/incoming?{query}"))!;
        Assert.AreEqual(4, (int)(await Search(""))["total"]!);
        Assert.AreEqual("Về việc chuyển đổi số đợt 1", (string?)(await Search("number=2"))["items"]![0]!["subject"]);
        Assert.AreEqual(3, (int)(await Search("subject=CHUYỂN đổi"))["total"]!);
        Assert.AreEqual(4, (int)(await Search("notation=15/UBND"))["total"]!);
        Assert.AreEqual(4, (int)(await Search("sender=Cao Lộc"))["total"]!);
        Assert.AreEqual(1, (int)(await Search("status=Arrived"))["total"]!);
        Assert.AreEqual(4, (int)(await Search("from=2026-11-23&to=2026-11-23"))["total"]!);
        Assert.AreEqual(0, (int)(await Search("from=2026-11-24"))["total"]!);
        var page = await Search("pageSize=3&page=2");
        Assert.AreEqual(1, page["items"]!.AsArray().Count);
        Assert.AreEqual(4, (int)page["total"]!);
    }

    [TestMethod]
    public async Task Vietnamese_typed_decomposed_is_stored_composed_and_found_either_way()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var decomposed = "Về việc tuyển sinh".Normalize(System.Text.NormalizationForm.FormD);

        var id = await clerk.UploadAsync(host, decomposed);

        Assert.AreEqual("Về việc tuyển sinh".Normalize(), (string?)(await clerk.DetailAsync(id))["summary"]!["subject"]);
        Assert.AreEqual(1, (int)(await clerk.GetFromJsonAsync<JsonObject>($"/api/incoming?subject={Uri.EscapeDataString("tuyển sinh".Normalize(System.Text.NormalizationForm.FormD))}"))!["total"]!);
    }
}
