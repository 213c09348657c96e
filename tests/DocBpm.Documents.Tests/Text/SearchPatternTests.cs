using DocBpm.Documents.Text;

namespace DocBpm.Documents.Tests.Text;

[TestClass]
public sealed class SearchPatternTests
{
    [TestMethod]
    public void Typed_text_is_folded_and_its_pattern_characters_are_escaped_so_they_match_only_themselves()
    {
        Assert.AreEqual("%ke hoach%", SearchPattern.Containing("KẾ  HOẠCH"));
        Assert.AreEqual(@"%50\% a\_b \\ \[x]%", SearchPattern.Containing(@"50% a_b \ [x]"));
    }
}
