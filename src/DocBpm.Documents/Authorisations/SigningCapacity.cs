namespace DocBpm.Documents.Authorisations;

/// <summary>Thẩm quyền ký (NĐ30 Art. 13): in whose name the signer signs, printed before the title in the signature block.</summary>
public enum SigningCapacity
{
    /// <summary>The head of the agency signs in his own name: no prefix (Art. 13.1a).</summary>
    Head,

    /// <summary>KT. (ký thay): a deputy signs for the head (Art. 13.1a).</summary>
    OnBehalf,

    /// <summary>TL. (thừa lệnh): a unit head signs by order of the head, for the types the head assigns (Art. 13.3).</summary>
    ByOrder,

    /// <summary>TUQ. (thừa ủy quyền): signs by a written, time-limited authorisation of the head (Art. 13.4).</summary>
    Authorised,

    /// <summary>TM. (thay mặt): signs on behalf of the collective (Art. 13.2).</summary>
    Collective,
}

/// <summary>The capacity a signature is made in, as printed and registered.</summary>
/// <param name="Competence">The line above the title, e.g. "KT. GIÁM ĐỐC"; null when the head signs in his own name.</param>
/// <param name="AuthorisationId">The Director's authorisation that allows it, for TL., TUQ. and TM.</param>
/// <param name="AuthorisationReference">The authorising decision (TUQ.), e.g. "Quyết định số 12/QĐ-SGDĐT ngày 02/01/2026".</param>
public sealed record SignerCapacity(SigningCapacity Capacity, string? Competence, Guid? AuthorisationId = null, string? AuthorisationReference = null)
{
    public static string Prefix(SigningCapacity capacity) => capacity switch
    {
        SigningCapacity.OnBehalf => "KT.",
        SigningCapacity.ByOrder => "TL.",
        SigningCapacity.Authorised => "TUQ.",
        SigningCapacity.Collective => "TM.",
        _ => "",
    };

    /// <summary>What a person reads: "KT. (ký thay)" …</summary>
    public static string Describe(SigningCapacity capacity) => capacity switch
    {
        SigningCapacity.OnBehalf => "KT. (ký thay)",
        SigningCapacity.ByOrder => "TL. (thừa lệnh)",
        SigningCapacity.Authorised => "TUQ. (thừa ủy quyền)",
        SigningCapacity.Collective => "TM. (thay mặt tập thể)",
        _ => "Giám đốc ký",
    };

    /// <summary>The signature block's authority text: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (NĐ30 Phụ lục I, item 7a).</summary>
    public static string? Block(string? competence, string? position) =>
        competence is null ? null : string.IsNullOrWhiteSpace(position) ? competence : $"{competence} / {position.ToUpperInvariant()}";
}
