using System.Text.Json;
using System.Text.Json.Serialization;
using DocBpm.Web.Instances;
using DocBpm.Web.Tasks;

namespace DocBpm.Web.Hosting;

/// <summary>
/// The request and answer types of the API's busiest calls (start an instance, list my tasks, complete one), with their
/// JSON metadata generated at build time: a host neither builds it by reflection at its first requests nor goes through
/// reflection's accessors on every one. Other types keep the reflection-based metadata.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StartInstanceRequest))]
[JsonSerializable(typeof(CompleteTaskRequest))]
[JsonSerializable(typeof(InstanceSummary))]
[JsonSerializable(typeof(List<TaskView>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

public static class ApiJson
{
    /// <summary>Enums as their names (<see cref="JsonStringEnumConverter"/>) for every type, generated or not.</summary>
    public static IServiceCollection AddDocBpmApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
}
