using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Reports;

/// <summary>One unit's line of the report on incoming documents (NĐ30 Phụ lục VI I.V; Article 14.3).</summary>
public sealed record IncomingHandlingRow(
    string UnitCode, string UnitName, int Received, int InProgress, int Overdue, int CompletedOnTime, int CompletedLate)
{
    public int Completed => CompletedOnTime + CompletedLate;
}

/// <summary>
/// The handling of the incoming documents received in the period, by main unit, with the sum over the units shown.
/// <see cref="ReturnedToSender"/> counts the documents the office returned to their senders in the period (they reach no
/// unit); only who sees every unit gets it, otherwise it is null.
/// </summary>
public sealed record IncomingHandlingReport(DateOnly From, DateOnly To, IReadOnlyList<IncomingHandlingRow> Units, IncomingHandlingRow Totals,
    int? ReturnedToSender);

/// <summary>
/// One unit's line of the report on outgoing documents: its drafts started in the period and not issued yet, the drafts
/// sent back to the drafter in the period (returned by the head, the clerk, or refused at signing), and the documents it
/// issued in the period, by type.
/// </summary>
public sealed record OutgoingHandlingRow(string UnitCode, string UnitName, int InProgress, int Returned, int Issued, IReadOnlyList<TypeCount> IssuedByType);

public sealed record OutgoingHandlingReport(DateOnly From, DateOnly To, IReadOnlyList<OutgoingHandlingRow> Units, OutgoingHandlingRow Totals);

/// <summary>
/// What a request for a report gets: the report, or why not, as <see cref="StatisticsOutcome"/> says it (403 or 400).
/// </summary>
public sealed record ReportOutcome<T>(T? Report, StatisticsOutcome Access) where T : class;

/// <summary>
/// The two handling reports of NĐ30 Phụ lục VI I.V (Articles 14.3–14.4). The numbers per unit are the leaders'
/// statistics (<see cref="DocumentStatistics"/>, the same access rule and period); this adds what only the reports show.
/// </summary>
public sealed class HandlingReports(DocumentStatistics statistics, DbContext db)
{
    private static readonly OutgoingAction[] SentBack = [OutgoingAction.Returned, OutgoingAction.ReturnedByClerk, OutgoingAction.SignatureRefused];

    public async Task<ReportOutcome<IncomingHandlingReport>> IncomingAsync(Reader reader, string? from, string? to, string? unit,
        CancellationToken cancellationToken)
    {
        var access = await statistics.DecideAsync(reader, from, to, unit, cancellationToken);
        if (access.Report is not { } report)
            return new(null, access);
        var rows = report.Units.Select(u => new IncomingHandlingRow(u.UnitCode, u.UnitName, u.IncomingReceived, u.BeingHandled, u.Overdue,
            u.CompletedOnTime, u.CompletedLate)).ToList();
        var totals = new IncomingHandlingRow("", "Tổng cộng", rows.Sum(r => r.Received), rows.Sum(r => r.InProgress), rows.Sum(r => r.Overdue),
            rows.Sum(r => r.CompletedOnTime), rows.Sum(r => r.CompletedLate));
        int? returned = SeesEveryUnit(reader) ? await ReturnedToSenderAsync(report, cancellationToken) : null;
        return new(new IncomingHandlingReport(report.From, report.To, rows, totals, returned), access);
    }

    public async Task<ReportOutcome<OutgoingHandlingReport>> OutgoingAsync(Reader reader, string? from, string? to, string? unit,
        CancellationToken cancellationToken)
    {
        var access = await statistics.DecideAsync(reader, from, to, unit, cancellationToken);
        if (access.Report is not { } report)
            return new(null, access);
        var codes = report.Units.Select(u => u.UnitCode).ToList();
        var (start, end) = Instants(report);
        var drafting = await db.Set<OutgoingDocument>().AsNoTracking()
            .Where(d => d.Stage != OutgoingStage.Issued && codes.Contains(d.DraftingUnit) && d.CreatedAt >= start && d.CreatedAt < end)
            .GroupBy(d => d.DraftingUnit).Select(g => new { Unit = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Unit, g => g.Count, cancellationToken);
        var sentBack = await (from h in db.Set<OutgoingHistoryEntry>().AsNoTracking()
                              join d in db.Set<OutgoingDocument>().AsNoTracking() on h.DocumentId equals d.Id
                              where SentBack.Contains(h.Action) && h.At >= start && h.At < end && codes.Contains(d.DraftingUnit)
                              select new { d.DraftingUnit, d.Id }).Distinct().ToListAsync(cancellationToken);
        var rows = report.Units.Select(u => new OutgoingHandlingRow(u.UnitCode, u.UnitName, drafting.GetValueOrDefault(u.UnitCode),
            sentBack.Count(s => s.DraftingUnit == u.UnitCode), u.OutgoingIssued, u.OutgoingByType)).ToList();
        var byType = rows.SelectMany(r => r.IssuedByType).GroupBy(t => (t.TypeCode, t.TypeName)).OrderBy(g => g.Key.TypeCode, StringComparer.Ordinal)
            .Select(g => new TypeCount(g.Key.TypeCode, g.Key.TypeName, g.Sum(t => t.Count))).ToList();
        var totals = new OutgoingHandlingRow("", "Tổng cộng", rows.Sum(r => r.InProgress), rows.Sum(r => r.Returned), rows.Sum(r => r.Issued), byType);
        return new(new OutgoingHandlingReport(report.From, report.To, rows, totals), access);
    }

    /// <summary>The Director and the office chief see every unit (the statistics' rule), and so the office's returns too.</summary>
    public static bool SeesEveryUnit(Reader reader) => reader.Has(StaffRole.Director) || reader.Has(StaffRole.OfficeChief);

    /// <summary>The first instant of the period's first day and of the day after its last, Vietnam time.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(StatisticsReport report) =>
        (IncomingProcess.DayStart(report.From), IncomingProcess.DayStart(report.To.AddDays(1)));

    private async Task<int> ReturnedToSenderAsync(StatisticsReport report, CancellationToken cancellationToken)
    {
        var (start, end) = Instants(report);
        return await db.Set<IncomingDocument>().AsNoTracking()
            .CountAsync(d => d.Status == IncomingStatus.Returned && d.ReceivedAt >= start && d.ReceivedAt < end, cancellationToken);
    }
}
