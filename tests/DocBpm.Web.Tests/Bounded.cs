namespace DocBpm.Web.Tests;

/// <summary>
/// A test's wait on the host's own work (a sweep of due work, a jump of the fake clock that fires the background loops'
/// timers) ends: past <see cref="Limit"/> the test fails, naming what it waited for, instead of holding CI. The limit is
/// sized for a loaded two-core machine; a wait that needs more is a bug, not slowness.
/// </summary>
public static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Runs <paramref name="work"/>, cancelling it and failing the test when it outlasts <see cref="Limit"/>.</summary>
    public static async Task<T> WaitAsync<T>(string what, Func<CancellationToken, Task<T>> work)
    {
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            return await work(limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new AssertFailedException($"{what} did not end within {Limit.TotalMinutes:0} minutes; the test stops here rather than hang.");
        }
    }

    /// <summary>
    /// Moves a clock on a thread of its own: a FakeTimeProvider runs the callbacks of the timers it passes on the thread
    /// that moves it, so a jump is only as bounded as they are.
    /// </summary>
    public static Task MoveAsync(string what, Action move) => WaitAsync(what, _ => Task.Run(() =>
    {
        move();
        return true;
    }));
}
