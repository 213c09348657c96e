using System.Text;
using DocBpm.Documents.Text;

namespace DocBpm.Documents.Tests.Text;

[TestClass]
public sealed class VietnameseTextTests
{
    private const string Decomposed = "Quye\u0302\u0301t \u0111i\u0323nh";

    [TestMethod]
    public void TCVN6909_text_typed_decomposed_is_stored_precomposed_and_equals_the_same_word()
    {
        var normalized = VietnameseText.Normalize("  " + Decomposed + "\u0007 \r\n");

        Assert.AreEqual("Quyết định", normalized);
        Assert.IsTrue(normalized!.IsNormalized(NormalizationForm.FormC));
        Assert.IsNull(VietnameseText.Normalize(null));
    }

    [TestMethod]
    public void Search_finds_a_subject_typed_without_diacritics_or_with_other_spacing_and_case()
    {
        Assert.AreEqual("quyet dinh so 12", VietnameseText.SearchKey("QUYẾT  ĐỊNH\tsố 12"));
        Assert.AreEqual(VietnameseText.SearchKey("Quyết định"), VietnameseText.SearchKey(Decomposed));
        Assert.AreEqual("so giao duc va dao tao lang son", VietnameseText.SearchKey("Sở Giáo dục và Đào tạo Lạng Sơn"));
    }
}
