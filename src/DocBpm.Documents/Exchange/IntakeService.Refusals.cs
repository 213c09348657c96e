using DocBpm.Edxml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Exchange;

public sealed partial class IntakeService
{
    /// <summary>
    /// Who may send this package, checked here too: DocBpm does not rely on the axis having checked. The identifier must
    /// be the sender's; a recall, update or replacement must come from whoever sent the original; a state secret never
    /// enters the system (Articles 5.2, 11.1).
    /// </summary>
    private async Task<(IntakeFailureCause Cause, string Reason)?> RefusalAsync(PendingPackage pending, EdxmlPackage package,
        CancellationToken cancellationToken)
    {
        var header = package.Header;
        var sender = pending.SenderCode;
        if (header.From.OrganId != sender)
            return (IntakeFailureCause.ForeignIdentifier, $"Nơi gửi trong gói tin ({header.From.OrganId}) không phải cơ quan đã gửi gói tin trên trục ({sender}).");
        if (ExchangeIdentity.ForeignIdentifier(sender, header.DocumentId) is { } foreign)
            return (IntakeFailureCause.ForeignIdentifier, foreign);
        if (header.OtherInfo.SecretMark is { } mark)
            return (IntakeFailureCause.StateSecret, $"Văn bản có độ mật \"{mark}\" không được gửi, nhận qua Hệ thống (Điều 5 khoản 2, Điều 11 khoản 1 Quy chế).");
        var original = package.Business.DocType switch
        {
            BusinessDocType.Revoke => header.DocumentId,
            BusinessDocType.Update or BusinessDocType.Replace => package.Business.CorrectedDocumentId ?? header.DocumentId,
            _ => null,
        };
        if (original is null)
            return null;
        var senders = await db.Set<ReceivedDocument>().AsNoTracking().Where(d => d.DocumentId == original)
            .Select(d => d.SenderCode).ToListAsync(cancellationToken);
        // A correction may arrive before its original (it is linked when the original comes); a recall of nothing cannot.
        if (senders.Count == 0 && package.Business.DocType == BusinessDocType.Revoke)
            return (IntakeFailureCause.UnknownOriginal, $"Không có văn bản {original} do {sender} gửi đến Sở để thu hồi.");
        return senders.Count > 0 && !senders.Contains(sender)
            ? (IntakeFailureCause.NotOriginalSender, ExchangeIdentity.NotTheOriginalSender(sender, original, package.Business.DocType))
            : null;
    }

    /// <summary>Answers the sender with status 02 and the reason, and records the refusal for the administrators.</summary>
    private async Task RefuseAsync(PendingPackage pending, IntakeFailureCause cause, string reason, CancellationToken cancellationToken)
    {
        await SendRefusalAsync(pending, reason, cancellationToken);
        await failures.RefusedAsync(pending, cause, reason, cancellationToken);
    }

    private async Task SendRefusalAsync(PendingPackage pending, string reason, CancellationToken cancellationToken)
    {
        var me = connection.Value;
        var code = DocumentIdentifier.TryParse(pending.DocumentId, out var id) ? id : default;
        await axis.SendStatusAsync(EdxmlWriter.Write(new EdxmlStatus(
            new EdxmlResponseFor(pending.SenderCode, code.CodeNumber is null ? pending.DocumentId : code.Code,
                code.CodeNumber is null ? DateOnly.FromDateTime(pending.ReceivedAt.UtcDateTime) : code.PromulgationDate, pending.DocumentId),
            new EdxmlOrganization(me.AgencyCode, me.AgencyName), ExchangeStatus.Refused, reason, time.GetUtcNow(), null)), cancellationToken);
        LogRefused(pending.DocumentId, pending.SenderCode, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused package {DocumentId} from {Sender}: {Reason}")]
    private partial void LogRefused(string documentId, string sender, string reason);
}
