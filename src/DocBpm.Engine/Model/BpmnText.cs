using System.Text;

namespace DocBpm.Engine.Model;

/// <summary>
/// Turns the bytes of an uploaded BPMN file into text. Modelers write UTF-8 with or without a byte-order mark, and
/// some write UTF-16; the mark (or, without one, the zero bytes around the opening '&lt;') says which.
/// </summary>
public static class BpmnText
{
    public static string Decode(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes[3..]),
        [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes[2..]),
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes[2..]),
        [(byte)'<', 0, ..] => Encoding.Unicode.GetString(bytes),
        [0, (byte)'<', ..] => Encoding.BigEndianUnicode.GetString(bytes),
        _ => Encoding.UTF8.GetString(bytes),
    };

    /// <summary>Text read by a reader that kept the byte-order mark as a character.</summary>
    internal static string WithoutByteOrderMark(string xml) => xml.StartsWith('\uFEFF') ? xml[1..] : xml;
}
