using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Clerks type without Vietnamese input or in capitals and still find the document, on SQLite and PostgreSQL.</summary>
[TestClass]
public sealed class IncomingSearchTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Search_ignores_accents_case_and_d_stroke_in_subject_sender_and_notation(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var plan = await clerk.UploadAsync(host, "Kế hoạch tuyển sinh lớp 10 năm học 2027-2028");
        var contest = await clerk.UploadAsync(host, "Về việc đăng ký dự thi");
        await RegisterAsync(clerk, contest, "Về việc ĐĂNG KÝ dự thi học sinh giỏi", "Sở Giáo dục và Đào tạo Bắc Giang", "SGDĐT-GDTrH");

        Assert.AreEqual(plan, await FindOneAsync(clerk, "subject=ke hoach"));
        Assert.AreEqual(plan, await FindOneAsync(clerk, "subject=KẾ HOẠCH"));
        Assert.AreEqual(plan, await FindOneAsync(clerk, "subject=ke  hoach TUYEN sinh"));
        Assert.AreEqual(contest, await FindOneAsync(clerk, "subject=DANG KY"));
        Assert.AreEqual(contest, await FindOneAsync(clerk, "subject=đăng ký"));
        Assert.AreEqual(contest, await FindOneAsync(clerk, "sender=so giao duc va dao tao bac giang"));
        Assert.AreEqual(plan, await FindOneAsync(clerk, "sender=CAO LOC"));
        Assert.AreEqual(contest, await FindOneAsync(clerk, "notation=sgddt"));
        Assert.AreEqual(0, await TotalAsync(clerk, "subject=ke hoach&sender=bac giang"), "the filters still combine");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Search_after_the_clerk_corrects_the_subject_finds_the_new_subject_not_the_old(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc tập huấn cán bộ quản lý");
        Assert.AreEqual(id, await FindOneAsync(clerk, "subject=tap huan"));

        await clerk.RegisterAsync(id, "Kế hoạch bồi dưỡng giáo viên");

        Assert.AreEqual(0, await TotalAsync(clerk, "subject=tap huan"));
        Assert.AreEqual(id, await FindOneAsync(clerk, "subject=boi duong giao vien"));
    }

    private static async Task RegisterAsync(HttpClient clerk, Guid id, string subject, string sender, string notation) =>
        (await clerk.PostAsJsonAsync($"/api/incoming/{id}/register", new
        {
            issuingAgency = sender, codeNumber = "27", codeNotation = notation, documentDate = "2026-11-20",
            documentType = "Công văn", subject, signer = "Lê Văn Thành", urgency = "Normal", pageCount = 1,
        })).EnsureSuccessStatusCode();

    private static async Task<JsonObject> SearchAsync(HttpClient clerk, string query) =>
        (await clerk.GetFromJsonAsync<JsonObject>($"/api/incoming?{query}"))!;

    private static async Task<int> TotalAsync(HttpClient clerk, string query) => (int)(await SearchAsync(clerk, query))["total"]!;

    /// <summary>The id of the only document found; fails if none or several are.</summary>
    private static async Task<Guid> FindOneAsync(HttpClient clerk, string query)
    {
        var result = await SearchAsync(clerk, query);
        Assert.AreEqual(1, (int)result["total"]!, query);
        return (Guid)result["items"]![0]!["id"]!;
    }
}
