using System.Text.Json;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Engine.Messages;

/// <summary>Delivers <see cref="PublishMessage"/> outbox entries to the engine itself.</summary>
public sealed class PublishedMessageHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public string Topic => PublishMessage.Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var published = JsonSerializer.Deserialize<PublishedMessage>(message.Payload, ActivityContext.JsonOptions)
            ?? throw new JsonException("Empty published message.");
        var variables = published.Variables?.ToDictionary(p => p.Key, p => p.Value);
        var result = await runtime.CorrelateAsync(
            new MessageRequest(published.MessageName, published.CorrelationKey, variables, published.IdempotencyKey), cancellationToken);
        if (result.Kind == CorrelationKind.NotCorrelated)
            throw new InvalidOperationException($"Nobody waits for message '{published.MessageName}' ({published.CorrelationKey}) yet.");
    }
}
