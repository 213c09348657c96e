using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Outgoing;
using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// The outgoing list and search (issue 20): the Director, the clerks and the office chief find every outgoing document,
/// others what the document page lets them read, filtered by book, number, date, type, unit, signer and urgency.
/// </summary>
[TestClass]
public sealed class OutgoingSearchTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly string[] Everyone =
        ["giamdoc", "phogiamdoc1", "phogiamdoc2", "chanhvanphong", "vanthu", "truongphong.gdtrh", "truongphong.khtc", "chuyenvien", "chuyenvien.khtc",
            "chuyenvien.gdmnth", "quantri", "phantich"];

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_the_outgoing_list_shows_each_person_exactly_the_documents_their_page_opens_for(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var (people, issued, draft) = await IssuedAndDraftAsync(host);

        foreach (var userName in Everyone)
        {
            var person = userName == "chuyenvien" ? people.Drafter : await host.LoginAsync(userName);
            var listed = Ids(await SearchAsync(person, ""));
            var readable = new List<Guid>();
            foreach (var id in new[] { issued, draft })
            {
                if ((await person.GetAsync($"/api/outgoing/{id}")).StatusCode == HttpStatusCode.OK)
                    readable.Add(id);
            }
            CollectionAssert.AreEquivalent(readable, listed, $"{userName}: the list follows the document page's rule");
        }

        foreach (var follower in new[] { "giamdoc", "vanthu", "chanhvanphong" })
            CollectionAssert.AreEquivalent(new[] { issued, draft }, Ids(await SearchAsync(await host.LoginAsync(follower), "")), follower);
        Assert.AreEqual(0, Ids(await SearchAsync(await host.LoginAsync("chuyenvien.gdmnth"), "")).Count, "another unit's officer sees none");
        Assert.AreEqual(0, Ids(await SearchAsync(await host.LoginAsync("quantri"), "")).Count, "administering gives no right to read documents");
        CollectionAssert.AreEquivalent(new[] { issued }, Ids(await SearchAsync(await host.LoginAsync("chuyenvien.khtc"), "")),
            "a recipient unit's officer reads what reached the unit, not the other unit's draft");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_clerks_filter_outgoing_documents_by_book_number_date_type_unit_signer_and_urgency(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var (people, issued, draft) = await IssuedAndDraftAsync(host);
        var page = await people.Clerk.PageAsync(issued);
        string[] finding =
        [
            $"book={RegisterBookSeed.Outgoing}", "number=01", $"number={Uri.EscapeDataString("QĐ-SGDĐT")}", "from=25/11/2026", "to=2026-11-25", "from=1/11/2026&to=30/11/2026",
            $"type={Uri.EscapeDataString("QĐ")}", $"unit=GDTrH&type={Uri.EscapeDataString("QĐ")}", "signer=phogiamdoc1", $"signer={Uri.EscapeDataString("Nông Thị")}", "urgency=Flash",
            $"text={Uri.EscapeDataString("khen thưởng")}",
        ];
        foreach (var filter in finding)
            CollectionAssert.AreEqual(new[] { issued }, Ids(await SearchAsync(people.Clerk, filter)), filter);
        string[] missing = [$"book={Guid.CreateVersion7()}", "number=2", "from=26/11/2026", "to=24/11/2026", "type=CV", "unit=KHTC", "signer=giamdoc", "urgency=Normal", "urgency=urgent"];
        foreach (var filter in missing)
            Assert.IsFalse(Ids(await SearchAsync(people.Clerk, filter)).Contains(issued), filter);
        CollectionAssert.AreEqual(new[] { draft }, Ids(await SearchAsync(people.Clerk, "urgency=urgent")), "urgency by name, any case");
        CollectionAssert.AreEquivalent(new[] { issued, draft }, Ids(await SearchAsync(people.Clerk, "unit=GDTrH")), "both were drafted in GDTrH");
        Assert.AreEqual("01/QĐ-SGDĐT", (string?)page["numberAndNotation"]);

        var first = await SearchAsync(people.Clerk, "pageSize=1");
        var second = await SearchAsync(people.Clerk, "pageSize=1&page=2");
        Assert.AreEqual(1, Ids(first).Count);
        CollectionAssert.AreEquivalent(new[] { issued, draft }, Ids(first).Concat(Ids(second)).ToList(), "two pages of one: both, once each");
        // Not counted to the end (issue 19): the first page knows only that more follow, the last page the exact number.
        Assert.AreEqual((1, true, true), ((int)first["total"]!, (bool)first["totalCapped"]!, (bool)first["hasNext"]!), "more than one");
        Assert.AreEqual((2, false, false), ((int)second["total"]!, (bool)second["totalCapped"]!, (bool)second["hasNext"]!), "the last page counts");
        var past = await SearchAsync(people.Clerk, "pageSize=1&page=3");
        Assert.AreEqual(0, Ids(past).Count, "past the end: empty, not an error");
        Assert.AreEqual((2, false), ((int)past["total"]!, (bool)past["hasNext"]!), "past the end: the matches before it counted");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Outgoing_search_filters_it_does_not_understand_are_refused_in_Vietnamese(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        (string Query, string Field, string Says)[] refusals =
        [
            ("from=31/02/2026", "from", "ngày/tháng/năm"),
            ("to=12-02-2026", "to", "ngày/tháng/năm"),
            ("from=02/12/2026&to=01/12/2026", "to", "sau hoặc bằng"),
            ("urgency=5", "urgency", "Độ khẩn"),
            ("book=abc", "book", "Sổ văn bản"),
            ("page=0", "page", "Trang"),
            // The rows before the page must stay an int at the largest page size.
            ($"page={int.MaxValue / OutgoingFilter.MaxPageSize + 1}&pageSize={OutgoingFilter.MaxPageSize}", "page", "Trang"),
            ("pageSize=1000", "pageSize", "Số dòng"),
        ];
        foreach (var (query, field, says) in refusals)
        {
            var response = await clerk.GetAsync($"/api/outgoing?{query}");
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, query);
            var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
            StringAssert.Contains((string?)problem["errors"]![field]![0], says, query);
        }
    }

    [TestMethod]
    public async Task Article9_the_Director_finds_outgoing_documents_on_the_page_with_dates_written_day_first()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (_, issued, draft) = await IssuedAndDraftAsync(host);
        var director = await host.LoginAsync("giamdoc");

        var all = await PageAsync(director, "/outgoing");
        StringAssert.Contains(all, "Tìm thấy 2 văn bản");
        var found = await PageAsync(director, "/outgoing?from=25%2F11%2F2026&to=25%2F11%2F2026&unit=GDTrH&urgency=Flash");
        StringAssert.Contains(found, "Tìm thấy 1 văn bản");
        StringAssert.Contains(found, $"/outgoing/{issued}");
        StringAssert.Contains(found, "25/11/2026", "the document date, day first");
        StringAssert.Contains(found, "Nông Thị Phó", "the signer");
        Assert.IsFalse(found.Contains($"/outgoing/{draft}", StringComparison.Ordinal));

        var refused = await PageAsync(director, "/outgoing?from=31%2F02%2F2026");
        StringAssert.Contains(refused, "Từ ngày phải theo dạng ngày/tháng/năm");

        var incoming = await PageAsync(director, "/incoming?from=01%2F11%2F2026&to=30%2F11%2F2026");
        StringAssert.Contains(incoming, "value=\"01/11/2026\"", "the incoming search keeps the dates as typed, day first");
        Assert.IsFalse(incoming.Contains("không hợp lệ", StringComparison.Ordinal));
        StringAssert.Contains(await PageAsync(director, "/incoming?from=11%2F31%2F2026"), "hãy ghi theo dạng ngày/tháng/năm",
            "a month-first date is refused, not read as another day");
    }

    /// <summary>A GDTrH decision, Hỏa tốc, signed by the supervising deputy and issued to TCCB; and a GDTrH draft (Khẩn).</summary>
    internal static async Task<(OutgoingPeople People, Guid Issued, Guid Draft)> IssuedAndDraftAsync(DocBpmWebFactory host)
    {
        host.Settings["Exchange:AgencyCode"] = AxisServer.Department;
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var issued = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "QĐ", subject = "Quyết định khen thưởng giáo viên", urgency = "Flash",
            recipients = new object[] { new { kind = "Unit", code = "KHTC" } },
        });
        await people.ToClerkAsync(issued, "quyết định");
        await people.IssueAsync(issued);
        var draft = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc rà soát thiết bị dạy học", urgency = "Urgent",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        return (people, issued, draft);
    }

    /// <summary>A page's HTML with its character references decoded, as a person reads it.</summary>
    internal static async Task<string> PageAsync(HttpClient person, string path) => WebUtility.HtmlDecode(await person.GetStringAsync(path));

    private static async Task<JsonNode> SearchAsync(HttpClient person, string query) =>
        (await Ok(await person.GetAsync($"/api/outgoing?{query}")))!;

    private static List<Guid> Ids(JsonNode results) => [.. results["items"]!.AsArray().Select(i => (Guid)i!["id"]!)];
}
