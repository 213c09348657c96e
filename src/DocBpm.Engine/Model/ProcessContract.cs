using System.Text.RegularExpressions;

namespace DocBpm.Engine.Model;

/// <summary>
/// What the code relies on in the diagram of one process key: the user tasks it completes, the messages it sends, the
/// variables it passes in and the activity types its steps need. A new version of the key that lacks one of them would
/// deploy as a valid diagram and break the application at run time, so the deploy refuses it, naming each one.
/// </summary>
public sealed record ProcessContract(string Key)
{
    public IReadOnlyList<string> UserTasks { get; init; } = [];

    /// <summary>Message names the code correlates or starts the process with; a start, catch, boundary or receive must wait for each.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Variables the code passes in and the diagram must use (an assignee, a condition, an input).</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    public IReadOnlyList<string> ActivityTypes { get; init; } = [];

    /// <summary>Every element of the contract that <paramref name="model"/> lacks, as validation errors the designer shows.</summary>
    public IEnumerable<BpmnValidationError> Check(ProcessModel model)
    {
        if (model.Id != Key)
            yield break;
        var line = LineOfProcess(model);
        foreach (var id in UserTasks.Where(id => model.NodesById.GetValueOrDefault(id) is not TaskNode { TaskKind: TaskKind.User }))
            yield return Missing(line, id, $"user task '{id}'", $"Thiếu bước người dùng (userTask) '{id}' mà chương trình cần");
        var waited = model.NodesById.Values.SelectMany(MessagesOf).ToHashSet(StringComparer.Ordinal);
        foreach (var name in Messages.Where(m => !waited.Contains(m)))
            yield return Missing(line, name, $"message '{name}'", $"Thiếu sự kiện chờ thông điệp '{name}' mà chương trình gửi");
        foreach (var name in Variables.Where(v => !Regex.IsMatch(model.Xml, $@"(?<![\w$.]){Regex.Escape(v)}(?![\w$])")))
            yield return Missing(line, name, $"variable '{name}'", $"Sơ đồ không dùng biến '{name}' mà chương trình truyền vào");
        var bound = model.NodesById.Values.OfType<TaskNode>().Select(t => t.Binding?.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var type in ActivityTypes.Where(t => !bound.Contains(t)))
            yield return Missing(line, type, $"activity type '{type}'", $"Thiếu bước dùng hoạt động '{type}' mà chương trình cần");
    }

    private BpmnValidationError Missing(int line, string element, string what, string whatVi) =>
        new(element, line, $"Process '{Key}' lacks the {what} the code relies on.", $"{whatVi}; quy trình '{Key}' không được triển khai.");

    /// <summary>A missing element has no line of its own: the designer points at the process.</summary>
    private static int LineOfProcess(ProcessModel model)
    {
        var at = model.Xml.IndexOf($"id=\"{model.Id}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : model.Xml.AsSpan(0, at).Count('\n') + 1;
    }

    private static IEnumerable<string> MessagesOf(FlowNode node) => node switch
    {
        StartEvent { Trigger: MessageTrigger m } => [m.MessageName],
        IntermediateCatchEvent { Trigger: MessageTrigger m } => [m.MessageName],
        BoundaryEvent { Trigger: MessageTrigger m } => [m.MessageName],
        TaskNode { Message: { } m } => [m.MessageName],
        _ => [],
    };
}
