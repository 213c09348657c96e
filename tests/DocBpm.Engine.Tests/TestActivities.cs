using System.Collections.Concurrent;
using DocBpm.Engine.Activities;

namespace DocBpm.Engine.Tests;

[Activity("Echo", Category = "Kiểm thử", DisplayName = "Lặp lại", Outcomes = ["empty"])]
public sealed class Echo : IActivity
{
    [Input(DisplayName = "Nội dung")]
    public required Input<string> Text { get; init; }

    [Output(DisplayName = "Kết quả")]
    public Output<string> Result { get; init; } = new();

    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var text = context.Get(Text);
        context.Set(Result, text);
        return ValueTask.FromResult(string.IsNullOrEmpty(text) ? Outcome.Named("empty") : Outcome.Done);
    }
}

/// <summary>Throws a BPMN error with the given code, for error boundary tests.</summary>
[Activity("RaiseError", Category = "Kiểm thử", DisplayName = "Báo lỗi nghiệp vụ")]
public sealed class RaiseError : IActivity
{
    [Input(DisplayName = "Mã lỗi")]
    public required Input<string> Code { get; init; }

    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Outcome.Error(context.Get(Code), "raised by test"));
}

/// <summary>
/// An asynchronous call to "the outside world" that fails a set number of times per key before it succeeds, so that
/// retries, back-off and incidents can be observed.
/// </summary>
[Activity("FlakyCall", Category = "Kiểm thử", DisplayName = "Gọi dịch vụ chập chờn", Asynchronous = true, MaxAttempts = 3)]
public sealed class FlakyCall(FlakyService service) : IActivity
{
    [Input(DisplayName = "Khóa")]
    public required Input<string> Key { get; init; }

    [Output(DisplayName = "Số lần gọi")]
    public Output<int> Calls { get; init; } = new();

    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Set(Calls, service.Call(context.Get(Key)));
        return ValueTask.FromResult(Outcome.Done);
    }
}

/// <summary>An asynchronous call whose answer is a BPMN error, counted per key like <see cref="FlakyCall"/>.</summary>
[Activity("RaiseErrorLater", Category = "Kiểm thử", DisplayName = "Báo lỗi nghiệp vụ sau khi gọi", Asynchronous = true)]
public sealed class RaiseErrorLater(FlakyService service) : IActivity
{
    [Input(DisplayName = "Khóa")]
    public required Input<string> Key { get; init; }

    [Input(DisplayName = "Mã lỗi")]
    public required Input<string> Code { get; init; }

    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        service.Call(context.Get(Key));
        return ValueTask.FromResult(Outcome.Error(context.Get(Code), "raised by test"));
    }
}

public sealed class FlakyService
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    public void FailTimes(string key, int times) => failures[key] = times;

    public int Call(string key)
    {
        var count = calls.AddOrUpdate(key, 1, (_, c) => c + 1);
        if (count <= failures.GetValueOrDefault(key))
            throw new InvalidOperationException($"Service unavailable (call {count} for {key}).");
        return count;
    }

    public int Calls(string key) => calls.GetValueOrDefault(key);
}
