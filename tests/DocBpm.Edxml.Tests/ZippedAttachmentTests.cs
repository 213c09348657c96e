namespace DocBpm.Edxml.Tests;

/// <summary>
/// Issue 21 and 16: a zipped attachment is unzipped within bounds; whatever could write outside the folder, hide its
/// content or unzip without bound refuses the package with a reason naming the entry.
/// </summary>
[TestClass]
public sealed class ZippedAttachmentTests
{
    private static readonly byte[] Pdf = "%PDF-1.7 van ban"u8.ToArray();

    private static string Refusal(EdxmlAttachment attachment, ArchiveLimits? limits = null)
    {
        var result = ZippedAttachments.Expand([attachment], limits);
        Assert.IsFalse(result.IsValid);
        return string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.MessageVi}"));
    }

    [TestMethod]
    public void A_zip_named_zip_but_declared_octet_stream_is_unzipped_too_and_other_files_pass_untouched()
    {
        var zip = ZipTestFiles.Attachment(ZipTestFiles.Zip(("a.pdf", Pdf))) with { ContentType = "application/octet-stream" };
        var pdf = new EdxmlAttachment("p", "b.pdf", "application/pdf", Pdf);

        var result = ZippedAttachments.Expand([zip, pdf]);

        CollectionAssert.AreEqual(new[] { "a.pdf", "b.pdf" }, result.Value!.Select(a => a.Name).ToArray());
    }

    [TestMethod]
    public void A_Word_file_declared_as_application_zip_is_the_file_itself_not_unzipped_into_its_parts()
    {
        var docx = ZipTestFiles.Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));

        var result = ZippedAttachments.Expand([ZipTestFiles.Attachment(docx, "bao-cao.docx")]);

        Assert.AreEqual("bao-cao.docx", result.Value!.Single().Name);
        CollectionAssert.AreEqual(docx, result.Value!.Single().Content);
    }

    [TestMethod]
    public void Zip_bomb_compressing_more_than_100_to_1_is_refused()
    {
        var bomb = ZipTestFiles.Zip(("bom.pdf", new byte[10 * 1024 * 1024]));

        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(bomb)), "ho-so.zip/bom.pdf: tỷ lệ nén vượt quá 100:1");
    }

    [TestMethod]
    [DataRow("../../etc/cron.d/x.pdf")]
    [DataRow("/var/www/x.pdf")]
    [DataRow("..\\..\\windows\\x.pdf")]
    [DataRow("C:/x.pdf")]
    public void Zip_entry_whose_path_leads_outside_the_folder_is_refused(string path)
    {
        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(ZipTestFiles.Zip((path, Pdf)))), "path traversal");
    }

    [TestMethod]
    public void Zip_entry_with_a_password_is_refused_since_its_content_cannot_be_checked()
    {
        var encrypted = ZipTestFiles.MarkedEncrypted(ZipTestFiles.Zip(("mat.pdf", Pdf)));

        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(encrypted)), "được đặt mật khẩu");
    }

    [TestMethod]
    public void Zip_inside_a_zip_inside_a_zip_is_refused_beyond_two_levels()
    {
        var inner = ZipTestFiles.Zip(("a.pdf", Pdf));
        var twoLevels = ZipTestFiles.Zip(("inner.zip", inner));
        var threeLevels = ZipTestFiles.Zip(("middle.zip", twoLevels));

        Assert.AreEqual("a.pdf", ZippedAttachments.Expand([ZipTestFiles.Attachment(twoLevels)]).Value!.Single().Name);
        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(threeLevels)), "lồng nhau quá 2 cấp");
    }

    [TestMethod]
    public void Zip_with_more_entries_than_allowed_is_refused()
    {
        var many = ZipTestFiles.Zip([.. Enumerable.Range(1, 4).Select(i => ($"{i}.pdf", Pdf))]);

        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(many), ArchiveLimits.Default with { MaxEntries = 3 }), "chứa quá 3 tệp");
    }

    [TestMethod]
    public void Zip_unzipping_past_the_total_size_is_refused()
    {
        var zip = ZipTestFiles.Zip(("a.pdf", Pdf), ("b.pdf", Pdf));

        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(zip), ArchiveLimits.Default with { MaxTotalBytes = Pdf.Length + 1 }), "b.pdf: tệp nén giải ra vượt quá");
    }

    [TestMethod]
    public void Damaged_or_empty_zip_is_refused()
    {
        StringAssert.Contains(Refusal(ZipTestFiles.Attachment("PK không phải zip"u8.ToArray())), "tệp nén bị hỏng");
        StringAssert.Contains(Refusal(ZipTestFiles.Attachment(ZipTestFiles.Zip())), "không chứa tệp nào");
    }
}
