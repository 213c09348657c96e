using System.Xml;
using System.Xml.Linq;
using DocBpm.Engine.Activities;

namespace DocBpm.Engine.Model;

/// <summary>
/// Reads BPMN 2.0 XML into <see cref="ProcessModel"/>s and checks them against what the engine can execute. Every
/// problem is reported with its element and line; nothing is executed from a file with problems.
/// </summary>
public static class BpmnParser
{
    /// <summary>The largest file accepted; shipped processes are a few hundred kilobytes.</summary>
    public const int MaxCharacters = 4 * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting accepted; diagrams nest subprocesses a few levels. A hostile file of 50,000 nested
    /// elements is refused while it is read, before a tree is built or walked.
    /// </summary>
    public const int MaxDepth = 200;

    public static ParseResult Parse(string xml, ActivityRegistry registry)
    {
        xml = BpmnText.WithoutByteOrderMark(xml);
        var errors = new List<BpmnValidationError>();
        if (LoadSafely(xml, errors) is not { } document)
            return new ParseResult([], errors);

        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            errors.Add(new(null, Line(root), "the root element is not bpmn:definitions", "phần tử gốc không phải bpmn:definitions"));
            return new ParseResult([], errors);
        }

        var processes = root.Elements(BpmnNames.Bpmn + "process").ToList();
        var executable = processes.Where(p => (string?)p.Attribute("isExecutable") == "true").ToList();
        if (executable.Count == 0 && processes.Count == 1)
            executable = processes;
        if (executable.Count == 0)
        {
            errors.Add(new(null, Line(root), "the file has no executable process", "tệp không có quy trình thực thi được (isExecutable=\"true\")"));
            return new ParseResult([], errors);
        }

        // One rule for validate and deploy: a file is one deployable unit, so a collaboration has one executable pool.
        foreach (var extra in executable.Skip(1))
            errors.Add(new((string?)extra.Attribute("id"), Line(extra),
                "a deployable file holds exactly one executable process; mark the other pools isExecutable=\"false\"",
                "mỗi tệp triển khai chỉ chứa đúng một quy trình thực thi; hãy đặt isExecutable=\"false\" cho các bể (pool) còn lại"));
        var models = executable.Select(p => new ProcessReader(root, p, xml, registry, errors).Read()).ToList();
        return new ParseResult(models, errors);
    }

    /// <summary>Parses a file that must be valid: one executable process, the unit that is deployed.</summary>
    public static ProcessModel ParseSingle(string xml, ActivityRegistry registry)
    {
        var result = Parse(xml, registry);
        if (!result.IsValid)
            throw new BpmnValidationException(result.Errors);
        return result.Processes[0];
    }

    /// <summary>
    /// Reads an XML file of ours (BPMN or DMN) within the size and depth limits, with no DTD or external entity; null,
    /// with the problem added to <paramref name="errors"/>, when it is not one.
    /// </summary>
    internal static XDocument? LoadSafely(string xml, List<BpmnValidationError> errors)
    {
        if (xml.Length > MaxCharacters)
        {
            errors.Add(new(null, 1, $"the file is larger than {MaxCharacters / (1024 * 1024)} MB",
                $"tệp lớn hơn {MaxCharacters / (1024 * 1024)} MB"));
            return null;
        }

        try
        {
            if (TooDeepAt(xml) is { } line)
            {
                errors.Add(new(null, line, $"elements are nested deeper than {MaxDepth} levels",
                    $"các phần tử lồng nhau sâu quá {MaxDepth} cấp"));
                return null;
            }

            return Load(xml);
        }
        catch (XmlException ex)
        {
            errors.Add(new(null, ex.LineNumber, $"not well-formed XML: {ex.Message}", $"tệp không phải XML hợp lệ: {ex.Message}"));
            return null;
        }
    }

    internal static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
    };

    /// <summary>The line of the first element nested deeper than <see cref="MaxDepth"/>, read as a stream.</summary>
    private static int? TooDeepAt(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
                return ((IXmlLineInfo)reader).LineNumber;
        }

        return null;
    }

    private static XDocument Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }
}
