using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;

namespace DocBpm.Engine.Messages;

/// <summary>
/// A send task that hands a BPMN message to another process (or a new one) after this step commits, so that a
/// rolled-back step never sends anything.
/// </summary>
[Activity(Topic, Category = "Thông điệp", DisplayName = "Gửi thông điệp",
    Description = "Gửi một thông điệp tới quy trình đang chờ (theo tên và khóa tương quan) hoặc khởi tạo quy trình mới.")]
public sealed class PublishMessage : IActivity
{
    public const string Topic = "PublishMessage";

    [Input(DisplayName = "Tên thông điệp")]
    public required Input<string> MessageName { get; init; }

    [Input(DisplayName = "Khóa tương quan")]
    public Input<string>? CorrelationKey { get; init; }

    [Input(DisplayName = "Biến gửi kèm")]
    public Input<JsonObject>? Variables { get; init; }

    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Enqueue(Topic, new PublishedMessage(
            context.Get(MessageName),
            context.Get(CorrelationKey),
            context.Get(Variables),
            // One key per send, not per instant: a loop or a multi-instance sends again within the same millisecond, and
            // a key seen before is dropped as a redelivery. The outbox stores it, so a true redelivery keeps its key.
            $"{context.InstanceId}:{context.ElementId}:{Guid.CreateVersion7()}"));
        return ValueTask.FromResult(Outcome.Done);
    }
}

public sealed record PublishedMessage(string MessageName, string? CorrelationKey, JsonObject? Variables, string IdempotencyKey);
