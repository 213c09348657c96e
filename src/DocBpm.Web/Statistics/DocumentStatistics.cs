using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Statistics;

/// <summary>The period and unit asked for, checked (query string of the page and of the API; dates dd/MM/yyyy).</summary>
public sealed record StatisticsQuery(DateOnly From, DateOnly To, string? Unit)
{
    public static (StatisticsQuery? Query, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? unit, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var start = QueryFields.Date(from, "from", "Từ ngày", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var end = QueryFields.Date(to, "to", "Đến ngày", errors) ?? today;
        if (errors.Count == 0 && end < start)
            errors["to"] = ["Đến ngày phải sau hoặc bằng từ ngày."];
        return errors.Count > 0 ? (null, errors) : (new StatisticsQuery(start, end, QueryFields.Present(unit) ? unit!.Trim() : null), errors);
    }
}

/// <summary>
/// One unit's documents over the period (Article 14.3): the incoming documents it handles as main unit that were received
/// in the period — being handled, overdue, due this week, completed on time (at the deadline instant or before) or late —
/// and the outgoing documents it drafted that were issued in the period, by type.
/// </summary>
public sealed record UnitStatistics(
    string UnitCode, string UnitName, int IncomingReceived, int BeingHandled, int Overdue, int DueThisWeek, int CompletedOnTime,
    int CompletedLate, int OutgoingIssued, IReadOnlyList<TypeCount> OutgoingByType);

public sealed record TypeCount(string TypeCode, string TypeName, int Count);

public sealed record StatisticsReport(DateOnly From, DateOnly To, IReadOnlyList<UnitStatistics> Units);

/// <summary>
/// What a request for statistics gets: the report, or why not — <see cref="Forbidden"/> (Vietnamese, 403) or field
/// <see cref="Errors"/> (400). <see cref="Units"/> are the units the person may choose from.
/// </summary>
public sealed record StatisticsOutcome(StatisticsReport? Report, IReadOnlyList<Unit> Units, string? Forbidden = null,
    Dictionary<string, string[]>? Errors = null);

/// <summary>
/// The leaders' document statistics. Who sees which units follows the oversight of documents: the Director and the office
/// chief every unit, a deputy the units they supervise, a unit head their own; anyone else none (403).
/// </summary>
public sealed class DocumentStatistics(DbContext db, TimeProvider time)
{
    public const string NoAccessVi =
        "Thống kê văn bản dành cho Giám đốc, Phó Giám đốc (các đơn vị mình phụ trách), Chánh Văn phòng và trưởng đơn vị (đơn vị mình).";

    /// <summary>The report <paramref name="reader"/> asked for with the typed period and unit, once the access rule allows it.</summary>
    public async Task<StatisticsOutcome> DecideAsync(Reader reader, string? from, string? to, string? unit, CancellationToken cancellationToken)
    {
        var units = await UnitsForAsync(reader, cancellationToken);
        if (units.Count == 0)
            return new(null, units, NoAccessVi);
        var (query, errors) = StatisticsQuery.Parse(from, to, unit, IncomingProcess.DayOf(time.GetUtcNow()));
        if (query is null)
            return new(null, units, Errors: errors);
        if (query.Unit is not null && units.All(u => u.Code != query.Unit))
            return new(null, units, $"Bạn không được xem thống kê của đơn vị {query.Unit}.");
        return new(await ReportAsync(query, units, cancellationToken), units);
    }

    /// <summary>The units <paramref name="reader"/> may see, in the Department's order; empty for who sees none.</summary>
    private async Task<IReadOnlyList<Unit>> UnitsForAsync(Reader reader, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        if (reader.Has(StaffRole.Director) || reader.Has(StaffRole.OfficeChief))
            return units;
        return [.. units.Where(u => (reader.IsDeputy && u.SupervisorUserName == reader.UserName) || (reader.IsUnitHead && u.Code == reader.UnitCode))];
    }

    /// <summary>The report over the units in <paramref name="units"/>, or only <see cref="StatisticsQuery.Unit"/> among them.</summary>
    private async Task<StatisticsReport> ReportAsync(StatisticsQuery query, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        var chosen = units.Where(u => query.Unit is null || u.Code == query.Unit).ToList();
        var codes = chosen.Select(u => u.Code).ToList();
        var start = IncomingProcess.DayStart(query.From);
        var end = IncomingProcess.DayStart(query.To.AddDays(1));
        var incoming = await (from a in db.Set<IncomingAssignment>().AsNoTracking()
                              join d in db.Set<IncomingDocument>().AsNoTracking() on a.DocumentId equals d.Id
                              where a.Role == HandlingRole.Main && a.ParentId == null && a.UnitCode != null && codes.Contains(a.UnitCode)
                                  && d.ReceivedAt >= start && d.ReceivedAt < end
                                  && d.Status != IncomingStatus.Returned && d.Status != IncomingStatus.Cancelled
                              select new { Unit = a.UnitCode!, d.Id, d.Status, d.Deadline, d.CompletedAt }).ToListAsync(cancellationToken);
        var outgoing = await db.Set<OutgoingDocument>().AsNoTracking()
            .Where(d => d.Stage == OutgoingStage.Issued && codes.Contains(d.DraftingUnit) && d.DocumentDate >= query.From && d.DocumentDate <= query.To)
            .Select(d => new { d.DraftingUnit, d.TypeCode, d.TypeName }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var week = Week.Of(now);
        return new StatisticsReport(query.From, query.To, [.. chosen.Select(u =>
        {
            var mine = incoming.Where(d => d.Unit == u.Code).DistinctBy(d => d.Id).ToList();
            var open = mine.Where(d => d.CompletedAt is null).ToList();
            var done = mine.Where(d => d.CompletedAt is not null).ToList();
            var issued = outgoing.Where(d => d.DraftingUnit == u.Code).ToList();
            return new UnitStatistics(u.Code, u.Name, mine.Count,
                open.Count(d => d.Status == IncomingStatus.Assigned),
                open.Count(d => d.Deadline < now),
                open.Count(d => d.Deadline >= now && d.Deadline < week.End),
                done.Count(d => Timeliness.OnTime(d.CompletedAt!.Value, d.Deadline)),
                done.Count(d => !Timeliness.OnTime(d.CompletedAt!.Value, d.Deadline)),
                issued.Count,
                [.. issued.GroupBy(d => (d.TypeCode, d.TypeName)).OrderBy(g => g.Key.TypeCode, StringComparer.Ordinal)
                    .Select(g => new TypeCount(g.Key.TypeCode, g.Key.TypeName, g.Count()))]);
        })]);
    }
}

/// <summary>Completed by the deadline: at the deadline instant still counts as on time; without a deadline it is never late.</summary>
public static class Timeliness
{
    public static bool OnTime(DateTimeOffset completedAt, DateTimeOffset? deadline) => deadline is not { } due || completedAt <= due;
}

/// <summary>This week in Vietnam time, Monday 00:00 to the next Monday 00:00.</summary>
public sealed record Week(DateTimeOffset Start, DateTimeOffset End)
{
    public static Week Of(DateTimeOffset now)
    {
        var today = IncomingProcess.DayOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new Week(IncomingProcess.DayStart(monday), IncomingProcess.DayStart(monday.AddDays(7)));
    }
}
