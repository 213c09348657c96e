using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>An instance's history as the monitor shows it: each journal entry's element, event, outcome and detail, in order.</summary>
internal static class History
{
    public static Task<List<string>> OfAsync(EngineTestHost host, Guid instanceId) =>
        host.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => j.ElementId + ":" + j.Event + (j.Outcome == null ? "" : " [" + j.Outcome + "]") + (j.Detail == null ? "" : " (" + j.Detail + ")"))
            .ToListAsync());

    /// <summary>The entries of one element, in order.</summary>
    public static async Task<List<string>> OfAsync(EngineTestHost host, Guid instanceId, string elementId) =>
        [.. (await OfAsync(host, instanceId)).Where(e => e.StartsWith(elementId + ":", StringComparison.Ordinal))];

    /// <summary>What the history says of one element: the detail of each entry of one event, oldest first.</summary>
    public static Task<List<string?>> JournalDetailsAsync(this EngineTestHost host, Guid instanceId, string elementId, string @event) =>
        host.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.ElementId == elementId && j.Event == @event)
            .OrderBy(j => j.Id).Select(j => j.Detail).ToListAsync());

    /// <summary>The executed path the instance's stored state keeps (what the admin's instance page shows).</summary>
    public static async Task<List<string>> PathAsync(EngineTestHost host, Guid instanceId) =>
        InstanceState.Deserialize((await host.InstanceAsync(instanceId)).State).Path;
}
