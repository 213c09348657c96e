using DocBpm.Documents.Files;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Files;

/// <summary>Article 3 of the regulation: the accepted formats, recognised by content, never by name.</summary>
[TestClass]
public sealed class FileIntakeTests
{
    private const long Limit = 1024 * 1024;

    public static IEnumerable<object[]> AcceptedFiles =>
    [
        ["quyet-dinh.pdf", Samples.Pdf(), "application/pdf"],
        ["du-thao.doc", Samples.Doc(), "application/msword"],
        ["du-thao.docx", Samples.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["du-thao.odt", Samples.Odt(), "application/vnd.oasis.opendocument.text"],
        ["ghi-chu.txt", Samples.Text(), "text/plain"],
        ["to-trinh.rtf", Samples.Rtf(), "application/rtf"],
        ["bang-tinh.xls", Samples.Xls(), "application/vnd.ms-excel"],
        ["bang-tinh.xlsx", Samples.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["bang-tinh.ods", Samples.Ods(), "application/vnd.oasis.opendocument.spreadsheet"],
        ["danh-sach.csv", Samples.Csv(), "text/csv"],
        ["anh.jpg", Samples.Jpeg(), "image/jpeg"],
        ["anh.png", Samples.Png(), "image/png"],
        ["ban-quet.tif", Samples.Tiff(), "image/tiff"],
        ["bieu-do.gif", Samples.Gif(), "image/gif"],
    ];

    [TestMethod]
    [DynamicData(nameof(AcceptedFiles))]
    public void Article3_format_is_detected_from_the_content_and_its_type_stored(string name, byte[] content, string expectedType)
    {
        var undeclared = FileIntake.Check(name, null, content, Limit);
        var unnamed = FileIntake.Check("tep-khong-duoi", "application/octet-stream", content, Limit);

        Assert.AreEqual(expectedType, undeclared.ContentType);
        Assert.AreEqual(undeclared.Format, unnamed.Format, "the name plays no part in recognising the format");
    }

    [TestMethod]
    public void Article3_a_program_renamed_to_pdf_is_refused()
    {
        var refused = Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("quyet-dinh.pdf", "application/pdf", Samples.Executable(), Limit));

        Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "không thuộc định dạng được chấp nhận");
    }

    [TestMethod]
    public void A_pdf_named_docx_is_refused_as_a_mismatch()
    {
        var refused = Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("du-thao.docx", null, Samples.Pdf(), Limit));

        StringAssert.Contains(refused.DetailVi, "có đuôi .docx nhưng nội dung là PDF");
    }

    [TestMethod]
    public void A_word_file_declared_as_pdf_is_refused_as_a_mismatch()
    {
        var refused = Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("du-thao", "application/pdf", Samples.Docx(), Limit));

        StringAssert.Contains(refused.DetailVi, "được khai báo là application/pdf nhưng nội dung là Word");
    }

    [TestMethod]
    public void A_zip_that_is_no_office_document_and_text_that_is_not_utf8_are_refused()
    {
        Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("ho-so.zip", null, Samples.PlainZip(), Limit));
        Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("ghi-chu.txt", "text/plain", Samples.Latin1Text(), Limit));
    }

    [TestMethod]
    public void A_file_over_the_size_limit_or_empty_is_refused()
    {
        var tooLarge = Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("quyet-dinh.pdf", null, Samples.Pdf(), 100));
        var empty = Assert.ThrowsExactly<FileRefusedException>(() => FileIntake.Check("quyet-dinh.pdf", null, [], Limit));

        Assert.AreEqual(RefusalKind.TooLarge, tooLarge.Kind);
        StringAssert.Contains(tooLarge.DetailVi, "vượt quá giới hạn");
        StringAssert.Contains(empty.DetailVi, "rỗng");
    }

    [TestMethod]
    public void TCVN6909_file_names_are_stored_in_unicode_NFC_without_folders()
    {
        var decomposed = "C:\\Users\\vanthu\\Quye\u0302\u0301t \u0111i\u0323nh so\u0302\u0301 12.pdf";

        var accepted = FileIntake.Check(decomposed, "application/pdf; charset=binary", Samples.Pdf(), Limit);

        Assert.AreEqual("Quyết định số 12.pdf", accepted.Name);
        Assert.IsTrue(accepted.Name.IsNormalized(System.Text.NormalizationForm.FormC));
    }
}
