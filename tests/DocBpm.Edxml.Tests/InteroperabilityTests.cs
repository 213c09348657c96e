namespace DocBpm.Edxml.Tests;

/// <summary>Issue 21: liberal in what DocBpm reads, each accepted variant a named case of the hand-written corpus.</summary>
[TestClass]
public sealed class InteroperabilityTests
{
    private static EdxmlReadResult<EdxmlPackage> Corpus(string name) =>
        EdxmlReader.ReadPackage(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", name)));

    [TestMethod]
    public void Dates_written_dd_MM_yyyy_or_ISO_are_read_and_written_back_as_yyyy_MM_dd()
    {
        var read = Corpus("other-system-new.xml");

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        Assert.AreEqual(new DateOnly(2026, 12, 1), read.Value!.Header.PromulgationDate);
        Assert.AreEqual(new DateOnly(2026, 12, 15), read.Value.Header.DueDate);
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(EdxmlWriter.Write(read.Value)), "<edXML:PromulgationDate>2026/12/01</edXML:PromulgationDate>");
    }

    [TestMethod]
    public void Signer_name_and_type_name_that_other_systems_leave_empty_are_not_required()
    {
        var header = Corpus("other-system-new.xml").Value!.Header;

        Assert.AreEqual("", header.Signer.FullName);
        Assert.AreEqual("", header.DocumentType.TypeName);
    }

    [TestMethod]
    public void The_business_DocumentId_of_a_new_document_is_informative_even_a_placeholder_with_an_impossible_date()
    {
        var read = Corpus("other-system-new.xml");

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        Assert.AreEqual("000.00.00.H37,2014/02/30,1/placeholder", read.Value!.Business.DocumentId);
        Assert.IsNull(read.Value.Business.CorrectedDocumentId, "a new document corrects nothing");
    }

    [TestMethod]
    public void A_date_in_no_accepted_form_is_still_refused_naming_the_forms()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "other-system-new.xml"))
            .Replace("01/12/2026", "1 tháng 12 năm 2026", StringComparison.Ordinal);

        var read = EdxmlReader.ReadPackage(System.Text.Encoding.UTF8.GetBytes(xml));

        StringAssert.Contains(read.Problems.Single().MessageVi, "yyyy/MM/dd, dd/MM/yyyy hoặc yyyy-MM-dd");
    }

    [TestMethod]
    public void A_package_marked_secret_shows_its_mark_for_the_intake_to_refuse()
    {
        Assert.AreEqual("Tuyệt mật", new EdxmlOtherInfo(EdxmlPriority.Normal, SecurityLevel: "tuyệt mật").SecretMark);
        Assert.AreEqual("Mật", new EdxmlOtherInfo(EdxmlPriority.Normal, SphereOfPromulgation: "Mật").SecretMark);
        Assert.IsNull(new EdxmlOtherInfo(EdxmlPriority.Normal, SphereOfPromulgation: "Lưu hành nội bộ").SecretMark);
    }

    [TestMethod]
    public void The_content_hash_ignores_the_trace_but_not_the_files()
    {
        var package = Corpus("other-system-new.xml").Value!;
        var restamped = package with { Traces = [new EdxmlTrace("000.00.00.H37", Vietnam.At(2026, 12, 2, 8, 0))] };
        var otherFile = package with { Attachments = [package.Attachments[0] with { Content = "%PDF-1.7 khác"u8.ToArray() }] };

        Assert.AreEqual(EdxmlContentHash.Of(package), EdxmlContentHash.Of(restamped));
        Assert.AreNotEqual(EdxmlContentHash.Of(package), EdxmlContentHash.Of(otherFile));
    }
}
