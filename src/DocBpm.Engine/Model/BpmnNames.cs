using System.Xml.Linq;

namespace DocBpm.Engine.Model;

/// <summary>The XML namespaces of a BPMN file and the DocBpm extension.</summary>
public static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Ext = "urn:docbpm:bpmn:1";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Elements with no execution semantics: documentation, artefacts, lanes and diagram interchange.</summary>
    public static readonly HashSet<string> Ignorable = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "textAnnotation", "association", "group", "dataObject",
        "dataObjectReference", "dataStoreReference", "laneSet", "incoming", "outgoing", "property",
        "dataInputAssociation", "dataOutputAssociation", "ioSpecification", "category",
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    };
}
