using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Signatures;

/// <summary>What a later revision changes of a signed one, by what a reader would notice.</summary>
public enum ChangeKind
{
    /// <summary>A later signature and its widget, vouched for by that signature.</summary>
    Signature,

    /// <summary>A document timestamp (PAdES B-LTA).</summary>
    DocumentTimestamp,

    /// <summary>The document security store (DSS/VRI): certificates, CRLs, OCSP responses for long-term validation.</summary>
    SecurityStore,

    /// <summary>The document information dictionary or XMP metadata: nothing shown on a page.</summary>
    Metadata,

    /// <summary>A form field's value (and the appearance that shows it).</summary>
    FormFilling,

    /// <summary>An annotation added, changed or removed (a note, a text box, a stamp).</summary>
    Annotation,

    /// <summary>A widget added or redrawn that no later signature vouches for: an overlay over the signed content.</summary>
    Appearance,

    /// <summary>The pages' content streams, the page list or a page's geometry.</summary>
    PageContent,

    /// <summary>An object of the signed revision (font, image, resources, signature dictionary) replaced or removed.</summary>
    ObjectReplaced,
}

/// <summary>What later revisions change: the kinds of change, and the fully qualified names of the existing form fields whose value changed.</summary>
internal sealed record RevisionDiff(IReadOnlySet<ChangeKind> Kinds, IReadOnlySet<string> Fields)
{
    public static RevisionDiff Unreadable { get; } = new(new HashSet<ChangeKind> { ChangeKind.ObjectReplaced }, new HashSet<string>());
}

/// <summary>
/// Compares the objects of a signed revision with the final file (the incremental-update view of ISO 32000-1 §7.5.6):
/// every object the later revisions redefine, and every annotation they add or remove, is classified. This catches the
/// hide, replace and hide-and-replace shadow attacks, which change what is shown without touching the page text.
/// </summary>
internal static class RevisionChanges
{
    private static readonly ChangeKind[] AlwaysAllowed = [ChangeKind.DocumentTimestamp, ChangeKind.SecurityStore, ChangeKind.Metadata];

    /// <summary>
    /// What may change after signing: long-term validation data and metadata always (PAdES, ETSI EN 319 142-1 §5.4);
    /// later signatures unless a certification signature forbids any change (DocMDP P=1); form filling with P=2 and
    /// annotations with P=3 only when a certification signature grants them. Without one, nothing a reader sees may change.
    /// </summary>
    /// <param name="certifies">Whether the signature with this /ByteRange is intact and trusted: only such a certification counts.</param>
    public static HashSet<ChangeKind> Allowed(PdfDocument current, Func<long[], bool> certifies) => CertificationPermission(current, certifies) switch
    {
        1 => [.. AlwaysAllowed],
        2 => [.. AlwaysAllowed, ChangeKind.Signature, ChangeKind.FormFilling],
        3 => [.. AlwaysAllowed, ChangeKind.Signature, ChangeKind.FormFilling, ChangeKind.Annotation],
        _ => [.. AlwaysAllowed, ChangeKind.Signature],
    };

    /// <summary>The DocMDP /P of the certification signature (catalog /Perms /DocMDP), 2 when it names none; null without one.</summary>
    private static int? CertificationPermission(PdfDocument document, Func<long[], bool> certifies)
    {
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var signature = document.Entry<DictionaryToken>(catalog, "Perms") is { } perms ? document.Entry<DictionaryToken>(perms, "DocMDP") : null;
        var range = signature is null ? null : document.Entry<ArrayToken>(signature, "ByteRange")?.Data.OfType<NumericToken>().Select(n => n.Long).ToArray();
        if (signature is null || range is null || !certifies(range))
            return null;
        var reference = (document.Entry<ArrayToken>(signature, "Reference")?.Data ?? []).Select(r => document.Resolve(r)).OfType<DictionaryToken>()
            .FirstOrDefault(r => document.Entry<NameToken>(r, "TransformMethod")?.Data == "DocMDP");
        var parameters = reference is null ? null : document.Entry<DictionaryToken>(reference, "TransformParams");
        return parameters is null ? 2 : (int)(document.Entry<NumericToken>(parameters, "P")?.Long ?? 2);
    }

