using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Builds a certificate's path to a trust anchor, issuer by issuer, each issuer's signature checked. The work is bounded:
/// at most <see cref="MaxCandidates"/> certificates are considered, <see cref="MaxAttempts"/> issuer signatures are
/// checked per step and paths are at most <see cref="MaxDepth"/> long, so a pool of thousands of look-alike CAs costs no more.
/// </summary>
internal static class CertificatePath
{
    public const int MaxDepth = 8;
    public const int MaxCandidates = 256;
    public const int MaxAttempts = 8;

    /// <summary>The path from <paramref name="leaf"/> to an anchor (both included), or null when none is reached.</summary>
    /// <param name="pool">Candidate issuers, the admin's intermediates first so a crowded CMS cannot push them out.</param>
    public static List<X509Certificate>? Build(X509Certificate leaf, IEnumerable<X509Certificate> pool, IReadOnlyList<X509Certificate> anchors)
    {
        var candidates = anchors.Concat(pool.Take(MaxCandidates)).ToList();
        var path = new List<X509Certificate> { leaf };
        var current = leaf;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (anchors.Any(a => a.Equals(current)))
                return path;
            var issuer = candidates.Where(c => !c.Equals(current) && c.GetBasicConstraints() >= 0 && c.SubjectDN.Equivalent(current.IssuerDN))
                .Take(MaxAttempts).FirstOrDefault(c => IsSignedBy(current, c));
            if (issuer is null || path.Contains(issuer))
                return null;
            path.Add(issuer);
            current = issuer;
        }

        return null;
    }

    public static bool IsSignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.GeneralSecurityException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
