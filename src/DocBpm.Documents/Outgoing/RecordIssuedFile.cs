using DocBpm.Engine.Activities;

namespace DocBpm.Documents.Outgoing;

/// <summary>Keeps the file as issued (both signatures) on the document, for its page and its archive.</summary>
[Activity(Topic, Category = "Văn bản", DisplayName = "Lưu bản phát hành", Description = "Ghi tệp văn bản đã ký số cơ quan vào văn bản đi.")]
public sealed class RecordIssuedFile(OutgoingDrafts drafts) : IActivity
{
    public const string Topic = "RecordIssuedFile";

    [Input(DisplayName = "Văn bản đi")]
    public required Input<Guid> DocumentId { get; init; }

    [Input(DisplayName = "Tệp phát hành")]
    public required Input<Guid> FileId { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(context.Get(DocumentId), cancellationToken);
        document.IssuedFileId = context.Get(FileId);
        return Outcome.Done;
    }
}
