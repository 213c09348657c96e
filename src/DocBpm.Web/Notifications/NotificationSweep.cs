using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Notifications;

/// <summary>
/// Raises notifications from what committed steps left behind: open tasks nobody was told of, deadlines coming or gone,
/// incidents on outgoing documents. Reading committed state means a step that failed raised nothing; the unique
/// (person, kind, source) key means a second run, or a second host, raises nothing twice.
/// </summary>
public sealed partial class NotificationSweep(EngineDb engine, IBusinessCalendar calendar, TimeProvider time,
    IOptions<NotificationOptions> options, ILogger<NotificationSweep> logger)
{
    private DbContext Db => engine.Context;

    /// <summary>Raises what is due and returns how many notifications were stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = await Recipients.LoadAsync(Db, now, cancellationToken);
        var raised = new List<Notification>();
        raised.AddRange(await NewWorkAsync(people, now, cancellationToken));
        raised.AddRange(await DeadlinesAsync(people, now, cancellationToken));
        raised.AddRange(await IncidentsAsync(people, now, cancellationToken));
        return await StoreAsync(raised, cancellationToken);
    }

    private async Task<List<Notification>> NewWorkAsync(Recipients people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notifications = Db.Set<Notification>();
        var bookmarks = engine.Bookmarks;
        // A drafter's first Draft task is work they started themselves; a Draft after a completed one is a return.
        var tasks = await OpenTasks()
            .Where(b => b.DefinitionKey != OutgoingProcess.Key || b.ElementId != OutgoingProcess.Draft
                || bookmarks.Any(p => p.InstanceId == b.InstanceId && p.ElementId == OutgoingProcess.Draft && p.Status == BookmarkStatus.Completed))
            .Where(b => !notifications.Any(n => n.SourceId == b.Id && n.Kind != NotificationKind.DeadlineSoon
                && n.Kind != NotificationKind.DeadlinePassed && (b.Assignee == null || n.UserName == b.Assignee)))
            .ToListAsync(cancellationToken);
        var about = await TaskSubjects.LoadAsync(Db, tasks, cancellationToken);
        return [.. tasks.SelectMany(t => people.Of(t).Select(user => about.Raise(t, WorkKind(t), user, now)))];
    }

    private async Task<List<Notification>> DeadlinesAsync(Recipients people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var soon = new IsoDuration(0, 0, options.Value.DueSoonWorkingDays, TimeSpan.Zero);
        // Calendar days enough to hold the working days asked for, with a long holiday between.
        var horizon = now.AddDays(options.Value.DueSoonWorkingDays * 2 + 14);
        var notifications = Db.Set<Notification>();
        var tasks = await OpenTasks().Where(b => b.TaskDueDate != null && b.TaskDueDate <= horizon)
            .Where(b => !notifications.Any(n => n.SourceId == b.Id && n.Kind == NotificationKind.DeadlinePassed))
            .ToListAsync(cancellationToken);
        var about = await TaskSubjects.LoadAsync(Db, tasks, cancellationToken);
        var raised = new List<Notification>();
        foreach (var task in tasks)
        {
            NotificationKind? kind = DeadlineState.Of(task.TaskDueDate!.Value, now, calendar.Add(now, soon));
            if (kind is { } k)
                raised.AddRange(people.Of(task).Select(user => about.Raise(task, k, user, now)));
        }

        return raised;
    }

    private async Task<List<Notification>> IncidentsAsync(Recipients people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notifications = Db.Set<Notification>();
        var rows = await (from i in engine.Incidents.AsNoTracking()
                          join p in engine.Instances.AsNoTracking() on i.InstanceId equals p.Id
                          where i.ResolvedAt == null && p.DefinitionKey == OutgoingProcess.Key && p.BusinessKey != null
                              && !notifications.Any(n => n.SourceId == i.Id && n.Kind == NotificationKind.Incident)
                          select new { i.Id, i.ElementId, Key = p.BusinessKey! }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => Guid.TryParse(r.Key, out var id) ? id : Guid.Empty).Distinct().ToList();
        var documents = await Db.Set<OutgoingDocument>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id.ToString(), cancellationToken);
        return [.. from r in rows
                   where documents.ContainsKey(r.Key)
                   let d = documents[r.Key]
                   from user in new[] { d.Drafter, d.SigningLeader }.Select(people.Find).OfType<Recipient>().Select(p => p.UserName).Distinct()
                   select new Notification
                   {
                       Id = Guid.CreateVersion7(), UserName = user, Kind = NotificationKind.Incident, SourceId = r.Id, CreatedAt = now,
                       Text = NotificationText.Clip($"{NotificationText.Of(NotificationKind.Incident)}: {d.Subject}"),
                       Link = $"/outgoing/{d.Id}",
                   }];
    }

    private IQueryable<BookmarkRecord> OpenTasks() =>
        engine.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active);

    private static NotificationKind WorkKind(BookmarkRecord task) => task.ElementId switch
    {
        OutgoingProcess.Draft when task.DefinitionKey == OutgoingProcess.Key => NotificationKind.Returned,
        IncomingProcess.Coordinate when task.DefinitionKey is IncomingProcess.DefinitionKey or ProvincialTaskProcess.Key =>
            NotificationKind.CoordinationRequest,
        _ => NotificationKind.NewWork,
    };

    /// <summary>Leaves out what exists already; a key stored meanwhile by another host is a lost race, tried again next time.</summary>
    private async Task<int> StoreAsync(List<Notification> raised, CancellationToken cancellationToken)
    {
        if (raised.Count == 0)
            return 0;
        var sources = raised.Select(n => n.SourceId).Distinct().ToList();
        var existing = (await Db.Set<Notification>().AsNoTracking().Where(n => sources.Contains(n.SourceId))
            .Select(n => new { n.UserName, n.Kind, n.SourceId }).ToListAsync(cancellationToken))
            .Select(n => (n.UserName.ToUpperInvariant(), n.Kind, n.SourceId)).ToHashSet();
        var fresh = raised.DistinctBy(n => (n.UserName.ToUpperInvariant(), n.Kind, n.SourceId))
            .Where(n => !existing.Contains((n.UserName.ToUpperInvariant(), n.Kind, n.SourceId))).ToList();
        Db.Set<Notification>().AddRange(fresh);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            Db.ChangeTracker.Clear();
            LogLostRace(fresh.Count, ex.InnerException?.Message ?? ex.Message);
            return 0;
        }

        LogRaised(fresh.Count);
        return fresh.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} notifications")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another sweep stored some of {Count} notifications first; the next sweep raises the rest: {Error}")]
    private partial void LogLostRace(int count, string error);
}

/// <summary>Where a task stands against its deadline; the inbox's overdue flag is the same comparison (deadline before now).</summary>
public static class DeadlineState
{
    /// <param name="soonLimit">Now plus the configured working days ("sắp đến hạn" reaches that far).</param>
    public static NotificationKind? Of(DateTimeOffset deadline, DateTimeOffset now, DateTimeOffset soonLimit) =>
        deadline < now ? NotificationKind.DeadlinePassed
        : deadline <= soonLimit ? NotificationKind.DeadlineSoon
        : null;
}
