using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Inbox;
using DocBpm.Web.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: a deployed database with open and closed bookmarks upgrades to the indexes that hold open work only, and
/// every reader still finds what it found: the instance's bookmarks of any status, message and signal correlation, due
/// work, the inbox's trays.
/// </summary>
[TestClass]
public sealed class OpenBookmarkIndexesUpgradeTests
{
    private const string Migration = "OpenBookmarkIndexes";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_database_with_open_and_closed_bookmarks_upgrades_and_every_reader_still_finds_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var at = MigrationUpgrade.At(provider);
        var (definition, instance) = (Guid.NewGuid(), Guid.NewGuid());
        var (assigned, offered, done, message, closedMessage, signal, timer, closedTimer) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await upgrade.StoreAsync(
        [
            .. MigrationUpgrade.RunningInstance(MigrationUpgrade.Id(definition), MigrationUpgrade.Id(instance), at),
            Bookmark(assigned, instance, "UserTask", "Active", at, assignee: "ann"),
            Bookmark(offered, instance, "UserTask", "Active", at),
            "INSERT INTO bpm_bookmark_candidates (\"BookmarkId\", \"Kind\", \"Value\") VALUES ('" + MigrationUpgrade.Id(offered) + "', 'User', 'ann')",
            Bookmark(done, instance, "UserTask", "Completed", at, assignee: "ann", closedBy: "ann"),
            Bookmark(message, instance, "Message", "Active", at, messageName: "reply", correlationKey: "D-1"),
            Bookmark(closedMessage, instance, "Message", "Completed", at, messageName: "reply", correlationKey: "D-1"),
            Bookmark(signal, instance, "Signal", "Active", at, messageName: "recall"),
            Bookmark(timer, instance, "Timer", "Active", at, dueAt: at),
            Bookmark(closedTimer, instance, "Timer", "Completed", at, dueAt: at),
        ]);

        await upgrade.UpgradeAsync();

        var bookmarks = context.Set<BookmarkRecord>().AsNoTracking();
        var now = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        CollectionAssert.AreEquivalent(new[] { assigned, offered, done, message, closedMessage, signal, timer, closedTimer },
            await bookmarks.Where(b => b.InstanceId == instance).Select(b => b.Id).ToListAsync(), "the instance's bookmarks of any status");
        CollectionAssert.AreEqual(new[] { message }, await bookmarks.Where(b => b.Kind == BookmarkKind.Message && b.Status == BookmarkStatus.Active
            && b.MessageName == "reply" && b.CorrelationKey == "D-1").Select(b => b.Id).ToListAsync(), "message correlation");
        CollectionAssert.AreEqual(new[] { signal }, await bookmarks.Where(b => b.Kind == BookmarkKind.Signal && b.Status == BookmarkStatus.Active
            && b.MessageName == "recall").Select(b => b.Id).ToListAsync(), "a signal's subscribers");
        CollectionAssert.AreEqual(new[] { timer }, await bookmarks.Where(b => (b.Kind == BookmarkKind.Timer || b.Kind == BookmarkKind.Job)
            && b.Status == BookmarkStatus.Active && b.DueAt != null && b.DueAt <= now).Select(b => b.Id).ToListAsync(), "due work");
        var engine = new EngineDb(context);
        var ann = new TaskActor("ann", []);
        CollectionAssert.AreEqual(new[] { assigned }, await InboxView.InProgress.Of(engine, ann).Select(b => b.Id).ToListAsync(), "in progress");
        CollectionAssert.AreEqual(new[] { offered }, await InboxView.Waiting.Of(engine, ann).Select(b => b.Id).ToListAsync(), "waiting");
        CollectionAssert.AreEqual(new[] { done }, await InboxView.Done.Of(engine, ann).Select(b => b.Id).ToListAsync(), "done");
    }

    private static string Bookmark(Guid id, Guid instance, string kind, string status, string at, string? assignee = null, string? closedBy = null,
        string? messageName = null, string? correlationKey = null, string? dueAt = null) =>
        "INSERT INTO bpm_bookmarks (\"Id\", \"InstanceId\", \"Kind\", \"Status\", \"ElementId\", \"CreatedAt\", \"Priority\", \"Attempts\", "
        + "\"Assignee\", \"ClosedBy\", \"MessageName\", \"CorrelationKey\", \"DueAt\") VALUES ('" + MigrationUpgrade.Id(id) + "', '" + MigrationUpgrade.Id(instance) + "', '"
        + kind + "', '" + status + "', 'e', " + at + ", 0, 0, " + Text(assignee) + ", " + Text(closedBy) + ", " + Text(messageName) + ", "
        + Text(correlationKey) + ", " + (dueAt ?? "NULL") + ")";

    private static string Text(string? value) => value is null ? "NULL" : "'" + value + "'";
}
