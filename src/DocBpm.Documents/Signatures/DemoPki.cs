using System.Text.Json;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>Someone the demo PKI issues a signing key to: a leader (personal signature) or the agency (its seal).</summary>
public sealed record DemoSigner(string KeyId, string Name, SignerKind Kind, string? Position = null);

/// <summary>The files of a demo PKI, as <see cref="SignatureOptions"/> would name them.</summary>
public sealed record DemoPkiFiles(string Root, string SubCa, IReadOnlyList<string> Crls, IReadOnlyDictionary<string, Pkcs12KeyOptions> Keys);

/// <summary>
/// A demonstration PKI for a development machine, so that the outgoing path signs out of the box: a root, a sub-CA, their
/// CRLs and a PKCS#12 key per signer, made once in a folder and reused afterwards. Every certificate is marked as a demo
/// (the policy <see cref="PolicyOid"/> and <c>OU=DEMO</c>), so that a production host can refuse it
/// (<see cref="IsDemo"/>).
/// </summary>
public static class DemoPki
{
    /// <summary>
    /// The certificate policy of every demo certificate: an ITU-T X.667 UUID arc, unique without registration.
    /// </summary>
    public const string PolicyOid = "2.25.271828182845904523536028747135266249775";

    public const string Marker = "DEMO";

    private const string Manifest = "demo-pki.json";
    private static readonly DateTime From = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Until = new(2045, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// The demo PKI in <paramref name="folder"/>: read when it was made before, otherwise made now. A signer added since
    /// (a new leader) gets a key from the same sub-CA.
    /// </summary>
    public static DemoPkiFiles EnsureCreated(string folder, IReadOnlyList<DemoSigner> signers)
    {
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, Manifest);
        var files = File.Exists(manifest) ? JsonSerializer.Deserialize<DemoPkiFiles>(File.ReadAllText(manifest), Json) : null;
        if (files is not null && signers.All(s => files.Keys.ContainsKey(s.KeyId)))
            return files;

        var random = new SecureRandom();
        var issuer = files is null ? CreateAuthorities(folder, random) : LoadSubCa(folder);
        var keys = new Dictionary<string, Pkcs12KeyOptions>(files?.Keys ?? new Dictionary<string, Pkcs12KeyOptions>(), StringComparer.Ordinal);
        foreach (var signer in signers.Where(s => !keys.ContainsKey(s.KeyId)))
            keys[signer.KeyId] = IssueKey(folder, issuer, signer, random);
        files = new DemoPkiFiles(Path.Combine(folder, "root.cer"), Path.Combine(folder, "sub-ca.cer"),
            [Path.Combine(folder, "root.crl"), Path.Combine(folder, "sub-ca.crl")], keys);
        File.WriteAllText(manifest, JsonSerializer.Serialize(files, Json));
        return files;
    }

    /// <summary>Whether a certificate comes from a demo PKI: its policy or its subject says so.</summary>
    public static bool IsDemo(X509Certificate certificate)
    {
        if (certificate.SubjectDN.GetValueList(X509Name.OU).Contains(Marker, StringComparer.Ordinal))
            return true;
        var policies = certificate.GetExtensionValue(X509Extensions.CertificatePolicies);
        return policies is not null && CertificatePolicies.GetInstance(Asn1Object.FromByteArray(policies.GetOctets()))
            .GetPolicyInformation().Any(p => p.PolicyIdentifier.Id == PolicyOid);
    }

    private sealed record Authority(AsymmetricKeyParameter Key, X509Certificate Certificate, IReadOnlyList<X509Certificate> Chain);

    private static Authority CreateAuthorities(string folder, SecureRandom random)
    {
        var rootKeys = NewKeys(random);
        var rootName = Name("DocBpm DEMO Root CA");
        var root = Issue(rootName, rootName, rootKeys.Public, rootKeys.Private, 1, ca: true, random);
        var subKeys = NewKeys(random);
        var sub = Issue(rootName, Name("DocBpm DEMO Sub CA"), subKeys.Public, rootKeys.Private, 2, ca: true, random);
        File.WriteAllBytes(Path.Combine(folder, "root.cer"), root.GetEncoded());
        File.WriteAllBytes(Path.Combine(folder, "sub-ca.cer"), sub.GetEncoded());
        File.WriteAllBytes(Path.Combine(folder, "root.crl"), Crl(root, rootKeys.Private, random));
        File.WriteAllBytes(Path.Combine(folder, "sub-ca.crl"), Crl(sub, subKeys.Private, random));
        Save(Path.Combine(folder, "sub-ca.p12"), subKeys.Private, [sub, root], Password(folder), random);
        return new Authority(subKeys.Private, sub, [sub, root]);
    }

