using DocBpm.Documents.Outgoing;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Article 6.2: an urgent incoming document is registered, presented and handed over right after receipt. Each of the
/// clerk's and the Director's steps gets the clock hours an urgent outgoing document has to be issued (one setting per
/// level, <see cref="OutgoingOptions.IssueWithin"/>): a Hỏa tốc document received on Sunday does not wait for Monday.
/// </summary>
public sealed class UrgentHandling(IOptions<OutgoingOptions> options)
{
    /// <summary>The instant a step begun at <paramref name="from"/> is overdue, as the process reads it; null for an ordinary document.</summary>
    public string? DueAt(DateTimeOffset from, Urgency urgency) =>
        options.Value.IssueWithin(urgency) is { } within ? IncomingProcess.Instant(from + within) : null;
}
