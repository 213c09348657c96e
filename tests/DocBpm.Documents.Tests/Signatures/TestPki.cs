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
using DocBpm.Documents.Signatures;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>A certificate with its key, as a CA would hand it out.</summary>
public sealed record TestIdentity(AsymmetricCipherKeyPair Keys, X509Certificate Certificate, IReadOnlyList<X509Certificate> Chain)
{
    public ISigningKey SigningKey => new SoftwareSigningKey(Keys.Private, Chain);
}

/// <summary>
/// A PKI generated with BouncyCastle, shaped like the Ban Cơ yếu hierarchy: a root, an intermediate CA that issues the
/// agency and personal certificates, an expired and a revoked personal certificate (with CRLs), a timestamp authority,
/// and a person certified by an unrelated root. Built once per test run; its files live in a temporary folder.
/// </summary>
public sealed class TestPki
{
    /// <summary>The clock every signing test uses: a working morning in Lạng Sơn.</summary>
    public static readonly DateTimeOffset SigningTime = VietnamTime.At(2026, 11, 25, 9, 15);

    public static readonly DateTimeOffset RevokedAt = VietnamTime.At(2026, 10, 1, 8, 0);

    /// <summary>When <see cref="RevokedTimestamps"/> was revoked (key compromise).</summary>
    public static readonly DateTimeOffset TimestampsRevokedAt = VietnamTime.At(2025, 2, 1, 8, 0);

    private static readonly Lazy<TestPki> Shared = new(() => new TestPki());
    private static readonly SecureRandom Random = new();
    private long serial = 100;

    public static TestPki Instance => Shared.Value;

