using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Signatures;

/// <summary>What a FieldMDP lock covers (ISO 32000-1 Table 256, /Action).</summary>
internal enum FieldLockAction
{
    /// <summary>Every form field.</summary>
    All,

    /// <summary>Only the fields named.</summary>
    Include,

    /// <summary>Every field but those named.</summary>
    Exclude,
}

/// <summary>
/// The form fields a signature locks (ISO 32000-1 §12.8.2.4, a signature reference with /TransformMethod /FieldMDP):
/// no later revision may change them, whatever a certification signature's DocMDP permits for the others.
/// </summary>
internal sealed record FieldLock(FieldLockAction Action, IReadOnlySet<string> Fields)
{
    /// <summary>Whether the field with this fully qualified name is locked; a named field locks the fields below it too.</summary>
    public bool Locks(string field)
    {
        var named = Fields.Any(f => field == f || field.StartsWith(f + ".", StringComparison.Ordinal));
        return Action switch
        {
            FieldLockAction.All => true,
            FieldLockAction.Include => named,
            _ => !named,
        };
    }

    /// <summary>
    /// The FieldMDP locks of a signature dictionary's /Reference array (a field is locked when any of them locks it).
    /// Parameters that cannot be read, or an unknown /Action, lock every field: a lock that cannot be read is no licence.
    /// </summary>
    public static List<FieldLock> Read(PdfDocument document, DictionaryToken signature) =>
        [.. (document.Entry<ArrayToken>(signature, "Reference")?.Data ?? []).Select(r => document.Resolve(r)).OfType<DictionaryToken>()
            .Where(r => document.Entry<NameToken>(r, "TransformMethod")?.Data == "FieldMDP")
            .Select(r => Parse(document, document.Entry<DictionaryToken>(r, "TransformParams")))];

    private static FieldLock Parse(PdfDocument document, DictionaryToken? parameters)
    {
        var fields = (parameters is null ? null : document.Entry<ArrayToken>(parameters, "Fields"))?.Data.Select(f => document.Resolve(f))
            .OfType<StringToken>().Select(s => s.Data).ToHashSet(StringComparer.Ordinal) ?? [];
        return (parameters is null ? null : document.Entry<NameToken>(parameters, "Action")?.Data) switch
        {
            "Include" => new FieldLock(FieldLockAction.Include, fields),
            "Exclude" => new FieldLock(FieldLockAction.Exclude, fields),
            _ => new FieldLock(FieldLockAction.All, fields),
        };
    }
}
