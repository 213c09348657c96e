using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Reports;

/// <summary>
/// One line of the usage report: a person (<see cref="Key"/> the login) or a unit (the unit code): successful sign-ins,
/// documents worked on (any recorded action on an incoming or outgoing document, each document once), signatures made,
/// and the accesses of the access log (NĐ30 Phụ lục VI I.III.6): reads of documents (incoming, outgoing, provincial
/// tasks) and of record files, each a row of the log, so one item read again within the same minute counts once.
/// </summary>
public sealed record UsageRow(string Key, string Name, string UnitName, int SignIns, int DocumentsHandled, int Signatures, int DocumentReads,
    int FileReads);

/// <summary>The period's counts by lower-cased login.</summary>
internal sealed record UsageCounts(Dictionary<string, int> SignIns, Dictionary<string, int> Handled, Dictionary<string, int> Signed,
    Dictionary<string, int> DocumentReads, Dictionary<string, int> FileReads);

public sealed record UsageReport(DateOnly From, DateOnly To, IReadOnlyList<UsageRow> People, IReadOnlyList<UsageRow> Units, UsageRow Totals);

/// <summary>
/// The use of the system over a period (NĐ30 Phụ lục VI I.V, Article 15.3): per person and per unit, over the units the
/// reader may see by the statistics' rule; accounts of no unit only for who sees every unit.
/// </summary>
public sealed class UsageReports(Statistics.DocumentStatistics statistics, DbContext db)
{
    public async Task<ReportOutcome<UsageReport>> UsageAsync(Reader reader, string? from, string? to, string? unit, CancellationToken cancellationToken)
    {
        var access = await statistics.DecideAsync(reader, from, to, unit, cancellationToken);
        if (access.Report is not { } report)
            return new(null, access);
        var units = access.Units.Where(u => report.Units.Any(r => r.UnitCode == u.Code)).ToList();
        var withoutUnit = string.IsNullOrWhiteSpace(unit) && HandlingReports.SeesEveryUnit(reader);
        var unitIds = units.Select(u => u.Id).ToList();
        var people = await db.Set<AppUser>().AsNoTracking()
            .Where(u => (u.UnitId != null && unitIds.Contains(u.UnitId.Value)) || (withoutUnit && u.UnitId == null))
            .Select(u => new { UserName = u.UserName!, u.FullName, u.UnitId }).ToListAsync(cancellationToken);
        var (start, end) = HandlingReports.Instants(report);
        var counts = await CountsAsync(start, end, cancellationToken);

        var rows = people.Select(p =>
            {
                var of = units.FirstOrDefault(u => u.Id == p.UnitId);
                var key = p.UserName.ToLowerInvariant();
                return (Order: of?.SortOrder ?? int.MaxValue, Unit: of, Row: new UsageRow(p.UserName, p.FullName.Length > 0 ? p.FullName : p.UserName,
                    of?.Name ?? "", counts.SignIns.GetValueOrDefault(key), counts.Handled.GetValueOrDefault(key), counts.Signed.GetValueOrDefault(key),
                    counts.DocumentReads.GetValueOrDefault(key), counts.FileReads.GetValueOrDefault(key)));
            })
            .OrderBy(r => r.Order).ThenBy(r => r.Row.Name, StringComparer.Ordinal).ToList();
        var byUnit = units.Select(u => Sum(u.Code, u.Name, u.Name, rows.Where(r => r.Unit == u).Select(r => r.Row))).ToList();
        return new(new UsageReport(report.From, report.To, [.. rows.Select(r => r.Row)], byUnit, Sum("", "Tổng cộng", "", rows.Select(r => r.Row))), access);
    }

    private static UsageRow Sum(string key, string name, string unitName, IEnumerable<UsageRow> rows)
    {
        var all = rows.ToList();
        return new UsageRow(key, name, unitName, all.Sum(r => r.SignIns), all.Sum(r => r.DocumentsHandled), all.Sum(r => r.Signatures),
            all.Sum(r => r.DocumentReads), all.Sum(r => r.FileReads));
    }

    /// <summary>The counts of the period by lower-cased login (a sign-in keeps the name as typed).</summary>
    private async Task<UsageCounts> CountsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var signIns = (await db.Set<SignInEvent>().AsNoTracking()
                .Where(e => e.Outcome == SignInOutcome.SignedIn && e.At >= start && e.At < end).Select(e => e.UserName).ToListAsync(cancellationToken))
            .GroupBy(n => n.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var incoming = await db.Set<IncomingEvent>().AsNoTracking().Where(e => e.At >= start && e.At < end)
            .Select(e => new { e.UserName, e.DocumentId }).Distinct().ToListAsync(cancellationToken);
        var outgoing = await db.Set<OutgoingHistoryEntry>().AsNoTracking().Where(e => e.At >= start && e.At < end)
            .Select(e => new { UserName = e.Actor, e.DocumentId }).Distinct().ToListAsync(cancellationToken);
        var handled = incoming.Concat(outgoing).GroupBy(e => e.UserName.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var signed = (await db.Set<OutgoingDocument>().AsNoTracking()
                .Where(d => d.SignerUserName != null && d.SignedAt >= start && d.SignedAt < end).Select(d => d.SignerUserName!).ToListAsync(cancellationToken))
            .GroupBy(n => n.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var reads = await db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.At >= start && e.At < end)
            .GroupBy(e => new { e.UserName, e.Kind }).Select(g => new { g.Key.UserName, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        Dictionary<string, int> Reads(bool files) => reads.Where(r => (r.Kind == AccessedKind.RecordFile) == files)
            .GroupBy(r => r.UserName.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return new UsageCounts(signIns, handled, signed, Reads(files: false), Reads(files: true));
    }
}
