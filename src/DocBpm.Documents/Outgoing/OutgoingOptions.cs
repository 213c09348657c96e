using DocBpm.Documents.Incoming;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// The issuing agency as its documents print it (configuration section <c>Outgoing</c>). The abbreviation is set by the
/// competent authority, so it is configuration, never a constant.
/// </summary>
public sealed class OutgoingOptions
{
    public const string Section = "Outgoing";

    /// <summary>Chữ viết tắt tên cơ quan, e.g. SGDĐT.</summary>
    public string AgencyAbbreviation { get; set; } = "SGDĐT";

    /// <summary>The head's title in a signature block's authority line: "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC" (NĐ30 Art. 13).</summary>
    public string HeadTitle { get; set; } = "GIÁM ĐỐC";

    /// <summary>The collective a TM. signature speaks for (NĐ30 Art. 13.2), as printed: "TM. HỘI ĐỒNG".</summary>
    public string CollectiveTitle { get; set; } = "HỘI ĐỒNG";

    /// <summary>Địa danh printed before the date, e.g. Lạng Sơn.</summary>
    public string Place { get; set; } = "Lạng Sơn";

    /// <summary>
    /// The key (Signatures:Keys) of the agency signature the clerk applies when issuing. A leader's personal key is
    /// configured under the leader's user name.
    /// </summary>
    public string AgencyKeyId { get; set; } = "agency";

    /// <summary>How long before the Article 6.2 issue deadline the clerk and the office chief are warned (working time).</summary>
    public TimeSpan EscalationLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A Hỏa tốc document is issued within this many clock hours of its signature (Article 6.2).</summary>
    public TimeSpan FlashIssueWithin { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A Thượng khẩn document is issued within this many clock hours of its signature (Article 6.2).</summary>
    public TimeSpan ImmediateIssueWithin { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A Khẩn document is issued within this many clock hours of its signature (Article 6.2).</summary>
    public TimeSpan UrgentIssueWithin { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The clock time an urgent document has from its signature to its issue; none for an ordinary one.</summary>
    public TimeSpan? IssueWithin(Urgency urgency) => urgency switch
    {
        Urgency.Flash => FlashIssueWithin,
        Urgency.Immediate => ImmediateIssueWithin,
        Urgency.Urgent => UrgentIssueWithin,
        _ => null,
    };
}
