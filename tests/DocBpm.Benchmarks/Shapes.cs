using DocBpm.Engine.Activities;

namespace DocBpm.Benchmarks;

/// <summary>The two process shapes every contestant runs.</summary>
public static class Shapes
{
    public const string Service = "service";
    public const string UserTask = "usertask";

    public static readonly string ServiceXml = Definition(Service, """
        <bpmn:startEvent id="start"/>
        <bpmn:serviceTask id="t1"><bpmn:extensionElements><docbpm:activity type="Noop"/></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:serviceTask id="t2"><bpmn:extensionElements><docbpm:activity type="Noop"/></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:serviceTask id="t3"><bpmn:extensionElements><docbpm:activity type="Noop"/></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t1"/>
        <bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
        <bpmn:sequenceFlow id="f3" sourceRef="t2" targetRef="t3"/>
        <bpmn:sequenceFlow id="f4" sourceRef="t3" targetRef="end"/>
        """);

    public static readonly string UserTaskXml = Definition(UserTask, """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="approve"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
        <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
        """);

    private static string Definition(string id, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:bench">
          <bpmn:process id="{id}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}

/// <summary>A service step that does nothing, so that the engine's own cost is what is measured.</summary>
[Activity("Noop", Category = "Đo hiệu năng", DisplayName = "Không làm gì")]
public sealed class Noop : IActivity
{
    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Outcome.Done);
}

/// <summary>One engine running the shapes; each call returns instances per second for one round.</summary>
public interface IShapeRunner : IAsyncDisposable
{
    string Name { get; }

    Task<double> RunAsync(string shape, int instances, CancellationToken cancellationToken);

    /// <summary>Extra figures for the report (e.g. database round-trips per resume); empty when none.</summary>
    IReadOnlyDictionary<string, string> Notes { get; }
}
