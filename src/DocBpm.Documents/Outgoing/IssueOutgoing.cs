using DocBpm.Documents.Incoming;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Registers;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Outgoing;

/// <summary>An internal recipient's inbox task: offered to a unit (groups) or to a person (users).</summary>
public sealed record InternalRecipient(List<string> Users, List<string> Groups, string Name);

/// <summary>
/// The clerk's issue (NĐ30 art. 14, 15): the next number of the outgoing register book, number, notation and date stamped on the document, the register entry, and what the dispatch
/// and the internal delivery need. The number exists only if the whole step commits.
/// </summary>
[Activity(Topic, Category = "Văn bản", DisplayName = "Cấp số, đăng ký văn bản đi",
    Description = "Cấp số theo sổ đăng ký văn bản đi, ghi số, ký hiệu, ngày ban hành và vào sổ; chuẩn bị gửi đi.")]
public sealed partial class IssueOutgoing(DbContext db, RegisterNumbers numbers, OutgoingDrafts drafts, IOptions<OutgoingOptions> options,
    IOptions<AxisConnection> connection, ILogger<IssueOutgoing> logger) : IActivity
{
    public const string Topic = "IssueOutgoing";

    /// <summary>edXML document type group of administrative documents (văn bản hành chính).</summary>
    private const int AdministrativeDocument = 2;

    [Input(DisplayName = "Văn bản đi")]
    public required Input<Guid> DocumentId { get; init; }

    [Input(DisplayName = "Tệp đã ký số cá nhân")]
    public required Input<Guid> SignedFileId { get; init; }

    [Output(DisplayName = "Thông tin gửi trục")]
    public Output<DispatchDocument> Dispatch { get; init; } = new();

    [Output(DisplayName = "Cơ quan nhận")]
    public Output<List<string>> ExternalRecipients { get; init; } = new();

    [Output(DisplayName = "Nơi nhận trong Sở")]
    public Output<List<InternalRecipient>> InternalRecipients { get; init; } = new();

    [Output(DisplayName = "Tệp phụ lục")]
    public Output<List<Guid>> AttachmentIds { get; init; } = new();

    [Output(DisplayName = "Số, ký hiệu")]
    public Output<string> NumberAndNotation { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(context.Get(DocumentId), cancellationToken);
        if (document.Stage != OutgoingStage.AwaitingIssue || document.Number is not null)
            throw new InvalidOperationException($"Outgoing document {document.Id} is not awaiting issue.");
        var type = await db.Set<DocumentType>().AsNoTracking().FirstAsync(t => t.Code == document.TypeCode, cancellationToken);
        var corrected = document.CorrectsId is { } original
            ? await db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.Id == original).Select(d => d.NationalId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = context.Now.ToUniversalTime();
        var number = await numbers.AllocateAsync(RegisterBookSeed.Outgoing, RegisterNumbers.YearOf(now), cancellationToken);

        document.RegisterBookId = number.BookId;
        document.RegisterYear = number.Year;
        document.Number = number.Value;
        document.Notation = Outgoing.Notation.Of(type, options.Value.AgencyAbbreviation, document.DraftingUnit);
        document.NumberAndNotation = Outgoing.Notation.NumberAndNotation(number.Value, document.Notation);
        document.DocumentDate = VietnamTime.DateOf(now);
        document.IssuedAt = now;
        document.IssuedBy = context.Actor;
        document.Stage = OutgoingStage.Issued;
        document.SignedFileId = context.Get(SignedFileId);
        if (AgencyCode.TryParse(connection.Value.AgencyCode, out var agency))
            document.NationalId = new DocumentIdentifier(agency, document.DocumentDate.Value, number.Text, document.Notation).ToString();
        drafts.Record(document, context.Actor ?? "", OutgoingAction.Issued, document.NumberAndNotation);
        context.Enqueue(OutgoingIssued.Topic, new OutgoingIssued(document.Id, document.NationalId ?? document.NumberAndNotation, now));
        LogIssued(document.Id, document.NumberAndNotation, number.BookId);

        var recipients = await db.Set<OutgoingRecipient>().AsNoTracking().Where(r => r.DocumentId == document.Id).ToListAsync(cancellationToken);
        context.Set(ExternalRecipients, [.. recipients.Where(r => r.Kind == RecipientKind.Agency).Select(r => r.Code)]);
        context.Set(InternalRecipients, [.. recipients.Where(r => r.Kind != RecipientKind.Agency).Select(r => r.Kind == RecipientKind.Person
            ? new InternalRecipient([r.Code], [], r.Name)
            : new InternalRecipient([], [r.Code], r.Name))]);
        context.Set(AttachmentIds, await AttachmentsAsync(document.Id, cancellationToken));
        context.Set(NumberAndNotation, document.NumberAndNotation);
        context.Set(Dispatch, new DispatchDocument(number.Text, document.Notation, options.Value.Place, document.DocumentDate.Value,
            AdministrativeDocument, document.TypeName, document.Subject, document.SignerName ?? "", document.SignerCompetence,
            document.SignerPosition, Priority(document.Urgency), Business: document.CorrectionKind switch
            {
                CorrectionKind.Replacement => BusinessDocType.Replace,
                CorrectionKind.Notice => BusinessDocType.Update,
                _ => BusinessDocType.New,
            }, Corrects: corrected, PaperAlsoSent: document.PaperAlsoSent));
        return Outcome.Done;
    }

    /// <summary>The last version of each attachment (by file name).</summary>
    private async Task<List<Guid>> AttachmentsAsync(Guid documentId, CancellationToken cancellationToken) =>
        [.. (await db.Set<DraftVersion>().AsNoTracking().Where(v => v.DocumentId == documentId && v.Kind == DraftFileKind.Attachment)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken)).DistinctBy(v => v.FileName).Select(v => v.FileId)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Outgoing document {DocumentId} numbered {NumberAndNotation} in register book {BookId}, pending the step's commit")]
    private partial void LogIssued(Guid documentId, string numberAndNotation, Guid bookId);

    private static EdxmlPriority Priority(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => EdxmlPriority.Urgent,
        Urgency.Immediate => EdxmlPriority.Immediate,
        Urgency.Flash => EdxmlPriority.Flash,
        _ => EdxmlPriority.Normal,
    };
}
