using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>What the history says of one element: the detail of each entry of one event, oldest first.</summary>
public static class JournalDetails
{
    public static Task<List<string?>> JournalDetailsAsync(this EngineTestHost host, Guid instanceId, string elementId, string @event) =>
        host.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.ElementId == elementId && j.Event == @event)
            .OrderBy(j => j.Id).Select(j => j.Detail).ToListAsync());
}