    private static Authority LoadSubCa(string folder)
    {
        var store = new Pkcs12StoreBuilder().Build();
        using (var file = File.OpenRead(Path.Combine(folder, "sub-ca.p12")))
            store.Load(file, Password(folder).ToCharArray());
        var alias = store.Aliases.First(store.IsKeyEntry);
        var chain = store.GetCertificateChain(alias).Select(c => c.Certificate).ToList();
        return new Authority(store.GetKey(alias).Key, chain[0], chain);
    }

    private static Pkcs12KeyOptions IssueKey(string folder, Authority issuer, DemoSigner signer, SecureRandom random)
    {
        var keys = NewKeys(random);
        var serial = (long)BitConverter.ToUInt32(SecureRandom.GetNextBytes(random, 4)) + 100;
        var certificate = Issue(issuer.Certificate.SubjectDN, Subject(signer), keys.Public, issuer.Key, serial, ca: false, random);
        var path = Path.Combine(folder, $"{signer.KeyId}.p12");
        var password = Convert.ToHexString(SecureRandom.GetNextBytes(random, 12));
        Save(path, keys.Private, [certificate, .. issuer.Chain], password, random);
        return new Pkcs12KeyOptions { Path = path, Password = password };
    }

    /// <summary>The sub-CA's own PKCS#12 is protected by a password kept next to it: a demo has nothing to protect.</summary>
    private static string Password(string folder)
    {
        var path = Path.Combine(folder, "sub-ca.password");
        if (!File.Exists(path))
            File.WriteAllText(path, Convert.ToHexString(SecureRandom.GetNextBytes(new SecureRandom(), 12)));
        return File.ReadAllText(path);
    }

    private static AsymmetricCipherKeyPair NewKeys(SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, random));
        return generator.GenerateKeyPair();
    }

    private static X509Certificate Issue(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey, AsymmetricKeyParameter signingKey,
        long serial, bool ca, SecureRandom random)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(serial));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(From);
        generator.SetNotAfter(Until);
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        generator.AddExtension(X509Extensions.KeyUsage, true,
            new KeyUsage(ca ? KeyUsage.KeyCertSign | KeyUsage.CrlSign : KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.CertificatePolicies, false, new CertificatePolicies(new PolicyInformation(new DerObjectIdentifier(PolicyOid))));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signingKey, random));
    }

    private static byte[] Crl(X509Certificate issuer, AsymmetricKeyParameter key, SecureRandom random)
    {
        var crl = new X509V2CrlGenerator();
        crl.SetIssuerDN(issuer.SubjectDN);
        crl.SetThisUpdate(From);
        crl.SetNextUpdate(Until);
        return crl.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key, random)).GetEncoded();
    }

    private static void Save(string path, AsymmetricKeyParameter key, IReadOnlyList<X509Certificate> chain, string password, SecureRandom random)
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("key", new AsymmetricKeyEntry(key), [.. chain.Select(c => new X509CertificateEntry(c))]);
        using var file = File.Create(path);
        store.Save(file, password.ToCharArray(), random);
    }

    private static X509Name Name(string commonName) =>
        new([X509Name.C, X509Name.O, X509Name.OU, X509Name.CN], ["VN", "DocBpm (chỉ dùng thử, không có giá trị pháp lý)", Marker, commonName]);

    /// <summary>A person as Vietnamese CAs write one (CCCD identifier); the agency with CN = O and its MNS code.</summary>
    private static X509Name Subject(DemoSigner signer) => signer.Kind == SignerKind.Organisation
        ? new([X509Name.C, X509Name.L, X509Name.O, X509Name.OU, X509Name.CN, X509Name.UID], ["VN", "Lạng Sơn", signer.Name, Marker, signer.Name, "MNS:DEMO"])
        : new([X509Name.C, X509Name.L, X509Name.O, X509Name.OU, X509Name.T, X509Name.CN, X509Name.UID],
            ["VN", "Lạng Sơn", "DocBpm", Marker, signer.Position ?? "Lãnh đạo", signer.Name, $"CCCD:DEMO-{signer.KeyId}"]);
}
