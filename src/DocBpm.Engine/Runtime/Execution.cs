using System.Text.Json.Nodes;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

/// <summary>One instance as the interpreter sees it during a run: its model, its state and who is acting.</summary>
public sealed class Execution
{
    public required Guid InstanceId { get; init; }
    public required string DefinitionKey { get; init; }
    public required ProcessModel Model { get; init; }
    public required InstanceState State { get; init; }
    public string? BusinessKey { get; init; }
    public string? Actor { get; init; }
    public required IServiceProvider Services { get; init; }

    /// <summary>The instance was started by a call activity: a BPMN error it does not catch goes to its caller.</summary>
    public bool IsCalled { get; init; }
}

/// <summary>A step record for the journal: what happened to which element, when, and on whose behalf.</summary>
public sealed record JournalEntry(
    DateTimeOffset At,
    string ElementId,
    string ElementKind,
    string Event,
    string? Actor,
    string? Outcome,
    string? Detail);

public sealed record OutboxEntry(string Topic, JsonNode Payload);

public enum RunResult
{
    /// <summary>Tokens wait on bookmarks.</summary>
    Waiting,
    Completed,

    /// <summary>Ended by a terminate end event at process level.</summary>
    Terminated,

    /// <summary>Cancelled by an administrator.</summary>
    Cancelled,
}

/// <summary>What a run produced besides the new state: the journal, the outbox, and how the instance stands.</summary>
public sealed class RunOutput
{
    public List<JournalEntry> Journal { get; } = [];
    public List<OutboxEntry> Outbox { get; } = [];

    public RunResult Result { get; set; } = RunResult.Waiting;

    /// <summary>The BPMN error that ended a called instance, for its caller.</summary>
    public CallReturn? Error { get; set; }

    // Incidents, calls and escalations are rare, while every step of every instance has an output: their lists are made
    // on first use (three empty lists were an eighth of what a plain instance allocated).
    private List<RaisedIncident>? incidents;
    private List<CallRequest>? calls;
    private List<CallReturn>? escalations;

    /// <summary>Tokens that stopped on an error nothing catches; each waits on its bookmark for an administrator's retry.</summary>
    public IReadOnlyList<RaisedIncident> Incidents => incidents ?? [];

    /// <summary>Instances the run's call activities start, in the same step.</summary>
    public IReadOnlyList<CallRequest> Calls => calls ?? [];

    /// <summary>Escalations nothing in a called instance caught, for its caller.</summary>
    public IReadOnlyList<CallReturn> Escalations => escalations ?? [];

    public void Raise(RaisedIncident incident) => (incidents ??= []).Add(incident);

    public void Request(CallRequest call) => (calls ??= []).Add(call);

    public void Escalate(CallReturn escalation) => (escalations ??= []).Add(escalation);
}

/// <summary>
/// A call activity asks for an instance of <paramref name="DefinitionKey"/>: the version <paramref name="Binding"/> chooses
/// (<paramref name="Version"/> when pinned).
/// </summary>
public sealed record CallRequest(
    Guid ChildInstanceId,
    Guid BookmarkId,
    string ElementId,
    string DefinitionKey,
    Model.CallBinding Binding,
    int? Version,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    string? BusinessKey);

/// <summary>
/// What a called instance tells its caller: its variables when it completed, or the BPMN error that ended it, or an
/// escalation it threw and did not catch (with its variables then), after which it goes on.
/// </summary>
public sealed record CallReturn(IReadOnlyDictionary<string, JsonNode?> Variables, string? ErrorCode = null, string? ErrorMessage = null)
{
    public bool Escalated { get; init; }
    public string? EscalationCode { get; init; }
}

/// <summary>An incident a run raised on one of its tokens: the bookmark a retry resumes, where, and why.</summary>
public sealed record RaisedIncident(Guid BookmarkId, string ElementId, string Error);

/// <summary>
/// A step cannot go on: a failed expression, a missing outgoing flow or an activity that threw.
/// The run is abandoned, so nothing of it is stored. A rule refusing inside an activity speaks to the person in its own
/// words (its kind, title, detail and facts), with the element added.
/// </summary>
public class ProcessExecutionException(string elementId, string message, Exception? inner = null)
    : RefusedException(
        (inner as RefusedException)?.Kind ?? RefusalKind.Invalid,
        (inner as RefusedException)?.TitleVi ?? "Không thực hiện được bước của quy trình",
        (inner as RefusedException)?.DetailVi ?? $"Bước '{elementId}' không thực hiện được: {message}. Không có thay đổi nào được lưu.",
        $"{elementId}: {message}", inner)
{
    public string ElementId { get; } = elementId;
    public string Reason { get; } = message;

    public override IReadOnlyDictionary<string, string[]> FieldErrors => (InnerException as RefusedException)?.FieldErrors ?? base.FieldErrors;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>(
        (InnerException as RefusedException)?.Facts ?? base.Facts) { ["elementId"] = ElementId };
}

/// <summary>What a resume brings: the variables set by a user or a message, and who sent it.</summary>
public sealed record ResumeInput(IReadOnlyDictionary<string, JsonNode?>? Variables, string? Actor)
{
    /// <summary>What a called instance gave back, when the resumed bookmark is a call activity's.</summary>
    public CallReturn? Returned { get; init; }

    public static ResumeInput Empty { get; } = new(null, null);
}
