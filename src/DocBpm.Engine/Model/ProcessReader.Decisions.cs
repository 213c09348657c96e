using System.Globalization;
using System.Xml.Linq;
using DocBpm.Engine.Decisions;

namespace DocBpm.Engine.Model;

internal sealed partial class ProcessReader
{
    /// <summary>Camunda 7's extension namespace: business-rule tasks are written with its attributes by every modeler that offers them.</summary>
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>Camunda's ways of running a business-rule task by code, which the engine does not offer.</summary>
    private static readonly string[] CodeAttributes = ["class", "delegateExpression", "expression", "type"];

    /// <summary>
    /// Reads <c>camunda:decisionRef</c> (a literal decision id, so a deploy can check that it exists),
    /// <c>camunda:decisionRefBinding</c> latest or version (with <c>camunda:decisionRefVersion</c>),
    /// <c>camunda:resultVariable</c> and <c>camunda:mapDecisionResult</c>.
    /// </summary>
    private DecisionReference? ReadDecisionReference(XElement element, string id)
    {
        if (CodeAttributes.FirstOrDefault(a => element.Attribute(Camunda + a) is not null) is { } code)
        {
            Error(element, id, $"a business-rule task implemented by camunda:{code} is not supported; use camunda:decisionRef",
                $"công việc quy tắc nghiệp vụ thực hiện bằng camunda:{code} không được hỗ trợ; hãy chọn bảng quyết định (camunda:decisionRef)");
            return null;
        }

        var decisionId = ((string?)element.Attribute(Camunda + "decisionRef"))?.Trim() ?? "";
        if (decisionId.Length == 0 || decisionId.Contains("${", StringComparison.Ordinal) || decisionId.StartsWith('='))
        {
            Error(element, id, "the business-rule task names no decision id (camunda:decisionRef; an expression is not supported)",
                "công việc quy tắc nghiệp vụ chưa chỉ rõ mã bảng quyết định (camunda:decisionRef, không dùng biểu thức)");
            return null;
        }

        var binding = (string?)element.Attribute(Camunda + "decisionRefBinding") ?? "latest";
        int? version = null;
        if (binding == "version")
        {
            var text = (string?)element.Attribute(Camunda + "decisionRefVersion");
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1)
                version = v;
            else
                Error(element, id, $"decisionRefVersion '{text}' is not a positive whole number", $"phiên bản bảng quyết định '{text}' phải là số nguyên dương");
        }
        else if (binding != "latest")
        {
            Error(element, id, $"decisionRefBinding '{binding}' is not supported (latest or version)",
                $"cách chọn phiên bản '{binding}' không được hỗ trợ (latest hoặc version)");
        }

        var mappingText = (string?)element.Attribute(Camunda + "mapDecisionResult");
        var mapping = DecisionResultMappings.Parse(mappingText);
        if (mapping is null)
            Error(element, id, $"mapDecisionResult '{mappingText}' is not singleEntry, singleResult, collectEntries or resultList",
                $"cách lấy kết quả '{mappingText}' phải là singleEntry, singleResult, collectEntries hoặc resultList");
        return new DecisionReference(decisionId, version, (string?)element.Attribute(Camunda + "resultVariable"),
            mapping ?? DecisionResultMapping.ResultList);
    }
}
