using DocBpm.Documents.Registers;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Registers;

/// <summary>NĐ30 art. 15 and 22: per book and year, from 01, unique, never reused, no gaps — under concurrency.</summary>
[TestClass]
public sealed class RegisterNumbersTests
{
    private const int Year = 2026;

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Parallel_allocations_with_rollbacks_give_exactly_1_to_k_without_gaps_or_duplicates(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        const int steps = 24;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, steps).Select(i => Task.Run(() => host.InScopeAsync(async sp =>
        {
            var numbers = sp.GetRequiredService<RegisterNumbers>();
            var db = sp.GetRequiredService<DbContext>();
            try
            {
                return await numbers.RetryOnConflictAsync(async ct =>
                {
                    var number = await numbers.AllocateAsync(RegisterBookSeed.Incoming, Year, ct);
                    await Task.Delay(i % 5, ct); // hold the number a moment, as a step with more work would
                    db.Add(new NumberedRecord { Id = Guid.CreateVersion7(), BookId = number.BookId, Year = number.Year, Number = number.Value });
                    await db.SaveChangesAsync(ct);
                    if (i % 3 == 0)
                        throw new InvalidOperationException("a later part of the step failed after its SaveChanges");
                    return true;
                }, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }))));

        var committed = outcomes.Count(ok => ok);
        Assert.AreEqual(steps - steps / 3, committed);
        CollectionAssert.AreEqual(Enumerable.Range(1, committed).ToList(), await NumbersAsync(host, RegisterBookSeed.Incoming));
        Assert.AreEqual(committed, await LastNumberAsync(host, RegisterBookSeed.Incoming));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_number_outside_a_transaction_is_refused_so_it_cannot_outlive_a_failed_step(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => host.InScopeAsync(sp =>
            sp.GetRequiredService<RegisterNumbers>().AllocateAsync(RegisterBookSeed.Incoming, Year, CancellationToken.None)));

        Assert.AreEqual(0, await LastNumberAsync(host, RegisterBookSeed.Incoming));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article15_numbering_restarts_at_01_on_1_January_Vietnam_time_and_books_count_separately(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero)); // 23:59 on 31 Dec in Vietnam

        var december = await AllocateAndSaveAsync(host, RegisterBookSeed.Incoming);
        var december2 = await AllocateAndSaveAsync(host, RegisterBookSeed.Incoming);
        var outgoing = await AllocateAndSaveAsync(host, RegisterBookSeed.Outgoing);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)); // 00:00 on 1 Jan, while it is still 2026 in UTC
        var january = await AllocateAndSaveAsync(host, RegisterBookSeed.Incoming);

        Assert.AreEqual((2026, "01"), (december.Year, december.Text));
        Assert.AreEqual((2026, "02"), (december2.Year, december2.Text));
        Assert.AreEqual((2026, "01"), (outgoing.Year, outgoing.Text), "each book has its own series");
        Assert.AreEqual((2027, "01"), (january.Year, january.Text));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Two_documents_registered_in_one_step_get_consecutive_numbers(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);

        var (first, second) = await host.InScopeAsync(sp =>
        {
            var numbers = sp.GetRequiredService<RegisterNumbers>();
            return numbers.RetryOnConflictAsync(async ct =>
            {
                var a = await numbers.AllocateAsync(RegisterBookSeed.Incoming, Year, ct);
                var b = await numbers.AllocateAsync(RegisterBookSeed.Incoming, Year, ct);
                return (a.Value, b.Value);
            }, CancellationToken.None);
        });

        Assert.AreEqual((1, 2), (first, second));
        Assert.AreEqual(2, await LastNumberAsync(host, RegisterBookSeed.Incoming));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_deactivated_or_unknown_book_allocates_nothing(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        await host.InScopeAsync(sp => sp.GetRequiredService<RegisterBooks>().DeactivateAsync(RegisterBookSeed.Outgoing, CancellationToken.None));

        var inactive = await Assert.ThrowsExactlyAsync<RegisterBookInactiveException>(() => AllocateAndSaveAsync(host, RegisterBookSeed.Outgoing));
        await Assert.ThrowsExactlyAsync<RegisterBookNotFoundException>(() => AllocateAndSaveAsync(host, Guid.CreateVersion7()));

        StringAssert.Contains(inactive.DetailVi, "Sổ văn bản đi");
        Assert.AreEqual(0, await LastNumberAsync(host, RegisterBookSeed.Outgoing));
    }

    [TestMethod]
    public void Article15_numbers_below_10_are_written_with_a_leading_zero()
    {
        Assert.AreEqual("01", RegisterNumber.Format(1));
        Assert.AreEqual("09", RegisterNumber.Format(9));
        Assert.AreEqual("10", RegisterNumber.Format(10));
        Assert.AreEqual("1234", new RegisterNumber(RegisterBookSeed.Outgoing, Year, 1234).ToString());
    }

    private static Task<RegisterNumber> AllocateAndSaveAsync(DocumentsTestHost host, Guid bookId) => host.InScopeAsync(sp =>
    {
        var numbers = sp.GetRequiredService<RegisterNumbers>();
        return numbers.RetryOnConflictAsync(ct => numbers.AllocateAsync(bookId, ct), CancellationToken.None);
    });

    internal static Task<List<int>> NumbersAsync(DocumentsTestHost host, Guid bookId) => host.InScopeAsync(sp =>
        sp.GetRequiredService<DbContext>().Set<NumberedRecord>().Where(r => r.BookId == bookId && r.Year == Year)
            .Select(r => r.Number).OrderBy(n => n).ToListAsync());

    internal static Task<int> LastNumberAsync(DocumentsTestHost host, Guid bookId) => host.InScopeAsync(async sp =>
        await sp.GetRequiredService<DbContext>().Set<RegisterCounter>().Where(c => c.BookId == bookId && c.Year == Year)
            .Select(c => (int?)c.LastNumber).SingleOrDefaultAsync() ?? 0);
}
