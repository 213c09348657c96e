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

    /// <summary>Địa danh printed before the date, e.g. Lạng Sơn.</summary>
    public string Place { get; set; } = "Lạng Sơn";

    /// <summary>
    /// The key (Signatures:Keys) of the agency signature the clerk applies when issuing. A leader's personal key is
    /// configured under the leader's user name.
    /// </summary>
    public string AgencyKeyId { get; set; } = "agency";

    /// <summary>How long before the Article 6.2 issue deadline the clerk and the office chief are warned (working time).</summary>
    public TimeSpan EscalationLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An urgent document is sent right after signing (Article 6.2); after this much working time the warning goes out.</summary>
    public TimeSpan UrgentEscalationAfter { get; set; } = TimeSpan.FromHours(1);
}
