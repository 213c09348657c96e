using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;
using DocBpm.Engine.Tests.Runtime;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Parsing;

[TestClass]
public sealed class BpmnParserTests
{
    private static readonly ActivityRegistry Registry = new(
        [new ActivityTypeRegistration(typeof(Echo)), new ActivityTypeRegistration(typeof(RaiseError))]);

    private static ParseResult Parse(string xml) => BpmnParser.Parse(xml, Registry);

    private static void AssertError(ParseResult result, string? elementId, string fragment)
    {
        Assert.IsTrue(result.Errors.Any(e => e.ElementId == elementId && e.Message.Contains(fragment, StringComparison.Ordinal) && e.Line > 0),
            $"expected an error on {elementId} containing '{fragment}', got: {string.Join(" | ", result.Errors)}");
    }

    [TestMethod]
    public void A_bpmn_js_export_with_a_collaboration_and_diagram_loads_and_keeps_its_xml_unchanged()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Fixtures", "bpmn-js-export.bpmn"));

        var model = BpmnParser.ParseSingle(xml, Registry);

        Assert.AreEqual("Process_Incoming", model.Id);
        Assert.AreSame(xml, model.Xml);
        var register = (TaskNode)model["Activity_Register"];
        Assert.AreEqual(TaskKind.User, register.TaskKind);
        Assert.AreEqual("VanThu", register.Assignment!.CandidateGroups);
        var gateway = (Gateway)model["Gateway_Valid"];
        Assert.AreEqual("Flow_Invalid", gateway.DefaultFlow!.Id);
        var timer = (BoundaryEvent)model["Event_Late"];
        Assert.IsFalse(timer.CancelActivity);
        Assert.AreEqual(new TimerDefinition(TimerKind.Duration, "P1D", true), ((TimerTrigger)timer.Trigger).Timer);
        Assert.AreSame(register, timer.AttachedTo);
    }

    [TestMethod]
    public void Every_supported_element_is_read_into_the_model()
    {
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="milestone"/>"""
            + Service("svc", "Echo", ("text", "'a'")) + """<bpmn:sendTask id="send"><bpmn:extensionElements><docbpm:activity type="Echo"><docbpm:input name="text" expression="'b'"/><docbpm:output name="result" variable="sent"/></docbpm:activity></bpmn:extensionElements></bpmn:sendTask>"""
            + """<bpmn:receiveTask id="recv" messageRef="m"><bpmn:extensionElements><docbpm:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:receiveTask>"""
            + """<bpmn:task id="plain"/><bpmn:inclusiveGateway id="inc" default="fDefault"/>"""
            + """<bpmn:endEvent id="e"><bpmn:terminateEventDefinition/></bpmn:endEvent><bpmn:endEvent id="e2"/>"""
            + Chain("s", "milestone", "svc", "send", "recv", "plain", "inc") + Flow("fCond", "inc", "e", "x > 1") + Flow("fDefault", "inc", "e2"),
            definitions: Message("m", "answer"));

        var model = BpmnParser.ParseSingle(xml, Registry);

        Assert.IsInstanceOfType<IntermediateThrowEvent>(model["milestone"]);
        Assert.AreEqual("sent", ((TaskNode)model["send"]).Binding!.Outputs["result"]);
        Assert.AreEqual(new MessageTrigger("answer", "=key"), ((TaskNode)model["recv"]).Message);
        Assert.AreEqual(TaskKind.Manual, ((TaskNode)model["plain"]).TaskKind);
        Assert.AreEqual(GatewayKind.Inclusive, ((Gateway)model["inc"]).GatewayKind);
        Assert.IsInstanceOfType<TerminateTrigger>(((EndEvent)model["e"]).Trigger);
        Assert.AreEqual("x > 1", model.FlowsById["fCond"].Condition);
    }

    [TestMethod]
    public void A_broken_model_is_refused_with_every_error_and_its_line()
    {
        var xml = Process("""
            <bpmn:serviceTask id="noType"/>
            <bpmn:serviceTask id="unknown"><bpmn:extensionElements><docbpm:activity type="Nope"/></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="missingInput"><bpmn:extensionElements><docbpm:activity type="Echo"/></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="badInput"><bpmn:extensionElements><docbpm:activity type="Echo"><docbpm:input name="text" expression="'x'"/><docbpm:input name="colour" expression="1"/></docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:userTask id="a"/><bpmn:userTask id="b"/>
            <bpmn:scriptTask id="script"><bpmn:script>if (</bpmn:script></bpmn:scriptTask>
            <bpmn:intermediateCatchEvent id="badTimer"><bpmn:timerEventDefinition><bpmn:timeDuration>two days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:callActivity id="call"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="dangling" sourceRef="noType" targetRef="ghost"/>
            <bpmn:sequenceFlow id="f1" sourceRef="unknown" targetRef="gw"/>
            <bpmn:sequenceFlow id="noCondition" sourceRef="gw" targetRef="a"/>
            <bpmn:sequenceFlow id="badCondition" sourceRef="gw" targetRef="b"><bpmn:conditionExpression>x ===</bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        var result = Parse(xml);

        Assert.IsFalse(result.IsValid);
        AssertError(result, "p", "no start event");
        AssertError(result, "noType", "not bound to an activity type");
        AssertError(result, "unknown", "'Nope' is not registered");
        AssertError(result, "missingInput", "required input 'text'");
        AssertError(result, "badInput", "has no input 'colour'");
        AssertError(result, "noCondition", "without a condition");
        AssertError(result, "badCondition", "syntax error");
        AssertError(result, "script", "syntax error");
        AssertError(result, "badTimer", "not a valid ISO-8601");
        AssertError(result, "call", "calledElement");
        AssertError(result, "dangling", "'ghost'");
        AssertError(result, "a", "no outgoing sequence flow");
        var callLine = xml.Split('\n').ToList().FindIndex(l => l.Contains("id=\"call\"", StringComparison.Ordinal)) + 1;
        Assert.AreEqual(callLine, result.Errors.First(e => e.ElementId == "call").Line);
        Assert.IsTrue(result.Errors.All(e => !string.IsNullOrWhiteSpace(e.MessageVi)));
    }

    [TestMethod]
    public void Call_activity_reads_its_called_element_version_business_key_and_mappings()
    {
        var xml = Process("""
            <bpmn:startEvent id="s"/>
            <bpmn:callActivity id="call" calledElement="=kind + '-review'">
              <bpmn:extensionElements>
                <docbpm:call version="3" businessKey="=documentId"/>
                <docbpm:in source="amount * 2" target="doubled"/><docbpm:in target="title"/><docbpm:in variables="all"/>
                <docbpm:out source="approved" target="decision"/>
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:endEvent id="e"/>
            """ + Chain("s", "call", "e"));

        var call = (CallActivity)Parse(xml).Processes.Single()["call"];

        Assert.AreEqual(("=kind + '-review'", 3, "=documentId"), (call.CalledElement, call.Version, call.BusinessKey));
        CollectionAssert.AreEqual(new[] { new VariableMapping("amount * 2", "doubled"), new VariableMapping("title", "title") }, call.In.ToArray());
        CollectionAssert.AreEqual(new[] { new VariableMapping("approved", "decision") }, call.Out.ToArray());
        Assert.IsTrue(call.AllIn);
        Assert.IsFalse(call.AllOut);
    }

    [TestMethod]
    public void Call_activity_with_a_bad_version_or_mapping_is_refused_with_one_error_each()
    {
        var xml = Process("""
            <bpmn:startEvent id="s"/>
            <bpmn:callActivity id="badVersion" calledElement="child"><bpmn:extensionElements><docbpm:call version="latest"/></bpmn:extensionElements></bpmn:callActivity>
            <bpmn:callActivity id="badMapping" calledElement="child"><bpmn:extensionElements><docbpm:out source="x ===" target="y"/></bpmn:extensionElements></bpmn:callActivity>
            <bpmn:endEvent id="e"/>
            """ + Chain("s", "badVersion", "badMapping", "e"));

        var result = Parse(xml);

        Assert.AreEqual(1, result.Errors.Count(e => e.ElementId == "badVersion"));
        AssertError(result, "badVersion", "'latest'");
        Assert.AreEqual(1, result.Errors.Count(e => e.ElementId == "badMapping"));
        AssertError(result, "badMapping", "syntax error");
    }

    [TestMethod]
    public void Unsupported_events_are_named()
    {
        var xml = Process("""
            <bpmn:startEvent id="s"><bpmn:conditionalEventDefinition/></bpmn:startEvent>
            <bpmn:userTask id="seq"/>
            <bpmn:subProcess id="events" triggeredByEvent="true"/>
            <bpmn:endEvent id="e"/>
            """ + Chain("s", "seq", "e"));

        var result = Parse(xml);

        AssertError(result, "s", "conditionalEventDefinition");
        AssertError(result, "events", "an event subprocess needs exactly one start event");
    }

    [TestMethod]
    public void Structural_rules_of_gateways_subprocesses_and_boundaries_are_checked()
    {
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="race"/>""" + UserTask("notAnEvent") + UserTask("other")
            + """<bpmn:subProcess id="sub"><bpmn:endEvent id="subEnd"/></bpmn:subProcess>"""
            + """<bpmn:boundaryEvent id="orphan" attachedToRef="nothing"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"""
            + """<bpmn:exclusiveGateway id="gw" default="elsewhere"/><bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "race") + Flow("f1", "race", "notAnEvent") + Flow("f2", "race", "other") + Flow("f3", "notAnEvent", "sub")
            + Flow("f4", "sub", "gw") + Flow("f5", "gw", "e") + Flow("f6", "other", "e") + Flow("f7", "orphan", "e"));

        var result = Parse(xml);

        AssertError(result, "notAnEvent", "must lead to message or timer catch events");
        AssertError(result, "sub", "exactly one none start event");
        AssertError(result, "orphan", "'nothing', which is not an activity");
        AssertError(result, "gw", "default flow 'elsewhere'");
    }

    [TestMethod]
    public void Unsafe_or_malformed_xml_is_refused_without_being_processed()
    {
        const string withDtd = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x">&lol2;</bpmn:process></bpmn:definitions>
            """;

        var dtd = Parse(withDtd);
        var broken = Parse("<bpmn:definitions");
        var notBpmn = Parse("<html/>");

        StringAssert.Contains(dtd.Errors.Single().Message, "DTD");
        StringAssert.Contains(broken.Errors.Single().Message, "not well-formed");
        StringAssert.Contains(notBpmn.Errors.Single().Message, "bpmn:definitions");
    }

    private static string CallingWith(string attributes, string extensions) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:callActivity id="call" calledElement="child" {attributes}><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:callActivity>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/><bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    [DataRow("", """<camunda:in sourceExpression="${amount * 2}" target="doubled"/>""", "sourceExpression")]
    [DataRow("", """<camunda:out source="x" target="y" local="true"/>""", "local")]
    [DataRow("", """<camunda:in businessKey="${order.key}"/>""", "businessKey")]
    [DataRow("", """<camunda:in source="my-var" target="y"/>""", "source variable name")]
    [DataRow("", """<camunda:in target="y"/>""", "source variable name")]
    [DataRow("""camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="v1" """, "", "versionTag")]
    [DataRow("", """<docbpm:call binding="latest" version="2"/>""", "binding 'version'")]
    [DataRow("""camunda:calledElementBinding="version" """, "", "version ''")]
    public void A_call_activitys_camunda_form_that_DocBpm_cannot_honour_is_refused_at_deploy_naming_the_element(string attributes, string extensions, string fragment) =>
        AssertError(Parse(CallingWith(attributes, extensions)), "call", fragment);

    [TestMethod]
    public void A_call_activitys_camunda_mappings_and_binding_are_read_into_the_model()
    {
        var model = BpmnParser.ParseSingle(CallingWith("""camunda:calledElementBinding="deployment" """,
            """<camunda:in source="amount" target="total"/><camunda:in businessKey="${execution.processBusinessKey}"/><camunda:out variables="all"/>"""), Registry);

        var call = (CallActivity)model["call"];
        Assert.AreEqual(CallBinding.Deployment, call.Binding);
        Assert.IsNull(call.Version);
        Assert.AreEqual(new VariableMapping("amount", "total"), call.In.Single());
        Assert.IsFalse(call.AllIn);
        Assert.IsTrue(call.AllOut);
        Assert.IsNull(call.BusinessKey, "the caller's business key is DocBpm's default");
    }
}
