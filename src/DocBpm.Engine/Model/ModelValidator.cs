using DocBpm.Engine.Activities;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Timers;

namespace DocBpm.Engine.Model;

/// <summary>Checks a read model for what would fail at run time: structure, bindings, expressions and timers.</summary>
internal sealed class ModelValidator(
    ProcessModel model,
    ActivityRegistry registry,
    List<BpmnValidationError> errors,
    IReadOnlySet<FlowNode> nextToRefused)
{
    public void Validate()
    {
        if (!model.StartEvents.Any())
            Error(model.Id, 1, "the process has no start event", "quy trình chưa có sự kiện bắt đầu");
        foreach (var node in model.NodesById.Values)
        {
            CheckConnections(node);
            CheckDefaultFlow(node);
            switch (node)
            {
                case SubProcess sub:
                    CheckSubProcess(sub);
                    break;
                case Gateway gateway:
                    CheckGateway(gateway);
                    break;
                case TaskNode task:
                    CheckTask(task);
                    break;
                case CallActivity call:
                    CheckCall(call);
                    break;
                case StartEvent start when start.Parent is not null && start.Trigger is not null && start.EventSubProcess is null:
                    Error(start, "a subprocess starts with a none start event only", "quy trình con chỉ bắt đầu bằng sự kiện bắt đầu thường");
                    break;
            }

            if (node is Activity { MultiInstance: { } loop })
            {
                if (loop.Collection is { } collection)
                    Expression(node, collection, "collection");
                if (loop.Cardinality is { } cardinality)
                    Expression(node, cardinality, "loop cardinality", forceExpression: true);
                if (loop.CompletionCondition is { } condition)
                    Expression(node, condition, "completion condition", script: false, forceExpression: true);
            }

            if (node is Activity { Loop.Condition: { } loopCondition })
                Expression(node, loopCondition, "loop condition", forceExpression: true);

            CheckTrigger(node);
        }

        CheckLinks();
        foreach (var flow in model.FlowsById.Values)
            if (flow.Condition is { } condition)
                Expression(flow.Id, flow.Location.Line, condition, "condition", forceExpression: true);
    }

    private void CheckConnections(FlowNode node)
    {
        // Its flow to a refused element was not read; saying so again would only bury the real error.
        if (nextToRefused.Contains(node))
            return;
        // A link catch event is where a path resumes and a link throw event where it jumps away: no flow in, no flow out.
        var standsApart = node is SubProcess { TriggeredByEvent: true } or Activity { IsForCompensation: true };
        var isStart = node is StartEvent or BoundaryEvent or IntermediateCatchEvent { Trigger: LinkTrigger } || standsApart;
        var isEnd = node is EndEvent or IntermediateThrowEvent { Trigger: LinkTrigger } or BoundaryEvent { Trigger: CompensateTrigger } || standsApart;
        if (!isStart && node.Incoming.Count == 0)
            Error(node, $"{node.Kind} has no incoming sequence flow", "phần tử chưa có luồng đi vào");
        if (isStart && node.Incoming.Count > 0)
            Error(node, $"{node.Kind} cannot have incoming sequence flows", "sự kiện bắt đầu/biên/liên kết đến không được có luồng đi vào");
        if (!isEnd && node.Outgoing.Count == 0)
            Error(node, $"{node.Kind} has no outgoing sequence flow; end the path with an end event", "phần tử chưa có luồng đi ra; hãy kết thúc bằng sự kiện kết thúc");
        if (isEnd && node.Outgoing.Count > 0)
            Error(node, $"{node.Kind} cannot have outgoing flows", "sự kiện kết thúc/liên kết đi không được có luồng đi ra");
    }

    /// <summary>Each link throw event has exactly one catch event of its name in the same (sub)process.</summary>
    private void CheckLinks()
    {
        var catches = model.NodesById.Values.OfType<IntermediateCatchEvent>()
            .Where(c => c.Trigger is LinkTrigger)
            .GroupBy(c => (c.Parent, ((LinkTrigger)c.Trigger).LinkName))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (_, same) in catches.Where(c => c.Value.Count > 1))
            foreach (var duplicate in same.Skip(1))
                Error(duplicate, "another link catch event in this (sub)process has the same name", "trong cùng quy trình đã có sự kiện liên kết đến cùng tên");
        foreach (var link in model.NodesById.Values.OfType<IntermediateThrowEvent>())
            if (link.Trigger is LinkTrigger { LinkName: var name } && !catches.ContainsKey((link.Parent, name)))
                Error(link, $"no link catch event named '{name}' in the same (sub)process", $"không có sự kiện liên kết đến tên '{name}' trong cùng quy trình");
    }

    private void CheckSubProcess(SubProcess sub)
    {
        if (sub.TriggeredByEvent)
        {
            CheckEventSubProcess(sub);
            return;
        }

        var starts = sub.Nodes.OfType<StartEvent>().Count();
        if (starts != 1)
            Error(sub, "a subprocess needs exactly one none start event", "quy trình con cần đúng một sự kiện bắt đầu");
    }

    /// <summary>An event subprocess starts with exactly one start event that has a trigger, and is neither a loop nor attached to.</summary>
    private void CheckEventSubProcess(SubProcess sub)
    {
        var starts = sub.Nodes.OfType<StartEvent>().ToList();
        if (starts.Count != 1 || starts[0].Trigger is null)
            Error(sub, "an event subprocess needs exactly one start event with a message, timer, signal, conditional, error, escalation or compensation definition",
                "quy trình con sự kiện cần đúng một sự kiện bắt đầu loại thông điệp, hẹn giờ, tín hiệu, điều kiện, lỗi, leo thang hoặc bù trừ");
        else if (starts[0] is { Trigger: ErrorTrigger, IsInterrupting: false } start)
            Error(start, "an error start event always interrupts", "sự kiện bắt đầu lỗi luôn dừng phạm vi chứa nó");
        if (sub.MultiInstance is not null || sub.Loop is not null || sub.Boundaries.Count > 0)
            Error(sub, "an event subprocess has no loop, multi-instance or boundary events", "quy trình con sự kiện không có vòng lặp, nhiều phiên bản hay sự kiện biên");
        if (starts is [{ Trigger: CompensateTrigger }])
            CheckCompensationEventSubProcess(sub);
    }

    /// <summary>As in Camunda 7: inside an embedded subprocess only, one per subprocess, and not beside a compensation boundary.</summary>
    /// <summary>The (sub)process whose activities a compensation throw undoes: inside a compensation event subprocess, the subprocess it undoes.</summary>
    private static SubProcess? CompensatedBy(FlowNode node) =>
        node.Parent is { TriggeredByEvent: true } eventSubProcess && eventSubProcess.Parent?.CompensationEventSubProcess == eventSubProcess
            ? eventSubProcess.Parent
            : node.Parent;

    private void CheckCompensationEventSubProcess(SubProcess sub)
    {
        if (sub.Parent is not { } undone)
            Error(sub, "a compensation event subprocess undoes an embedded subprocess and cannot be at process level",
                "quy trình con sự kiện bù trừ chỉ đặt được bên trong một quy trình con (không ở cấp quy trình)");
        else if (undone.CompensationEventSubProcess != sub)
            Error(sub, "a subprocess has at most one compensation event subprocess", "mỗi quy trình con chỉ có một quy trình con sự kiện bù trừ");
        else if (undone.Boundaries.Exists(b => b.Trigger is CompensateTrigger))
            Error(sub, "a subprocess is undone by a compensation event subprocess or by a compensation boundary event, not both",
                "quy trình con được bù trừ bằng quy trình con sự kiện bù trừ hoặc bằng sự kiện biên bù trừ, không dùng cả hai");
    }

    private void CheckDefaultFlow(FlowNode node)
    {
        if (node.DefaultFlowId is { } id && (node.DefaultFlow is null || node.DefaultFlow.Source != node))
            Error(node, $"the default flow '{id}' is not an outgoing flow of {node.Kind} '{node.Id}'",
                $"luồng mặc định '{id}' không đi ra từ phần tử '{node.Id}'");
        if (node.DefaultFlow is { Condition: not null } conditional && conditional.Source == node)
            Error(conditional.Id, conditional.Location.Line, "a default flow has no condition", "luồng mặc định không có điều kiện");
    }

    private void CheckGateway(Gateway gateway)
    {
        switch (gateway.GatewayKind)
        {
            case GatewayKind.Exclusive or GatewayKind.Inclusive when gateway.Outgoing.Count > 1:
                foreach (var flow in gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is null))
                    Error(flow.Id, flow.Location.Line, $"flow '{flow.Id}' leaves gateway '{gateway.Id}' without a condition and is not its default flow",
                        $"luồng '{flow.Id}' ra khỏi cổng '{gateway.Id}' chưa có điều kiện và không phải luồng mặc định");
                break;
            case GatewayKind.EventBased:
                if (gateway.Outgoing.Count < 2)
                    Error(gateway, "an event-based gateway needs at least two outgoing flows", "cổng sự kiện cần ít nhất hai luồng đi ra");
                foreach (var flow in gateway.Outgoing)
                {
                    if (flow.Condition is not null)
                        Error(flow.Id, flow.Location.Line, "flows after an event-based gateway have no conditions", "luồng sau cổng sự kiện không có điều kiện");
                    if (flow.Target is not (IntermediateCatchEvent or TaskNode { TaskKind: TaskKind.Receive }))
                        Error(flow.Target, "an event-based gateway must lead to message or timer catch events or receive tasks",
                            "cổng sự kiện chỉ được dẫn tới sự kiện chờ thông điệp, hẹn giờ hoặc công việc nhận thông điệp");
                }

                break;
        }
    }

    private void CheckTask(TaskNode task)
    {
        switch (task.TaskKind)
        {
            case TaskKind.Service or TaskKind.Send:
                CheckBinding(task);
                break;
            case TaskKind.Script:
                if (string.IsNullOrWhiteSpace(task.Script))
                    Error(task, "the script task has no script", "công việc tập lệnh chưa có mã");
                else
                    Expression(task, task.Script, "script", script: true);
                break;
            case TaskKind.User when task.Assignment is { } a:
                foreach (var (value, what) in new[] { (a.Assignee, "assignee"), (a.CandidateUsers, "candidate users"),
                             (a.CandidateGroups, "candidate groups"), (a.DueDate, "due date"), (a.Priority, "priority") })
                    if (value is not null)
                        Expression(task, value, what);
                break;
            case TaskKind.Receive when task.Message is { CorrelationKey: { } key }:
                Expression(task, key, "correlation key");
                break;
        }
    }

    private void CheckCall(CallActivity call)
    {
        Expression(call, call.CalledElement, "called element");
        if (call.BusinessKey is { } key)
            Expression(call, key, "business key");
        foreach (var mapping in call.In.Concat(call.Out))
            Expression(call, mapping.Expression, $"mapping to '{mapping.Target}'", forceExpression: true);
    }

    private void CheckBinding(TaskNode task)
    {
        if (task.Binding is not { } binding || binding.Type.Length == 0)
        {
            Error(task, $"{task.Kind} is not bound to an activity type (docbpm:activity)", "công việc chưa chọn loại hoạt động (docbpm:activity)");
            return;
        }

        if (registry.Find(binding.Type) is not { } type)
        {
            Error(task, $"activity type '{binding.Type}' is not registered", $"loại hoạt động '{binding.Type}' không tồn tại");
            return;
        }

        var inputs = type.Descriptor.Inputs;
        foreach (var required in inputs.Where(i => i.Required && !binding.Inputs.ContainsKey(i.Name)))
            Error(task, $"required input '{required.Name}' of {binding.Type} is not set", $"chưa nhập tham số bắt buộc '{required.DisplayName}' của {type.Descriptor.DisplayName}");
        foreach (var (name, expression) in binding.Inputs)
        {
            if (inputs.All(i => i.Name != name))
                Error(task, $"{binding.Type} has no input '{name}'", $"{type.Descriptor.DisplayName} không có tham số '{name}'");
            else
                Expression(task, expression, $"input '{name}'", forceExpression: true);
        }

        foreach (var name in binding.Outputs.Keys.Where(n => type.Descriptor.Outputs.All(o => o.Name != n)))
            Error(task, $"{binding.Type} has no output '{name}'", $"{type.Descriptor.DisplayName} không có kết quả '{name}'");
    }

    private void CheckTrigger(FlowNode node)
    {
        var trigger = node switch
        {
            StartEvent s => s.Trigger,
            IntermediateCatchEvent c => c.Trigger,
            IntermediateThrowEvent t => t.Trigger,
            EndEvent e => e.Trigger,
            BoundaryEvent b => b.Trigger,
            _ => null,
        };
        switch (trigger)
        {
            case MessageTrigger { CorrelationKey: { } key }:
                Expression(node, key, "correlation key");
                break;
            case ConditionalTrigger { Condition: var condition }:
                Expression(node, condition, "condition", forceExpression: true);
                break;
            case CompensateTrigger when node is BoundaryEvent { Handler: null or { IsForCompensation: false } }:
                Error(node, "a compensation boundary event needs an association to an activity marked isForCompensation",
                    "sự kiện biên bù trừ cần nối (association) tới một công việc bù trừ (isForCompensation)");
                break;
            case CompensateTrigger { ActivityRef: { } target } when !model.NodesById.TryGetValue(target, out var compensated)
                || compensated.Parent != CompensatedBy(node):
                Error(node, $"activityRef '{target}' is not an activity of the same (sub)process", $"'{target}' không phải là công việc trong cùng quy trình");
                break;
            case TimerTrigger { Timer: var timer } when !ExpressionText.IsExpression(timer.Text):
                var valid = timer.Kind switch
                {
                    TimerKind.Date => DateTimeOffset.TryParse(timer.Text, System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal, out _),
                    TimerKind.Duration => IsoDuration.TryParse(timer.Text, out _),
                    _ => IsoCycle.TryParse(timer.Text, out _),
                };
                if (!valid)
                    Error(node, $"'{timer.Text}' is not a valid ISO-8601 {timer.Kind.ToString().ToLowerInvariant()}",
                        $"'{timer.Text}' không đúng định dạng ISO-8601 (ví dụ P2D, PT4H, R3/PT1H, 2026-12-31T17:00:00+07:00)");
                break;
            case TimerTrigger { Timer: var timer } when node is StartEvent { EventSubProcess: null }:
                Error(node, "a timer start event takes a literal ISO-8601 value, not an expression", "hẹn giờ bắt đầu chỉ nhận giá trị ISO-8601 cố định");
                break;
            case TimerTrigger { Timer: var timer }:
                Expression(node, timer.Text, "timer");
                break;
        }
    }

    /// <summary>
    /// Checks JavaScript syntax. Attribute values are literals unless they start with '='; conditions, inputs and
    /// scripts are always JavaScript.
    /// </summary>
    private void Expression(FlowNode node, string text, string what, bool script = false, bool forceExpression = false) =>
        Expression(node.Id, node.Location.Line, text, what, script, forceExpression);

    private void Expression(string id, int line, string text, string what, bool script = false, bool forceExpression = false)
    {
        if (!script && !forceExpression && !ExpressionText.IsExpression(text))
            return;
        var code = ExpressionText.Body(text);
        try
        {
            var parser = new Acornima.Parser();
            if (script)
                parser.ParseScript(code);
            else
                parser.ParseExpression(code);
        }
        catch (Acornima.ParseErrorException ex)
        {
            Error(id, line, $"{what}: JavaScript syntax error: {ex.Message}", $"{what}: lỗi cú pháp JavaScript: {ex.Message}");
        }
    }

    private void Error(FlowNode node, string message, string messageVi) => Error(node.Id, node.Location.Line, message, messageVi);

    private void Error(string? id, int line, string message, string messageVi) =>
        errors.Add(new BpmnValidationError(id, line, message, messageVi));
}
