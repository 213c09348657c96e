using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DocBpm.Engine.Model.BpmnNames;

namespace DocBpm.Engine.Model;

internal sealed partial class ProcessReader
{
    /// <summary>
    /// Reads a call activity in DocBpm's form (<c>docbpm:call</c>, <c>docbpm:in</c>/<c>docbpm:out</c>) and in Camunda 7's
    /// (<c>camunda:calledElementBinding</c>, <c>camunda:calledElementVersion</c>, <c>camunda:in</c>/<c>camunda:out</c>), so a
    /// diagram drawn in Camunda Modeler runs with its mappings instead of silently passing nothing.
    /// </summary>
    private CallActivity ReadCall(XElement element, string id, string? label, SourceLocation location)
    {
        var extensions = element.Element(Bpmn + "extensionElements");
        var call = extensions?.Element(Ext + "call");
        var calledElement = ((string?)element.Attribute("calledElement"))?.Trim() ?? "";
        if (calledElement.Length == 0)
            Error(element, id, "the call activity names no process to call (calledElement)", "công việc gọi quy trình chưa chỉ rõ quy trình được gọi (calledElement)");
        var (binding, version) = ReadCallBinding(element, call, id);
        var camundaIn = CamundaMappings(extensions, "in", id);
        var camundaOut = CamundaMappings(extensions, "out", id);
        return new CallActivity
        {
            Id = id, Name = label, Location = location, CalledElement = calledElement, Binding = binding, Version = version,
            BusinessKey = (string?)call?.Attribute("businessKey"),
            In = [.. Mappings(extensions, "in"), .. camundaIn.Mappings], Out = [.. Mappings(extensions, "out"), .. camundaOut.Mappings],
            AllIn = AllVariables(extensions, "in") || camundaIn.All, AllOut = AllVariables(extensions, "out") || camundaOut.All,
            MultiInstance = ReadLoop(element, id), Loop = ReadStandardLoop(element, id),
            DefaultFlowId = (string?)element.Attribute("default"),
        };
    }

    /// <summary>
    /// Which version of the called process runs: <c>docbpm:call/@binding</c> or <c>camunda:calledElementBinding</c>
    /// (latest, version, deployment); a version number alone means "version".
    /// </summary>
    private (CallBinding Binding, int? Version) ReadCallBinding(XElement element, XElement? call, string id)
    {
        var versionAttribute = call?.Attribute("version") ?? element.Attribute(Camunda + "calledElementVersion");
        var bindingAttribute = call?.Attribute("binding") ?? element.Attribute(Camunda + "calledElementBinding");
        var bindingText = ((string?)bindingAttribute)?.Trim() ?? (versionAttribute is null ? "latest" : "version");
        CallBinding binding;
        switch (bindingText)
        {
            case "latest":
                binding = CallBinding.Latest;
                break;
            case "version":
                binding = CallBinding.Version;
                break;
            case "deployment":
                binding = CallBinding.Deployment;
                break;
            default:
                Error(bindingAttribute!.Parent!, id, $"call binding '{bindingText}' is not supported (latest, version or deployment)",
                    $"cách chọn phiên bản '{bindingText}' không được hỗ trợ (latest, version hoặc deployment)");
                return (CallBinding.Latest, null);
        }

        if (binding != CallBinding.Version)
        {
            if (versionAttribute is not null)
                Error(versionAttribute.Parent!, id, $"a version is given but the binding is '{bindingText}'; use binding 'version'",
                    $"đã ghi phiên bản nhưng cách chọn là '{bindingText}'; hãy chọn 'version'");
            return (binding, null);
        }

        var versionText = (string?)versionAttribute;
        if (int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            return (binding, number);
        Error(versionAttribute?.Parent ?? element, id, $"version '{versionText}' is not a positive whole number",
            $"phiên bản '{versionText}' phải là số nguyên dương");
        return (CallBinding.Latest, null);
    }

    private static List<VariableMapping> Mappings(XElement? extensions, string direction) =>
        extensions?.Elements(Ext + direction)
            .Where(m => m.Attribute("target") is not null)
            .Select(m => new VariableMapping((string?)m.Attribute("source") ?? (string)m.Attribute("target")!, (string)m.Attribute("target")!))
            .ToList() ?? [];

    private static bool AllVariables(XElement? extensions, string direction) =>
        extensions?.Elements(Ext + direction).Any(m => (string?)m.Attribute("variables") == "all") == true;

    private sealed record CamundaMapping(List<VariableMapping> Mappings, bool All);

    /// <summary>
    /// Camunda's <c>camunda:in</c>/<c>camunda:out</c>: <c>source</c> names a variable, which is also a JavaScript expression
    /// for DocBpm when it is an identifier; a JUEL <c>sourceExpression</c> and <c>local</c> have no DocBpm counterpart
    /// and are refused rather than ignored, and the business key line is DocBpm's default already (the caller's key).
    /// </summary>
    private CamundaMapping CamundaMappings(XElement? extensions, string direction, string id)
    {
        var mappings = new List<VariableMapping>();
        var all = false;
        foreach (var mapping in extensions?.Elements(Camunda + direction) ?? [])
        {
            var target = ((string?)mapping.Attribute("target"))?.Trim();
            var source = ((string?)mapping.Attribute("source"))?.Trim();
            if (mapping.Attribute("businessKey") is { } businessKey)
            {
                if (!CallerBusinessKey().IsMatch(businessKey.Value))
                    Error(mapping, id, $"camunda:{direction} businessKey '{businessKey.Value}' is not supported; use docbpm:call businessKey",
                        $"camunda:{direction} businessKey '{businessKey.Value}' không được hỗ trợ; hãy dùng docbpm:call businessKey");
            }
            else if (mapping.Attribute("sourceExpression") is not null)
                Error(mapping, id, $"camunda:{direction} sourceExpression (a JUEL expression) is not supported; use docbpm:{direction}, whose source is a JavaScript expression",
                    $"camunda:{direction} sourceExpression (biểu thức JUEL) không được hỗ trợ; hãy dùng docbpm:{direction} với nguồn là biểu thức JavaScript");
            else if ((string?)mapping.Attribute("local") == "true")
                Error(mapping, id, $"camunda:{direction} local=\"true\" is not supported", $"camunda:{direction} local=\"true\" không được hỗ trợ");
            else if ((string?)mapping.Attribute("variables") == "all")
                all = true;
            else if (string.IsNullOrEmpty(target) || string.IsNullOrEmpty(source) || !VariableName().IsMatch(source))
                Error(mapping, id, $"camunda:{direction} needs a source variable name and a target", $"camunda:{direction} cần tên biến nguồn (source) và biến đích (target)");
            else
                mappings.Add(new VariableMapping(source, target));
        }

        return new CamundaMapping(mappings, all);
    }

    [GeneratedRegex(@"^[\$#]\{\s*execution\.(processBusinessKey|getProcessBusinessKey\(\))\s*\}$")]
    private static partial Regex CallerBusinessKey();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex VariableName();
}
