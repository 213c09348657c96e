using System.Text;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Model;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Parsing;

/// <summary>The conformance bugs of issue 17 that the parser and validator decide.</summary>
[TestClass]
public sealed class ConformanceParsingTests
{
    private static readonly ActivityRegistry Registry = new(
        [new ActivityTypeRegistration(typeof(Echo)), new ActivityTypeRegistration(typeof(PublishMessage))]);

    private static readonly string Simple = Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>""" + Chain("s", "e"));

    [TestMethod]
    public void Bpmn_default_flow_of_an_activity_must_leave_that_activity()
    {
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:task id="t" default="f_s_t"/><bpmn:endEvent id="e"/>""" + Chain("s", "t", "e"));

        var result = BpmnParser.Parse(xml, Registry);

        Assert.IsTrue(result.Errors.Any(e => e.ElementId == "t" && e.Message.Contains("default flow 'f_s_t'", StringComparison.Ordinal)),
            string.Join(" | ", result.Errors));
    }

    [TestMethod]
    public void Bpmn_file_with_a_utf8_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Simple)).ToArray();

        var text = BpmnText.Decode(bytes);

        Assert.IsTrue(BpmnParser.Parse(text, Registry).IsValid);
        Assert.IsTrue(BpmnParser.Parse("\uFEFF" + Simple, Registry).IsValid, "a reader that kept the mark as a character");
    }

    [TestMethod]
    public void Bpmn_file_in_utf16_is_read_with_or_without_a_byte_order_mark()
    {
        var xml = Simple.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", StringComparison.Ordinal);
        var littleEndian = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();
        var bigEndianBare = Encoding.BigEndianUnicode.GetBytes(xml);

        Assert.IsTrue(BpmnParser.Parse(BpmnText.Decode(littleEndian), Registry).IsValid);
        Assert.IsTrue(BpmnParser.Parse(BpmnText.Decode(bigEndianBare), Registry).IsValid);
    }

    private static string Collaboration(bool secondExecutable) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="urn:t">
          <bpmn:collaboration id="c"><bpmn:participant id="pa" processRef="a"/><bpmn:participant id="pb" processRef="b"/></bpmn:collaboration>
          <bpmn:process id="a" isExecutable="true"><bpmn:startEvent id="s1"/><bpmn:endEvent id="e1"/>{Chain("s1", "e1")}</bpmn:process>
          <bpmn:process id="b" isExecutable="{(secondExecutable ? "true" : "false")}"><bpmn:startEvent id="s2"/><bpmn:endEvent id="e2"/>{Chain("s2", "e2")}</bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    public void Bpmn_collaboration_with_two_executable_pools_is_refused_by_validate_as_by_deploy()
    {
        var result = BpmnParser.Parse(Collaboration(secondExecutable: true), Registry);

        Assert.IsFalse(result.IsValid);
        Assert.AreEqual("b", result.Errors.Single().ElementId);
        Assert.ThrowsExactly<BpmnValidationException>(() => BpmnParser.ParseSingle(Collaboration(secondExecutable: true), Registry));
    }

    [TestMethod]
    public void Bpmn_collaboration_with_one_executable_pool_validates_and_deploys_that_pool()
    {
        Assert.IsTrue(BpmnParser.Parse(Collaboration(secondExecutable: false), Registry).IsValid);
        Assert.AreEqual("a", BpmnParser.ParseSingle(Collaboration(secondExecutable: false), Registry).Id);
    }

    [TestMethod]
    public void Bpmn_unsupported_element_is_reported_once_without_noise_around_it()
    {
        var xml = Process("""
            <bpmn:startEvent id="s"/><bpmn:complexGateway id="complex"/><bpmn:userTask id="t"/>
            <bpmn:boundaryEvent id="cancelled" attachedToRef="t"><bpmn:cancelEventDefinition/></bpmn:boundaryEvent>
            <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
            """ + Chain("s", "complex", "t", "e") + Chain("cancelled", "e2"));

        var result = BpmnParser.Parse(xml, Registry);

        CollectionAssert.AreEquivalent(new[] { "complex", "cancelled" }, result.Errors.Select(e => e.ElementId).ToArray(),
            string.Join(" | ", result.Errors));
    }

    [TestMethod]
    public void Activity_types_describe_an_object_input_as_an_object()
    {
        var publish = Registry.Descriptors.Single(d => d.Type == PublishMessage.Topic);

        Assert.AreEqual("object", publish.Inputs.Single(i => i.Name == "variables").Type);
    }
}
