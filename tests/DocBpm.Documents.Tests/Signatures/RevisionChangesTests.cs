using DocBpm.Documents.Signatures;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// The change-after-signing classifier on its own (Article 4 with ISO 32000-1 §7.5.6): each kind of later update is
/// named for what a reader would notice, so that the verifier can allow metadata and validation data and refuse the rest.
/// </summary>
[TestClass]
public sealed class RevisionChangesTests
{
    private static readonly byte[] Letter = TestDocuments.OfficialLetter();
    private static readonly (string, IToken) Widget = ("Subtype", NameToken.Create("Widget"));

    private static void AssertChanges(byte[] signed, Action<PdfDocument, IncrementalUpdate> change, params ChangeKind[] expected) =>
        AssertKinds(Changes(signed, Tampering.Update(signed, change), _ => false), expected);

    private static RevisionDiff Changes(byte[] signed, byte[] current, Func<long, bool> endorsed)
    {
        using var before = PdfDocument.Open(signed);
        using var after = PdfDocument.Open(current);
        return RevisionChanges.Find(before, after, endorsed);
    }

    private static void AssertKinds(RevisionDiff diff, params ChangeKind[] expected) =>
        Assert.IsTrue(diff.Kinds.SetEquals(expected), $"expected [{string.Join(", ", expected)}], found [{string.Join(", ", diff.Kinds)}]");

    /// <summary>The letter with objects added in an update, built knowing all their references (a field and its parent refer to each other).</summary>
    private static (byte[] Pdf, IndirectReference[] Objects) WithObjects(int count, Func<IndirectReference[], IToken[]> build)
    {
        IndirectReference[] references = [];
        var pdf = Tampering.Update(Letter, (_, update) =>
        {
            references = [.. Enumerable.Range(0, count).Select(_ => update.Allocate())];
            foreach (var (reference, value) in references.Zip(build(references)))
                update.Set(reference, value);
        });
        return (pdf, references);
    }

    private static byte[] Redefine(byte[] pdf, IndirectReference reference, Func<IToken, IToken> change) =>
        Tampering.Update(pdf, (document, update) => update.Set(reference, change(document.Get(reference))));

    private static byte[] RedefineField(byte[] pdf, IndirectReference reference, Func<DictionaryToken, DictionaryToken> change) =>
        Redefine(pdf, reference, token => change((DictionaryToken)token));

    private static DictionaryToken Dict(params (string Key, IToken Value)[] entries) => new(entries.ToDictionary(e => NameToken.Create(e.Key), e => e.Value));

    private static StringToken Literal(string text) => new(text, StringToken.Encoding.Iso88591);

    private static IndirectReferenceToken Ref(IndirectReference reference) => new(reference);

    private static ArrayToken Numbers(params int[] numbers) => new([.. numbers.Select(n => new NumericToken(n))]);

    private static void SetCatalog(PdfDocument document, IncrementalUpdate update, string key, IToken value) =>
        update.Set(document.Structure.Trailer.Root, document.Dictionary(document.Structure.Trailer.Root).With(key, value));

    private static void SetFirstPage(PdfDocument document, IncrementalUpdate update, string key, IToken value)
    {
        var (reference, page) = document.Pages()[0];
        update.Set(reference, page.With(key, value));
    }

    private static (IndirectReference Reference, DictionaryToken Value) Form(PdfDocument document)
    {
        var reference = ((IndirectReferenceToken)document.Dictionary(document.Structure.Trailer.Root).Data["AcroForm"]).Data;
        return (reference, document.Dictionary(reference));
    }

    private static (IndirectReference Reference, DictionaryToken Value) FirstAnnotation(PdfDocument document)
    {
        var reference = ((IndirectReferenceToken)((ArrayToken)document.Resolve(document.Pages()[0].Page.Data["Annots"])).Data[0]).Data;
        return (reference, document.Dictionary(reference));
    }

