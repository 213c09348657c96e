namespace DocBpm.Documents.Signatures;

/// <summary>What the admin configures for signing and verifying (configuration section <c>Signatures</c>).</summary>
public sealed class SignatureOptions
{
    public const string Section = "Signatures";

    /// <summary>PKCS#12 files by key id: the agency key and the keys of people who sign on the server.</summary>
    public Dictionary<string, Pkcs12KeyOptions> Keys { get; init; } = [];

    /// <summary>Certificate files (DER or PEM) of the roots a signer's chain must reach, e.g. the Ban Cơ yếu root.</summary>
    public List<string> TrustAnchors { get; init; } = [];

    /// <summary>
    /// Certificate files of the roots a timestamp authority's chain must reach; empty: <see cref="TrustAnchors"/>. A token
    /// from any other authority is no proof of time.
    /// </summary>
    public List<string> TimestampTrustAnchors { get; init; } = [];

    /// <summary>Intermediate CA certificate files, for signatures whose CMS does not carry the whole chain.</summary>
    public List<string> IntermediateCertificates { get; init; } = [];

    /// <summary>CRL files downloaded by the admin; the verifier makes no network calls.</summary>
    public List<string> CrlFiles { get; init; } = [];

    /// <summary>RFC 3161 timestamp service; when set, signatures are PAdES B-T instead of B-B.</summary>
    public Uri? TimestampUrl { get; init; }

    /// <summary>Files over this size are refused before parsing.</summary>
    public long MaxFileBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>Bytes reserved in the PDF for the CMS (certificates and the timestamp token must fit).</summary>
    public int ContentsBytes { get; init; } = 24 * 1024;

    /// <summary>
    /// When true a personal signature counts for Article 4 only if the signer is in the registry of people with signing
    /// authority; when false any valid personal signature from a trusted CA does.
    /// </summary>
    public bool RequireRegisteredSigner { get; init; } = true;
}

public sealed class Pkcs12KeyOptions
{
    public required string Path { get; init; }
    public string Password { get; init; } = string.Empty;
}
