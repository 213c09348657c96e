using DocBpm.Documents.Access;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using DocBpm.Web.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// A deployed database holds outgoing documents stored before their search keys. The fold is C#, so the migration
/// cannot key them; the application keys them after migrating and before it serves (<see cref="OutgoingKeysBackfill"/>),
/// and a search finds them by folded text straight after the upgrade.
/// </summary>
[TestClass]
public sealed class OutgoingSearchKeysUpgradeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly Reader Director = new("giamdoc", "BGD", [StaffRole.Director]);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Outgoing_documents_stored_before_the_keys_are_found_by_folded_text_once_the_application_has_upgraded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, "OutgoingSearchKeys");
        var at = MigrationUpgrade.At(provider);
        var (plan, draft) = (Guid.NewGuid(), Guid.NewGuid());
        await upgrade.StoreAsync(
        [
            Document(plan, "Kế hoạch tuyển sinh năm học 2027", at, "'15/QĐ-SGDĐT'", "'Nông Thị Phó'"),
            Document(draft, "Về việc rà soát thiết bị dạy học", at, "NULL", "NULL"),
        ]);

        await upgrade.StartAsync();

        var search = new OutgoingSearch(upgrade.Context, new EngineDb(upgrade.Context));
        (string? Text, string? Number, string? Signer, Guid[] Finds)[] searches =
        [
            ("ke hoach", null, null, [plan]), ("KẾ HOẠCH TUYỂN", null, null, [plan]), ("ra soat", null, null, [draft]),
            (null, "qđ-sgdđt", null, [plan]), (null, "qd-sgddt", null, [plan]), (null, null, "nong thi", [plan]),
        ];
        foreach (var (text, number, signer, finds) in searches)
        {
            var criteria = new OutgoingCriteria(null, number, null, null, null, null, signer, null, text, 1, 20);
            CollectionAssert.AreEqual(finds, (await search.FindAsync(Director, criteria, CancellationToken.None)).Items.Select(r => r.Id).ToList(),
                text ?? number ?? signer);
        }
        var another = new Reader("chuyenvien.tccb", "TCCB", [StaffRole.Staff]);
        Assert.IsEmpty((await search.FindAsync(another, new OutgoingCriteria(null, null, null, null, null, null, null, null, "ke hoach", 1, 20),
            CancellationToken.None)).Items, "another unit's officer still finds none of the office's documents");
        Assert.AreEqual(0, await OutgoingKeysBackfill.RunAsync(upgrade.Context, NullLogger.Instance, OutgoingKeysBackfill.BatchSize, CancellationToken.None),
            "the next start finds nothing left to key");
        if (provider == DatabaseProvider.PostgreSql)
        {
            // An empty key is 1 byte wide; without the backfill's ANALYZE the column has no statistics at all yet.
            var widths = await upgrade.Context.Database.SqlQueryRaw<int>(
                "SELECT avg_width AS \"Value\" FROM pg_stats WHERE tablename = 'doc_outgoing' AND attname = 'SubjectKey'").ToListAsync();
            Assert.IsTrue(widths is [> 1], "the planner's statistics know the keys written after the upgrade");
        }
    }

    /// <summary>
    /// The backfill goes a batch at a time by id and ends, even past a row it cannot key (a summary of combining marks
    /// only, stored before drafts refused one): that row stays unkeyed and is not read again in the same run.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_backfill_keys_every_row_in_batches_and_ends_past_a_row_it_cannot_key(DatabaseProvider provider)
    {
        await using var database = await MigratedTemplate.CopyAsync(provider);
        await using var services = new ServiceCollection().AddDocBpmDatabase(new DatabaseSettings(provider, database.ConnectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        var at = MigrationUpgrade.At(provider);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            await db.Database.ExecuteSqlRawAsync(Document(id, $"Báo cáo số {i}", at, "NULL", "NULL"));
        await db.Database.ExecuteSqlRawAsync(Document(Guid.NewGuid(), "\u0301\u0301", at, "NULL", "NULL"));

        Assert.AreEqual(6, await OutgoingKeysBackfill.RunAsync(db, NullLogger.Instance, batchSize: 2, CancellationToken.None));

        var keys = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.SubjectKey).ToListAsync();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 5).Select(i => $"bao cao so {i}").ToList(), keys);
        Assert.AreEqual(1, await OutgoingKeysBackfill.RunAsync(db, NullLogger.Instance, batchSize: 2, CancellationToken.None),
            "only the row with no key is read again");
    }

    /// <summary>
    /// A row the backfill cannot key is read again at every start; only rows it keys make it analyse the table, or every
    /// start of an application holding one such row would analyse the whole table.
    /// </summary>
    [TestMethod]
    public async Task On_PostgreSQL_a_start_that_keys_nothing_does_not_analyse_the_table()
    {
        TestDatabase.RequirePostgres();
        await using var database = await MigratedTemplate.CopyAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        var at = MigrationUpgrade.At(DatabaseProvider.PostgreSql);
        await db.Database.ExecuteSqlRawAsync(Document(Guid.NewGuid(), "Báo cáo tháng", at, "NULL", "NULL"));
        await OutgoingKeysBackfill.RunAsync(db, NullLogger.Instance, OutgoingKeysBackfill.BatchSize, CancellationToken.None);
        var analysed = await RowsAnalysedAsync(db);
        foreach (var _ in Enumerable.Range(0, 3))
            await db.Database.ExecuteSqlRawAsync(Document(Guid.NewGuid(), "\u0301", at, "NULL", "NULL"));

        Assert.AreEqual(3, await OutgoingKeysBackfill.RunAsync(db, NullLogger.Instance, OutgoingKeysBackfill.BatchSize, CancellationToken.None));

        Assert.AreEqual(analysed, await RowsAnalysedAsync(db), "the rows it could not key did not make it analyse the table");
    }

    /// <summary>The row count ANALYZE last recorded for the outgoing table (pg_class, written by ANALYZE as it commits).</summary>
    private static async Task<float> RowsAnalysedAsync(DbContext db) =>
        (await db.Database.SqlQueryRaw<float>("SELECT reltuples AS \"Value\" FROM pg_class WHERE relname = 'doc_outgoing'").ToListAsync()).Single();

    /// <summary>An outgoing document of the office (VP), in the columns every schema since the outgoing documents has had.</summary>
    private static string Document(Guid id, string subject, string at, string numberAndNotation, string signerName) =>
        "INSERT INTO doc_outgoing (\"Id\", \"TypeCode\", \"TypeName\", \"Subject\", \"DraftingUnit\", \"Drafter\", \"Urgency\", \"Confidentiality\", \"Copies\", "
        + "\"Language\", \"Stage\", \"CreatedAt\", \"NumberAndNotation\", \"SignerName\") VALUES ('" + MigrationUpgrade.Id(id) + "', 'QĐ', 'Quyết định', '"
        + subject + "', 'VP', 'chuyenvien.vp', 'Normal', 'None', 1, 'vi', 'Drafting', " + at + ", " + numberAndNotation + ", " + signerName + ")";
}