    [TestMethod]
    public void Article4_an_object_written_again_unchanged_is_no_change() =>
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "Type", NameToken.Create("Catalog")));

    [TestMethod]
    public void Article4_rewriting_the_document_information_dictionary_is_a_metadata_change() =>
        AssertChanges(Letter, (document, update) =>
        {
            var info = ((IndirectReferenceToken)document.Structure.Trailer.Info!).Data;
            update.Set(info, document.Dictionary(info).With("Producer", new StringToken("Công cụ khác", StringToken.Encoding.Utf16BE)));
        }, ChangeKind.Metadata);

    [TestMethod]
    public void Article4_adding_XMP_metadata_and_a_security_store_through_the_catalog_are_named_as_such()
    {
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "Metadata", new IndirectReferenceToken(update.Allocate())), ChangeKind.Metadata);
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "DSS", new DictionaryToken(new Dictionary<NameToken, IToken>())),
            ChangeKind.SecurityStore);
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "AcroForm", new DictionaryToken(new Dictionary<NameToken, IToken>())));
    }

    [TestMethod]
    public void Article4_a_catalog_entry_signing_never_writes_such_as_an_open_action_is_an_object_replaced() =>
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "OpenAction", new ArrayToken([])), ChangeKind.ObjectReplaced);

    [TestMethod]
    public void Article4_rotating_a_page_after_signing_is_a_page_content_change() =>
        AssertChanges(Letter, (document, update) => SetFirstPage(document, update, "Rotate", new NumericToken(90)), ChangeKind.PageContent);

    [TestMethod]
    public void Article4_reordering_the_pages_changes_the_page_tree_and_the_page_list() =>
        AssertChanges(Letter, (document, update) =>
        {
            var root = ((IndirectReferenceToken)document.Dictionary(document.Structure.Trailer.Root).Data["Pages"]).Data;
            var pages = document.Dictionary(root);
            update.Set(root, pages.With("Kids", new ArrayToken([.. ((ArrayToken)document.Resolve(pages.Data["Kids"])).Data.Reverse()])));
        }, ChangeKind.ObjectReplaced, ChangeKind.PageContent);

    [TestMethod]
    public void Article4_an_annotation_added_to_a_page_is_an_annotation_not_a_page_change() =>
        AssertChanges(Letter, (document, update) =>
        {
            var note = update.Allocate();
            update.Set(note, new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Subtype")] = NameToken.Create("Text") }));
            SetFirstPage(document, update, "Annots", new ArrayToken([new IndirectReferenceToken(note)]));
        }, ChangeKind.Annotation);

    [TestMethod]
    public void Article4_an_annotation_removed_or_edited_after_signing_is_an_annotation_change()
    {
        var annotated = Tampering.TextBoxOnFirstPage(Letter);

        AssertChanges(annotated, (document, update) => SetFirstPage(document, update, "Annots", new ArrayToken([])), ChangeKind.Annotation);
        AssertChanges(annotated, (document, update) =>
        {
            var (reference, note) = FirstAnnotation(document);
            update.Set(reference, note.With("Contents", new StringToken("DA DUYET", StringToken.Encoding.Iso88591)));
        }, ChangeKind.Annotation);
    }

    [TestMethod]
    public void Article4_a_field_whose_value_changes_is_form_filling_and_one_only_redrawn_is_an_appearance_change()
    {
        var form = Tampering.OverlayWidgetOnFirstPage(Letter, "Le phi: 100.000 VND");

        AssertChanges(form, (document, update) =>
        {
            var (reference, field) = FirstAnnotation(document);
            update.Set(reference, field.With("V", new StringToken("Le phi: 200.000 VND", StringToken.Encoding.Iso88591)));
        }, ChangeKind.FormFilling);
        AssertChanges(form, (document, update) =>
        {
            var (reference, field) = FirstAnnotation(document);
            update.Set(reference, field.With("AP", new DictionaryToken(new Dictionary<NameToken, IToken>())));
        }, ChangeKind.Appearance);
    }

    [TestMethod]
    public async Task Article4_the_form_may_gain_signature_fields_but_not_regenerated_appearances_or_other_entries()
    {
        var signed = await new PdfSigner(Microsoft.Extensions.Options.Options.Create(TestPki.Instance.Options()),
                new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPki.SigningTime))
            .SignAsync(Letter, TestPki.Instance.Director.SigningKey, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);

        AssertChanges(signed, (document, update) => update.Set(Form(document).Reference, Form(document).Value.With("DA", new StringToken("/Helv 0 Tf 0 g"))));
        AssertChanges(signed, (document, update) => update.Set(Form(document).Reference, Form(document).Value.With("NeedAppearances", BooleanToken.True)),
            ChangeKind.Appearance);
        AssertChanges(signed, (document, update) => update.Set(Form(document).Reference, Form(document).Value.With("XFA", new ArrayToken([]))),
            ChangeKind.ObjectReplaced);
        AssertChanges(signed, (document, update) => update.Set(Form(document).Reference, Form(document).Value
            .With("Fields", new ArrayToken([])).With("SigFlags", new NumericToken(1)).With("DR", Dict(("Font", Dict())))));
    }

    [TestMethod]
    public void Article4_the_catalog_may_declare_developer_extensions_as_PAdES_signing_tools_do() =>
        AssertChanges(Letter, (document, update) => SetCatalog(document, update, "Extensions",
            Dict(("ESIC", Dict(("BaseVersion", NameToken.Create("1.7")), ("ExtensionLevel", new NumericToken(2)))))));

    [TestMethod]
    public void Article4_the_XMP_stream_redefined_in_place_is_a_metadata_change()
    {
        var described = Tampering.WriteMetadata(Letter, "2026-11-24T16:00:00+07:00");

        AssertKinds(Changes(described, Tampering.WriteMetadata(described, "2026-11-25T10:00:00+07:00"), _ => false), ChangeKind.Metadata);
    }

    [TestMethod]
    public void Article4_a_content_stream_redefined_with_the_same_dictionary_but_other_bytes_is_a_page_content_change() =>
        AssertChanges(Letter, (document, update) =>
        {
            var (reference, stream) = FirstContentStream(document);
            var bytes = stream.Data.ToArray();
            bytes[^1] ^= 1;
            update.Set(reference, new StreamToken(stream.StreamDictionary, bytes));
        }, ChangeKind.PageContent);

    [TestMethod]
    public void Article4_a_content_stream_written_again_byte_for_byte_is_no_change() =>
        AssertChanges(Letter, (document, update) =>
        {
            var (reference, stream) = FirstContentStream(document);
            update.Set(reference, stream);
        });

    [TestMethod]
    public void Article4_an_array_of_the_signed_revision_may_grow_at_its_end_but_not_lose_or_change_an_element()
    {
        var (signed, objects) = WithObjects(1, _ => [Numbers(1, 2)]);

        AssertKinds(Changes(signed, Redefine(signed, objects[0], _ => Numbers(1, 2, 3)), _ => false));
        AssertKinds(Changes(signed, Redefine(signed, objects[0], _ => Numbers(1, 3)), _ => false), ChangeKind.ObjectReplaced);
        AssertKinds(Changes(signed, Redefine(signed, objects[0], _ => Numbers(1)), _ => false), ChangeKind.ObjectReplaced);
    }

    [TestMethod]
    public void Article4_ticking_a_check_box_changes_its_appearance_state_and_appearance_and_is_form_filling()
    {
        var (signed, objects) = WithObjects(1, _ => [Dict(Widget, ("FT", NameToken.Create("Btn")), ("T", Literal("agree")), ("AS", NameToken.Create("Off")))]);

        var diff = Changes(signed, RedefineField(signed, objects[0], box => box.With("AS", NameToken.Create("Yes")).With("AP", Dict())), _ => false);

        AssertKinds(diff, ChangeKind.FormFilling);
        Assert.AreEqual("agree", diff.Fields.Single());
    }

    [TestMethod]
    public void Article4_filling_a_field_kept_apart_from_its_widgets_is_form_filling_at_the_field_holding_FT_and_at_its_kid_field()
    {
        var (signed, objects) = WithObjects(2, r => [
            Dict(("FT", NameToken.Create("Tx")), ("T", Literal("fee")), ("V", Literal("100")), ("Kids", new ArrayToken([Ref(r[1])]))),
            Dict(("Parent", Ref(r[0])), ("T", Literal("amount")), ("V", Literal("100")))]);

        foreach (var (field, name) in new[] { (objects[0], "fee"), (objects[1], "fee.amount") })
        {
            var diff = Changes(signed, RedefineField(signed, field, f => f.With("V", Literal("200"))), _ => false);

            AssertKinds(diff, ChangeKind.FormFilling);
            Assert.AreEqual(name, diff.Fields.Single());
        }
    }

    [TestMethod]
    public void Article4_a_widget_redrawn_under_the_signature_field_holding_its_FT_is_a_signature_only_when_a_later_signature_vouches_for_it()
    {
        var (signed, objects) = WithObjects(2, r => [
            Dict(("FT", NameToken.Create("Sig")), ("T", Literal("approver")), ("Kids", new ArrayToken([Ref(r[1])]))),
            Dict(Widget, ("Parent", Ref(r[0])), ("Rect", Numbers(0, 0, 0, 0)))]);
        var redrawn = RedefineField(signed, objects[1], widget => widget.With("AP", Dict(("N", Dict()))));
        bool LaterRevision(long offset) => offset >= signed.Length;

        var vouched = Changes(signed, redrawn, LaterRevision);
        AssertKinds(vouched, ChangeKind.Signature);
        Assert.AreEqual("approver", vouched.Fields.Single());
        AssertKinds(Changes(signed, redrawn, _ => false), ChangeKind.Appearance);
        AssertKinds(Changes(signed, RedefineField(redrawn, objects[1], widget => widget.With("Rect", Numbers(50, 700, 450, 780))), LaterRevision),
            ChangeKind.Appearance);
    }

    [TestMethod]
    public void Article4_an_invisible_widget_added_under_a_field_holding_a_document_timestamp_is_a_document_timestamp() =>
        AssertChanges(Letter, (document, update) =>
        {
            var (field, widget) = (update.Allocate(), update.Allocate());
            var value = Dict(("Type", NameToken.Create("DocTimeStamp")), ("SubFilter", NameToken.Create(SignatureCheck.DocumentTimestampSubFilter)));
            update.Set(field, Dict(("FT", NameToken.Create("Sig")), ("T", Literal("timestamp")), ("V", value), ("Kids", new ArrayToken([Ref(widget)]))));
            update.Set(widget, Dict(Widget, ("Parent", Ref(field)), ("Rect", Numbers(0, 0, 0, 0))));
            SetFirstPage(document, update, "Annots", new ArrayToken([Ref(widget)]));
        }, ChangeKind.DocumentTimestamp);

    [TestMethod]
    public void Article4_a_field_whose_parent_chain_is_a_cycle_is_read_to_32_levels_and_still_classified()
    {
        var (signed, objects) = WithObjects(2, r => [
            Dict(Widget, ("Parent", Ref(r[1])), ("T", Literal("a")), ("V", Literal("100"))),
            Dict(("Parent", Ref(r[0])), ("T", Literal("b")))]);

        var diff = Changes(signed, RedefineField(signed, objects[0], field => field.With("V", Literal("200"))), _ => false);

        AssertKinds(diff, ChangeKind.FormFilling);
        Assert.AreEqual(string.Join('.', Enumerable.Repeat("b.a", 16)), diff.Fields.Single());
    }

    [TestMethod]
    public void Article4_a_parent_chain_deeper_than_32_levels_is_read_to_its_32nd_level_only()
    {
        // The signature type sits at the 33rd level, out of reach: the field is judged as one of unknown type.
        var (signed, objects) = WithObjects(33, r => [.. r.Select((_, level) => level < 32
            ? Dict(("T", Literal($"n{level}")), ("Parent", Ref(r[level + 1])))
            : Dict(("T", Literal($"n{level}")), ("FT", NameToken.Create("Sig"))))]);

        var diff = Changes(signed, RedefineField(signed, objects[0], field => field.With("V", Literal("200"))), _ => false);

        AssertKinds(diff, ChangeKind.FormFilling);
        Assert.AreEqual(string.Join('.', Enumerable.Range(0, 32).Reverse().Select(level => $"n{level}")), diff.Fields.Single());
    }

    [TestMethod]
    public void Article4_a_signature_field_signed_in_an_object_stream_is_vouched_for_by_the_signature_covering_that_stream()
    {
        var (signed, objects) = WithObjects(1, _ => [Dict(Widget, ("FT", NameToken.Create("Sig")), ("T", Literal("approver")), ("Rect", Numbers(0, 0, 0, 0)))]);
        using var document = PdfDocument.Open(signed);
        var value = Dict(("Type", NameToken.Create("Sig")), ("SubFilter", NameToken.Create("ETSI.CAdES.detached")));
        var current = Tampering.UpdateInObjectStream(signed, (objects[0], document.Dictionary(objects[0]).With("V", value)));

        var vouched = Changes(signed, current, offset => offset >= signed.Length);
        AssertKinds(vouched, ChangeKind.Signature);
        Assert.AreEqual("approver", vouched.Fields.Single());
        AssertKinds(Changes(signed, current, offset => offset < signed.Length), ChangeKind.Appearance);
    }

    private static (IndirectReference Reference, StreamToken Stream) FirstContentStream(PdfDocument document)
    {
        var reference = ((IndirectReferenceToken)document.Pages()[0].Page.Data["Contents"]).Data;
        return (reference, (StreamToken)document.Get(reference));
    }
}
