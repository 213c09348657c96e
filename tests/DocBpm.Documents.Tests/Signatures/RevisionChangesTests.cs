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

    private static void AssertChanges(byte[] signed, Action<PdfDocument, IncrementalUpdate> change, params ChangeKind[] expected)
    {
        using var before = PdfDocument.Open(signed);
        using var after = PdfDocument.Open(Tampering.Update(signed, change));

        var found = RevisionChanges.Find(before, after, _ => false).Kinds;

        Assert.IsTrue(found.SetEquals(expected), $"expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
    }

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
    }
}
