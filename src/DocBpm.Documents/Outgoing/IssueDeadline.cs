using DocBpm.Documents.Incoming;
using DocBpm.Documents.Calendar;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Outgoing;

/// <summary>When a signed document must be issued, and when the clerk and the office chief are warned.</summary>
public sealed record IssueDue(DateTimeOffset Deadline, DateTimeOffset WarnAt);

/// <summary>
/// Article 6.2: a document is issued the day it is signed, at the latest in the morning of the next working day; an
/// urgent one right after signing, within clock hours set per level (a Hỏa tốc document signed on Sunday does not wait
/// for Monday). The warning goes out a configurable lead before the deadline, never before the signature.
/// </summary>
public sealed class IssueDeadline(BusinessCalendar calendar, IOptions<WorkingHoursOptions> hours, IOptions<OutgoingOptions> options)
{
    public IssueDue For(DateTimeOffset signedAt, Urgency urgency)
    {
        if (options.Value.IssueWithin(urgency) is { } within)
            return Warned(signedAt + within, signedAt);

        var working = calendar.Current;
        var date = VietnamTime.DateOf(signedAt).AddDays(1);
        while (!working.IsWorkingDay(date))
            date = date.AddDays(1);
        var morningEnd = hours.Value.Periods.OrderBy(p => p.Start).First().End;
        return Warned(VietnamTime.At(date, morningEnd).ToUniversalTime(), signedAt);
    }

    private IssueDue Warned(DateTimeOffset deadline, DateTimeOffset signedAt)
    {
        var warnAt = deadline - options.Value.EscalationLead;
        return new IssueDue(deadline, warnAt > signedAt ? warnAt : signedAt);
    }
}
