using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Runtime;

/// <summary>Turns a run's result into row changes: instance state, bookmark rows, journal and outbox.</summary>
internal sealed class RunRecorder(EngineDb db, TimeProvider time)
{
    public void Record(InstanceRecord instance, InstanceState state, IReadOnlyDictionary<Guid, DateTimeOffset?> before,
        RunOutput output, string? actor, Guid? resumed)
    {
        var now = time.GetUtcNow();
        instance.State = state.Serialize();
        db.Step(instance, output.Journal);
        instance.Status = output.Result switch
        {
            RunResult.Completed => InstanceStatus.Completed,
            RunResult.Terminated => InstanceStatus.Terminated,
            RunResult.Cancelled => InstanceStatus.Cancelled,
            _ => InstanceStatus.Running,
        };
        if (instance.Status != InstanceStatus.Running)
            instance.EndedAt = now;

        var after = state.Bookmarks.ToDictionary(b => b.Id);
        foreach (var (id, dueAt) in before)
        {
            if (!after.TryGetValue(id, out var current))
            {
                var row = Row(id, instance.Id);
                row.Status = id == resumed ? BookmarkStatus.Completed : BookmarkStatus.Cancelled;
                row.ClosedAt = now;
                row.ClosedBy = actor;
            }
            else if (current.DueAt != dueAt)
            {
                var row = Row(id, instance.Id);
                row.DueAt = current.DueAt;
                row.Attempts = 0;
                // A claim on the old due time must not hold back the new one; a stub's null looks unchanged, so say so.
                row.ClaimedUntil = null;
                db.Context.Entry(row).Property(b => b.ClaimedUntil).IsModified = true;
            }
        }

        foreach (var bookmark in state.Bookmarks.Where(b => !before.ContainsKey(b.Id)))
        {
            var row = NewRow(bookmark, instance, now);
            db.Add(row);
            foreach (var candidate in BookmarkCandidateRecord.Of(row, bookmark.Task?.CandidateUsers, bookmark.Task?.CandidateGroups))
                db.Add(candidate);
        }

        foreach (var incident in output.Incidents)
        {
            instance.OpenIncidents++;
            db.Incidents.Add(new IncidentRecord
            {
                Id = Guid.CreateVersion7(),
                InstanceId = instance.Id,
                BookmarkId = incident.BookmarkId,
                ElementId = incident.ElementId,
                Error = WorkflowRuntime.Truncate(incident.Error),
                CreatedAt = now,
            });
        }

        for (var i = 0; i < output.Outbox.Count; i++)
        {
            // Queued a millisecond apart (finer than every provider stores), so that messages of one step are delivered
            // in the order the step queued them; all are due at once, so none waits for the clock to move.
            var queuedAt = now.AddMilliseconds(i);
            db.Outbox.Add(new OutboxRecord
            {
                Id = Guid.CreateVersion7(),
                InstanceId = instance.Id,
                Topic = output.Outbox[i].Topic,
                Payload = output.Outbox[i].Payload.ToJsonString(),
                CreatedAt = queuedAt,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>
    /// The tracked row when the run loaded it, otherwise a stub attached by key so that only the changed columns are
    /// written: closing a bookmark costs no extra read.
    /// </summary>
    private BookmarkRecord Row(Guid id, Guid instanceId)
    {
        // The tracker's entries, not DbSet.Local: a pooled context builds its local view anew on every lease.
        var tracked = db.Context.ChangeTracker.Entries<BookmarkRecord>().FirstOrDefault(e => e.Entity.Id == id && e.State != EntityState.Deleted);
        if (tracked is not null)
            return tracked.Entity;
        var stub = new BookmarkRecord { Id = id, InstanceId = instanceId, ElementId = "" };
        db.Bookmarks.Attach(stub);
        return stub;
    }

    private static BookmarkRecord NewRow(Bookmark bookmark, InstanceRecord instance, DateTimeOffset now)
    {
        var task = bookmark.Task;
        return new BookmarkRecord
        {
            Id = bookmark.Id,
            InstanceId = instance.Id,
            Kind = bookmark.Kind,
            Status = BookmarkStatus.Active,
            ElementId = bookmark.ElementId,
            MessageName = bookmark.MessageName,
            CorrelationKey = bookmark.CorrelationKey,
            DueAt = bookmark.DueAt,
            CreatedAt = now,
            TaskName = task?.Name,
            Assignee = task?.Assignee,
            CandidateUsers = TaskAccess.Encode(task?.CandidateUsers),
            CandidateGroups = TaskAccess.Encode(task?.CandidateGroups),
            TaskDueDate = task?.DueDate,
            FormKey = task?.FormKey,
            Priority = task?.Priority ?? 0,
            BusinessKey = instance.BusinessKey,
            DefinitionKey = instance.DefinitionKey,
        };
    }
}