    /// <param name="endorsed">Whether an object at this offset of the final file lies in a revision a later valid signature covers.</param>
    public static RevisionDiff Find(PdfDocument signed, PdfDocument current, Func<long, bool> endorsed)
    {
        var changes = new HashSet<ChangeKind>();
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var before = signed.Structure.CrossReferenceTable.ObjectOffsets;
        var after = current.Structure.CrossReferenceTable.ObjectOffsets;
        var roles = new Roles(signed);
        bool Endorsed(IndirectReference reference) => FileOffset(after, reference) is { } offset && endorsed(offset);

        foreach (var (reference, offset) in before)
        {
            if (after.TryGetValue(reference, out var now) && now.Equals(offset))
                continue;
            if (!after.ContainsKey(reference))
            {
                changes.Add(ChangeKind.ObjectReplaced);
                continue;
            }

            var changed = current.Get(reference);
            if (Classify(roles, reference, signed.Get(reference), changed, current, Endorsed) is not { } kind)
                continue;
            changes.Add(kind);
            if (kind is ChangeKind.FormFilling or ChangeKind.Signature && changed is DictionaryToken field)
                fields.Add(FullName(current, field));
        }

        var pagesBefore = signed.Pages();
        var pagesAfter = current.Pages();
        if (pagesBefore.Count != pagesAfter.Count || !pagesBefore.Select(p => p.Reference).SequenceEqual(pagesAfter.Select(p => p.Reference)))
            changes.Add(ChangeKind.PageContent);
        for (var i = 0; i < Math.Min(pagesBefore.Count, pagesAfter.Count); i++)
            Annotations(signed, pagesBefore[i].Page, current, pagesAfter[i].Page, Endorsed, changes);
        return new RevisionDiff(changes, fields);
    }

    /// <summary>Where an object's bytes are in the final file: its own offset, or that of the object stream holding it.</summary>
    private static long? FileOffset(IReadOnlyDictionary<IndirectReference, XrefLocation> locations, IndirectReference reference)
    {
        if (!locations.TryGetValue(reference, out var location))
            return null;
        if (location.Type == XrefEntryType.File)
            return location.Value1;
        return locations.TryGetValue(new IndirectReference(location.Value1, 0), out var stream) && stream.Type == XrefEntryType.File ? stream.Value1 : null;
    }

    private static ChangeKind? Classify(Roles roles, IndirectReference reference, IToken old, IToken changed, PdfDocument current,
        Func<IndirectReference, bool> endorsed)
    {
        if (Same(old, changed))
            return null;
        if (reference.Equals(roles.Info) || reference.Equals(roles.Metadata))
            return ChangeKind.Metadata;
        if (roles.PageContents.Contains(reference) || roles.Pages.Contains(reference) && KeysChanged(old, changed).Any(k => k != "Annots"))
            return ChangeKind.PageContent;
        if (roles.Pages.Contains(reference))
            return null;
        if (reference.Equals(roles.Catalog))
            return CatalogChange(KeysChanged(old, changed));
        if (reference.Equals(roles.Form))
            return KeysChanged(old, changed).All(FormKeySigningMayChange) ? null
                : KeysChanged(old, changed).Contains("NeedAppearances") ? ChangeKind.Appearance : ChangeKind.ObjectReplaced;
        if (old is ArrayToken before && changed is ArrayToken after && after.Data.Count >= before.Data.Count
            && before.Data.Select(Text).SequenceEqual(after.Data.Take(before.Data.Count).Select(Text)))
            return null;
        if (old is DictionaryToken field && changed is DictionaryToken && (field.ContainsKey(PdfObjects.Name("FT")) || field.ContainsKey(PdfObjects.Name("Parent")) || IsWidget(field)))
            return FieldChange(KeysChanged(old, changed), FieldType(current, (DictionaryToken)changed), endorsed(reference));
        return old is DictionaryToken { Data.Count: > 0 } annotation && annotation.ContainsKey(PdfObjects.Name("Subtype")) && annotation.ContainsKey(PdfObjects.Name("Rect"))
            ? ChangeKind.Annotation
            : ChangeKind.ObjectReplaced;
    }

