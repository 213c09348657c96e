using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Writes the history line of an urgent document left past its clock hours (Article 6.2), naming the step that is late;
/// the office chief's item follows in the process.
/// </summary>
[Activity(Type, Category = "Văn bản", DisplayName = "Ghi lịch sử văn bản khẩn quá hạn",
    Description = "Ghi vào lịch sử văn bản đến: văn bản khẩn chưa được vào sổ hoặc chưa được chỉ đạo trong thời hạn (Điều 6.2).")]
public sealed class RecordUrgentOverdue(DbContext db) : IActivity
{
    public const string Type = "RecordUrgentOverdue";

    [Input(DisplayName = "Văn bản đến")]
    public required Input<Guid> IncomingDocumentId { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, context.Get(IncomingDocumentId), cancellationToken);
        var late = document.Status == IncomingStatus.Arrived ? "Chưa vào sổ, trình Giám đốc" : "Chưa có ý kiến chỉ đạo, phân công";
        db.Record(document, context.Now, "system", IncomingActions.UrgentOverdue,
            $"{late} trong thời hạn của văn bản khẩn (Điều 6.2); đã báo Chánh Văn phòng.");
        return Outcome.Done;
    }
}
