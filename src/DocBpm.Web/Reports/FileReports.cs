using DocBpm.Documents.Access;
using DocBpm.Documents.Records;
using DocBpm.Web.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Reports;

/// <summary>How many of a unit's files have one retention ("Vĩnh viễn" when <see cref="Years"/> is null).</summary>
public sealed record RetentionCount(int? Years, string Retention, int Count);

/// <summary>
/// One unit's line of the file statistics: its files, each once in the state it stands in now — open, closed and not
/// handed in, submitted to the archive, accepted by it, or kept back with the Director's consent — by retention, and the
/// documents filed into them in the period.
/// </summary>
public sealed record FileStatisticsRow(string UnitCode, string UnitName, int Open, int Closed, int Submitted, int Accepted, int KeptBack,
    int DocumentsFiled, IReadOnlyList<RetentionCount> ByRetention)
{
    public int Files => Open + Closed + Submitted + Accepted + KeptBack;
}

public sealed record FileStatisticsReport(DateOnly From, DateOnly To, IReadOnlyList<FileStatisticsRow> Units, FileStatisticsRow Totals);

/// <summary>
/// The statistics of files and documents of NĐ30 Phụ lục VI I.III.6 and I.V, per unit over a period, with the statistics'
/// access rule. A file counts when its time span (opened to closed, or still open) meets the period; files of no unit are
/// left out, as the unit reports leave out documents of no unit.
/// </summary>
public sealed class FileReports(DocumentStatistics statistics, DbContext db)
{
    private enum Standing
    {
        Open,
        Closed,
        Submitted,
        Accepted,
        KeptBack,
    }

    public async Task<ReportOutcome<FileStatisticsReport>> FilesAsync(Reader reader, string? from, string? to, string? unit,
        CancellationToken cancellationToken)
    {
        var access = await statistics.DecideAsync(reader, from, to, unit, cancellationToken);
        if (access.Report is not { } report)
            return new(null, access);
        var codes = report.Units.Select(u => u.UnitCode).ToList();
        var files = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents)
            .Where(f => f.State != RecordFileState.Planned && f.UnitCode != null && codes.Contains(f.UnitCode!)
                && f.StartDate <= report.To && (f.EndDate == null || f.EndDate >= report.From))
            .AsSplitQuery().ToListAsync(cancellationToken);
        var ids = files.Select(f => f.Id).ToList();
        var handovers = await db.Set<RecordHandover>().AsNoTracking().Where(h => ids.Contains(h.FileId))
            .ToDictionaryAsync(h => h.FileId, h => h.State, cancellationToken);
        var keptBack = (await db.Set<KeepBack>().AsNoTracking().Where(k => ids.Contains(k.FileId) && k.State == KeepBackState.Approved)
            .Select(k => k.FileId).ToListAsync(cancellationToken)).ToHashSet();
        var (start, end) = HandlingReports.Instants(report);

        Standing Of(RecordFile file) => file.State == RecordFileState.Open ? Standing.Open
            : handovers.TryGetValue(file.Id, out var state) && state is HandoverState.Submitted ? Standing.Submitted
            : handovers.TryGetValue(file.Id, out state) && state is HandoverState.Accepted ? Standing.Accepted
            : keptBack.Contains(file.Id) ? Standing.KeptBack
            : Standing.Closed;

        FileStatisticsRow Row(string code, string name, List<RecordFile> of)
        {
            var standing = of.Select(Of).ToList();
            int Count(Standing s) => standing.Count(x => x == s);
            return new FileStatisticsRow(code, name, Count(Standing.Open), Count(Standing.Closed), Count(Standing.Submitted), Count(Standing.Accepted),
                Count(Standing.KeptBack), of.Sum(f => f.Documents.Count(d => d.AddedAt >= start && d.AddedAt < end)),
                [.. of.GroupBy(f => f.RetentionYears).OrderByDescending(g => g.Key ?? int.MaxValue)
                    .Select(g => new RetentionCount(g.Key, Retention.Vietnamese(g.Key), g.Count()))]);
        }

        var rows = report.Units.Select(u => Row(u.UnitCode, u.UnitName, [.. files.Where(f => f.UnitCode == u.UnitCode)])).ToList();
        return new(new FileStatisticsReport(report.From, report.To, rows, Row("", "Tổng cộng", files)), access);
    }
}
