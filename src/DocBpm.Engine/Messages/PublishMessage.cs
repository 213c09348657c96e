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
            $"{context.InstanceId}:{context.ElementId}:{context.Now.ToUnixTimeMilliseconds()}"));
        return ValueTask.FromResult(Outcome.Done);
    }
}

public sealed record PublishedMessage(string MessageName, string? CorrelationKey, JsonObject? Variables, string IdempotencyKey);
