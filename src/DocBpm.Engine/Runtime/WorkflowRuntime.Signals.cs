using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Broadcasts a signal: every subscription waiting for it is resumed (each instance in its own step), then the latest
    /// version of every process with a signal start event of that name is started.
    /// </summary>
    public async Task<SignalResult> SignalAsync(SignalRequest signal, CancellationToken cancellationToken)
    {
        var waiting = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Signal && b.Status == BookmarkStatus.Active && b.MessageName == signal.SignalName)
            .OrderBy(b => b.CreatedAt)
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        var resumed = new List<Guid>();
        foreach (var id in waiting)
        {
            BookmarkRecord bookmark;
            InstanceRecord instance;
            try
            {
                (bookmark, instance) = await LoadActiveAsync(id, BookmarkKind.Signal, cancellationToken);
            }
            catch (BookmarkNotActiveException)
            {
                // An earlier subscription of the same instance took the signal and cancelled this one.
                continue;
            }

            await ResumeAsync(bookmark, instance, new ResumeInput(signal.Variables, signal.Actor), cancellationToken);
            if (!resumed.Contains(instance.Id))
                resumed.Add(instance.Id);
        }

        var starting = await LatestStartingWithAsync(DefinitionStore.SignalPrefix + signal.SignalName, cancellationToken);
        var started = new List<Guid>();
        foreach (var definition in starting)
        {
            var model = await definitions.GetModelAsync(db, definition.Id, cancellationToken);
            var start = model.StartEvents.First(s => s.Trigger is SignalTrigger t && t.SignalName == signal.SignalName);
            var instance = await StartAtAsync(definition, model, start, signal.Variables, null, signal.Actor, cancellationToken);
            started.Add(instance.Id);
        }

        return new SignalResult(resumed, started);
    }
}
