using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// One entry of the admin's registry: a person with signing authority or an agency with its identifier code, matched
/// by certificate thumbprint (SHA-256, hex) or by the identifier in the certificate subject (e.g. <c>CCCD:0200…</c>,
/// <c>MNS:1234567</c>). Authority counts only inside its validity window.
/// </summary>
public sealed record SignerRegistration(
    SignerKind Kind,
    string Name,
    string? Thumbprint,
    string? SubjectIdentifier,
    string? AgencyCode,
    string? Position,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidTo = null);

/// <summary>Person or organisation, from the registry first, then from the certificate subject as Vietnamese CAs fill it.</summary>
internal static class SignerClassifier
{
    private static readonly string[] PersonalIdentifiers = ["CMND:", "CCCD:", "HC:", "CMT:"];
    private static readonly string[] OrganisationIdentifiers = ["MST:", "MNS:", "MDV:", "MCQ:"];
    private static readonly DerObjectIdentifier[] IdentifierFields = [X509Name.UID, X509Name.SerialNumber];

    public static Signer Classify(X509Certificate certificate, IReadOnlyList<SignerRegistration> registry, DateTimeOffset? at)
    {
        var subject = certificate.SubjectDN;
        var thumbprint = Convert.ToHexStringLower(SHA256.HashData(certificate.GetEncoded()));
        var identifiers = IdentifierFields.SelectMany(f => subject.GetValueList(f)).ToList();
        var entry = registry.FirstOrDefault(r =>
            (r.Thumbprint is { } t && string.Equals(t, thumbprint, StringComparison.OrdinalIgnoreCase))
            || (r.SubjectIdentifier is { } id && identifiers.Contains(id, StringComparer.OrdinalIgnoreCase)));
        var inForce = entry is not null && at is { } time && (entry.ValidFrom is null || entry.ValidFrom <= time) && (entry.ValidTo is null || time <= entry.ValidTo);
        var name = First(subject, X509Name.CN) ?? First(subject, X509Name.O) ?? subject.ToString();
        return new Signer(name, entry?.Kind ?? FromSubject(subject, identifiers), subject.ToString(), certificate.IssuerDN.ToString(),
            certificate.SerialNumber.ToString(16), thumbprint, inForce, entry?.AgencyCode, entry?.Position ?? First(subject, X509Name.T));
    }

    private static SignerKind FromSubject(X509Name subject, List<string> identifiers)
    {
        if (identifiers.Any(i => PersonalIdentifiers.Any(p => i.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            || subject.GetValueList(X509Name.GivenName).Count > 0 || subject.GetValueList(X509Name.Surname).Count > 0)
            return SignerKind.Person;
        if (identifiers.Any(i => OrganisationIdentifiers.Any(p => i.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            || (First(subject, X509Name.CN) is { } cn && string.Equals(cn, First(subject, X509Name.O), StringComparison.Ordinal)))
            return SignerKind.Organisation;
        return SignerKind.Unknown;
    }

    private static string? First(X509Name name, DerObjectIdentifier field) => name.GetValueList(field).FirstOrDefault();
}
