using System.Text.Json;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// Tells the sender of a received document what happened to it (received, refused with a reason, assigned, in progress,
/// completed — Article 6.3). The status is stored with the step and sent by the outbox.
/// </summary>
[Activity(Topic, Category = "Văn bản", DisplayName = "Gửi trạng thái xử lý",
    Description = "Gửi trạng thái xử lý văn bản đến (đã tiếp nhận, từ chối, phân công, đang xử lý, hoàn thành) về nơi gửi qua trục.")]
public sealed class ReportStatus(DbContext db) : IActivity
{
    public const string Topic = "ExchangeStatus";

    [Input(DisplayName = "Văn bản đến")]
    public required Input<Guid> ReceivedDocumentId { get; init; }

    [Input(DisplayName = "Trạng thái", Description = "Accepted, Refused, Assigned, InProgress, Completed, RecallAccepted, RecallRefused")]
    public required Input<ExchangeStatus> Status { get; init; }

    [Input(DisplayName = "Lý do / ghi chú")]
    public Input<string>? Note { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var document = await db.Set<ReceivedDocument>().FirstOrDefaultAsync(d => d.Id == context.Get(ReceivedDocumentId), cancellationToken)
            ?? throw new InvalidOperationException($"Received document {context.Get(ReceivedDocumentId)} does not exist.");
        var status = context.Get(Status);
        var note = context.Get(Note);
        if (status == ExchangeStatus.Refused && string.IsNullOrWhiteSpace(note))
            throw new ArgumentException("A refusal needs its reason (Articles 5.4, 8.1b).");
        document.LastStatus = status;
        context.Enqueue(Topic, new StatusMessage(document.Id, status, note, context.Now));
        return Outcome.Done;
    }
}

public sealed record StatusMessage(Guid ReceivedDocumentId, ExchangeStatus Status, string? Note, DateTimeOffset At);

/// <summary>Sends queued status messages to the sender of the document, over the axis.</summary>
public sealed class StatusMessageHandler(DbContext db, AxisClient axis, IOptions<AxisConnection> connection) : IOutboxHandler
{
    public string Topic => ReportStatus.Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var status = JsonSerializer.Deserialize<StatusMessage>(message.Payload, ActivityContext.JsonOptions)!;
        var document = await db.Set<ReceivedDocument>().AsNoTracking().FirstAsync(d => d.Id == status.ReceivedDocumentId, cancellationToken);
        var me = connection.Value;
        await axis.SendStatusAsync(EdxmlWriter.Write(new EdxmlStatus(
            new EdxmlResponseFor(document.SenderCode, $"{document.CodeNumber}/{document.CodeNotation}", document.PromulgationDate, document.DocumentId),
            new EdxmlOrganization(me.AgencyCode, me.AgencyName), status.Status, status.Note, status.At, null)), cancellationToken);
    }
}
