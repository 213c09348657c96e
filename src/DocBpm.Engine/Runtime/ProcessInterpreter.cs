using DocBpm.Engine.Activities;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Model;
using DocBpm.Engine.Timers;

namespace DocBpm.Engine.Runtime;

/// <summary>
/// The token interpreter. It moves tokens through a <see cref="ProcessModel"/> until every token waits on a
/// bookmark or the instance ends; it touches no database, so the caller decides what a run is stored in.
/// </summary>
public sealed class ProcessInterpreter(
    ActivityRegistry registry,
    JavaScriptSandbox javaScript,
    IBusinessCalendar calendar,
    TimeProvider time)
{
    internal ActivityRegistry Registry => registry;
    internal JavaScriptSandbox JavaScript => javaScript;
    internal IBusinessCalendar Calendar => calendar;
    internal TimeProvider Time => time;

    /// <summary>Starts a new instance at <paramref name="start"/>; the state must be fresh.</summary>
    public async ValueTask<RunOutput> StartAsync(Execution execution, StartEvent start, CancellationToken cancellationToken)
    {
        var run = new ProcessRun(this, execution);
        run.Begin(start);
        await run.RunAsync(cancellationToken);
        return run.Output;
    }

    /// <summary>Resumes a waiting token through one of its bookmarks.</summary>
    public async ValueTask<RunOutput> ResumeAsync(Execution execution, Guid bookmarkId, ResumeInput input,
        CancellationToken cancellationToken)
    {
        var run = new ProcessRun(this, execution);
        await run.ResumeAsync(bookmarkId, input, cancellationToken);
        await run.RunAsync(cancellationToken);
        return run.Output;
    }

    /// <summary>Cancels every token and bookmark; the instance keeps its variables and journal.</summary>
    public static RunOutput Cancel(Execution execution, TimeProvider time, string? reason)
    {
        var state = execution.State;
        var output = new RunOutput { Result = RunResult.Cancelled };
        output.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Model.Id, "process", "cancelled",
            execution.Actor, null, reason));
        state.Tokens.Clear();
        state.Bookmarks.Clear();
        state.Scopes.RemoveAll(s => s.Kind != ScopeKind.Process);
        return output;
    }
}
