using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Cancels a recalled incoming document (Article 8.2c): it is kept and marked cancelled, and its process has left every
/// inbox; the step that follows tells the sender.
/// </summary>
[Activity("CancelIncoming", Category = "Văn bản", DisplayName = "Hủy văn bản đến bị thu hồi",
    Description = "Đánh dấu văn bản đến đã bị nơi gửi thu hồi: giữ lại, ghi trạng thái đã hủy.")]
public sealed class CancelIncoming(DbContext db) : IActivity
{
    [Input(DisplayName = "Văn bản đến")]
    public required Input<Guid> IncomingDocumentId { get; init; }

    [Input(DisplayName = "Lý do thu hồi")]
    public Input<string>? Reason { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, context.Get(IncomingDocumentId), cancellationToken);
        document.Status = IncomingStatus.Cancelled;
        document.CancelReason = context.Get(Reason);
        document.Revision++;
        db.Record(document, context.Now, context.Actor ?? "system", IncomingActions.Cancelled, document.CancelReason);
        return Outcome.Done;
    }
}
