using DocBpm.Documents.Records;
using DocBpm.Engine.Timers;
using DocBpm.Web.Components;
using DocBpm.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DocBpm.Web.Records;

/// <summary>
/// NĐ30 Phụ lục VI I.III.8: warns a keeper that a file falls due for the agency archive, <c>WarningDays</c> (30) days
/// ahead. Once per due date: the notification's unique (person, kind, source) key is the memory, the source being the
/// due date's own id (the file, or the keep-back that moved it), so a daily run raises nothing twice.
/// </summary>
public sealed partial class HandoverWarnings(Handovers handovers, DbContext db, TimeProvider time, IOptions<HandoverOptions> options,
    ILogger<HandoverWarnings> logger)
{
    /// <summary>Raises the warnings now due and returns how many were stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var horizon = handovers.Today.AddDays(options.Value.WarningDays);
        var due = (await handovers.SubjectAsync(cancellationToken)).Where(d => d.DueDate <= horizon && d.File.Keeper is not null).ToList();
        var sources = due.Select(d => d.WarningSource).ToList();
        var warned = (await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == NotificationKind.HandoverDue && sources.Contains(n.SourceId))
            .Select(n => n.SourceId).ToListAsync(cancellationToken)).ToHashSet();
        var now = time.GetUtcNow();
        var fresh = due.Where(d => !warned.Contains(d.WarningSource)).ToList();
        foreach (var d in fresh)
        {
            db.Set<Notification>().Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserName = d.File.Keeper!, Kind = NotificationKind.HandoverDue, SourceId = d.WarningSource, CreatedAt = now,
                Link = $"/records/files/{d.File.Id}",
                Text = NotificationText.Clip($"{NotificationText.Of(NotificationKind.HandoverDue)} ngày {Vn.Date(d.DueDate)}: {d.File.Notation} — {d.File.Title}"),
            });
            handovers.Record(d.File.Id, null, HandoverAction.Warned, "system", $"Đến hạn nộp lưu ngày {Vn.Date(d.DueDate)}", now);
        }

        if (fresh.Count == 0)
            return 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            LogLostRace(fresh.Count, ex.InnerException?.Message ?? ex.Message);
            return 0;
        }

        LogWarned(fresh.Count);
        return fresh.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warned the keepers of {Count} files due for the archive")]
    private partial void LogWarned(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another host warned some of {Count} files first; the next run raises the rest: {Error}")]
    private partial void LogLostRace(int count, string error);
}

/// <summary>Runs the handover warnings once a day, on one host at a time in a cluster.</summary>
[DisallowConcurrentExecution]
public sealed class HandoverWarningJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("handover-warnings", "docbpm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HandoverWarnings>().RunOnceAsync(cancellationToken);
    }
}

public static class HandoverWarningSchedule
{
    /// <summary>Every morning at 07:00 in Vietnam, before the working day starts.</summary>
    public static IQuartzBuilder AddHandoverWarningJob(this IQuartzBuilder quartz)
    {
        quartz.AddJob<HandoverWarningJob>(j => j.WithIdentity(HandoverWarningJob.Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(HandoverWarningJob.Key).WithIdentity("handover-warnings", "docbpm")
            .WithSchedule(CronScheduleBuilder.Create("0 0 7 * * ?").InTimeZone(VietnamTime.Zone)));
        return quartz;
    }
}
