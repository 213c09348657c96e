using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DocBpm.Engine.Runtime;

/// <summary>
/// EF's automatic change detection off until disposed, then as it was. With it on, every look-up of a tracked row (the
/// recorder's, the host's SaveChanges interceptors', SaveChanges' own) first scans every tracked row for changes; a
/// step detects them once, explicitly, before it writes. The host pauses it too where it reads rows a step has just saved.
/// </summary>
public readonly struct DetectionPause : IDisposable
{
    private readonly ChangeTracker tracker;
    private readonly bool detecting;

    public DetectionPause(ChangeTracker tracker)
    {
        this.tracker = tracker;
        detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
    }

    public void Dispose() => tracker.AutoDetectChangesEnabled = detecting;
}
