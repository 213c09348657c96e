using System.Xml.Linq;
using DocBpm.Engine.Activities;
using static DocBpm.Engine.Model.BpmnNames;

namespace DocBpm.Engine.Model;

/// <summary>Reads one bpmn:process element into a model, collecting problems instead of stopping at the first.</summary>
internal sealed partial class ProcessReader(
    XElement definitions,
    XElement process,
    string xml,
    ActivityRegistry registry,
    List<BpmnValidationError> errors)
{
    private readonly Dictionary<string, string> messages = NamesById(definitions, "message", "name");

    private readonly Dictionary<string, string?> errorCodes = definitions.Elements(Bpmn + "error")
        .Where(e => e.Attribute("id") is not null)
        .GroupBy(e => (string)e.Attribute("id")!)
        .ToDictionary(g => g.Key, g => (string?)((string?)g.First().Attribute("errorCode") ?? g.Key), StringComparer.Ordinal);

    private readonly Dictionary<string, string> signals = NamesById(definitions, "signal", "name");

    private readonly Dictionary<string, string> escalationCodes = NamesById(definitions, "escalation", "escalationCode");

    private readonly List<(XElement Element, SubProcess? Scope)> flows = [];

    /// <summary>Associations (source, target): how a compensation boundary event names its handler.</summary>
    private readonly List<(string Source, string Target)> associations = [];

    /// <summary>Elements refused with an error already; what merely connects to them is not reported again.</summary>
    private readonly HashSet<string> refused = new(StringComparer.Ordinal);

    private readonly HashSet<FlowNode> nextToRefused = [];
    private ProcessModel model = null!;

    /// <summary>Root-level definitions (signals, escalations) by id: the named attribute, or the id when it has none.</summary>
    private static Dictionary<string, string> NamesById(XElement definitions, string element, string attribute) =>
        definitions.Elements(Bpmn + element)
            .Where(e => e.Attribute("id") is not null)
            .GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute(attribute) ?? g.Key, StringComparer.Ordinal);

    public ProcessModel Read()
    {
        model = new ProcessModel
        {
            Id = (string?)process.Attribute("id") ?? "",
            Name = (string?)process.Attribute("name"),
            Xml = xml,
        };
        if (model.Id.Length == 0)
            Error(process, null, "the process has no id", "quy trình chưa có mã (id)");
        ReadScope(process, null);
        ReadFlows();
        LinkBoundaries();
        new ModelValidator(model, registry, errors, nextToRefused).Validate();
        return model;
    }

    private void ReadScope(XElement container, SubProcess? scope)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != Bpmn)
                continue;
            var name = element.Name.LocalName;
            if (name == "sequenceFlow")
            {
                flows.Add((element, scope));
                continue;
            }

            if (name == "association")
                associations.Add(((string?)element.Attribute("sourceRef") ?? "", (string?)element.Attribute("targetRef") ?? ""));
            if (Ignorable.Contains(name))
                continue;
            var node = ReadNode(element, name);
            if (node is null)
            {
                if ((string?)element.Attribute("id") is { Length: > 0 } refusedId)
                    refused.Add(refusedId);
                continue;
            }

            if (!model.NodesById.TryAdd(node.Id, node))
            {
                Error(element, node.Id, $"duplicate id '{node.Id}'", $"mã '{node.Id}' bị trùng");
                continue;
            }

            if (node is Activity activity)
                activity.IsForCompensation = (string?)element.Attribute("isForCompensation") == "true";
            node.Parent = scope;
            if (scope is null)
                model.Nodes.Add(node);
            else
                scope.Nodes.Add(node);
            if (node is SubProcess subProcess)
                ReadScope(element, subProcess);
        }
    }

    private FlowNode? ReadNode(XElement element, string name)
    {
        var id = (string?)element.Attribute("id");
        if (string.IsNullOrEmpty(id))
        {
            Error(element, null, $"bpmn:{name} has no id", $"phần tử bpmn:{name} chưa có mã (id)");
            return null;
        }

        var label = (string?)element.Attribute("name");
        var location = new SourceLocation(BpmnParser.Line(element), 0);
        switch (name)
        {
            case "startEvent":
                var inEventSubProcess = (string?)element.Parent?.Attribute("triggeredByEvent") == "true";
                return new StartEvent
                {
                    Id = id, Name = label, Location = location,
                    Trigger = ReadTrigger(element, id, inEventSubProcess ? "event subprocess start" : "start", catching: true),
                    IsInterrupting = (string?)element.Attribute("isInterrupting") != "false",
                };
            case "endEvent":
                return new EndEvent { Id = id, Name = label, Location = location, Trigger = ReadTrigger(element, id, "end", catching: false) };
            case "intermediateCatchEvent":
                var trigger = ReadTrigger(element, id, "catch", catching: true);
                if (trigger is null && !HasEventDefinition(element))
                    Error(element, id, "an intermediate catch event needs a message, timer, signal, conditional or link definition",
                        "sự kiện chờ phải là sự kiện thông điệp, hẹn giờ, tín hiệu, điều kiện hoặc liên kết");
                return new IntermediateCatchEvent { Id = id, Name = label, Location = location, Trigger = trigger ?? new TerminateTrigger() };
            case "intermediateThrowEvent":
                return new IntermediateThrowEvent { Id = id, Name = label, Location = location, Trigger = ReadTrigger(element, id, "throw", catching: false) };
            case "boundaryEvent":
                return ReadBoundary(element, id, label, location);
            case "exclusiveGateway" or "parallelGateway" or "eventBasedGateway" or "inclusiveGateway":
                return new Gateway
                {
                    Id = id, Name = label, Location = location,
                    GatewayKind = name switch
                    {
                        "exclusiveGateway" => GatewayKind.Exclusive,
                        "parallelGateway" => GatewayKind.Parallel,
                        "eventBasedGateway" => GatewayKind.EventBased,
                        _ => GatewayKind.Inclusive,
                    },
                    DefaultFlowId = (string?)element.Attribute("default"),
                };
            case "subProcess":
                return new SubProcess
                {
                    Id = id, Name = label, Location = location, MultiInstance = ReadLoop(element, id),
                    TriggeredByEvent = (string?)element.Attribute("triggeredByEvent") == "true",
                    Loop = ReadStandardLoop(element, id), DefaultFlowId = (string?)element.Attribute("default"),
                };
            case "callActivity":
                return ReadCall(element, id, label, location);
            case "task" or "manualTask" or "userTask" or "serviceTask" or "scriptTask" or "sendTask" or "receiveTask" or "businessRuleTask":
                return ReadTask(element, name, id, label, location);
            default:
                Unsupported(element, id, $"bpmn:{name}");
                return null;
        }
    }

    private BoundaryEvent? ReadBoundary(XElement element, string id, string? label, SourceLocation location)
    {
        var attachedTo = (string?)element.Attribute("attachedToRef");
        var trigger = ReadTrigger(element, id, "boundary", catching: true);
        if (trigger is null && HasEventDefinition(element))
            return null;
        if (trigger is null)
        {
            Error(element, id, "a boundary event needs a timer, message, signal, conditional, error or escalation definition",
                "sự kiện biên phải là hẹn giờ, thông điệp, tín hiệu, điều kiện, lỗi hoặc leo thang");
            return null;
        }

        if (string.IsNullOrEmpty(attachedTo))
        {
            Error(element, id, "the boundary event is not attached to an activity", "sự kiện biên chưa gắn vào công việc nào");
            return null;
        }

        var cancel = (string?)element.Attribute("cancelActivity") != "false";
        if (trigger is ErrorTrigger && !cancel)
            Error(element, id, "an error boundary event always interrupts", "sự kiện biên lỗi luôn dừng công việc");
        return new BoundaryEvent { Id = id, Name = label, Location = location, AttachedToId = attachedTo, CancelActivity = cancel, Trigger = trigger };
    }

    private TaskNode ReadTask(XElement element, string name, string id, string? label, SourceLocation location)
    {
        var kind = name switch
        {
            "userTask" => TaskKind.User,
            "serviceTask" => TaskKind.Service,
            "scriptTask" => TaskKind.Script,
            "sendTask" => TaskKind.Send,
            "receiveTask" => TaskKind.Receive,
            "businessRuleTask" => TaskKind.BusinessRule,
            _ => TaskKind.Manual,
        };
        var extensions = element.Element(Bpmn + "extensionElements");
        MessageTrigger? message = null;
        if (kind == TaskKind.Receive)
            message = ReadMessage(element, id, (string?)element.Attribute("messageRef"));
        string? script = null;
        if (kind == TaskKind.Script)
        {
            var format = ((string?)element.Attribute("scriptFormat"))?.ToLowerInvariant();
            if (format is not (null or "" or "javascript" or "js" or "ecmascript"))
                Error(element, id, $"script format '{format}' is not supported; use JavaScript", $"định dạng tập lệnh '{format}' không được hỗ trợ; hãy dùng JavaScript");
            script = element.Element(Bpmn + "script")?.Value;
        }

        return new TaskNode
        {
            Id = id, Name = label, Location = location, TaskKind = kind,
            Binding = kind is TaskKind.Service or TaskKind.Send ? ReadBinding(extensions) : null,
            Assignment = kind == TaskKind.User ? ReadAssignment(extensions) : null,
            Script = script,
            ScriptResultVariable = (string?)element.Attribute(Ext + "resultVariable"),
            Message = message,
            Decision = kind == TaskKind.BusinessRule ? ReadDecisionReference(element, id) : null,
            MultiInstance = ReadLoop(element, id),
            Loop = ReadStandardLoop(element, id),
            DefaultFlowId = (string?)element.Attribute("default"),
        };
    }

    private static ActivityBinding? ReadBinding(XElement? extensions)
    {
        var activity = extensions?.Element(Ext + "activity");
        if (activity is null)
            return null;
        var inputs = activity.Elements(Ext + "input")
            .Where(i => i.Attribute("name") is not null)
            .ToDictionary(i => (string)i.Attribute("name")!, i => (string?)i.Attribute("expression") ?? i.Value, StringComparer.Ordinal);
        var outputs = activity.Elements(Ext + "output")
            .Where(o => o.Attribute("name") is not null)
            .ToDictionary(o => (string)o.Attribute("name")!, o => (string?)o.Attribute("variable") ?? (string)o.Attribute("name")!, StringComparer.Ordinal);
        return new ActivityBinding((string?)activity.Attribute("type") ?? "", inputs, outputs);
    }

    private static UserTaskAssignment? ReadAssignment(XElement? extensions)
    {
        var a = extensions?.Element(Ext + "assignment");
        return a is null
            ? null
            : new UserTaskAssignment((string?)a.Attribute("assignee"), (string?)a.Attribute("candidateUsers"),
                (string?)a.Attribute("candidateGroups"), (string?)a.Attribute("dueDate"), (string?)a.Attribute("formKey"),
                (string?)a.Attribute("priority"));
    }

    private MultiInstance? ReadLoop(XElement element, string id)
    {
        var loop = element.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (loop is null)
            return null;
        var settings = loop.Element(Bpmn + "extensionElements")?.Element(Ext + "loop");
        var collection = (string?)settings?.Attribute("collection");
        var variable = (string?)settings?.Attribute("elementVariable");
        var cardinality = Text(loop.Element(Bpmn + "loopCardinality"));
        var byCollection = !string.IsNullOrWhiteSpace(collection) && !string.IsNullOrWhiteSpace(variable);
        if (!byCollection && (cardinality is null || !string.IsNullOrWhiteSpace(collection)))
        {
            Error(loop, id, "multi-instance needs docbpm:loop with collection and elementVariable, or a loopCardinality",
                "công việc nhiều phiên bản cần docbpm:loop với collection và elementVariable, hoặc số phiên bản (loopCardinality)");
            return null;
        }

        return new MultiInstance(byCollection ? collection : null, byCollection ? variable : null,
            Text(loop.Element(Bpmn + "completionCondition")), (string?)loop.Attribute("isSequential") == "true",
            byCollection ? null : cardinality);
    }

    private StandardLoop? ReadStandardLoop(XElement element, string id)
    {
        if (element.Element(Bpmn + "standardLoopCharacteristics") is not { } loop)
            return null;
        if (element.Element(Bpmn + "multiInstanceLoopCharacteristics") is not null)
        {
            Error(loop, id, "an activity has either a standard loop or multi-instance, not both",
                "công việc chỉ có một kiểu lặp: vòng lặp hoặc nhiều phiên bản");
            return null;
        }

        var condition = Text(loop.Element(Bpmn + "loopCondition"));
        var maximumText = (string?)loop.Attribute("loopMaximum");
        int? maximum = null;
        if (maximumText is not null)
        {
            if (!int.TryParse(maximumText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max < 1)
                Error(loop, id, $"loopMaximum '{maximumText}' is not a positive whole number", $"số lần lặp tối đa '{maximumText}' phải là số nguyên dương");
            else
                maximum = max;
        }

        if (condition is null && maximum is null)
        {
            Error(loop, id, "a standard loop needs a loopCondition or a loopMaximum, or it never ends",
                "vòng lặp cần điều kiện lặp (loopCondition) hoặc số lần lặp tối đa (loopMaximum), nếu không sẽ lặp mãi");
            return null;
        }

        return new StandardLoop(condition, maximum, (string?)loop.Attribute("testBefore") == "true");
    }

    /// <summary>The trimmed text of an expression element; null when it is missing or blank.</summary>
    private static string? Text(XElement? expression) =>
        string.IsNullOrWhiteSpace(expression?.Value) ? null : expression.Value.Trim();

    private void ReadFlows()
    {
        foreach (var (element, scope) in flows)
        {
            var id = (string?)element.Attribute("id");
            if (string.IsNullOrEmpty(id))
            {
                Error(element, null, "a sequence flow has no id", "luồng chưa có mã (id)");
                continue;
            }

            var sourceId = (string?)element.Attribute("sourceRef") ?? "";
            var targetId = (string?)element.Attribute("targetRef") ?? "";
            var source = Resolve(sourceId, scope);
            var target = Resolve(targetId, scope);
            if (source is null || target is null)
            {
                if (refused.Contains(sourceId) || refused.Contains(targetId))
                {
                    nextToRefused.UnionWith(new[] { source, target }.OfType<FlowNode>());
                    continue;
                }

                var missing = source is null ? sourceId : targetId;
                Error(element, id, $"the flow connects '{missing}', which is not an element of the same (sub)process",
                    $"luồng nối tới '{missing}', không phải phần tử trong cùng quy trình con");
                continue;
            }

            var condition = element.Element(Bpmn + "conditionExpression")?.Value.Trim();
            var flow = new SequenceFlow
            {
                Id = id, Name = (string?)element.Attribute("name"), Source = source, Target = target,
                Condition = string.IsNullOrEmpty(condition) ? null : condition,
                Location = new SourceLocation(BpmnParser.Line(element), 0),
            };
            if (!model.FlowsById.TryAdd(id, flow) || model.NodesById.ContainsKey(id))
            {
                Error(element, id, $"duplicate id '{id}'", $"mã '{id}' bị trùng");
                continue;
            }

            source.Outgoing.Add(flow);
            target.Incoming.Add(flow);
        }

        foreach (var node in model.NodesById.Values.Where(n => n.DefaultFlowId is not null))
            node.DefaultFlow = model.FlowsById.GetValueOrDefault(node.DefaultFlowId!);
    }

    private FlowNode? Resolve(string id, SubProcess? scope) =>
        model.NodesById.TryGetValue(id, out var node) && node.Parent == scope ? node : null;

    private void LinkBoundaries()
    {
        foreach (var boundary in model.NodesById.Values.OfType<BoundaryEvent>())
        {
            if (model.NodesById.GetValueOrDefault(boundary.AttachedToId) is Activity activity)
            {
                boundary.AttachedTo = activity;
                activity.Boundaries.Add(boundary);
                if (boundary.Trigger is CompensateTrigger)
                    boundary.Handler = associations.Where(a => a.Source == boundary.Id)
                        .Select(a => model.NodesById.GetValueOrDefault(a.Target)).OfType<Activity>().FirstOrDefault();
            }
            else if (!refused.Contains(boundary.AttachedToId))
            {
                Error(boundary, $"the boundary event is attached to '{boundary.AttachedToId}', which is not an activity",
                    $"sự kiện biên gắn vào '{boundary.AttachedToId}', không phải là một công việc");
            }
        }
    }
}
