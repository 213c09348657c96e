using System.Text.Json.Nodes;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Edxml;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Exchange;

public sealed partial class IntakeService
{
    /// <summary>
    /// The SDK builders write an update or a replacement under the original's own header DocumentId (naming it in
    /// Bussiness/DocumentId too, or not at all): such a package changes the document registered under that identifier.
    /// </summary>
    private static bool UpdatesInPlace(EdxmlPackage package) =>
        package.Business.DocType is BusinessDocType.Update or BusinessDocType.Replace
        && (package.Business.CorrectedDocumentId ?? package.Header.DocumentId) == package.Header.DocumentId;

    /// <summary>
    /// Applies an update or a replacement from the original's sender (checked by <see cref="RefusalAsync"/>) to the
    /// document registered under its identifier: its files, subject, type, signer and urgency, and a history line naming
    /// the sender, the reason and the changed recipients. When this agency is taken off the recipients, the document's
    /// process hears it as a recall.
    /// </summary>
    private async Task ApplyUpdateAsync(PendingPackage pending, ReceivedDocument received, EdxmlPackage package, string hash,
        CancellationToken cancellationToken)
    {
        if (await StoreFilesAsync(pending, package, cancellationToken) is not { } stored)
            return;
        var (header, business) = (package.Header, package.Business);
        received.Subject = header.Subject;
        received.Priority = header.OtherInfo.Priority;
        received.FileIds = string.Join(",", stored.Select(f => f.Id));
        received.ContentHash = hash;
        received.PackageId = pending.PackageId;

        var replaced = business.DocType == BusinessDocType.Replace;
        var detail = $"{header.From.OrganName} ({header.From.OrganId}) {(replaced ? "thay thế" : "cập nhật")} văn bản"
            + (business.Reason is { } reason ? $": {reason}." : ".") + Recipients(business.ReceiverChanges ?? []);
        var entry = await db.Set<IncomingDocument>().FirstOrDefaultAsync(d => d.ReceivedDocumentId == received.Id, cancellationToken);
        if (entry is not null)
        {
            entry.Subject = header.Subject;
            entry.FileIds = received.FileIds;
            entry.Urgency = IncomingRegistry.UrgencyOf(header.OtherInfo.Priority);
            if (header.DocumentType.TypeName.Length > 0)
                entry.DocumentType = header.DocumentType.TypeName;
            if (header.Signer.FullName.Length > 0)
                entry.Signer = header.Signer.FullName;
            db.Record(entry, pending.ReceivedAt, "axis", replaced ? IncomingActions.ReplacedBySender : IncomingActions.UpdatedBySender, detail);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogUpdated(header.DocumentId, header.From.OrganId, business.DocType);
        if (business.ReceiverChanges?.Any(c => c.Removed && c.OrganId == connection.Value.AgencyCode) == true)
            await RecallAsync(pending, header.DocumentId, detail + " Sở không còn là nơi nhận văn bản.", cancellationToken);
    }

    private static string Recipients(IReadOnlyList<EdxmlReceiverChange> changes)
    {
        var added = changes.Where(c => !c.Removed).Select(c => c.OrganId).ToList();
        var removed = changes.Where(c => c.Removed).Select(c => c.OrganId).ToList();
        return (added.Count > 0 ? $" Thêm nơi nhận: {string.Join(", ", added)}." : "")
            + (removed.Count > 0 ? $" Bỏ nơi nhận: {string.Join(", ", removed)}." : "");
    }

    /// <summary>
    /// Hands a recall (a notice naming who recalls and why) to the document's process; when nothing waits for it any more the
    /// office must act by hand (Article 8.2c), so the package is set aside rather than acknowledged into nothing.
    /// </summary>
    private async Task RecallAsync(PendingPackage pending, string documentId, string notice, CancellationToken cancellationToken)
    {
        var recall = await runtime.CorrelateAsync(new MessageRequest(RecallNotice, documentId,
            new Dictionary<string, JsonNode?> { ["recallReason"] = notice }, $"recall:{pending.PackageId}"), cancellationToken);
        LogRecall(documentId, recall.Kind);
        if (recall.Kind == CorrelationKind.NotCorrelated)
            throw new IntakeSetAsideException(IntakeFailureCause.RecallNotApplied,
                $"Recall of {documentId} from {pending.SenderCode}: no handling of it is waiting (ended or cancelled)");
    }

    /// <summary>
    /// Stores the files through the Article 3 intake; an attachment outside it (or lying about its type) refuses the whole
    /// package with status 02, and null is returned.
    /// </summary>
    private async Task<List<StoredFile>?> StoreFilesAsync(PendingPackage pending, EdxmlPackage package, CancellationToken cancellationToken)
    {
        try
        {
            return [.. package.Attachments.Select(a => files.Add(a.Name, a.ContentType, a.Content))];
        }
        catch (FileRefusedException refused)
        {
            db.ChangeTracker.Clear();
            await RefuseAsync(pending, IntakeFailureCause.File, refused.DetailVi, cancellationToken);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} from {Sender}: applied the sender's {Kind} under the same identifier")]
    private partial void LogUpdated(string documentId, string sender, BusinessDocType kind);
}
