using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DocBpm.Engine.Runtime;

public enum ScopeKind
{
    Process,
    SubProcess,
    MultiInstanceBody,
    MultiInstanceItem,

    /// <summary>
    /// Where a compensation handler runs when what it undoes had variables of its own (a subprocess, a multi-instance
    /// item): those variables as they were when it completed, and a subprocess's own completed compensable activities.
    /// </summary>
    Compensation,
}

/// <summary>A variable scope: the process, an embedded subprocess, or one multi-instance body or item.</summary>
public sealed class ScopeState
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public ScopeKind Kind { get; init; }

    /// <summary>The subprocess or multi-instance activity the scope belongs to; null for the process scope.</summary>
    public string? ElementId { get; init; }

    /// <summary>The token in the parent scope that waits for this scope to complete.</summary>
    public Guid? OwnerTokenId { get; init; }

    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Arrivals per gateway and incoming flow, for parallel and inclusive joins.</summary>
    public Dictionary<string, int> JoinArrivals { get; init; } = new(StringComparer.Ordinal);

    public int Instances { get; set; }
    public int CompletedInstances { get; set; }

    /// <summary>The collection of a sequential multi-instance body, whose items start one after another.</summary>
    public JsonArray? Collection { get; init; }

    /// <summary>Completed activities of this scope that have a compensation handler, in order of completion.</summary>
    public List<Compensable>? Compensable { get; set; }
}

/// <summary>
/// A completed activity that a compensation throw would undo, and the handler that undoes it: its compensation boundary's
/// handler or, for a subprocess, its compensation event subprocess; none for a subprocess whose own completed activities
/// are compensated instead (<see cref="Inner"/>).
/// </summary>
public sealed record Compensable(string ActivityId, string? HandlerId)
{
    /// <summary>The own variables of a completed subprocess or multi-instance item, as they were when it completed.</summary>
    public Dictionary<string, JsonNode?>? Variables { get; init; }

    /// <summary>A completed subprocess's own completed compensable activities, in order of completion.</summary>
    public List<Compensable>? Inner { get; init; }
}

public enum TokenStatus
{
    /// <summary>On the agenda of the current run.</summary>
    Active,

    /// <summary>Waiting on bookmarks or on a child scope.</summary>
    Waiting,
}

public sealed class TokenState
{
    public Guid Id { get; init; }
    public Guid ScopeId { get; init; }
    public string ElementId { get; set; } = "";
    public TokenStatus Status { get; set; }

    /// <summary>The flow the token arrived by (joins count arrivals per flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Runs of a standard-loop activity completed so far by this token.</summary>
    public int LoopCounter { get; set; }

    /// <summary>
    /// The token of an event subprocess's start event, waiting while its scope runs: it keeps no scope alive, and goes
    /// when the scope completes.
    /// </summary>
    public bool Listener { get; set; }

    /// <summary>The token of a compensation handler: the throwing token it reports back to when the handler completes.</summary>
    public Guid? CompensatingFor { get; set; }

    /// <summary>What a compensation throw event still has to undo, one after another, before it goes on.</summary>
    public List<Compensable>? Pending { get; set; }

    /// <summary>The handler ids still to run, as a throw waiting in state stored by an earlier version holds them.</summary>
    public List<string>? PendingHandlers { get; set; }
}

/// <summary>The whole execution state of an instance, stored as one JSON document on the instance row.</summary>
public sealed class InstanceState
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public List<ScopeState> Scopes { get; init; } = [];
    public List<TokenState> Tokens { get; init; } = [];

    /// <summary>The active bookmarks; the database keeps a queryable copy of each.</summary>
    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Elements completed so far, in order; the monitor marks the path taken with it.</summary>
    public List<string> Path { get; init; } = [];

    [JsonIgnore]
    public ScopeState Root => Scopes[0];

    // Loops rather than List.Find: the interpreter looks scopes and tokens up many times per step, and each Find with a
    // capturing lambda allocates its closure and delegate.
    public ScopeState Scope(Guid id)
    {
        foreach (var scope in Scopes)
        {
            if (scope.Id == id)
                return scope;
        }

        throw new InvalidOperationException($"Scope {id} does not exist.");
    }

    public TokenState Token(Guid id)
    {
        foreach (var token in Tokens)
        {
            if (token.Id == id)
                return token;
        }

        throw new InvalidOperationException($"Token {id} does not exist.");
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Json) ?? throw new JsonException("Empty instance state.");

    public static InstanceState New(Guid rootScopeId, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var root = new ScopeState { Id = rootScopeId, Kind = ScopeKind.Process };
        if (variables is not null)
            foreach (var (name, value) in variables)
                root.Variables[name] = value?.DeepClone();
        return new InstanceState { Scopes = [root] };
    }
}
