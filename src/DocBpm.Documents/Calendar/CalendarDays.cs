using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Calendar;

/// <summary>Reads and edits the stored calendar days and keeps <see cref="BusinessCalendar"/> in step with them.</summary>
public sealed class CalendarDays(DbContext db, BusinessCalendar calendar, IOptions<WorkingHoursOptions> hours)
{
    private DbSet<CalendarDay> Days => db.Set<CalendarDay>();

    /// <summary>Stores the seed days on a new installation, then loads the calendar.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!await Days.AnyAsync(cancellationToken))
        {
            Days.AddRange(VietnamHolidaySeed.Days.Select(Copy));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another host seeded the days at the same moment; theirs are the same.
                db.ChangeTracker.Clear();
            }
        }

        await ReloadAsync(cancellationToken);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var all = await Days.AsNoTracking().ToListAsync(cancellationToken);
        calendar.Replace(new WorkingCalendar(hours.Value, all));
    }

    public Task<List<CalendarDay>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        return Days.AsNoTracking().Where(d => d.Date >= from && d.Date < to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    public async Task<CalendarDay> SetAsync(CalendarDay day, CancellationToken cancellationToken)
    {
        var existing = await Days.FirstOrDefaultAsync(d => d.Date == day.Date, cancellationToken);
        if (existing is null)
        {
            existing = Copy(day);
            Days.Add(existing);
        }
        else
        {
            existing.Kind = day.Kind;
            existing.Name = day.Name;
            existing.Source = day.Source;
        }

        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return existing;
    }

    public async Task<bool> RemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var removed = await Days.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;
        await ReloadAsync(cancellationToken);
        return removed;
    }

    private static CalendarDay Copy(CalendarDay day) => new() { Date = day.Date, Kind = day.Kind, Name = day.Name, Source = day.Source };
}