    private TestPki()
    {
        var from = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Root = Issue(null, Name("Cục Chứng thực số và Bảo mật thông tin (thử nghiệm)", "Ban Cơ yếu Chính phủ"), from, from.AddYears(20), ca: true);
        Intermediate = Issue(Root, Name("CA phục vụ các cơ quan Nhà nước (thử nghiệm)", "Ban Cơ yếu Chính phủ"), from, from.AddYears(15), ca: true);
        var valid = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Agency = Issue(Intermediate, Organisation("Sở Giáo dục và Đào tạo Lạng Sơn", "MNS:1234567"), valid, valid.AddYears(5));
        Director = Issue(Intermediate, Person("Hoàng Văn Minh", "Giám đốc", "CCCD:020080001234"), valid, valid.AddYears(3));
        Deputy = Issue(Intermediate, Person("Lương Thị Hoa", "Phó Giám đốc", "CCCD:020085005678"), valid, valid.AddYears(3));
        Expired = Issue(Intermediate, Person("Vi Văn Cũ", "Chuyên viên", "CCCD:020070009999"), new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Revoked = Issue(Intermediate, Person("Nông Văn Thu", "Phó Giám đốc", "CCCD:020075004321"), valid, valid.AddYears(3));
        Timestamps = Issue(Intermediate, Organisation("Dịch vụ cấp dấu thời gian (thử nghiệm)", "MST:0100000000"), valid, valid.AddYears(5),
            extendedUsage: KeyPurposeID.id_kp_timeStamping);
        OtherRoot = Issue(null, Name("Tổ chức chứng thực không được tin cậy", "Untrusted Org"), from, from.AddYears(20), ca: true);
        Stranger = Issue(OtherRoot, Person("Người Lạ", "Không rõ", "CCCD:000000000000"), valid, valid.AddYears(3));
        UntrustedTimestamps = Issue(OtherRoot, Organisation("Dịch vụ dấu thời gian chưa cấu hình", "MST:0199999999"), valid, valid.AddYears(5),
            extendedUsage: KeyPurposeID.id_kp_timeStamping);
        RevokedTimestamps = Issue(Intermediate, Organisation("Dịch vụ dấu thời gian đã bị thu hồi", "MST:0100000001"), valid.AddYears(-2), valid.AddYears(5),
            extendedUsage: KeyPurposeID.id_kp_timeStamping);
        CertificateSigningOnly = Issue(Intermediate, Person("Đàm Văn Khóa", "Chuyên viên", "CCCD:020090001111"), valid, valid.AddYears(3),
            keyUsage: KeyUsage.KeyCertSign);
        NonRepudiationOnly = Issue(Intermediate, Person("Chu Thị Mai", "Chuyên viên", "CCCD:020091002222"), valid, valid.AddYears(3),
            keyUsage: KeyUsage.NonRepudiation);
        var responder = Organisation("Máy chủ OCSP (thử nghiệm)", "MST:0100000002");
        OcspResponder = Issue(Intermediate, responder, valid, valid.AddYears(5), extendedUsage: KeyPurposeID.id_kp_OCSPSigning);
        StrangeResponder = Issue(OtherRoot, responder, valid, valid.AddYears(5), extendedUsage: KeyPurposeID.id_kp_OCSPSigning);

        var crlTime = SigningTime.UtcDateTime.AddDays(-1);
        IntermediateCrl = Crl(Intermediate, crlTime, (Revoked.Certificate, RevokedAt.UtcDateTime), (RevokedTimestamps.Certificate, TimestampsRevokedAt.UtcDateTime));
        RootCrl = Crl(Root, crlTime);
        OtherRootCrl = Crl(OtherRoot, crlTime);

        Folder = Directory.CreateTempSubdirectory("docbpm-pki-").FullName;
        RootFile = Save("root.cer", Root.Certificate.GetEncoded());
        OtherRootFile = Save("other-root.cer", OtherRoot.Certificate.GetEncoded());
        CrlFiles = [Save("intermediate.crl", IntermediateCrl.GetEncoded()), Save("root.crl", RootCrl.GetEncoded()), Save("other-root.crl", OtherRootCrl.GetEncoded())];
    }

    public TestIdentity Root { get; }
    public TestIdentity Intermediate { get; }
    public TestIdentity Agency { get; }
    public TestIdentity Director { get; }
    public TestIdentity Deputy { get; }
    public TestIdentity Expired { get; }
    public TestIdentity Revoked { get; }
    public TestIdentity Timestamps { get; }
    public TestIdentity OtherRoot { get; }
    public TestIdentity Stranger { get; }

    /// <summary>A timestamp authority under the untrusted root: sound tokens, but no proof of time here.</summary>
    public TestIdentity UntrustedTimestamps { get; }

    /// <summary>A timestamp authority under the trusted intermediate, revoked at <see cref="TimestampsRevokedAt"/>.</summary>
    public TestIdentity RevokedTimestamps { get; }

    /// <summary>A person whose certificate's key usage allows certificate signing only, not digital signatures.</summary>
    public TestIdentity CertificateSigningOnly { get; }

    /// <summary>A person whose certificate's key usage is non-repudiation (content commitment) only.</summary>
    public TestIdentity NonRepudiationOnly { get; }

    /// <summary>An OCSP responder the intermediate CA delegated to (extended key usage id-kp-OCSPSigning).</summary>
    public TestIdentity OcspResponder { get; }

    /// <summary>A look-alike of <see cref="OcspResponder"/>, with the same name and usage, certified by the untrusted root.</summary>
    public TestIdentity StrangeResponder { get; }
    public X509Crl IntermediateCrl { get; }
    public X509Crl RootCrl { get; }
    public X509Crl OtherRootCrl { get; }
    public string Folder { get; }
    public string RootFile { get; }
    public string OtherRootFile { get; }
    public IReadOnlyList<string> CrlFiles { get; }

    /// <summary>Options trusting the test root, with its CRLs, as an admin would configure them.</summary>
    public SignatureOptions Options(bool withCrls = true) => new()
    {
        TrustAnchors = [RootFile],
        CrlFiles = withCrls ? [.. CrlFiles] : [],
    };

    /// <summary>The verifier as the host builds it, checking an hour after <see cref="SigningTime"/> unless told otherwise.</summary>
    public static SignatureVerifier Verifier(SignatureOptions options, DateTimeOffset? now = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), TrustMaterial.Load(options),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now ?? SigningTime.AddHours(1)));

    /// <summary>
    /// A new PKCS#12 file holding the identity's key and chain. A file of its own per call: the PKI is shared by test
    /// classes running side by side, and one host read a key file while another test was writing it.
    /// </summary>
    public string Pkcs12(TestIdentity identity, string password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("key", new AsymmetricKeyEntry(identity.Keys.Private), [.. identity.Chain.Select(c => new X509CertificateEntry(c))]);
        var path = Path.Combine(Folder, $"{identity.Certificate.SerialNumber}-{Guid.NewGuid():N}.p12");
        using var file = File.Create(path);
        store.Save(file, password.ToCharArray(), Random);
        return path;
    }

    public string Save(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private TestIdentity Issue(TestIdentity? issuer, X509Name subject, DateTime notBefore, DateTime notAfter, bool ca = false,
        KeyPurposeID? extendedUsage = null, int? keyUsage = null)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers(), Random));
        var keys = generator.GenerateKeyPair();
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.ValueOf(Interlocked.Increment(ref serial)));
        certificate.SetIssuerDN(issuer?.Certificate.SubjectDN ?? subject);
        certificate.SetSubjectDN(subject);
        certificate.SetNotBefore(notBefore);
        certificate.SetNotAfter(notAfter);
        certificate.SetPublicKey(keys.Public);
        certificate.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        certificate.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(keyUsage ?? (ca
            ? KeyUsage.KeyCertSign | KeyUsage.CrlSign
            : KeyUsage.DigitalSignature | KeyUsage.NonRepudiation)));
        if (extendedUsage is not null)
            certificate.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(extendedUsage));
        var signer = new Asn1SignatureFactory("SHA256WITHECDSA", issuer?.Keys.Private ?? keys.Private, Random);
        var issued = certificate.Generate(signer);
        return new TestIdentity(keys, issued, [issued, .. issuer?.Chain ?? []]);
    }

    public static X509Crl Crl(TestIdentity issuer, DateTime thisUpdate, params (X509Certificate Certificate, DateTime At)[] revoked) =>
        Crl(issuer, issuer.Keys.Private, thisUpdate, revoked);

    /// <summary>A CRL in the issuer's name, signed with <paramref name="key"/>: a forgery unless it is the issuer's key.</summary>
    public static X509Crl Crl(TestIdentity issuer, AsymmetricKeyParameter key, DateTime thisUpdate, params (X509Certificate Certificate, DateTime At)[] revoked)
    {
        var crl = new X509V2CrlGenerator();
        crl.SetIssuerDN(issuer.Certificate.SubjectDN);
        crl.SetThisUpdate(thisUpdate);
        crl.SetNextUpdate(thisUpdate.AddDays(30));
        foreach (var (certificate, at) in revoked)
            crl.AddCrlEntry(certificate.SerialNumber, at, CrlReason.KeyCompromise);
        return crl.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key, Random));
    }

    private static DerObjectIdentifier SecObjectIdentifiers() => Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1;

    private static X509Name Name(string commonName, string organisation) =>
        new([X509Name.C, X509Name.O, X509Name.CN], ["VN", organisation, commonName]);

    private static X509Name Organisation(string name, string identifier) =>
        new([X509Name.C, X509Name.L, X509Name.O, X509Name.CN, X509Name.UID], ["VN", "Lạng Sơn", name, name, identifier]);

    private static X509Name Person(string name, string title, string identifier) =>
        new([X509Name.C, X509Name.L, X509Name.O, X509Name.T, X509Name.CN, X509Name.UID],
            ["VN", "Lạng Sơn", "Sở Giáo dục và Đào tạo Lạng Sơn", title, name, identifier]);
}
