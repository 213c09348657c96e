namespace DocBpm.Engine.Model;

/// <summary>Where an element was declared, so that every validation error can point at it.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"line {Line}";
}

/// <summary>A node of the process graph: events, activities, gateways and subprocesses.</summary>
public abstract class FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>The subprocess that contains this node; null for nodes at process level.</summary>
    public SubProcess? Parent { get; internal set; }

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>
    /// The flow taken when no other outgoing flow can be (the <c>default</c> attribute of gateways and activities).
    /// </summary>
    public string? DefaultFlowId { get; init; }
    public SequenceFlow? DefaultFlow { get; internal set; }

    /// <summary>The BPMN element name (e.g. userTask), used in journals and messages.</summary>
    public abstract string Kind { get; }

    public override string ToString() => $"{Kind} '{Id}'";
}

public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNode Source { get; init; }
    public required FlowNode Target { get; init; }

    /// <summary>JavaScript condition; null means the flow is unconditional.</summary>
    public string? Condition { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>What an event waits for or throws.</summary>
public abstract record EventTrigger;

public sealed record MessageTrigger(string MessageName, string? CorrelationKey) : EventTrigger;

public sealed record TimerTrigger(TimerDefinition Timer) : EventTrigger;

/// <summary>An error trigger; a null code on a catching event catches every error.</summary>
public sealed record ErrorTrigger(string? ErrorCode) : EventTrigger;

public sealed record TerminateTrigger : EventTrigger;

/// <summary>A signal: broadcast by name to every instance that waits for it, and to processes that start with it.</summary>
public sealed record SignalTrigger(string SignalName) : EventTrigger;

/// <summary>An escalation; a null code on a catching event catches every escalation.</summary>
public sealed record EscalationTrigger(string? EscalationCode) : EventTrigger;

/// <summary>A condition over the instance's variables (JavaScript), evaluated when they change.</summary>
public sealed record ConditionalTrigger(string Condition) : EventTrigger;

/// <summary>
/// Compensation: on a boundary event, marks the activity whose handler undoes it; on a throw or end event, compensates
/// the completed activities of its scope (or only <see cref="ActivityRef"/>).
/// </summary>
public sealed record CompensateTrigger(string? ActivityRef) : EventTrigger;

/// <summary>A link: a throw event jumps to the catch event of the same name in the same (sub)process.</summary>
public sealed record LinkTrigger(string LinkName) : EventTrigger;

public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}

/// <summary>
/// An ISO-8601 timer: a literal, or a JavaScript expression when the text starts with '='.
/// <see cref="BusinessCalendar"/> makes durations count working time only.
/// </summary>
public sealed record TimerDefinition(TimerKind Kind, string Text, bool BusinessCalendar);

public sealed class StartEvent : FlowNode
{
    public override string Kind => "startEvent";
    public EventTrigger? Trigger { get; init; }

    /// <summary>The start event of an event subprocess cancels the rest of its scope (isInterrupting, the default) or not.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>The event subprocess this start event starts; null for the start of a process or an embedded subprocess.</summary>
    public SubProcess? EventSubProcess => Parent is { TriggeredByEvent: true } sub ? sub : null;
}

public sealed class EndEvent : FlowNode
{
    public override string Kind => "endEvent";

    /// <summary>None, error, terminate, message, signal or escalation.</summary>
    public EventTrigger? Trigger { get; init; }
}

public sealed class IntermediateCatchEvent : FlowNode
{
    public override string Kind => "intermediateCatchEvent";
    public required EventTrigger Trigger { get; init; }
}

/// <summary>
/// An intermediate throw event: none (a milestone, passed straight through), or a message, signal, escalation or link.
/// </summary>
public sealed class IntermediateThrowEvent : FlowNode
{
    public override string Kind => "intermediateThrowEvent";
    public EventTrigger? Trigger { get; init; }
}

public sealed class BoundaryEvent : FlowNode
{
    public override string Kind => "boundaryEvent";
    public required string AttachedToId { get; init; }
    public FlowNode AttachedTo { get; internal set; } = null!;
    public bool CancelActivity { get; init; } = true;
    public required EventTrigger Trigger { get; init; }

