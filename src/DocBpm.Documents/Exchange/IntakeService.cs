using System.Text.Json.Nodes;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// Takes in what the axis holds for this agency. A document is registered once per sender and document identifier,
/// with its Article 10.2 receipt time, and starts the incoming process (message <see cref="DocumentArrived"/>) in the
/// same transaction; a recall is handed to that process; an update or a replacement under the same identifier is applied
/// to the registered document; a status is applied to the dispatch it reports on. Each
/// package is acknowledged only after it is stored, so a crash means a redelivery, which registers nothing twice.
/// Each package is handled in its own transaction: one that fails is rolled back and counted in
/// <see cref="IntakeFailures"/>, and the pull goes on with the next, so it cannot hold back the packages behind it.
/// </summary>
public sealed partial class IntakeService(
    DbContext db,
    AxisClient axis,
    FileStore files,
    IncomingRegistry incoming,
    WorkflowRuntime runtime,
    IBusinessCalendar calendar,
    TimeProvider time,
    IOptions<AxisConnection> connection,
    IntakeFailures failures,
    EnvelopeSignatureCheck envelopeSignature,
    ILogger<IntakeService> logger)
{
    public const string DocumentArrived = "incoming-document";
    public const string RecallNotice = "recall-notice";

    /// <summary>The message a status from a recipient is delivered as, correlated by the identifier of our document.</summary>
    public const string StatusReceived = "exchange-status";

    /// <summary>
    /// Handles every pending package but those set aside for an administrator; returns how many were taken in. An
    /// unreachable axis (<see cref="HttpRequestException"/>) ends the pull without counting an attempt against a package.
    /// </summary>
    public async Task<int> PullAsync(CancellationToken cancellationToken)
    {
        var pending = await axis.PendingAsync(cancellationToken);
        var setAside = await failures.SetAsideAsync([.. pending.Select(p => p.PackageId)], cancellationToken);
        var taken = 0;
        foreach (var package in pending.Where(p => !setAside.Contains(p.PackageId)))
        {
            if (await TryTakeAsync(package, null, cancellationToken))
                taken++;
        }

        return taken;
    }

    /// <summary>
    /// An administrator's retry of a package set aside (or still failing): true when it was taken in now; otherwise the
    /// attempt is counted and the package stays where it was.
    /// </summary>
    public async Task<bool> RetryAsync(Guid packageId, string? actor, CancellationToken cancellationToken)
    {
        var failure = await failures.OpenAsync(packageId, cancellationToken);
        return await TryTakeAsync(failure.ToPending(), actor, cancellationToken);
    }

    /// <summary>
    /// An administrator gives up on a package: it is acknowledged at the axis without being taken in, and the reason is
    /// recorded. The sender is not sent a status, since nothing was registered here.
    /// </summary>
    public async Task DismissAsync(Guid packageId, string reason, string? actor, CancellationToken cancellationToken)
    {
        var failure = await failures.OpenAsync(packageId, cancellationToken);
        await axis.AcknowledgeAsync(packageId, cancellationToken);
        await failures.DismissedAsync(failure, reason, actor, cancellationToken);
    }

    private async Task<bool> TryTakeAsync(PendingPackage package, string? actor, CancellationToken cancellationToken)
    {
        try
        {
            await TakeAsync(package, cancellationToken);
        }
        catch (Exception ex) when (ex is not (HttpRequestException or OperationCanceledException))
        {
            // The package's transaction is rolled back; its tracked rows must not be saved with the failure record.
            db.ChangeTracker.Clear();
            await failures.RecordAsync(package, ex, cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        await axis.AcknowledgeAsync(package.PackageId, cancellationToken);
        await failures.TakenInAsync(package.PackageId, actor, cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task TakeAsync(PendingPackage package, CancellationToken cancellationToken)
    {
        var content = await axis.FetchAsync(package.PackageId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (package.Kind == AxisPackageKind.Status)
            await ApplyStatusAsync(package, content, cancellationToken);
        else
            await TakeDocumentAsync(package, content, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task TakeDocumentAsync(PendingPackage pending, byte[] content, CancellationToken cancellationToken)
    {
        var read = EdxmlReader.ReadPackage(content, identifiers: connection.Value.IdentifiersOf(pending.SenderCode));
        var problems = read.Problems.Select(p => $"{p.Path}: {p.MessageVi}").ToList();
        if (read.Value is { Attachments.Count: 0, Business.DocType: not BusinessDocType.Revoke })
            problems.Add("Gói tin không kèm tệp văn bản.");
        if (!read.IsValid || problems.Count > 0)
        {
            await RefuseAsync(pending, IntakeFailureCause.Format, string.Join(" ", problems), cancellationToken);
            return;
        }

        // Who signed the envelope is checked before anything is stored: a package altered after signing, or signed with
        // another agency's key, is refused like any other package the sender must send again.
        var seal = await envelopeSignature.CheckAsync(content, pending.SenderCode, pending.ReceivedAt, cancellationToken);
        if (!seal.Accepted)
        {
            await RefuseAsync(pending, IntakeFailureCause.Signature, seal.Note, cancellationToken);
            return;
        }

        // Zipped attachments are unzipped (bounded) before anything else looks at the files; a zip bomb, a path leading out
        // of the archive or an encrypted entry refuses the package.
        var unzipped = ZippedAttachments.Expand(read.Value!.Attachments);
        if (!unzipped.IsValid)
        {
            await RefuseAsync(pending, IntakeFailureCause.File, string.Join(" ", unzipped.Problems.Select(p => $"{p.Path}: {p.MessageVi}")), cancellationToken);
            return;
        }

        var package = read.Value with { Attachments = unzipped.Value! };
        var header = package.Header;
        if (await RefusalAsync(pending, package, cancellationToken) is { } refusal)
        {
            await RefuseAsync(pending, refusal.Cause, refusal.Reason, cancellationToken);
            return;
        }

        if (package.Business.DocType == BusinessDocType.Revoke)
        {
            // The history line names who recalled the document and their notice.
            var notice = $"{header.From.OrganName} ({header.From.OrganId}) thu hồi văn bản" + (package.Business.Reason is { } reason ? $": {reason}" : ".");
            await RecallAsync(pending, header.DocumentId, notice, cancellationToken);
            return;
        }

        var hash = EdxmlContentHash.Of(package);
        var registered = await db.Set<ReceivedDocument>()
            .Where(d => d.SenderCode == header.From.OrganId && d.DocumentId == header.DocumentId)
            .FirstOrDefaultAsync(cancellationToken);
        if (registered is not null)
        {
            if (registered.PackageId == pending.PackageId || registered.ContentHash is not { } known || known == hash)
                LogDuplicate(header.DocumentId, header.From.OrganId);
            else if (UpdatesInPlace(package))
                await ApplyUpdateAsync(pending, registered, package, hash, cancellationToken);
            else
                throw new IntakeSetAsideException(IntakeFailureCause.DuplicateIdentifier,
                    $"Document identifier {header.DocumentId} from {header.From.OrganId} is registered already with other content");
            return;
        }

        if (await StoreFilesAsync(pending, package, cancellationToken) is not { } stored)
            return;

        var document = new ReceivedDocument
        {
            Id = Guid.CreateVersion7(),
            SenderCode = header.From.OrganId,
            SenderName = header.From.OrganName,
            DocumentId = header.DocumentId,
            CodeNumber = header.CodeNumber,
            CodeNotation = header.CodeNotation,
            PromulgationDate = header.PromulgationDate,
            Subject = header.Subject,
            Priority = header.OtherInfo.Priority,
            PackageId = pending.PackageId,
            ArrivedAt = pending.ReceivedAt.ToUniversalTime(),
            ReceivedAt = calendar.NextWorkingInstant(pending.ReceivedAt).ToUniversalTime(),
            FileIds = string.Join(",", stored.Select(f => f.Id)),
            ContentHash = hash,
            LastStatus = ExchangeStatus.Arrived,
        };
        db.Set<ReceivedDocument>().Add(document);
        var registerEntry = incoming.AddFromAxis(document, header.DocumentType.TypeName, header.Signer.FullName,
            package.Business.PaperAlsoSent);
        db.Record(registerEntry, document.ArrivedAt, "axis", IncomingActions.EnvelopeSignature, seal.Note);
        await LinkCorrectionAsync(registerEntry, package.Business, cancellationToken);
        QueueStatus(document, ExchangeStatus.Arrived, null);

        // The runtime stores the new instance in the same SaveChanges as the registration above.
        var started = await runtime.CorrelateAsync(new MessageRequest(DocumentArrived, header.DocumentId, Variables(document, registerEntry),
            $"intake:{document.SenderCode}:{document.DocumentId}", BusinessKey: header.DocumentId, InstanceId: registerEntry.InstanceId), cancellationToken);
        if (started.Kind == CorrelationKind.NotCorrelated)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogNoProcess(header.DocumentId);
        }
    }

    /// <summary>
    /// A replacement or a correction notice (the sender's Article 9.5) points to the received document it corrects; a
    /// document that arrives after its correction is pointed to by the corrections waiting for it.
    /// </summary>
    private async Task LinkCorrectionAsync(IncomingDocument entry, EdxmlBusiness business, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<IncomingDocument>()
            .Where(d => d.CorrectsIdentifier == entry.ProcessKey && d.IssuingAgencyCode == entry.IssuingAgencyCode && d.CorrectsId == null)
            .ToListAsync(cancellationToken);
        waiting.ForEach(correction => correction.CorrectsId = entry.Id);
        if (business.CorrectedDocumentId is not { } corrected || corrected == entry.ProcessKey)
            return;
        entry.CorrectionKind = business.DocType == BusinessDocType.Replace ? Outgoing.CorrectionKind.Replacement : Outgoing.CorrectionKind.Notice;
        entry.CorrectsIdentifier = corrected;
        entry.CorrectsId = await db.Set<IncomingDocument>().AsNoTracking()
            .Where(d => d.ProcessKey == corrected && d.IssuingAgencyCode == entry.IssuingAgencyCode)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (entry.CorrectsId is null)
            LogCorrectsUnknown(entry.ProcessKey, corrected);
    }

    private async Task ApplyStatusAsync(PendingPackage pending, byte[] content, CancellationToken cancellationToken)
    {
        var packageId = pending.PackageId;
        var read = EdxmlReader.ReadStatus(content, identifiers: connection.Value.IdentifiersOf(pending.SenderCode));
        if (!read.IsValid)
            throw new IntakeSetAsideException(IntakeFailureCause.Format, "Unreadable status message: " + string.Join("; ", read.Problems));

        var status = read.Value!;
        var dispatches = await db.Set<DispatchRecord>()
            .Where(d => d.DocumentId == status.ResponseFor.DocumentId && d.RecipientCode == status.From.OrganId)
            .ToListAsync(cancellationToken);
        if (dispatches.Count == 0)
            throw new IntakeSetAsideException(IntakeFailureCause.NotAParty,
                $"{status.From.OrganId} reported on {status.ResponseFor.DocumentId}, which was not sent to it from here");
        foreach (var dispatch in dispatches)
        {
            dispatch.LastStatus = status.Status;
            dispatch.LastStatusNote = status.Description;
            dispatch.LastStatusAt = status.Timestamp.ToUniversalTime();
        }

        await db.SaveChangesAsync(cancellationToken);
        // A process waiting for the recipient's decision on one of our documents (e.g. the province approving a task
        // reply or an extension letter) hears it; nobody waiting is the usual case.
        await runtime.CorrelateAsync(new MessageRequest(StatusReceived, status.ResponseFor.DocumentId, new Dictionary<string, JsonNode?>
        {
            ["exchangeStatus"] = status.Status.ToString(),
            ["exchangeNote"] = status.Description,
        }, $"status:{packageId}", status.From.OrganId), cancellationToken);
    }

    private void QueueStatus(ReceivedDocument document, ExchangeStatus status, string? note)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        db.Set<OutboxRecord>().Add(new OutboxRecord
        {
            Id = Guid.CreateVersion7(),
            Topic = ReportStatus.Topic,
            Payload = System.Text.Json.JsonSerializer.Serialize(new StatusMessage(document.Id, status, note, now), ActivityContext.JsonOptions),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    private Dictionary<string, JsonNode?> Variables(ReceivedDocument d, IncomingDocument entry)
    {
        var variables = incoming.StartVariables(entry);
        variables["receivedDocumentId"] = d.Id.ToString();
        variables["sender"] = d.SenderCode;
        variables["senderName"] = d.SenderName;
        variables["receivedAt"] = d.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return variables;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} from {Sender} was delivered again; it is registered already")]
    private partial void LogDuplicate(string documentId, string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} registered, but no deployed process starts with 'incoming-document'")]
    private partial void LogNoProcess(string documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} corrects {Corrected}, which has not been received here; linked when it arrives")]
    private partial void LogCorrectsUnknown(string documentId, string corrected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recall of {DocumentId}: {Result}")]
    private partial void LogRecall(string documentId, CorrelationKind result);
}
