using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// An outgoing document's search keys follow its searched fields on every write: drafting, a changed summary, signing,
/// numbering at issue. A search compares the keys, so a key left behind would find the document by words it no longer has.
/// </summary>
[TestClass]
public sealed class OutgoingSearchKeysTests
{
    [TestMethod]
    public void Each_write_of_the_summary_the_signer_and_the_number_folds_its_search_key()
    {
        var document = new OutgoingDocument
        {
            Id = Guid.NewGuid(), TypeCode = "QĐ", TypeName = "Quyết định", Subject = "Kế hoạch  TUYỂN SINH", DraftingUnit = "GDTrH",
            Drafter = "chuyenvien", Stage = OutgoingStage.AwaitingSignature, SigningLeader = "phogiamdoc",
        };
        Assert.AreEqual(("ke hoach tuyen sinh", "", ""), (document.SubjectKey, document.NotationKey, document.SignerKey), "drafted");

        document.Subject = "Về việc rà soát thiết bị";
        document.Sign(new Person("phogiamdoc", "Đặng Thị Bình", "BGD") { Position = "Phó Giám đốc" }, new SignerCapacity(SigningCapacity.OnBehalf, "KT. GIÁM ĐỐC"),
            DateTimeOffset.UnixEpoch);
        document.NumberAndNotation = Notation.NumberAndNotation(15, "QĐ-SGDĐT");

        Assert.AreEqual(("ve viec ra soat thiet bi", "15/qd-sgddt", "dang thi binh"), (document.SubjectKey, document.NotationKey, document.SignerKey));
    }

    [TestMethod]
    public void A_key_longer_than_its_column_is_cut_to_it()
    {
        var hangul = new string('한', OutgoingSearchKeys.SubjectLength);

        Assert.AreEqual(OutgoingSearchKeys.SubjectLength, OutgoingSearchKeys.Of(hangul, null, null).Subject.Length, "Hangul decomposes to three letters a syllable");
    }
}
