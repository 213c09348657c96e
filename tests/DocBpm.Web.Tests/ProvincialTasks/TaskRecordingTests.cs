using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>
/// A provincial task document typed in by the clerk (Article 12.1a; issue 20): its date and issuer are kept, the lead unit
/// and handler the clerk picks are a suggestion the Director's and the unit head's forms start from, and the form offers
/// pick-lists and day-first dates, to the clerk only. One host for the class: each test records its own document.
/// </summary>
[TestClass]
public sealed partial class TaskRecordingTests
{
    private static DocBpmWebFactory host = null!;
    private static HttpClient clerk = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        clerk = await host.LoginAsync("vanthu");
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    [TestMethod]
    public async Task Article12_1a_a_document_typed_in_keeps_its_date_and_issuer_and_the_clerks_suggestion_is_preselected_for_the_director_and_unit_head()
    {
        var document = await RecordAsync(clerk, "301/UBND-KGVX", ("Báo cáo tuyển sinh lớp 10", "GDTrH", "chuyenvien"), ("Rà soát biên chế", null, null));
        Assert.AreEqual("2026-12-02", (string?)document["documentDate"]);
        Assert.AreEqual("UBND tỉnh Lạng Sơn", (string?)document["issuingBody"]);
        var (first, second) = ((JsonObject)document["tasks"]![0]!, (JsonObject)document["tasks"]![1]!);
        Assert.AreEqual("GDTrH", (string?)first["proposedUnit"]);
        Assert.AreEqual("chuyenvien", (string?)first["proposedHandler"]);
        Assert.IsNull((string?)first["mainUnit"], "a suggestion, not an assignment: the Director assigns (Article 12.1a)");
        Assert.IsNull((string?)second["proposedUnit"]);
        var task = (Guid)first["id"]!;

        await Expect.SuccessAsync(await clerk.PostAsJsonAsync($"/api/provincial-tasks/{task}/reconcile", new { decision = "Accept" }));
        var director = WebUtility.HtmlDecode(await (await host.LoginAsync("giamdoc")).GetStringAsync($"/provincial-tasks/{task}"));
        StringAssert.Matches(director, SelectedUnit(), "the Director's form starts from the suggested unit");
        StringAssert.Contains(director, "Văn thư đề xuất");

        await Expect.SuccessAsync(await (await host.LoginAsync("giamdoc")).PostAsJsonAsync($"/api/provincial-tasks/{task}/assign", new { mainUnit = "GDTrH" }));
        var head = WebUtility.HtmlDecode(await (await host.LoginAsync("truongphong.gdtrh")).GetStringAsync($"/provincial-tasks/{task}"));
        StringAssert.Matches(head, SelectedHandler(), "the unit head's form starts from the suggested handler");
    }

    [TestMethod]
    public async Task Article12_1a_a_suggested_handler_outside_the_suggested_unit_or_an_unknown_unit_is_refused_and_nothing_is_stored()
    {
        var outside = await RecordResponseAsync(clerk, "302/UBND-KGVX", ("Kiểm tra cơ sở vật chất", "KHTC", "chuyenvien"));
        Assert.AreEqual(HttpStatusCode.BadRequest, outside.StatusCode);
        var problem = (await outside.Content.ReadFromJsonAsync<JsonNode>())!;
        StringAssert.Contains((string?)problem["errors"]!["lines[0].handler"]![0], "Dòng 1: Người xử lý chính phải là cán bộ của đơn vị chủ trì KHTC");

        var withoutUnit = await RecordResponseAsync(clerk, "302/UBND-KGVX", ("Kiểm tra cơ sở vật chất", null, "chuyenvien"));
        Assert.AreEqual(HttpStatusCode.BadRequest, withoutUnit.StatusCode);

        StringAssert.Contains(await Expect.RefusedAsync(await RecordResponseAsync(clerk, "302/UBND-KGVX", ("Kiểm tra cơ sở vật chất", "KHONGCO", null)),
            "unknown-unit"), "KHONGCO");

        var stored = await clerk.GetFromJsonAsync<JsonArray>("/api/provincial-tasks");
        Assert.IsFalse(stored!.Any(t => (string?)t!["documentCode"] == "302/UBND-KGVX"), "no refused document is stored");
    }

    [TestMethod]
    public async Task The_recording_form_is_the_clerks_with_unit_and_people_pick_lists_and_day_first_date_inputs()
    {
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync("/provincial-tasks/new"));
        StringAssert.Matches(page, DayFirstDate(), "a text input written dd/mm/yyyy, not a native date input");
        Assert.IsFalse(page.Contains("type=\"date\"", StringComparison.Ordinal));
        StringAssert.Contains(page, "<option value=\"GDTrH\">Phòng Giáo dục Trung học</option>");
        StringAssert.Matches(page, PeopleOfUnit(), "people by full name and position, grouped by their unit");
        Assert.IsFalse(page.Contains("value=\"quantri\"", StringComparison.Ordinal), "no system account is offered");
        Assert.AreEqual(3, Regex.Count(page, "name=\"Input.Lines\\[\\d\\].Content\""), "three empty lines to start with");

        var director = await host.LoginAsync("giamdoc");
        var refused = await director.GetAsync("/provincial-tasks/new");
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        StringAssert.Contains(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Chỉ Văn thư cập nhật văn bản giao nhiệm vụ.");
    }

    private static async Task<JsonNode> RecordAsync(HttpClient person, string code, params (string Content, string? Unit, string? Handler)[] lines)
    {
        var response = await RecordResponseAsync(person, code, lines);
        await Expect.SuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static Task<HttpResponseMessage> RecordResponseAsync(HttpClient person, string code, params (string Content, string? Unit, string? Handler)[] lines) =>
        person.PostAsJsonAsync("/api/provincial-tasks/documents", new
        {
            code,
            subject = "Về việc giao nhiệm vụ năm học 2026-2027",
            documentDate = "2026-12-02",
            issuingBody = "UBND tỉnh Lạng Sơn",
            lines = lines.Select(l => new { content = l.Content, deadline = VietnamTime.At(2026, 12, 18, 17, 0), mainUnit = l.Unit, handler = l.Handler }),
        });

    [GeneratedRegex("<option value=\"GDTrH\" selected[^>]*>")]
    private static partial Regex SelectedUnit();

    [GeneratedRegex("<option value=\"chuyenvien\" selected[^>]*>")]
    private static partial Regex SelectedHandler();

    [GeneratedRegex("<input id=\"documentDate\"[^>]*type=\"text\"[^>]*placeholder=\"dd/mm/yyyy\"")]
    private static partial Regex DayFirstDate();

    [GeneratedRegex("<optgroup label=\"Phòng Giáo dục Trung học\" data-unit=\"GDTrH\">\\s*(<option[^>]*>[^<]*</option>\\s*)*<option value=\"chuyenvien\">[^<(]+\\([^)]+\\)</option>")]
    private static partial Regex PeopleOfUnit();
}
