using System.Text.Json;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>Hears every issued outgoing document; a task's linked reply proposes the task as completed (Article 12.2).</summary>
public sealed class ReplyIssuedHandler(ProvincialTaskFlow flow) : IOutboxHandler
{
    public string Topic => OutgoingIssued.Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var issued = JsonSerializer.Deserialize<OutgoingIssued>(message.Payload, ActivityContext.JsonOptions)
            ?? throw new JsonException("Empty issued-document message.");
        await flow.ReplyIssuedAsync(issued.OutgoingId, issued.DocumentId, issued.IssuedAt, cancellationToken);
    }
}