    private static ChangeKind? CatalogChange(List<string> keys)
    {
        if (keys.Any(k => !CatalogKeySigningMayChange(k)))
            return ChangeKind.ObjectReplaced;
        return keys.Contains("DSS") ? ChangeKind.SecurityStore : keys.Contains("Metadata") ? ChangeKind.Metadata : null;
    }

    // Patterns rather than static sets: Stryker cannot measure mutants in static initialisers, and each member is a rule.
    private static bool CatalogKeySigningMayChange(string key) => key is "AcroForm" or "DSS" or "Extensions" or "Metadata";

    private static bool FormKeySigningMayChange(string key) => key is "Fields" or "SigFlags" or "DR" or "DA";

    /// <summary>The entries filling a field changes: its value, the chosen appearance state of a check box or radio button, and the appearance showing it.</summary>
    private static bool IsFieldValueKey(string key) => key is "V" or "AS" or "AP";

    /// <summary>A field's value filled in (with the appearance showing it), a signature field signed, or a redrawn widget.</summary>
    private static ChangeKind FieldChange(List<string> keys, string? fieldType, bool endorsed)
    {
        if (fieldType == "Sig")
            return endorsed && keys.All(IsFieldValueKey) ? ChangeKind.Signature : ChangeKind.Appearance;
        return keys.All(IsFieldValueKey) && keys.Any(k => k != "AP") ? ChangeKind.FormFilling : ChangeKind.Appearance;
    }

    /// <summary>Annotations added to or removed from a page; a new signature widget counts as a signature when vouched for.</summary>
    private static void Annotations(PdfDocument signed, DictionaryToken before, PdfDocument current, DictionaryToken after,
        Func<IndirectReference, bool> endorsed, HashSet<ChangeKind> changes)
    {
        var old = (signed.Entry<ArrayToken>(before, "Annots")?.Data ?? []).Select(Text).ToHashSet();
        var now = current.Entry<ArrayToken>(after, "Annots")?.Data ?? [];
        if (old.Except(now.Select(Text)).Any())
            changes.Add(ChangeKind.Annotation);
        foreach (var added in now.Where(a => !old.Contains(Text(a))))
        {
            if (current.Resolve(added) is not DictionaryToken annotation || !IsWidget(annotation))
            {
                changes.Add(ChangeKind.Annotation);
                continue;
            }

            var signature = FieldType(current, annotation) == "Sig" ? FieldValue(current, annotation) : null;
            var vouched = added is IndirectReferenceToken reference && endorsed(reference.Data);
            changes.Add(signature is null ? ChangeKind.Appearance
                : current.Entry<NameToken>(signature, "SubFilter")?.Data == SignatureCheck.DocumentTimestampSubFilter && !Visible(annotation)
                    ? ChangeKind.DocumentTimestamp
                    : vouched ? ChangeKind.Signature : ChangeKind.Appearance);
        }
    }

    private static bool IsWidget(DictionaryToken annotation) =>
        annotation.TryGet(PdfObjects.Name("Subtype"), out var subtype) && subtype is NameToken { Data: "Widget" };

    /// <summary>A widget with an area on the page; document timestamps are usually invisible.</summary>
    private static bool Visible(DictionaryToken annotation) =>
        annotation.TryGet(PdfObjects.Name("Rect"), out var rect) && rect is ArrayToken { Data.Count: 4 } box
        && box.Data.OfType<NumericToken>().Select(n => n.Double).ToArray() is [var x1, var y1, var x2, var y2] && x1 != x2 && y1 != y2;

