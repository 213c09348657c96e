using System.Xml.Linq;
using DocBpm.Edxml;

namespace DocBpm.Axis.Packages;

/// <summary>Appends the axis's own trace header to a package it forwards (one per hop, in order).</summary>
public static class TraceStamp
{
    public static byte[] Append(byte[] package, string organId, DateTimeOffset at)
    {
        var document = XDocument.Load(new MemoryStream(package), LoadOptions.PreserveWhitespace);
        var header = document.Root!.Element(EdxmlFormat.Ns + "edXMLEnvelope")!.Element(EdxmlFormat.Ns + "edXMLHeader")!;
        var list = header.Element(EdxmlFormat.Ns + "TraceHeaderList");
        if (list is null)
        {
            list = new XElement(EdxmlFormat.Ns + "TraceHeaderList", EdxmlWriter.TraceListAttributes());
            header.Add(list);
        }

        var trace = new XElement(EdxmlFormat.Ns + "TraceHeader",
            new XElement(EdxmlFormat.Ns + "OrganId", organId),
            new XElement(EdxmlFormat.Ns + "Timestamp", EdxmlFormat.Timestamp(at)));
        if (list.Elements(EdxmlFormat.Ns + "TraceHeader").LastOrDefault() is { } last)
            last.AddAfterSelf(trace);
        else
            list.AddFirst(trace);
        using var output = new MemoryStream();
        document.Save(output, SaveOptions.DisableFormatting);
        return output.ToArray();
    }
}
