using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using static DocBpm.Web.Tests.Records.RecordAnswers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Notifications;
using DocBpm.Web.Records;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;
using DocBpm.Web.Tests.ProvincialTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// Issue 18's year in one path, on one host with the axis: the plan approved through its process, a file opened from it,
/// documents of the three procedures filed (one also in the unit head's file), the file closed, the keeper warned 30 days
/// before it falls due, handed in, returned, handed in again and accepted, the papers printed and the package exported.
/// The finer rules of each step have their own tests (HandoverTests, FilePlanApprovalTests, RecordFileTests).
/// </summary>
[TestClass]
public sealed class YearThroughTests
{
    private static async Task<byte[]> FileAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
        Assert.AreEqual(mediaType, response.Content.Headers.ContentType?.MediaType, url);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [TestMethod]
    public async Task Decree30_Articles28_to_31_a_year_from_the_approved_plan_through_filing_the_three_procedures_to_the_accepted_handover()
    {
        await using var scenario = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var host = scenario.Host;
        var (office, director, clerk, staff, head) = (scenario.OfficeChief, scenario.Director, scenario.Clerk, scenario.Handler, scenario.UnitHead);

        var plan = (Guid)(await OkAsync(await office.PostAsJsonAsync("/api/records/plans", new { year = 2026, serialPerHeading = false })))["id"]!;
        var heading = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Giáo dục trung học", abbreviation = "GDTrH" })))["id"]!;
        var file = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"),
            new { headingId = heading, title = "Hồ sơ kỳ thi tốt nghiệp năm 2026", retentionYears = 10, keeper = "chuyenvien", unitCode = "GDTrH" })))["id"]!;
        await office.ApprovePlanAsync(director, plan, "01/QĐ-SGDĐT");
        await OkAsync(await staff.PostAsync($"/api/records/files/{file}/open", null));

        var incoming = await clerk.UploadAsync(host, "Về việc tổ chức kỳ thi tốt nghiệp năm 2026");
        await clerk.RegisterAsync(incoming, "Về việc tổ chức kỳ thi tốt nghiệp năm 2026");
        (await director.AssignAsync(incoming, "person:chuyenvien")).EnsureSuccessStatusCode();
        var outgoing = await staff.CreateOutgoingAsync(new
        {
            typeCode = "TTr", subject = "Tờ trình tổ chức kỳ thi tốt nghiệp", recipients = new object[] { new { kind = "Unit", code = "KHTC" } },
        });
        var task = await scenario.TaskAtHandlerAsync("301", "Báo cáo công tác chuẩn bị kỳ thi tốt nghiệp", VietnamTime.At(2026, 12, 4, 17, 0));
        var reply = (Guid)(await OkAsync(await scenario.StartReplyAsync(task)))["id"]!;
        foreach (var (kind, documentId) in new[] { ("Incoming", incoming), ("Outgoing", outgoing), ("Outgoing", reply) })
            await OkAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/documents", new { kind, documentId }));
        var headsFile = (Guid)(await OkAsync(await head.PostAsJsonAsync("/api/records/files",
            new { title = "Hồ sơ công tác thi của phòng", notation = "09.GDTrH", retentionYears = 10 })))["id"]!;
        await OkAsync(await head.PostAsJsonAsync($"/api/records/files/{headsFile}/documents", new { kind = "Incoming", documentId = incoming }));
        Assert.AreEqual(2, (await OkAsync(await director.GetAsync($"/api/records/documents/Incoming/{incoming}/files"))).AsArray().Count,
            "the incoming document is in the keeper's and the head's files, stored once");
        var closed = await OkAsync(await staff.PostAsJsonAsync($"/api/records/files/{file}/close", new { permanent = false, retentionYears = 10 }));
        Assert.AreEqual(3, (int)closed["documents"]!, "an incoming, an outgoing and a provincial task's reply");
        var due = DateOnly.Parse((string)closed["endDate"]!, System.Globalization.CultureInfo.InvariantCulture).AddMonths(12);

        await scenario.UntilAsync(VietnamTime.At(due.AddDays(-30), new TimeOnly(7, 0)));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HandoverWarnings>().RunOnceAsync(CancellationToken.None);
            Assert.AreEqual(1, await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Notification>()
                .CountAsync(n => n.Kind == NotificationKind.HandoverDue && n.SourceId == file && n.UserName == "chuyenvien"), "the keeper is warned 30 days ahead");
        }

        await scenario.UntilAsync(VietnamTime.At(due, new TimeOnly(8, 0)));
        var (keeper, archivist) = (scenario.Handler, await host.LoginAsync("luutru"));
        await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } }));
        Assert.AreEqual("Returned", (string?)await OkAsync(await archivist.PostAsJsonAsync($"/api/records/handover/files/{file}/return",
            new { reason = "Thiếu báo cáo đã ban hành" })));
        var submission = await OkAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { file } }));
        Assert.AreEqual("Accepted", (string?)await OkAsync(await archivist.PostAsync($"/api/records/handover/files/{file}/accept", null)));

        var id = (Guid)submission["id"]!;
        var code = (string)submission["files"]![0]!["file"]!["code"]!;
        StringAssert.StartsWith(code, "000.00.12.H37.2026.01.GDTRH", "the plan's notation in the file code");
        foreach (var paper in new[] { "list.pdf", "record.pdf" })
            StringAssert.StartsWith(Encoding.ASCII.GetString(await FileAsync(archivist, $"/api/records/handover/submissions/{id}/{paper}", "application/pdf"), 0, 5), "%PDF-");
        using var package = new ZipArchive(new MemoryStream(await FileAsync(archivist, $"/api/records/handover/submissions/{id}/package.zip", "application/zip")));
        Assert.IsNotNull(package.GetEntry("METS.xml"));
        await using var ead = package.GetEntry("metadata/descriptive/EAD.xml")!.Open();
        StringAssert.Contains(await new StreamReader(ead).ReadToEndAsync(), code, "the package describes the accepted file");
    }
}
