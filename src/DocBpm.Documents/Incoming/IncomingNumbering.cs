using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Gives a registered document its incoming number (số đến) in the incoming register book of its receipt year.
/// Interim: numbers the year's documents in order until the register books' atomic allocator is merged in.
/// </summary>
public sealed class IncomingNumbering(DbContext db)
{
    public async Task<(Guid? Book, int Number)> AllocateAsync(IncomingDocument document, CancellationToken cancellationToken)
    {
        var year = TimeZoneInfo.ConvertTime(document.ReceivedAt, VietnamTime.Zone).Year;
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
        var to = from.AddYears(1);
        var last = await db.Set<IncomingDocument>()
            .Where(d => d.IncomingNumber != null && d.ReceivedAt >= from && d.ReceivedAt < to)
            .MaxAsync(d => d.IncomingNumber, cancellationToken);
        return (null, (last ?? 0) + 1);
    }
}
