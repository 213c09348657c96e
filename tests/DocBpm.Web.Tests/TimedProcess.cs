namespace DocBpm.Web.Tests;

/// <summary>
/// start → timer → script counting its own runs (variable <c>fired</c>) → user task "check": a timer step that must run
/// exactly once, whatever fires it.
/// </summary>
public static class TimedProcess
{
    public static string Xml(string key, string duration) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="urn:t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:scriptTask id="count"><bpmn:script>fired = fired + 1</bpmn:script></bpmn:scriptTask>
            <bpmn:userTask id="check"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="count"/>
            <bpmn:sequenceFlow id="f3" sourceRef="count" targetRef="check"/>
            <bpmn:sequenceFlow id="f4" sourceRef="check" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
