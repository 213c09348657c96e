namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Wraps process elements in a BPMN file, so that each test shows only the shape it is about.</summary>
public static class Bpmn
{
    public static string Process(string body, string id = "p", string definitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:docbpm="urn:docbpm:bpmn:1" id="defs" targetNamespace="urn:docbpm:tests">
          {definitions}
          <bpmn:process id="{id}" name="Test {id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"/>"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>A chain of flows through the given element ids: Chain("s", "a", "e").</summary>
    public static string Chain(params string[] ids) =>
        string.Concat(ids.Zip(ids.Skip(1), (a, b) => Flow($"f_{a}_{b}", a, b)));

    public static string UserTask(string id, string? assignee = null, string? candidateGroups = null, string? extra = null) =>
        $"""<bpmn:userTask id="{id}" name="Task {id}"><bpmn:extensionElements><docbpm:assignment{(assignee is null ? "" : $" assignee=\"{assignee}\"")}{(candidateGroups is null ? "" : $" candidateGroups=\"{candidateGroups}\"")}/></bpmn:extensionElements>{extra}</bpmn:userTask>""";

    /// <summary>
    /// A user task run once per item of <paramref name="collection"/> (in parallel or one after the other), then a summary
    /// task and the end: the shape of the multi-instance tests.
    /// </summary>
    public static string MultiInstanceThenSummary(string id, string name, string assignment, string collection, string elementVariable,
        bool sequential, string? completion) => Process(
        $"""<bpmn:startEvent id="s"/><bpmn:userTask id="{id}" name="{name}">"""
        + $"""<bpmn:extensionElements><docbpm:assignment {assignment}/></bpmn:extensionElements>"""
        + $"""<bpmn:multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}">"""
        + $"""<bpmn:extensionElements><docbpm:loop collection="={collection}" elementVariable="{elementVariable}"/></bpmn:extensionElements>"""
        + (completion is null ? "" : $"<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">{completion}</bpmn:completionCondition>")
        + "</bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"
        + UserTask("summary") + """<bpmn:endEvent id="e"/>""" + Chain("s", id, "summary", "e"));

    public static string Service(string id, string type, params (string Name, string Expression)[] inputs) =>
        $"""<bpmn:serviceTask id="{id}"><bpmn:extensionElements><docbpm:activity type="{type}">{string.Concat(inputs.Select(i => $"<docbpm:input name=\"{i.Name}\" expression=\"{System.Security.SecurityElement.Escape(i.Expression)}\"/>"))}</docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>""";

    public static string Message(string id, string name) => $"""<bpmn:message id="{id}" name="{name}"/>""";

    public static string Error(string id, string code) => $"""<bpmn:error id="{id}" errorCode="{code}"/>""";

    public static string Timer(string kind, string value, bool business = false) =>
        $"""<bpmn:timerEventDefinition{(business ? " docbpm:calendar=\"business\"" : "")}><bpmn:{kind} xsi:type="bpmn:tFormalExpression">{value}</bpmn:{kind}></bpmn:timerEventDefinition>""";

    public static string MessageCatch(string messageRef, string? correlationKey) =>
        $"""{(correlationKey is null ? "" : $"<bpmn:extensionElements><docbpm:subscription correlationKey=\"{correlationKey}\"/></bpmn:extensionElements>")}<bpmn:messageEventDefinition messageRef="{messageRef}"/>""";
}
