using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Engine.Activities;

/// <summary>What the running step offers an activity; implemented by the interpreter.</summary>
public interface IActivityHost
{
    Guid InstanceId { get; }
    string DefinitionKey { get; }
    string ElementId { get; }
    string? BusinessKey { get; }

    /// <summary>The user on whose behalf the step runs; null for system steps (timers, intake).</summary>
    string? Actor { get; }

    DateTimeOffset Now { get; }
    IServiceProvider Services { get; }

    /// <summary>Evaluates the expression bound to an input; null when the task binds none.</summary>
    JsonNode? EvaluateInput(string name);

    void SetOutput(string name, JsonNode? value);
    JsonNode? GetVariable(string name);
    void SetVariable(string name, JsonNode? value);

    /// <summary>Queues a message that is stored with the step and delivered after it commits.</summary>
    void Enqueue(string topic, JsonNode payload);
}

/// <summary>The activity's view of the running step: typed inputs, outputs, variables and the outbox.</summary>
public sealed class ActivityContext(IActivityHost host)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Guid InstanceId => host.InstanceId;
    public string DefinitionKey => host.DefinitionKey;
    public string ElementId => host.ElementId;
    public string? BusinessKey => host.BusinessKey;
    public string? Actor => host.Actor;
    public DateTimeOffset Now => host.Now;
    public IServiceProvider Services => host.Services;

    /// <summary>The input's value; the type's default when the task binds no expression to it.</summary>
    public T Get<T>(Input<T>? input)
    {
        if (input is null)
            return default!;
        var node = host.EvaluateInput(input.Name);
        try
        {
            return node is null ? default! : node.Deserialize<T>(JsonOptions)!;
        }
        catch (JsonException ex)
        {
            throw new ActivityInputException(input.Name, typeof(T), ex);
        }
    }

    /// <summary>True when the task binds an expression to this input.</summary>
    public bool Has<T>(Input<T> input) => host.EvaluateInput(input.Name) is not null;

    public void Set<T>(Output<T> output, T value) =>
        host.SetOutput(output.Name, JsonSerializer.SerializeToNode(value, JsonOptions));

    public T? GetVariable<T>(string name)
    {
        var node = host.GetVariable(name);
        return node is null ? default : node.Deserialize<T>(JsonOptions);
    }

    public void SetVariable<T>(string name, T value) =>
        host.SetVariable(name, JsonSerializer.SerializeToNode(value, JsonOptions));

    public void Enqueue<T>(string topic, T payload) =>
        host.Enqueue(topic, JsonSerializer.SerializeToNode(payload, JsonOptions) ?? new JsonObject());
}

/// <summary>An input expression produced a value that cannot be converted to the input's type.</summary>
public sealed class ActivityInputException(string input, Type type, Exception inner)
    : RefusedException(RefusalKind.Invalid, "Dữ liệu đầu vào không hợp lệ",
        $"Giá trị của '{input}' không đúng kiểu. Không có thay đổi nào được lưu.",
        $"Input '{input}' cannot be read as {type.Name}: {inner.Message}", inner)
{
    public string Input { get; } = input;
}
