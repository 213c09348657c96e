using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;
using static DocBpm.Web.Tests.Records.RecordAnswers;

namespace DocBpm.Web.Tests.Records;

/// <summary>NĐ30 Articles 28–30 over HTTP: the annual file plan, files kept by the people doing the work, closing.</summary>
[TestClass]
public sealed class RecordFileTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>A plan with two headings and three files, the first kept by <paramref name="keeper"/>; not yet approved.</summary>
    private static async Task<(Guid Plan, JsonNode[] Files)> PlanAsync(HttpClient office, int year, bool serialPerHeading, string? keeper = null)
    {
        var plan = (Guid)(await OkAsync(await office.PostAsJsonAsync("/api/records/plans", new { year, serialPerHeading })))["id"]!;
        var staff = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Tổ chức cán bộ", abbreviation = "tccb" })))["id"]!;
        var finance = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Kế hoạch tài chính", abbreviation = "KHTC" })))["id"]!;
        var files = new[]
        {
            await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"), new { headingId = staff, title = "Hồ sơ tuyển dụng viên chức", retentionYears = (int?)null, keeper })),
            await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"), new { headingId = staff, title = "Hồ sơ nâng lương", retentionYears = 20 })),
            await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"), new { headingId = finance, title = "Hồ sơ dự toán ngân sách", retentionYears = 10 })),
        };
        return (plan, files);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_the_office_numbers_the_plan_the_Director_approves_it_and_it_is_then_fixed(DatabaseProvider provider)
    {
        await using var host = await RecordsHost.StartAsync(provider);
        var office = await host.LoginAsync("chanhvanphong");
        var director = await host.LoginAsync("giamdoc");

        var (through, files) = await PlanAsync(office, 2026, serialPerHeading: false);
        var (perHeading, restarted) = await PlanAsync(office, 2027, serialPerHeading: true);

        CollectionAssert.AreEqual(new[] { "01.TCCB", "02.TCCB", "03.KHTC" }, files.Select(f => (string?)f["notation"]).ToArray(), "one serial through the plan");
        CollectionAssert.AreEqual(new[] { "01.TCCB", "02.TCCB", "01.KHTC" }, restarted.Select(f => (string?)f["notation"]).ToArray(), "from 01 under each heading");
        Assert.AreEqual("000.00.12.H37.2026.01.TCCB", (string?)files[0]["code"], "OrganId + FileCatalog + FileNotation (NĐ30 Phụ lục VI)");
        Assert.AreEqual("Vĩnh viễn", (string?)files[0]["retention"]);
        await RefusedAsync(await (await host.LoginAsync("chuyenvien")).PostAsJsonAsync("/api/records/plans", new { year = 2025, serialPerHeading = false }),
            HttpStatusCode.Forbidden, "not-office");
        await RefusedAsync(await office.PostAsJsonAsync("/api/records/plans", new { year = 2026, serialPerHeading = true }), HttpStatusCode.Conflict, "plan-exists");
        await office.SubmitPlanAsync(through);
        await RefusedAsync(await (await host.LoginAsync("phogiamdoc1")).PostAsJsonAsync($"/api/records/plans/{through}/approve", new { }),
            HttpStatusCode.Forbidden, "not-reviewer");

        Assert.AreEqual(HttpStatusCode.NoContent,
            (await director.PostAsJsonAsync(await director.PlanChangeAsync(through, "/approve"), new { decision = "05/QĐ-SGDĐT" })).StatusCode);
        var approved = await OkAsync(await office.GetAsync($"/api/records/plans/{through}"));
        Assert.AreEqual("Approved", (string?)approved["state"]);
        Assert.AreEqual(1, (int)approved["permanent"]!);
        Assert.AreEqual(2, (int)approved["limited"]!);
        await RefusedAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(through, "/headings"), new { title = "Thi đua", abbreviation = "TĐ" }),
            (HttpStatusCode)422, "plan-approved");
        Assert.AreEqual("Draft", (string?)(await OkAsync(await office.GetAsync($"/api/records/plans/{perHeading}")))["state"]);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Articles29_30_the_keeper_files_documents_by_reference_in_order_and_closes_the_file(DatabaseProvider provider)
    {
        await using var host = await RecordsHost.StartAsync(provider);
        var (office, director, clerk) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("giamdoc"), await host.LoginAsync("vanthu"));
        var (staff, head) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("truongphong.gdtrh"));
        var (plan, files) = await PlanAsync(office, 2026, serialPerHeading: false, keeper: "chuyenvien");
        var file = (Guid)files[0]["id"]!;
        var assigned = await clerk.UploadAsync(host, "Về việc tuyển dụng viên chức năm 2026");
        await clerk.RegisterAsync(assigned, "Về việc tuyển dụng viên chức năm 2026");
        (await director.AssignAsync(assigned, "person:chuyenvien")).EnsureSuccessStatusCode();
        var notHis = await clerk.UploadAsync(host, "Về việc khác");
        var draft = await staff.CreateOutgoingAsync(new
        {
            typeCode = "TTr", subject = "Tờ trình tuyển dụng viên chức", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });

        await RefusedAsync(await staff.PostAsync($"/api/records/files/{file}/open", null), (HttpStatusCode)422, "plan-not-approved");
        await office.ApprovePlanAsync(director, plan);
        await RefusedAsync(await head.PostAsync($"/api/records/files/{file}/open", null), HttpStatusCode.Forbidden, "not-keeper");
        await OkAsync(await staff.PostAsync($"/api/records/files/{file}/open", null));
        await OkAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Incoming", documentId = assigned }));
        await OkAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Outgoing", documentId = draft }));
        var unreadable = await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Incoming", documentId = notHis });
        Assert.AreEqual(HttpStatusCode.NotFound, unreadable.StatusCode, "one files only what one may read");
        await RefusedAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Incoming", documentId = assigned }),
            (HttpStatusCode)422, "already-filed");
        var headsFile = (Guid)(await OkAsync(await head.PostAsJsonAsync("/api/records/files", new { title = "Hồ sơ công tác tuyển dụng của phòng", notation = "05.GDTrH", retentionYears = 10 })))["id"]!;
        await OkAsync(await head.PostAsJsonAsync($"/api/records/files/{headsFile}/documents", new { kind = "Incoming", documentId = assigned }));

        var view = await OkAsync(await staff.GetAsync($"/api/records/files/{file}"));
        CollectionAssert.AreEqual(new[] { "1:Incoming:15/UBND-VP", "2:Outgoing:" },
            view["documents"]!.AsArray().Select(d => $"{d!["ordinal"]}:{d["kind"]}:{d["numberAndNotation"]}").ToArray(), "ordinals given by the system");
        Assert.AreEqual(2, (await OkAsync(await director.GetAsync($"/api/records/documents/Incoming/{assigned}/files"))).AsArray().Count,
            "one document in two people's files, stored once");
        Assert.AreEqual(1, (await OkAsync(await staff.GetAsync($"/api/records/documents/Incoming/{assigned}/files"))).AsArray().Count,
            "the specialist sees his own file, not the head's");

        var outgoingEntry = (Guid)view["documents"]![1]!["id"]!;
        (await staff.DeleteAsync($"/api/records/files/{file}/documents/{outgoingEntry}")).EnsureSuccessStatusCode();
        await RefusedAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/close", new { }), (HttpStatusCode)422, "retention-unconfirmed");
        var closed = await OkAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/close", new { permanent = false, retentionYears = 20 }));
        Assert.AreEqual("Closed", (string?)closed["state"]);
        Assert.AreEqual("20 năm", (string?)closed["retention"], "the keeper re-decided the retention on closing");
        Assert.AreEqual("2026-11-23", (string?)closed["endDate"]);
        await RefusedAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind = "Outgoing", documentId = draft }),
            (HttpStatusCode)422, "file-closed");

        var xml = XDocument.Parse(await (await staff.GetAsync($"/api/records/files/{file}/metadata")).Content.ReadAsStringAsync());
        Assert.AreEqual("000.00.12.H37", xml.Root!.Element("FileCode")!.Element("OrganId")!.Value);
        Assert.AreEqual("01.TCCB", xml.Root.Element("FileCode")!.Element("FileNotation")!.Value);
        Assert.AreEqual("1", xml.Root.Element("DocTotal")!.Value);
        Assert.AreEqual("1", xml.Root.Element("Documents")!.Element("Document")!.Element("DocOrdinal")!.Value, "the ordinals closed up");
        Assert.AreEqual(HttpStatusCode.NotFound, (await (await host.LoginAsync("quantri")).GetAsync($"/api/records/files/{file}")).StatusCode,
            "the IT admin reads no documents through files");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article11_4_the_file_list_shows_each_reader_the_files_they_may_see_counted_and_paged_by_the_database(DatabaseProvider provider)
    {
        await using var host = await RecordsHost.StartAsync(provider);
        var (office, director) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("giamdoc"));
        var (staff, head, otherHead) = (await host.LoginAsync("chuyenvien"), await host.LoginAsync("truongphong.gdtrh"), await host.LoginAsync("truongphong.khtc"));
        var (plan, _) = await PlanAsync(office, 2026, serialPerHeading: false, keeper: "CHUYENVIEN");
        await office.ApprovePlanAsync(director, plan);
        await OkAsync(await staff.PostAsJsonAsync("/api/records/files", new { title = "Hồ sơ chuyên đề của chuyên viên", notation = "05.GDTrH", retentionYears = 10 }));

        async Task<(int Total, string[] Notations)> ListAsync(HttpClient client, string query = "")
        {
            var page = await OkAsync(await client.GetAsync($"/api/records/files{query}"));
            return ((int)page["total"]!, [.. page["items"]!.AsArray().Select(f => (string)f!["notation"]!)]);
        }

        var (staffTotal, staffFiles) = await ListAsync(staff);
        Assert.AreEqual(2, staffTotal, "the keeper's planned file (login in another case) and his own file");
        CollectionAssert.AreEquivalent(new[] { "01.TCCB", "05.GDTrH" }, staffFiles);
        CollectionAssert.AreEqual(new[] { "05.GDTrH" }, (await ListAsync(head)).Notations, "a unit head sees his unit's files, not the plan's others");
        Assert.AreEqual(0, (await ListAsync(otherHead)).Total, "another unit's head sees none of them");

        var (officeTotal, all) = await ListAsync(office, "?pageSize=3");
        var (secondTotal, rest) = await ListAsync(office, "?pageSize=3&page=2");
        Assert.AreEqual(4, officeTotal, "the office that organises filing sees every file");
        Assert.AreEqual(4, secondTotal);
        Assert.AreEqual(3, all.Length);
        CollectionAssert.AreEquivalent(new[] { "01.TCCB", "02.TCCB", "03.KHTC", "05.GDTrH" }, all.Concat(rest).ToArray(), "pages neither repeat nor skip");
    }

    [TestMethod]
    public async Task Article11_4_the_file_page_offers_for_filing_the_outgoing_documents_the_keeper_may_read_by_the_outgoing_search_rule()
    {
        await using var host = await RecordsHost.StartAsync(DatabaseProvider.Sqlite);
        var (clerk, staff, otherStaff) = (await host.LoginAsync("vanthu"), await host.LoginAsync("chuyenvien"), await host.LoginAsync("chuyenvien.khtc"));
        await staff.CreateOutgoingAsync(new { typeCode = "TTr", subject = "Tờ trình mua sắm thiết bị dạy học", recipients = new object[] { new { kind = "Unit", code = "KHTC" } } });

        async Task<string> FilePageAsync(HttpClient keeper, string notation)
        {
            var file = (Guid)(await OkAsync(await keeper.PostAsJsonAsync("/api/records/files", new { title = "Hồ sơ thử", notation, retentionYears = 5 })))["id"]!;
            return WebUtility.HtmlDecode(await keeper.GetStringAsync($"/records/files/{file}"));
        }

        StringAssert.Contains(await FilePageAsync(clerk, "07.VP"), "Tờ trình mua sắm thiết bị dạy học",
            "the clerk reads every outgoing document, drafted in any unit, so may file it");
        Assert.IsFalse((await FilePageAsync(otherStaff, "08.KHTC")).Contains("Tờ trình mua sắm thiết bị dạy học", StringComparison.Ordinal),
            "a specialist of another unit may not read the draft, so is not offered it");
    }
}
