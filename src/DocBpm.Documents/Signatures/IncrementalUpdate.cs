using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// An incremental update (ISO 32000-1 §7.5.6): new and changed objects, a cross-reference section and a trailer
/// appended after the original bytes, which are left untouched so earlier signatures stay valid.
/// </summary>
internal sealed class IncrementalUpdate(byte[] original, long nextObjectNumber)
{
    private readonly SortedDictionary<long, (int Generation, byte[] Body)> objects = [];
    private long next = nextObjectNumber;

    public IndirectReference Allocate() => new(next++, 0);

    public void Set(IndirectReference reference, IToken token)
    {
        using var body = new MemoryStream();
        TokenWriter.Instance.WriteToken(token, body);
        objects[reference.ObjectNumber] = (reference.Generation, body.ToArray());
    }

    public void SetRaw(IndirectReference reference, byte[] body) => objects[reference.ObjectNumber] = (reference.Generation, body);

    /// <summary>The whole file with the update, and where each new object's body starts.</summary>
    /// <param name="carried">The previous trailer's /Root, /Info and /ID.</param>
    public (byte[] Pdf, Dictionary<long, long> BodyOffsets) Write(DictionaryToken carried)
    {
        using var output = new MemoryStream();
        output.Write(original);
        if (original[^1] is not (byte)'\n' and not (byte)'\r')
            output.WriteByte((byte)'\n');
        var offsets = new Dictionary<long, long>();
        var bodies = new Dictionary<long, long>();
        foreach (var (number, (generation, body)) in objects)
        {
            offsets[number] = output.Position;
            Ascii(output, $"{number} {generation} obj\n");
            bodies[number] = output.Position;
            output.Write(body);
            Ascii(output, "\nendobj\n");
        }

        var xref = output.Position;
        Ascii(output, "xref\n");
        foreach (var run in Runs(objects.Keys))
        {
            Ascii(output, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
                Ascii(output, $"{offsets[number]:D10} {objects[number].Generation:D5} n\r\n");
        }

        var trailer = new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Size")] = new NumericToken(next),
            [NameToken.Create("Prev")] = new NumericToken(PreviousCrossReference(original)),
        };
        foreach (var (key, value) in carried.Data)
            trailer[NameToken.Create(key)] = value;

        Ascii(output, "trailer\n");
        TokenWriter.Instance.WriteToken(new DictionaryToken(trailer), output);
        Ascii(output, $"\nstartxref\n{xref}\n%%EOF\n");
        return (output.ToArray(), bodies);
    }

    /// <summary>The offset after the last <c>startxref</c>: where the previous revision's cross-reference starts.</summary>
    public static long PreviousCrossReference(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(pdf.Length, 1024));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        var digits = at < 0 ? string.Empty : new string([.. tail[(at + 9)..].SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsAsciiDigit)]);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new SignatureInputException("unreadable", "Tệp PDF bị hỏng cấu trúc (không có startxref).", "No startxref offset near the end of the file.");
    }

    private static IEnumerable<List<long>> Runs(IEnumerable<long> numbers)
    {
        var run = new List<long>();
        foreach (var number in numbers)
        {
            if (run.Count > 0 && number != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(number);
        }

        if (run.Count > 0)
            yield return run;
    }

    private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
