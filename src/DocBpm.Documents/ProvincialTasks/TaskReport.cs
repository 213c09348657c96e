using DocBpm.Documents.Organisation;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>The tasks received in a period (by the day the clerk recorded them, Vietnam time), optionally of one main unit.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string? Unit = null);

public sealed record UnitFigures(string Unit, string UnitName, int OnTime, int DueSoon, int Overdue, int CompletedOnTime,
    int CompletedLate, int Extended, int Total);

public sealed record TaskSummary(ReportPeriod Period, DateTimeOffset At, IReadOnlyList<UnitFigures> Units, UnitFigures Totals);

/// <summary>One line of the tracking book (sổ theo dõi tình hình thực hiện nhiệm vụ, Article 13.3).</summary>
public sealed record BookLine(int Number, string DocumentCode, int Line, string Content, string? MainUnit, string? CoordinatingUnits,
    string? Handler, DateTimeOffset Deadline, DateTimeOffset? CompletedAt, ProvincialTaskStatus Status);

/// <summary>
/// Figures for the office chief and the leaders (Article 13): per main unit, how many tasks are on time, due soon,
/// overdue, completed on time or late, or extended, at the moment of the report. Returned lines count nowhere.
/// </summary>
public sealed class TaskReport(DbContext db, TaskStanding standing, TimeProvider time)
{
    /// <summary>The pseudo-unit of tasks the Director has not assigned yet.</summary>
    public const string Unassigned = "";

    public async Task<TaskSummary> SummaryAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tasks = await TasksAsync(period, cancellationToken);
        var names = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var columns = tasks.Select(t => (Unit: t.MainUnit ?? Unassigned, Column: TaskStanding.Column(standing.Classify(t, now))))
            .Where(t => t.Column != ReportColumn.Returned).ToList();
        var units = columns.GroupBy(c => c.Unit).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, names.GetValueOrDefault(g.Key, "Chưa phân giao"), [.. g.Select(c => c.Column)])).ToList();
        return new TaskSummary(period, now, units, Figures("", "Tổng cộng", [.. columns.Select(c => c.Column)]));
    }

    public async Task<IReadOnlyList<BookLine>> BookAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tasks = await TasksAsync(period, cancellationToken);
        return [.. tasks.OrderBy(t => t.Document!.RecordedAt).ThenBy(t => t.Line).Select((t, i) => new BookLine(i + 1, t.Document!.Code, t.Line,
            t.Content, t.MainUnit, t.CoordinatingUnits?.Replace(",", ", ", StringComparison.Ordinal), t.Handler, t.Deadline, t.CompletedAt,
            standing.Classify(t, now)))];
    }

    private async Task<List<ProvincialTask>> TasksAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var from = Start(period.From);
        var to = Start(period.To.AddDays(1));
        var query = db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document)
            .Where(t => t.Document!.RecordedAt >= from && t.Document.RecordedAt < to);
        if (!string.IsNullOrWhiteSpace(period.Unit))
            query = query.Where(t => t.MainUnit == period.Unit);
        return await query.ToListAsync(cancellationToken);
    }

    private static UnitFigures Figures(string unit, string name, IReadOnlyList<ReportColumn> columns) => new(unit, name,
        columns.Count(c => c == ReportColumn.OnTime), columns.Count(c => c == ReportColumn.DueSoon), columns.Count(c => c == ReportColumn.Overdue),
        columns.Count(c => c == ReportColumn.CompletedOnTime), columns.Count(c => c == ReportColumn.CompletedLate),
        columns.Count(c => c == ReportColumn.Extended), columns.Count);

    private static DateTimeOffset Start(DateOnly day) => VietnamTime.StartOf(day).ToUniversalTime();
}
