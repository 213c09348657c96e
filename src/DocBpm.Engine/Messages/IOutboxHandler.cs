using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Messages;

/// <summary>Delivers outbox messages of one topic; throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Topic { get; }

    Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken);
}
