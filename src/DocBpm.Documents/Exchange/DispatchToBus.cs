using DocBpm.Documents.Files;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Exchange;

/// <summary>What an outgoing document says about itself on the axis; a correction names the identifier of the document it corrects.</summary>
public sealed record DispatchDocument(
    string CodeNumber,
    string CodeNotation,
    string Place,
    DateOnly PromulgationDate,
    int DocumentTypeCode,
    string DocumentTypeName,
    string Subject,
    string SignerName,
    string? SignerCompetence = null,
    string? SignerPosition = null,
    EdxmlPriority Priority = EdxmlPriority.Normal,
    DateOnly? DueDate = null,
    string? Content = null,
    BusinessDocType Business = BusinessDocType.New,
    string? Corrects = null,
    bool PaperAlsoSent = false);

/// <summary>
/// Sends an issued document to other agencies over the axis. The package and one delivery row per recipient are
/// stored with the process step; the outbox sends it after the step commits, retrying while the axis is down
/// (Articles 9.4, 10.1).
/// </summary>
[Activity(Topic, Category = "Văn bản", DisplayName = "Gửi lên trục liên thông",
    Description = "Đóng gói văn bản theo edXML và gửi tới các cơ quan nhận qua trục liên thông; theo dõi trạng thái từng nơi nhận.")]
public sealed class DispatchToBus(DbContext db, FileStore files, IOptions<AxisConnection> connection, EnvelopeSigner signer) : IActivity
{
    public const string Topic = "DispatchToBus";

    [Input(DisplayName = "Thông tin văn bản")]
    public required Input<DispatchDocument> Document { get; init; }

    [Input(DisplayName = "Mã định danh nơi nhận")]
    public required Input<List<string>> Recipients { get; init; }

    [Input(DisplayName = "Tệp văn bản (đã ký số)")]
    public required Input<List<Guid>> FileIds { get; init; }

    [Output(DisplayName = "Mã định danh văn bản")]
    public Output<string> DocumentId { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = context.Get(Document);
        var recipients = context.Get(Recipients).Distinct(StringComparer.Ordinal).ToList();
        var invalid = recipients.Where(r => !connection.Value.IdentifiersOf(r).IsAgencyCode(r)).ToList();
        if (recipients.Count == 0 || invalid.Count > 0)
            throw new ArgumentException($"Recipients must be agency identifier codes; invalid: {string.Join(", ", invalid)}.");
        var me = connection.Value;
        var identifier = new DocumentIdentifier(AgencyCode.Parse(me.AgencyCode), document.PromulgationDate, document.CodeNumber, document.CodeNotation);
        var attachments = new List<EdxmlAttachment>();
        foreach (var id in context.Get(FileIds))
        {
            var file = await files.ReadAsync(id, cancellationToken);
            attachments.Add(new EdxmlAttachment(file.Id.ToString("N"), file.Name, file.ContentType, file.Content));
        }

        var package = await signer.SignAsync(EdxmlWriter.Write(new EdxmlPackage(
            new EdxmlMessageHeader(new EdxmlOrganization(me.AgencyCode, me.AgencyName), [.. recipients.Select(r => new EdxmlOrganization(r, r))],
                document.CodeNumber, document.CodeNotation, document.Place, document.PromulgationDate,
                new EdxmlDocumentType(document.DocumentTypeCode, document.DocumentTypeName), document.Subject,
                new EdxmlSigner(document.SignerCompetence, document.SignerPosition, document.SignerName), new EdxmlOtherInfo(document.Priority),
                identifier.ToString(), document.Content, document.DueDate),
            [new EdxmlTrace(me.AgencyCode, context.Now)],
            new EdxmlBusiness(document.Business, null, null, document.PaperAlsoSent, document.Corrects,
                document.Business == BusinessDocType.Replace && document.Corrects is { } replaced ? [new EdxmlReplacement(replaced, recipients)] : null),
            attachments)), cancellationToken);
        var stored = files.AddGenerated($"{document.CodeNumber}.edxml", "application/xml", package);
        var batch = Guid.CreateVersion7();
        db.Set<DispatchRecord>().AddRange(recipients.Select(r => new DispatchRecord
        {
            Id = Guid.CreateVersion7(),
            BatchId = batch,
            DocumentId = identifier.ToString(),
            RecipientCode = r,
            QueuedAt = context.Now.ToUniversalTime(),
            PackageFileId = stored.Id,
        }));
        context.Enqueue(Topic, new DispatchMessage(batch));
        context.Set(DocumentId, identifier.ToString());
        return Outcome.Done;
    }
}

public sealed record DispatchMessage(Guid BatchId);
