using System.Xml.Linq;
using static DocBpm.Edxml.EdxmlFormat;

namespace DocBpm.Edxml;

/// <summary>
/// Appends a forwarder's trace header (one per hop, in order) to a package it has just read, on the tree the reader
/// built: the package is parsed once, with the reader's limits (issue 16), and not loaded a second time to be stamped.
/// </summary>
public static class EdxmlTraceStamp
{
    /// <summary>
    /// Whether the sender signed the package (an element in <c>edXMLHeader/DigitalSignature</c>). A forwarder then passes
    /// it on unchanged: the signature covers the whole package, trace list included (docs/edxml.md), so a hop stamped
    /// into it would read as tampering at the receiver.
    /// </summary>
    public static bool IsSigned(this EdxmlReadResult<EdxmlPackage> read) =>
        read.Root?.Element(Ns + "edXMLEnvelope")?.Element(Ns + "edXMLHeader")?.Element(Ns + "DigitalSignature")?.HasElements == true;

    public static byte[] Stamped(this EdxmlReadResult<EdxmlPackage> read, string organId, DateTimeOffset at)
    {
        if (!read.IsValid || read.Root is not { Document: { } document } root)
            throw new InvalidOperationException("Only a package read without problems can be stamped.");
        var header = root.Element(Ns + "edXMLEnvelope")!.Element(Ns + "edXMLHeader")!;
        var list = header.Element(Ns + "TraceHeaderList");
        var created = list is null;
        if (list is null)
        {
            list = new XElement(Ns + "TraceHeaderList", EdxmlWriter.TraceListAttributes());
            header.Add(list);
        }

        var trace = new XElement(Ns + "TraceHeader", new XElement(Ns + "OrganId", organId), new XElement(Ns + "Timestamp", Timestamp(at)));
        if (list.Elements(Ns + "TraceHeader").LastOrDefault() is { } last)
            last.AddAfterSelf(trace);
        else
            list.AddFirst(trace);
        using var output = new MemoryStream();
        document.Save(output, SaveOptions.DisableFormatting);
        // The read result stays as it was read: stamping it again gives the same bytes, not a second hop.
        (created ? list : trace).Remove();
        return output.ToArray();
    }
}
