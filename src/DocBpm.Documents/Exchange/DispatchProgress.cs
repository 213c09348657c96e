using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Exchange;

/// <summary>Where one recipient's copy of a dispatched document is (Articles 9.4, 10.1).</summary>
public enum DispatchProgress
{
    /// <summary>Queued: the package waits to go to the axis.</summary>
    Waiting,

    /// <summary>The axis took it; its receipt time is the legal send time.</summary>
    Sent,

    /// <summary>The recipient reported a status (arrived, accepted, assigned, in progress, completed).</summary>
    Received,

    /// <summary>The recipient refused it (status 02), with its reason.</summary>
    Refused,

    /// <summary>Still queued and the last delivery to the axis failed; the outbox keeps retrying.</summary>
    Failed,
}

/// <summary>One recipient's dispatch record with its progress and the last delivery error, if any.</summary>
public sealed record RecipientDispatch(DispatchRecord Record, DispatchProgress Progress, string? SendError);

/// <summary>
/// The one reading of the dispatch records: the outgoing document page and <c>/api/exchange/dispatches</c> both show it,
/// so they cannot disagree about a recipient.
/// </summary>
public sealed class DispatchStates(DbContext db, EngineDb engine)
{
    /// <summary>Each recipient of the document dispatched under the national identifier <paramref name="documentId"/>.</summary>
    public async Task<List<RecipientDispatch>> OfAsync(string documentId, CancellationToken cancellationToken)
    {
        var records = await db.Set<DispatchRecord>().AsNoTracking().Where(d => d.DocumentId == documentId)
            .OrderBy(d => d.RecipientCode).ToListAsync(cancellationToken);
        var errors = new Dictionary<Guid, string>();
        foreach (var batch in records.Where(r => r.State == DispatchState.Queued).Select(r => r.BatchId).Distinct())
        {
            // The outbox message of a batch names it in its payload (DispatchMessage) and nowhere else.
            var named = batch.ToString();
            if (await engine.Outbox.AsNoTracking()
                    .Where(o => o.Topic == DispatchToBus.Topic && o.DeliveredAt == null && o.LastError != null && o.Payload.Contains(named))
                    .Select(o => o.LastError).FirstOrDefaultAsync(cancellationToken) is { } error)
                errors[batch] = error;
        }

        return [.. records.Select(r => Of(r, errors.GetValueOrDefault(r.BatchId)))];
    }

    public static RecipientDispatch Of(DispatchRecord record, string? sendError) => new(record, record switch
    {
        { LastStatus: ExchangeStatus.Refused } => DispatchProgress.Refused,
        { LastStatus: not null } => DispatchProgress.Received,
        { State: DispatchState.Sent } => DispatchProgress.Sent,
        _ when sendError is not null => DispatchProgress.Failed,
        _ => DispatchProgress.Waiting,
    }, sendError);
}
