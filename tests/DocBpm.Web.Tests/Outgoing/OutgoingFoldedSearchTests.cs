using System.Text;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Data;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// A clerk typing "ke hoach" or "qđ-sgdđt" finds "Kế hoạch …" and "15/QĐ-SGDĐT": the outgoing search compares the
/// summary, the number and notation and the signer's name without case or diacritics, as the incoming search does, and
/// still shows only what the reader may open; every write of those fields keeps their keys in step.
/// </summary>
[TestClass]
public sealed class OutgoingFoldedSearchTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Outgoing_documents_are_found_by_summary_notation_and_signer_typed_without_case_or_diacritics_as_they_change(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var (people, issued, draft) = await OutgoingSearchTests.IssuedAndDraftAsync(host);
        var clerk = people.Clerk;

        string[] finding =
        [
            "text=khen thuong", "text=KHEN THƯỞNG", "text=" + "khen thưởng".Normalize(NormalizationForm.FormD), "text=quyet  dinh khen",
            "number=qđ-sgdđt", "number=qd-sgddt", "number=01/QD", "signer=nong thi", "signer=NÔNG THỊ PHÓ", "signer=phogiamdoc1",
        ];
        foreach (var filter in finding)
            CollectionAssert.AreEqual(new[] { issued }, await IdsAsync(clerk, filter), filter);
        CollectionAssert.AreEqual(new[] { draft }, await IdsAsync(clerk, "text=ra soat thiet bi"), "the draft by its summary");
        string[] missing = ["text=khen_thuong", "text=%", "text=khen%giao", "number=qd_sgddt", "signer=nong%pho", "signer=phogiamdoc"];
        foreach (var filter in missing)
            Assert.IsEmpty(await IdsAsync(clerk, filter), $"{filter}: the pattern's own characters are typed text, not wildcards");

        CollectionAssert.AreEqual(new[] { issued }, await IdsAsync(await host.LoginAsync("chuyenvien.khtc"), "text=khen thuong"),
            "the recipient unit's officer finds what reached the unit");
        Assert.IsEmpty(await IdsAsync(await host.LoginAsync("chuyenvien.khtc"), "text=ra soat thiet bi"), "not another unit's draft");
        Assert.IsEmpty(await IdsAsync(await host.LoginAsync("chuyenvien.gdmnth"), "text=khen thuong"), "nor what never reached them");

        // The setters fold every write of a searched field (numbering and signing above; here a changed summary).
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
            var document = await db.Set<OutgoingDocument>().SingleAsync(d => d.Id == draft);
            document.Subject = "Về việc kiểm kê tài sản cuối năm";
            await db.SaveChangesAsync();
        }
        Assert.IsEmpty(await IdsAsync(clerk, "text=ra soat thiet bi"), "a changed summary is not found by its old words");
        CollectionAssert.AreEqual(new[] { draft }, await IdsAsync(clerk, "text=kiem ke tai san"), "but by its new ones");
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient person, string query)
    {
        var (name, value) = (query[..query.IndexOf('=')], query[(query.IndexOf('=') + 1)..]);
        var results = (await Ok(await person.GetAsync($"/api/outgoing?{name}={Uri.EscapeDataString(value)}")))!;
        return [.. results["items"]!.AsArray().Select(i => (Guid)i!["id"]!)];
    }
}
