using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents;

/// <summary>
/// The process instance a document flow started for its record: the only one whose tasks the record's actions complete.
/// Another instance carrying the same business key (started through the engine, or by a process that reuses the key) was
/// not started by the flow and moves nothing.
/// </summary>
public static class OwnInstance
{
    /// <summary>
    /// The instance the record names (<paramref name="recorded"/>: the flow chose its id and stored it with the record in
    /// the instance's own SaveChanges), or, for a record that names none, the first instance of the flow's process started
    /// with its key. That fallback serves outgoing drafts, whose key is their own new id that nobody knows before the draft
    /// and its instance are stored together, and incoming documents and provincial tasks recorded before ids were kept.
    /// </summary>
    public static async Task<Guid?> FindAsync(DbContext db, string definitionKey, string businessKey, Guid? recorded,
        CancellationToken cancellationToken) =>
        recorded ?? await db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.DefinitionKey == definitionKey && i.BusinessKey == businessKey)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The open user tasks at <paramref name="elementId"/> of the instance (none when there is no instance).</summary>
    public static IQueryable<BookmarkRecord> OpenTasks(DbContext db, Guid? instanceId, string elementId) =>
        db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.InstanceId == instanceId && b.ElementId == elementId
            && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active);
}
