using System.Xml.Linq;
using static DocBpm.Engine.Model.BpmnNames;

namespace DocBpm.Engine.Model;

internal sealed partial class ProcessReader
{
    /// <summary>The event definition of an event element; null for a none event.</summary>
    private EventTrigger? ReadTrigger(XElement element, string id, string position, bool catching)
    {
        var definitions = EventDefinitions(element).ToList();
        if (definitions.Count == 0)
            return null;
        if (definitions.Count > 1)
        {
            Unsupported(element, id, "an event with several event definitions");
            return null;
        }

        var definition = definitions[0];
        var kind = definition.Name.LocalName;
        var supported = (position, kind) switch
        {
            ("start", "messageEventDefinition" or "timerEventDefinition" or "signalEventDefinition") => true,
            ("event subprocess start", "messageEventDefinition" or "timerEventDefinition" or "signalEventDefinition"
                or "errorEventDefinition" or "escalationEventDefinition" or "conditionalEventDefinition" or "compensateEventDefinition") => true,
            ("end", "errorEventDefinition" or "terminateEventDefinition" or "messageEventDefinition" or "signalEventDefinition"
                or "escalationEventDefinition" or "compensateEventDefinition") => true,
            ("catch", "messageEventDefinition" or "timerEventDefinition" or "signalEventDefinition" or "linkEventDefinition"
                or "conditionalEventDefinition") => true,
            ("throw", "messageEventDefinition" or "signalEventDefinition" or "escalationEventDefinition" or "linkEventDefinition"
                or "compensateEventDefinition") => true,
            ("boundary", "messageEventDefinition" or "timerEventDefinition" or "errorEventDefinition" or "signalEventDefinition"
                or "escalationEventDefinition" or "conditionalEventDefinition" or "compensateEventDefinition") => true,
            _ => false,
        };
        if (!supported)
        {
            Unsupported(definition, id, $"{kind} on a {position} event");
            return null;
        }

        return kind switch
        {
            "messageEventDefinition" => ReadMessage(element, id, (string?)definition.Attribute("messageRef")),
            "timerEventDefinition" => ReadTimer(definition, id),
            "errorEventDefinition" => ReadError(definition, id, catching),
            "signalEventDefinition" => ReadSignal(definition, id),
            "escalationEventDefinition" => ReadEscalation(definition, id, catching),
            "linkEventDefinition" => ReadLink(definition, id),
            "conditionalEventDefinition" => ReadConditional(definition, id),
            "compensateEventDefinition" => new CompensateTrigger((string?)definition.Attribute("activityRef")),
            _ => new TerminateTrigger(),
        };
    }

    private SignalTrigger? ReadSignal(XElement definition, string id)
    {
        var signalRef = (string?)definition.Attribute("signalRef");
        if (string.IsNullOrEmpty(signalRef) || !signals.TryGetValue(signalRef, out var name))
        {
            Error(definition, id, $"the signal '{signalRef}' is not defined (bpmn:signal)", $"tín hiệu '{signalRef}' chưa được khai báo (bpmn:signal)");
            return null;
        }

        return new SignalTrigger(name);
    }

    private EscalationTrigger? ReadEscalation(XElement definition, string id, bool catching)
    {
        var escalationRef = (string?)definition.Attribute("escalationRef");
        if (string.IsNullOrEmpty(escalationRef) && catching)
            return new EscalationTrigger(null);
        if (string.IsNullOrEmpty(escalationRef) || !escalationCodes.TryGetValue(escalationRef, out var code))
        {
            Error(definition, id, $"the escalation '{escalationRef}' is not defined (bpmn:escalation)",
                $"leo thang '{escalationRef}' chưa được khai báo (bpmn:escalation)");
            return null;
        }

        return new EscalationTrigger(code);
    }

    private LinkTrigger? ReadLink(XElement definition, string id)
    {
        var name = (string?)definition.Attribute("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            Error(definition, id, "a link event needs a name", "sự kiện liên kết cần có tên (name)");
            return null;
        }

        return new LinkTrigger(name);
    }

    private ConditionalTrigger? ReadConditional(XElement definition, string id)
    {
        if (Text(definition.Element(Bpmn + "condition")) is { } condition)
            return new ConditionalTrigger(condition);
        Error(definition, id, "a conditional event needs a condition", "sự kiện điều kiện cần có điều kiện (condition)");
        return null;
    }

    private static IEnumerable<XElement> EventDefinitions(XElement element) =>
        element.Elements().Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));

    private static bool HasEventDefinition(XElement element) => EventDefinitions(element).Any();

    private MessageTrigger? ReadMessage(XElement element, string id, string? messageRef)
    {
        if (string.IsNullOrEmpty(messageRef) || !messages.TryGetValue(messageRef, out var name))
        {
            Error(element, id, $"the message '{messageRef}' is not defined (bpmn:message)", $"thông điệp '{messageRef}' chưa được khai báo (bpmn:message)");
            return null;
        }

        var subscription = element.Element(Bpmn + "extensionElements")?.Element(Ext + "subscription");
        return new MessageTrigger(name, (string?)subscription?.Attribute("correlationKey"));
    }

    private TimerTrigger? ReadTimer(XElement definition, string id)
    {
        var parts = new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) }
            .Select(p => (Element: definition.Element(Bpmn + p.Item1), Kind: p.Item2))
            .Where(p => p.Element is not null)
            .ToList();
        if (parts.Count != 1 || string.IsNullOrWhiteSpace(parts[0].Element!.Value))
        {
            Error(definition, id, "a timer needs exactly one of timeDate, timeDuration or timeCycle",
                "hẹn giờ cần đúng một trong: thời điểm, khoảng thời gian hoặc chu kỳ");
            return null;
        }

        var business = (string?)definition.Attribute(Ext + "calendar") == "business";
        return new TimerTrigger(new TimerDefinition(parts[0].Kind, parts[0].Element!.Value.Trim(), business));
    }

    private ErrorTrigger? ReadError(XElement definition, string id, bool catching)
    {
        var errorRef = (string?)definition.Attribute("errorRef");
        if (string.IsNullOrEmpty(errorRef))
        {
            if (catching)
                return new ErrorTrigger(null);
            Error(definition, id, "an error end event needs an error (errorRef)", "sự kiện kết thúc lỗi cần chỉ rõ lỗi (errorRef)");
            return null;
        }

        if (!errorCodes.TryGetValue(errorRef, out var code))
        {
            Error(definition, id, $"the error '{errorRef}' is not defined (bpmn:error)", $"lỗi '{errorRef}' chưa được khai báo (bpmn:error)");
            return null;
        }

        return new ErrorTrigger(code);
    }

    private void Unsupported(XElement element, string? id, string what) =>
        Error(element, id, $"{what} is not supported by DocBpm", $"DocBpm chưa hỗ trợ: {what}");

    private void Error(XElement element, string? id, string message, string messageVi) =>
        errors.Add(new BpmnValidationError(id, BpmnParser.Line(element), message, messageVi));

    private void Error(FlowNode node, string message, string messageVi) =>
        errors.Add(new BpmnValidationError(node.Id, node.Location.Line, message, messageVi));
}
