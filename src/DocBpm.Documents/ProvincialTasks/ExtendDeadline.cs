using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// "Xin gia hạn" (Article 12.3): the main handler asks the province for a later deadline, attaching the extension-request
/// letter, which was issued on its own outgoing flow and sent to the provincial office. Allowed only within the deadline;
/// a late request is refused and the task stays overdue, not completed. The request is reported to the provincial
/// office as a status of the task document; the province's decision arrives as its status on the letter.
/// </summary>
[Activity(Topic, Category = "Nhiệm vụ UBND tỉnh giao", DisplayName = "Xin gia hạn nhiệm vụ",
    Description = "Ghi nhận đề nghị gia hạn kèm văn bản xin gia hạn đã ban hành (chỉ trong thời hạn) và báo Văn phòng UBND tỉnh.")]
public sealed class ExtendDeadline(DbContext db) : IActivity
{
    public const string Topic = "ExtendDeadline";

    [Input(DisplayName = "Nhiệm vụ")]
    public required Input<Guid> TaskId { get; init; }

    [Input(DisplayName = "Mã định danh văn bản xin gia hạn")]
    public required Input<string> LetterDocumentId { get; init; }

    [Input(DisplayName = "Thời hạn đề nghị")]
    public required Input<DateTimeOffset> RequestedDeadline { get; init; }

    [Output(DisplayName = "Văn bản xin gia hạn")]
    public Output<string> ExtensionLetterId { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var task = await db.Set<ProvincialTask>().Include(t => t.Document)
            .FirstOrDefaultAsync(t => t.Id == context.Get(TaskId), cancellationToken)
            ?? throw new InvalidOperationException($"Provincial task {context.Get(TaskId)} does not exist.");
        var letter = context.Get(LetterDocumentId);
        var received = task.Document!.ReceivedDocumentId is { } receivedId
            ? await db.Set<ReceivedDocument>().FirstOrDefaultAsync(d => d.Id == receivedId, cancellationToken)
            : null;
        var sent = await db.Set<DispatchRecord>().AnyAsync(
            d => d.DocumentId == letter && (received == null || d.RecipientCode == received.SenderCode), cancellationToken);
        if (!sent)
            throw new TaskRuleException("letter-not-issued",
                "Văn bản xin gia hạn chưa được ban hành và gửi Văn phòng UBND tỉnh; cần ban hành văn bản trên luồng văn bản đi riêng trước khi xin gia hạn.",
                $"Extension letter {letter} of task {task.Id} was not dispatched to the provincial office.");
        var requested = context.Get(RequestedDeadline);
        task.RequestExtension(letter, requested, context.Now);
        if (received is not null)
        {
            var local = Engine.Timers.VietnamTime.ToLocal(requested);
            context.Enqueue(ReportStatus.Topic, new StatusMessage(received.Id, ExchangeStatus.InProgress,
                $"Nhiệm vụ {task.Line}: xin gia hạn đến {local:dd/MM/yyyy HH:mm} theo văn bản {letter}.", context.Now));
        }

        context.Set(ExtensionLetterId, letter);
        return Outcome.Done;
    }
}
