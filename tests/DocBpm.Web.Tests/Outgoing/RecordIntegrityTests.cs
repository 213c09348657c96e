using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>One number, one identifier (Articles 7.3, 11.2): held by the allocator across hosts and by the database itself.</summary>
[TestClass]
public sealed class RecordIntegrityTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>Two hosts share one database on the products that run as a cluster.</summary>
    public static IEnumerable<object[]> ClusterProviders =>
        TestDatabase.Providers.Where(p => (DatabaseProvider)p[0] != DatabaseProvider.Sqlite);

    private const int DocumentCount = 4;

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task Article7_3_and_11_2_documents_issued_concurrently_from_two_hosts_get_distinct_numbers_and_identifiers(DatabaseProvider provider)
    {
        await using var first = await DocBpmWebFactory.CreateAsync(provider);
        first.Settings["Exchange:AgencyCode"] = AxisServer.Department;
        OutgoingPeople.UseTestKeys(first, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(first);
        var ids = new List<Guid>();
        for (var i = 0; i < DocumentCount; i++)
        {
            var id = await people.Drafter.CreateOutgoingAsync(new
            {
                typeCode = "QĐ",
                subject = $"Quyết định số {i}",
                recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
            });
            await people.ToClerkAsync(id, $"bản {i}");
            ids.Add(id);
        }
        await using var second = await DocBpmWebFactory.CreateWithSchedulerAsync(provider, first.Database);
        second.Settings["Exchange:AgencyCode"] = AxisServer.Department;
        var clerks = new[] { people.Clerk, await second.LoginAsync("vanthu") };

        var issued = await Task.WhenAll(ids.Select((id, i) => clerks[i % 2].PostAsync($"/api/outgoing/{id}/issue", null)));

        foreach (var response in issued)
            await OutgoingClient.Ok(response);
        await using var scope = first.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<OutgoingDocument>().AsNoTracking()
            .Where(d => ids.Contains(d.Id)).Select(d => new { d.NumberAndNotation, d.NationalId }).ToListAsync();
        Assert.AreEqual(DocumentCount, rows.Select(r => r.NumberAndNotation).Distinct().Count(), string.Join(", ", rows.Select(r => r.NumberAndNotation)));
        Assert.AreEqual(DocumentCount, rows.Select(r => r.NationalId).OfType<string>().Distinct().Count(), "one national identifier each");
        CollectionAssert.AreEquivalent(Enumerable.Range(1, DocumentCount).Select(n => $"{n:00}/QĐ-SGDĐT").ToList(),
            rows.Select(r => r.NumberAndNotation).ToList(), "the numbers follow one another, none lost");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article7_3_and_11_2_the_database_refuses_a_second_row_with_a_used_identifier_or_number_and_notation(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        const string identifier = "000.00.12.H37,2026/12/06,01/QĐ-SGDĐT";
        await SaveAsync(host, Issued(1, "01/QĐ-SGDĐT", identifier));

        var sameIdentifier = Issued(2, "02/QĐ-SGDĐT", identifier);
        var sameNumberAndNotation = Issued(3, "01/QĐ-SGDĐT", "000.00.12.H37,2026/12/06,03/QĐ-SGDĐT");

        await Assert.ThrowsExactlyAsync<DbUpdateException>(() => SaveAsync(host, sameIdentifier), "a national identifier is used once");
        await Assert.ThrowsExactlyAsync<DbUpdateException>(() => SaveAsync(host, sameNumberAndNotation), "a number + notation is used once per book and year");
        await SaveAsync(host, Issued(4, "04/QĐ-SGDĐT", "000.00.12.H37,2026/12/06,04/QĐ-SGDĐT"));
    }

    private static OutgoingDocument Issued(int number, string numberAndNotation, string nationalId) => new()
    {
        Id = Guid.CreateVersion7(),
        TypeCode = "QĐ",
        TypeName = "Quyết định",
        Subject = $"Quyết định {number}",
        DraftingUnit = "GDTrH",
        Drafter = "chuyenvien",
        Stage = OutgoingStage.Issued,
        RegisterBookId = RegisterBookSeed.Outgoing,
        RegisterYear = 2026,
        Number = number,
        Notation = "QĐ-SGDĐT",
        NumberAndNotation = numberAndNotation,
        NationalId = nationalId,
    };

    private static async Task SaveAsync(DocBpmWebFactory host, OutgoingDocument document)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        db.Set<OutgoingDocument>().Add(document);
        await db.SaveChangesAsync();
    }
}
