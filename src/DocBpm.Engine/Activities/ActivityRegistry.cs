using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Engine.Activities;

/// <summary>The activity types known to this host, with their descriptors; built once at start-up.</summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityType> types;

    public ActivityRegistry(IEnumerable<ActivityTypeRegistration> registrations)
    {
        types = registrations
            .Select(r => r.ClrType)
            .Distinct()
            .Select(ActivityType.Describe)
            .ToFrozenDictionary(t => t.Descriptor.Type, StringComparer.Ordinal);
    }

    public bool Contains(string type) => types.ContainsKey(type);

    public ActivityType? Find(string type) => types.GetValueOrDefault(type);

    /// <summary>Descriptors of the custom activity types followed by the built-in BPMN elements.</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors =>
        [.. types.Values.Select(t => t.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName), .. BuiltInDescriptors.All];
}

/// <summary>Marks one activity class for the registry; added by <c>AddActivity&lt;T&gt;()</c>.</summary>
public sealed record ActivityTypeRegistration(Type ClrType);

/// <summary>One activity class: its descriptor and how to create a bound instance of it.</summary>
public sealed class ActivityType
{
    private readonly ObjectFactory factory;
    private readonly (PropertyInfo Property, Type PortType, string Name)[] ports;

    private ActivityType(Type clrType, ActivityDescriptor descriptor, (PropertyInfo, Type, string)[] ports)
    {
        ClrType = clrType;
        Descriptor = descriptor;
        this.ports = ports;
        factory = ActivatorUtilities.CreateFactory(clrType, Type.EmptyTypes);
    }

    public Type ClrType { get; }
    public ActivityDescriptor Descriptor { get; }

    public IActivity Create(IServiceProvider services)
    {
        var activity = (IActivity)factory(services, null);
        foreach (var (property, portType, name) in ports)
            property.SetValue(activity, Activator.CreateInstance(portType, name));
        return activity;
    }

    internal static ActivityType Describe(Type clrType)
    {
        var attribute = clrType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{clrType.Name} has no [Activity] attribute.");
        if (!typeof(IActivity).IsAssignableFrom(clrType))
            throw new InvalidOperationException($"{clrType.Name} does not implement IActivity.");

        var inputs = new List<PortDescriptor>();
        var outputs = new List<PortDescriptor>();
        var ports = new List<(PropertyInfo, Type, string)>();
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.PropertyType.IsGenericType)
                continue;
            var definition = property.PropertyType.GetGenericTypeDefinition();
            var valueType = property.PropertyType.GetGenericArguments()[0];
            var name = JsonName(property.Name);
            if (definition == typeof(Input<>))
            {
                var input = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
                var required = property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null;
                inputs.Add(new PortDescriptor(name, input.DisplayName ?? property.Name, input.Description,
                    JsonTypeName(valueType), input.IsExpression, required));
                ports.Add((property, property.PropertyType, name));
            }
            else if (definition == typeof(Output<>))
            {
                var output = property.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute();
                outputs.Add(new PortDescriptor(name, output.DisplayName ?? property.Name, output.Description,
                    JsonTypeName(valueType), false, false));
                ports.Add((property, property.PropertyType, name));
            }
        }

        var descriptor = new ActivityDescriptor(attribute.Type, attribute.Category,
            attribute.DisplayName ?? attribute.Type, attribute.Description, attribute.Asynchronous,
            Math.Max(1, attribute.MaxAttempts), inputs, outputs, [Outcome.DoneName, .. attribute.Outcomes], "serviceTask");
        return new ActivityType(clrType, descriptor, [.. ports]);
    }

    private static bool IsDictionary(Type type) =>
        typeof(System.Collections.IDictionary).IsAssignableFrom(type)
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static string JsonName(string propertyName) =>
        char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    internal static string JsonTypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(Guid)) return "uuid";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly)) return "date-time";
        if (type.IsEnum) return "string";
        if (type.IsPrimitive || type == typeof(decimal)) return "number";
        // A JSON object and a dictionary enumerate their properties, but they are objects, not arrays.
        if (typeof(System.Text.Json.Nodes.JsonObject).IsAssignableFrom(type) || IsDictionary(type)) return "object";
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return "array";
        return "object";
    }
}