    /// <summary>The compensation handler a compensation boundary event is associated with.</summary>
    public Activity? Handler { get; internal set; }
}

public enum GatewayKind
{
    Exclusive,
    Parallel,
    EventBased,
    Inclusive,
}

public sealed class Gateway : FlowNode
{
    public required GatewayKind GatewayKind { get; init; }

    public override string Kind => GatewayKind switch
    {
        GatewayKind.Exclusive => "exclusiveGateway",
        GatewayKind.Parallel => "parallelGateway",
        GatewayKind.EventBased => "eventBasedGateway",
        _ => "inclusiveGateway",
    };
}

/// <summary>A task, subprocess: anything that can carry boundary events and multi-instance markers.</summary>
public abstract class Activity : FlowNode
{
    public List<BoundaryEvent> Boundaries { get; } = [];
    public MultiInstance? MultiInstance { get; init; }
    public StandardLoop? Loop { get; init; }

    /// <summary>A compensation handler (isForCompensation): no flows; it runs only when its activity is compensated.</summary>
    public bool IsForCompensation { get; internal set; }
}

/// <summary>
/// Multi-instance over a collection (e.g. assign to several units), each item in <see cref="ElementVariable"/>, or
/// <see cref="Cardinality"/> times: all at once, or one after another when <see cref="IsSequential"/>; the completion
/// condition may end it early.
/// </summary>
public sealed record MultiInstance(
    string? Collection,
    string? ElementVariable,
    string? CompletionCondition,
    bool IsSequential = false,
    string? Cardinality = null);

/// <summary>
/// A standard loop: the activity runs again while <see cref="Condition"/> holds, at most <see cref="Maximum"/> times;
/// with <see cref="TestBefore"/> the condition is also asked before the first run (a while loop, not a do-while).
/// </summary>
public sealed record StandardLoop(string? Condition, int? Maximum, bool TestBefore);

public sealed class SubProcess : Activity
{
    public override string Kind => "subProcess";
    public List<FlowNode> Nodes { get; } = [];

    /// <summary>
    /// An event subprocess (triggeredByEvent): no flows in or out; its start event's trigger starts it while the
    /// enclosing (sub)process runs.
    /// </summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>
    /// The start events of the event subprocesses directly inside this subprocess; listed once, on first use after the
    /// parser built the model, because every entry into the subprocess asks.
    /// </summary>
    public IReadOnlyList<StartEvent> EventStarts => eventStarts ??= ProcessModel.EventStartsIn(Nodes);

    private StartEvent[]? eventStarts;

    /// <summary>The event subprocess started by a compensation start event, which undoes this subprocess instead of its activities' handlers.</summary>
    public SubProcess? CompensationEventSubProcess => EventStarts.FirstOrDefault(s => s.Trigger is CompensateTrigger)?.EventSubProcess;
}

/// <summary>
/// A call activity: starts an instance of another deployed process (<see cref="CalledElement"/>, a key or an
/// expression giving one; the latest version, or <see cref="Version"/>) and waits for it to end.
/// </summary>
public sealed class CallActivity : Activity
{
    public override string Kind => "callActivity";
    public required string CalledElement { get; init; }
    public CallBinding Binding { get; init; }

    /// <summary>The pinned version when <see cref="Binding"/> is <see cref="CallBinding.Version"/>.</summary>
    public int? Version { get; init; }

    /// <summary>The child's business key (a value); null passes the caller's own.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Variables given to the child: each target set from a JavaScript expression over the caller's variables.</summary>
    public IReadOnlyList<VariableMapping> In { get; init; } = [];

    /// <summary>Variables taken back when the child completes: each target set from a JavaScript expression over the child's.</summary>
    public IReadOnlyList<VariableMapping> Out { get; init; } = [];

    /// <summary>Every variable of the caller goes in (docbpm:in variables="all").</summary>
    public bool AllIn { get; init; }