    /// <summary>/FT of the field or of its ancestors (a widget may be a kid of the field).</summary>
    private static string? FieldType(PdfDocument document, DictionaryToken field)
    {
        for (var (node, depth) = (field, 0); node is not null && depth < 32; depth++)
        {
            if (document.Entry<NameToken>(node, "FT") is { } type)
                return type.Data;
            node = document.Entry<DictionaryToken>(node, "Parent")!;
        }

        return null;
    }

    /// <summary>The fully qualified field name (ISO 32000-1 §12.7.3.2): the partial names /T from the root field down.</summary>
    private static string FullName(PdfDocument document, DictionaryToken field)
    {
        var names = new List<string>();
        for (var (node, depth) = (field, 0); node is not null && depth < 32; depth++)
        {
            if (document.Entry<StringToken>(node, "T") is { } name)
                names.Insert(0, name.Data);
            node = document.Entry<DictionaryToken>(node, "Parent")!;
        }

        return string.Join('.', names);
    }

    private static DictionaryToken? FieldValue(PdfDocument document, DictionaryToken field) =>
        document.Entry<DictionaryToken>(field, "V")
        ?? (document.Entry<DictionaryToken>(field, "Parent") is { } parent ? document.Entry<DictionaryToken>(parent, "V") : null);

    private static List<string> KeysChanged(IToken old, IToken changed)
    {
        if (old is not DictionaryToken before || changed is not DictionaryToken after)
            return ["*"];
        return [.. before.Data.Keys.Union(after.Data.Keys)
            .Where(k => !before.Data.TryGetValue(k, out var a) || !after.Data.TryGetValue(k, out var b) || Text(a) != Text(b))];
    }

    private static bool Same(IToken old, IToken changed) =>
        old is StreamToken a && changed is StreamToken b
            ? Text(a.StreamDictionary) == Text(b.StreamDictionary) && a.Data.Span.SequenceEqual(b.Data.Span)
            : old is not StreamToken && changed is not StreamToken && Text(old) == Text(changed);

    private static string Text(IToken token)
    {
        using var output = new MemoryStream();
        TokenWriter.Instance.WriteToken(token, output);
        return Convert.ToBase64String(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>What each object of the signed revision is, so a redefinition can be judged.</summary>
    private sealed class Roles
    {
        public Roles(PdfDocument signed)
        {
            var trailer = signed.Structure.Trailer;
            Catalog = trailer.Root;
            Info = trailer.Info is IndirectReferenceToken info ? info.Data : null;
            var catalog = signed.Dictionary(Catalog);
            Form = catalog.TryGet(PdfObjects.Name("AcroForm"), out var form) && form is IndirectReferenceToken formReference ? formReference.Data : null;
            Metadata = catalog.TryGet(PdfObjects.Name("Metadata"), out var metadata) && metadata is IndirectReferenceToken metadataReference
                ? metadataReference.Data : null;
            foreach (var (reference, page) in signed.Pages())
            {
                Pages.Add(reference);
                var contents = page.TryGet(PdfObjects.Name("Contents"), out var token) ? token : null;
                IEnumerable<IToken> streams = contents is IndirectReferenceToken single && signed.Get(single.Data) is ArrayToken array ? [single, .. array.Data]
                    : contents is ArrayToken inline ? inline.Data : contents is null ? [] : [contents];
                PageContents.UnionWith(streams.OfType<IndirectReferenceToken>().Select(s => s.Data));
            }
        }

        public IndirectReference Catalog { get; }
        public IndirectReference? Info { get; }
        public IndirectReference? Form { get; }

        /// <summary>The catalog's XMP stream, which signing tools update (modification date): nothing shown on a page.</summary>
        public IndirectReference? Metadata { get; }
        public HashSet<IndirectReference> Pages { get; } = [];
        public HashSet<IndirectReference> PageContents { get; } = [];
    }
}
