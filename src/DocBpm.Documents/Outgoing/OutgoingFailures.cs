using DocBpm.Documents.Access;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Incoming;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Outgoing;

/// <summary>The step with side effects that stopped an outgoing document.</summary>
public enum FailedStep
{
    /// <summary>The signing leader's personal signature (Article 9.3): the leader acts.</summary>
    Signing,

    /// <summary>After the number: the agency signature and the stored issued file; the clerks act.</summary>
    Issuing,

    /// <summary>The package for the exchange axis (Article 10.1); the clerks act.</summary>
    Dispatch,
}

/// <summary>
/// An open engine incident on a document's own process, with the person (<paramref name="ResponsibleUser"/>) or role
/// (<paramref name="ResponsibleGroup"/>) who can act on it. <paramref name="Error"/> is the engine's technical text.
/// </summary>
public sealed record StepFailure(Guid IncidentId, Guid DocumentId, FailedStep Step, string Error, DateTimeOffset At,
    string? ResponsibleUser, string? ResponsibleGroup, string Subject, string? NumberAndNotation, Urgency Urgency)
{
    /// <summary>The IT admin retries from the monitor (<c>/api/incidents</c>); on the document only who can act.</summary>
    public bool MayRetry(TaskActor actor) => ResponsibleUser is { } user
        ? string.Equals(user, actor.UserName, StringComparison.OrdinalIgnoreCase)
        : actor.Groups.Contains(ResponsibleGroup!, StringComparer.OrdinalIgnoreCase);
}

/// <summary>What a retry from the document achieved: done, or still failing (the engine keeps retrying with back-off).</summary>
public sealed record RetryOutcome(int Retried, string? StillFailing);

/// <summary>
/// Failures reach the person who can act: an asynchronous step of the outgoing process (signing, issuing, dispatch) that
/// became an incident after its retries is shown on the document and in the inbox of the signing leader or the clerks,
/// who retry it with the engine's own incident retry.
/// </summary>
public sealed partial class OutgoingFailures(EngineDb engine, WorkflowRuntime runtime, ILogger<OutgoingFailures> logger)
{
    /// <summary>The open failures of <paramref name="documentId"/>.</summary>
    public Task<IReadOnlyList<StepFailure>> OfAsync(Guid documentId, CancellationToken cancellationToken) =>
        FindAsync(documentId.ToString(), cancellationToken);

    /// <summary>The open failures <paramref name="actor"/> can act on: the lines "Sự cố" of the inbox.</summary>
    public async Task<IReadOnlyList<StepFailure>> ForAsync(TaskActor actor, CancellationToken cancellationToken) =>
        [.. (await FindAsync(null, cancellationToken)).Where(f => f.MayRetry(actor))];

    /// <summary>
    /// Re-runs each failed step of the document <paramref name="actor"/> can act on. Refused (403) when there is none of
    /// theirs; a second person retrying at the same moment finds it already retried (404) or loses the race (409).
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(Guid documentId, TaskActor actor, CancellationToken cancellationToken)
    {
        var mine = (await OfAsync(documentId, cancellationToken)).Where(f => f.MayRetry(actor)).ToList();
        if (mine.Count == 0)
            throw new OutgoingRefusedException(RefusalKind.Forbidden, "Văn bản không có sự cố nào bạn được thử lại.",
                $"{actor.UserName} has no failed step to retry on outgoing document {documentId}.");
        string? stillFailing = null;
        foreach (var failure in mine)
        {
            var bookmark = await engine.Incidents.AsNoTracking().Where(i => i.Id == failure.IncidentId).Select(i => i.BookmarkId)
                .FirstAsync(cancellationToken);
            await runtime.RetryIncidentAsync(failure.IncidentId, actor.UserName, cancellationToken);
            LogRetried(documentId, failure.Step, actor.UserName);
            stillFailing ??= await engine.Bookmarks.AsNoTracking()
                .Where(b => b.Id == bookmark && b.Status == BookmarkStatus.Active && b.LastError != null)
                .Select(b => b.LastError).FirstOrDefaultAsync(cancellationToken);
        }

        return new RetryOutcome(mine.Count, stillFailing);
    }

    private async Task<IReadOnlyList<StepFailure>> FindAsync(string? key, CancellationToken cancellationToken)
    {
        var rows = await (from i in engine.Incidents.AsNoTracking()
                          join p in engine.Instances.AsNoTracking() on i.InstanceId equals p.Id
                          where i.ResolvedAt == null && p.DefinitionKey == OutgoingProcess.Key && p.BusinessKey != null
                              && (key == null || p.BusinessKey == key)
                          orderby i.CreatedAt
                          select new { Incident = i, Key = p.BusinessKey! }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => Guid.TryParse(r.Key, out var id) ? id : Guid.Empty).Distinct().ToList();
        var documents = await engine.Context.Set<OutgoingDocument>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id.ToString(), cancellationToken);
        return [.. rows.Where(r => documents.ContainsKey(r.Key)).Select(r => Of(r.Incident, documents[r.Key]))];
    }

    private static StepFailure Of(IncidentRecord incident, OutgoingDocument document)
    {
        // The stage tells the steps apart without naming diagram elements: before the number only the personal signature
        // runs as a job; after it, the agency signature, whose run goes on to record the file and build the package.
        var step = document.Stage != OutgoingStage.Issued ? FailedStep.Signing
            : incident.Error.Contains(DispatchToBus.Topic, StringComparison.Ordinal) ? FailedStep.Dispatch
            : FailedStep.Issuing;
        var leader = step == FailedStep.Signing ? document.SigningLeader : null;
        return new StepFailure(incident.Id, document.Id, step, incident.Error, incident.CreatedAt, leader,
            leader is null ? StaffRole.Clerk : null, document.Subject, document.NumberAndNotation, document.Urgency);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outgoing document {DocumentId}: {Step} retried by {Actor}")]
    private partial void LogRetried(Guid documentId, FailedStep step, string actor);
}