    /// <summary>Every variable of the child comes back (docbpm:out variables="all").</summary>
    public bool AllOut { get; init; }
}

/// <summary>Which version of the called process a call activity starts.</summary>
public enum CallBinding
{
    /// <summary>The latest version deployed when the call happens.</summary>
    Latest,

    /// <summary>The version the diagram pins.</summary>
    Version,

    /// <summary>
    /// The version that was the latest when the caller's own version was deployed: a process deployed together with
    /// (or after) the processes it calls keeps calling those, whatever is deployed later.
    /// </summary>
    Deployment,
}

/// <summary>One variable passed to or from a called process: <see cref="Target"/> = value of <see cref="Expression"/>.</summary>
public sealed record VariableMapping(string Expression, string Target);

/// <summary>How a task is bound to code: an activity type with input expressions and output mappings.</summary>
public sealed record ActivityBinding(
    string Type,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs);

public enum TaskKind
{
    /// <summary>bpmn:task and bpmn:manualTask: nothing for the engine to do; the token passes.</summary>
    Manual,
    Service,
    Script,
    User,
    Send,
    Receive,

    /// <summary>bpmn:businessRuleTask: evaluates a deployed DMN decision inside the step.</summary>
    BusinessRule,
}

public sealed class TaskNode : Activity
{
    public required TaskKind TaskKind { get; init; }

    public override string Kind => TaskKind switch
    {
        TaskKind.Manual => "manualTask",
        TaskKind.Service => "serviceTask",
        TaskKind.Script => "scriptTask",
        TaskKind.User => "userTask",
        TaskKind.Send => "sendTask",
        TaskKind.BusinessRule => "businessRuleTask",
        _ => "receiveTask",
    };

    /// <summary>The docbpm:activity binding of service and send tasks.</summary>
    public ActivityBinding? Binding { get; init; }

    public string? Script { get; init; }

    /// <summary>Variable that receives the script's completion value.</summary>
    public string? ScriptResultVariable { get; init; }

    public UserTaskAssignment? Assignment { get; init; }

    /// <summary>The message a receive task waits for.</summary>
    public MessageTrigger? Message { get; init; }

    /// <summary>The decision a business-rule task evaluates.</summary>
    public DecisionReference? Decision { get; init; }
}

/// <summary>User-task assignment; each value is a literal or, starting with '=', a JavaScript expression.</summary>
public sealed record UserTaskAssignment(
    string? Assignee,
    string? CandidateUsers,
    string? CandidateGroups,
    string? DueDate,
    string? FormKey,
    string? Priority);

/// <summary>One executable process of a BPMN file: the unit that is deployed and versioned.</summary>
public sealed class ProcessModel
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Xml { get; init; }
    public List<FlowNode> Nodes { get; } = [];
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    public FlowNode this[string id] => NodesById[id];

    /// <summary>The start events of the process level (not of subprocesses).</summary>
    public IEnumerable<StartEvent> StartEvents => Nodes.OfType<StartEvent>();

    /// <summary>The link catch event a link throw event jumps to: same name, same (sub)process (checked at deploy).</summary>
    public IntermediateCatchEvent LinkTarget(IntermediateThrowEvent link) =>
        NodesById.Values.OfType<IntermediateCatchEvent>().First(c =>
            c.Parent == link.Parent && c.Trigger is LinkTrigger l && l.LinkName == ((LinkTrigger)link.Trigger!).LinkName);

    /// <summary>
    /// The start events of the event subprocesses at process level; listed once, on first use after the parser built
    /// the model, because every instance start asks.
    /// </summary>
    public IReadOnlyList<StartEvent> EventStarts => eventStarts ??= EventStartsIn(Nodes);

    private StartEvent[]? eventStarts;

    internal static StartEvent[] EventStartsIn(IEnumerable<FlowNode> nodes) =>
        [.. nodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent).SelectMany(s => s.Nodes.OfType<StartEvent>())];

    /// <summary>The none start event used when a process is started without a message or timer.</summary>
    public StartEvent? NoneStart => StartEvents.FirstOrDefault(s => s.Trigger is null);
}
