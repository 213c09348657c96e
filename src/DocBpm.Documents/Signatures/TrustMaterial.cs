using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>The trust anchors, intermediates and CRL files the admin configured, read once at start-up.</summary>
public sealed class TrustMaterial
{
    public TrustMaterial(IReadOnlyList<X509Certificate> anchors, IReadOnlyList<X509Certificate> intermediates, IReadOnlyList<X509Crl> crls,
        IReadOnlyList<X509Certificate>? timestampAnchors = null)
    {
        Anchors = anchors;
        Intermediates = intermediates;
        Crls = crls;
        TimestampAnchors = timestampAnchors is { Count: > 0 } ? timestampAnchors : anchors;
    }

    public IReadOnlyList<X509Certificate> Anchors { get; }

    /// <summary>The roots a timestamp authority must chain to: the configured ones, or the signers' anchors when none are.</summary>
    public IReadOnlyList<X509Certificate> TimestampAnchors { get; }
    public IReadOnlyList<X509Certificate> Intermediates { get; }
    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>Reads DER or PEM files; a missing or unreadable file stops start-up with its path in the message.</summary>
    public static TrustMaterial Load(SignatureOptions options) => new(
        Certificates(options.TrustAnchors),
        Certificates(options.IntermediateCertificates),
        [.. options.CrlFiles.SelectMany(path => Read(path, s => new X509CrlParser().ReadCrls(s)))],
        Certificates(options.TimestampTrustAnchors));

    private static List<X509Certificate> Certificates(IEnumerable<string> paths) =>
        [.. paths.SelectMany(path => Read(path, s => new X509CertificateParser().ReadCertificates(s)))];

    private static List<T> Read<T>(string path, Func<Stream, IEnumerable<T>> parse)
    {
        try
        {
            using var file = File.OpenRead(path);
            var items = parse(file).ToList();
            return items.Count > 0 ? items : throw new InvalidDataException("the file holds nothing readable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Org.BouncyCastle.Security.GeneralSecurityException)
        {
            throw new InvalidOperationException($"Signature trust file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
