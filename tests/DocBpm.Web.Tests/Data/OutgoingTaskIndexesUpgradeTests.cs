using DocBpm.Documents.Access;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: a deployed database with outgoing tasks upgrades to candidate rows that carry their process's key and to
/// the indexes of outgoing tasks, and each reader's outgoing list still shows the documents whose tasks are or were
/// theirs: assigned to them, closed by them (though only offered to another unit), offered to their unit, offered to
/// nobody; never a document named by an incoming task offered to their unit.
/// </summary>
[TestClass]
public sealed class OutgoingTaskIndexesUpgradeTests
{
    private const string Migration = "OutgoingTaskIndexes";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_database_with_outgoing_tasks_upgrades_and_each_readers_outgoing_list_shows_the_same_documents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var at = MigrationUpgrade.At(provider);
        var (definition, instance) = (Guid.NewGuid(), Guid.NewGuid());
        var (assigned, closed, offered, unoffered, incoming) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var offeredTask = Guid.NewGuid();
        var incomingTask = Guid.NewGuid();
        await upgrade.StoreAsync(
        [
            .. MigrationUpgrade.RunningInstance(MigrationUpgrade.Id(definition), MigrationUpgrade.Id(instance), at),
            .. new[] { assigned, closed, offered, unoffered, incoming }.Select(d => Document(d, at)),
            Task(Guid.NewGuid(), instance, "outgoing", assigned, "Active", at, assignee: "chuyenvien"),
            Task(Guid.NewGuid(), instance, "outgoing", closed, "Completed", at, groups: ",khtc,", closedBy: "truongphong.gdtrh"),
            Task(offeredTask, instance, "outgoing", offered, "Active", at, groups: ",gdtrh,"),
            Candidate(offeredTask, "gdtrh"),
            Task(Guid.NewGuid(), instance, "outgoing", unoffered, "Completed", at, closedBy: "vanthu"),
            Task(incomingTask, instance, "incoming", incoming, "Active", at, groups: ",gdtrh,"),
            Candidate(incomingTask, "gdtrh"),
        ]);

        await upgrade.UpgradeAsync();

        var candidates = await context.Set<BookmarkCandidateRecord>().AsNoTracking().OrderBy(c => c.DefinitionKey)
            .Select(c => new { c.BookmarkId, c.DefinitionKey }).ToListAsync();
        CollectionAssert.AreEqual(new[] { $"{incomingTask}:incoming", $"{offeredTask}:outgoing" },
            candidates.Select(c => $"{c.BookmarkId}:{c.DefinitionKey}").ToList(), "each candidate row takes its task's process key");
        var search = new OutgoingSearch(context, new EngineDb(context));
        (Reader Reader, Guid[] Sees)[] readers =
        [
            (new Reader("chuyenvien", "GDTrH", [StaffRole.Staff]), [assigned, offered, unoffered]),
            (new Reader("truongphong.gdtrh", "GDTrH", [StaffRole.UnitHead]), [closed, offered, unoffered]),
            (new Reader("chuyenvien.tccb", "TCCB", [StaffRole.Staff]), [unoffered]),
        ];
        foreach (var (reader, sees) in readers)
        {
            var page = await search.FindAsync(reader, new OutgoingCriteria(null, null, null, null, null, null, null, null, null, 1, 20), CancellationToken.None);
            CollectionAssert.AreEquivalent(sees, page.Items.Select(r => r.Id).ToList(), reader.UserName);
            // The form for a reader with too many outgoing tasks to list asks each document instead, with the same answer.
            var asked = await reader.Visible(context.Set<OutgoingDocument>().AsNoTracking(), [], context.Set<BookmarkRecord>().AsNoTracking(),
                context.Set<BookmarkCandidateRecord>().AsNoTracking()).Select(d => d.Id).ToListAsync();
            CollectionAssert.AreEquivalent(sees, asked, $"{reader.UserName}, each document asked");
        }
    }

    /// <summary>A draft of the office (VP), in the columns every schema since the outgoing documents has had.</summary>
    private static string Document(Guid id, string at) =>
        "INSERT INTO doc_outgoing (\"Id\", \"TypeCode\", \"TypeName\", \"Subject\", \"DraftingUnit\", \"Drafter\", \"Urgency\", \"Confidentiality\", \"Copies\", "
        + "\"Language\", \"Stage\", \"CreatedAt\") VALUES ('" + MigrationUpgrade.Id(id) + "', 'CV', 'Công văn', 'Về việc " + id + "', 'VP', 'chuyenvien.vp', "
        + "'Normal', 'None', 1, 'vi', 'Drafting', " + at + ")";

    private static string Task(Guid id, Guid instance, string process, Guid document, string status, string at, string? assignee = null,
        string? groups = null, string? closedBy = null) =>
        "INSERT INTO bpm_bookmarks (\"Id\", \"InstanceId\", \"Kind\", \"Status\", \"ElementId\", \"CreatedAt\", \"Priority\", \"Attempts\", "
        + "\"Assignee\", \"CandidateGroups\", \"ClosedBy\", \"DefinitionKey\", \"BusinessKey\") VALUES ('" + MigrationUpgrade.Id(id) + "', '"
        + MigrationUpgrade.Id(instance) + "', 'UserTask', '" + status + "', 'e', " + at + ", 0, 0, " + Text(assignee) + ", " + Text(groups) + ", "
        + Text(closedBy) + ", '" + process + "', '" + document + "')";

    private static string Candidate(Guid task, string group) =>
        "INSERT INTO bpm_bookmark_candidates (\"BookmarkId\", \"Kind\", \"Value\") VALUES ('" + MigrationUpgrade.Id(task) + "', 'Group', '" + group + "')";

    private static string Text(string? value) => value is null ? "NULL" : "'" + value + "'";
}
