using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>
/// The reference client of two-phase signing: a leader's USB token (or remote signing service) holding a PKCS#12 key.
/// Like a token that signs hashes, it signs the digest the server prepared and never shows the key to the server.
/// </summary>
public sealed class SigningToken
{
    private readonly AsymmetricKeyParameter key;

    public SigningToken(string pkcs12Path, string password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        using (var file = File.OpenRead(pkcs12Path))
            store.Load(file, password.ToCharArray());
        var alias = store.Aliases.First(store.IsKeyEntry);
        key = store.GetKey(alias).Key;
        Chain = [.. store.GetCertificateChain(alias).Select(c => c.Certificate)];
    }

    public IReadOnlyList<X509Certificate> Chain { get; }

    public Task<HttpResponseMessage> PrepareAsync(HttpClient signer, Guid id, IReadOnlyList<X509Certificate>? presented = null) =>
        signer.PostAsJsonAsync($"/api/outgoing/{id}/signature/prepare",
            new { certificates = (presented ?? Chain).Select(c => Convert.ToBase64String(c.GetEncoded())) });

    /// <summary>Signs the prepared digest as a hash-signing token does (raw ECDSA over the SHA-256 the server sent).</summary>
    public byte[] SignDigest(byte[] digest)
    {
        var signer = SignerUtilities.GetSigner(key is ECPrivateKeyParameters ? "NONEWITHECDSA" : "SHA256WITHRSA");
        signer.Init(true, key);
        signer.BlockUpdate(digest, 0, digest.Length);
        return signer.GenerateSignature();
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient signer, Guid id, string preparedId, byte[] signatureValue) =>
        signer.PostAsJsonAsync($"/api/outgoing/{id}/signature/complete", new { id = preparedId, signatureValue = Convert.ToBase64String(signatureValue) });

    public static Task<HttpResponseMessage> CompleteWithCmsAsync(HttpClient signer, Guid id, string preparedId, byte[] cms) =>
        signer.PostAsJsonAsync($"/api/outgoing/{id}/signature/complete", new { id = preparedId, cms = Convert.ToBase64String(cms) });

    /// <summary>This token's SignerInfo over <paramref name="signedAttributes"/> (DER SET), as a remote signing service makes it.</summary>
    public SignerInfo SignerInfo(byte[] signedAttributes)
    {
        var ec = key is ECPrivateKeyParameters;
        var signer = SignerUtilities.GetSigner(ec ? "SHA256WITHECDSA" : "SHA256WITHRSA");
        signer.Init(true, key);
        signer.BlockUpdate(signedAttributes, 0, signedAttributes.Length);
        var certificate = Chain[0];
        return new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(certificate.IssuerDN, new DerInteger(certificate.SerialNumber))),
            new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance), (Asn1Set)Asn1Object.FromByteArray(signedAttributes),
            new AlgorithmIdentifier(ec ? X9ObjectIdentifiers.ECDsaWithSha256 : PkcsObjectIdentifiers.Sha256WithRsaEncryption),
            new DerOctetString(signer.GenerateSignature()), null);
    }

    /// <summary>A CMS SignedData of the given signers with this token's chain; detached unless <paramref name="content"/> is given.</summary>
    public byte[] Cms(IEnumerable<SignerInfo> signers, byte[]? content = null)
    {
        var sha256 = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance);
        var certificates = new DerSet(Chain.Select(c => (Asn1Encodable)X509CertificateStructure.GetInstance(c.GetEncoded())).ToArray());
        var data = new SignedData(new DerSet((Asn1Encodable)sha256), new ContentInfo(CmsObjectIdentifiers.Data, content is null ? null : new DerOctetString(content)),
            certificates, null, new DerSet(signers.Cast<Asn1Encodable>().ToArray()));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, data).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>The whole round trip: prepare, sign on the token, complete.</summary>
    public async Task<HttpResponseMessage> SignAsync(HttpClient signer, Guid id)
    {
        var prepared = (await OutgoingClient.Ok(await PrepareAsync(signer, id)))!;
        return await CompleteAsync(signer, id, (string)prepared["id"]!, SignDigest(Convert.FromBase64String((string)prepared["digest"]!)));
    }
}

/// <summary>Issue 15: a leader signs on their own token through prepare/complete; the server never holds the leader's key.</summary>
[TestClass]
public sealed class TokenSigningTests
{
    [TestMethod]
    public async Task Article9_3_a_leader_signs_on_a_token_through_prepare_and_complete_and_the_issued_document_is_legally_valid()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (token, otherToken) = await LeadersWithTokensAsync(host);
        var people = await OutgoingPeople.SignInAsync(host);
        var otherDeputy = await host.LoginAsync("phogiamdoc2");
        var id = await PresentedToTheDeputyAsync(people, "v1");

        var stale = (await OutgoingClient.Ok(await token.PrepareAsync(people.Deputy, id)))!;
        await people.Deputy.StepAsync(id, "return", new { reason = "Bổ sung căn cứ" });
        await people.Drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("v2"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await people.Head.StepAsync(id, "approve");
        await OutgoingClient.AssertProblemAsync(await SigningToken.CompleteAsync(people.Deputy, id, (string)stale["id"]!,
            token.SignDigest(Convert.FromBase64String((string)stale["digest"]!))), HttpStatusCode.Conflict, "phiên bản mới");

        await OutgoingClient.AssertProblemAsync(await token.PrepareAsync(otherDeputy, id, otherToken.Chain), HttpStatusCode.Forbidden,
            "không được giao");
        await OutgoingClient.AssertProblemAsync(await token.PrepareAsync(people.Deputy, id, otherToken.Chain), HttpStatusCode.Forbidden,
            "không phải của người ký Nông Thị Phó");
        var prepared = (await OutgoingClient.Ok(await token.PrepareAsync(people.Deputy, id)))!;
        var digest = Convert.FromBase64String((string)prepared["digest"]!);
        CollectionAssert.AreEqual(SHA256.HashData(Convert.FromBase64String((string)prepared["toBeSigned"]!)), digest, "the digest is of the signed attributes");
        await OutgoingClient.AssertProblemAsync(await SigningToken.CompleteAsync(people.Deputy, id, (string)prepared["id"]!, otherToken.SignDigest(digest)),
            HttpStatusCode.UnprocessableEntity, "Giá trị chữ ký không khớp");
        var tampered = digest.ToArray();
        tampered[0] ^= 1;
        await OutgoingClient.AssertProblemAsync(await SigningToken.CompleteAsync(people.Deputy, id, (string)prepared["id"]!, token.SignDigest(tampered)),
            HttpStatusCode.UnprocessableEntity, "Giá trị chữ ký không khớp");
        await OutgoingClient.AssertProblemAsync(await SigningToken.CompleteAsync(people.Deputy, id, "x" + (string)prepared["id"]!, token.SignDigest(digest)),
            HttpStatusCode.BadRequest, "Mã chuẩn bị ký");
        await OutgoingClient.AssertProblemAsync(await SigningToken.CompleteAsync(otherDeputy, id, (string)prepared["id"]!, token.SignDigest(digest)),
            HttpStatusCode.Forbidden, "người ký khác");
        Assert.AreEqual("AwaitingSignature", (string?)(await people.Drafter.PageAsync(id))["stage"], "a refused signature stores nothing");

        Assert.AreEqual(HttpStatusCode.NoContent, (await token.SignAsync(people.Deputy, id)).StatusCode);
        await host.RunDueWorkAsync();
        await people.IssueAsync(id);

        var report = await IssuedDocument.AssertLegallyValidAsync(people, id);
        Assert.AreEqual("Nông Thị Phó", (string?)report["signatures"]![0]!["signer"]!["name"], "signed on the leader's own token");
    }

    [TestMethod]
    public async Task Article9_3_a_signing_service_returning_a_detached_cms_over_the_prepared_attributes_signs_and_any_other_cms_is_refused()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (token, otherToken) = await LeadersWithTokensAsync(host);
        var people = await OutgoingPeople.SignInAsync(host);
        var id = await PresentedToTheDeputyAsync(people, "v1");
        var prepared = (await OutgoingClient.Ok(await token.PrepareAsync(people.Deputy, id)))!;
        var preparedId = (string)prepared["id"]!;
        var toBeSigned = Convert.FromBase64String((string)prepared["toBeSigned"]!);
        var withSigningTime = new Asn1EncodableVector();
        foreach (var attribute in (Asn1Set)Asn1Object.FromByteArray(toBeSigned))
            withSigningTime.Add(attribute);
        withSigningTime.Add(new Org.BouncyCastle.Asn1.Cms.Attribute(CmsAttributes.SigningTime, new DerSet((Asn1Encodable)new Org.BouncyCastle.Asn1.X509.Time(DateTime.UnixEpoch))));

        async Task RefusedAsync(byte[] cms, string code)
        {
            var response = await SigningToken.CompleteWithCmsAsync(people.Deputy, id, preparedId, cms);
            var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, problem.ToJsonString());
            Assert.AreEqual(code, (string?)problem["code"], problem.ToJsonString());
        }

        await RefusedAsync(token.Cms([token.SignerInfo(new DerSet(withSigningTime).GetEncoded(Asn1Encodable.Der))]), "cms-attributes");
        await RefusedAsync(otherToken.Cms([otherToken.SignerInfo(toBeSigned)]), "cms-certificate");
        await RefusedAsync(token.Cms([token.SignerInfo(toBeSigned), otherToken.SignerInfo(toBeSigned)]), "cms-signers");
        await RefusedAsync(token.Cms([token.SignerInfo(toBeSigned)], OutgoingClient.Pdf("v1")), "cms-not-detached");
        await RefusedAsync([0x30, 0x03, 0x02, 0x01, 0x01], "cms-malformed");
        await RefusedAsync(new byte[70 * 1024], "cms-size");
        await OutgoingClient.AssertProblemAsync(await people.Deputy.PostAsJsonAsync($"/api/outgoing/{id}/signature/complete",
            new { id = preparedId, signatureValue = "AAAA", cms = "AAAA" }), HttpStatusCode.BadRequest, "đúng một");
        Assert.AreEqual("AwaitingSignature", (string?)(await people.Drafter.PageAsync(id))["stage"], "a refused CMS stores nothing");

        Assert.AreEqual(HttpStatusCode.NoContent,
            (await SigningToken.CompleteWithCmsAsync(people.Deputy, id, preparedId, token.Cms([token.SignerInfo(toBeSigned)]))).StatusCode);
        await host.RunDueWorkAsync();
        await people.IssueAsync(id);

        var report = await IssuedDocument.AssertLegallyValidAsync(people, id);
        Assert.AreEqual("Nông Thị Phó", (string?)report["signatures"]![0]!["signer"]!["name"], "signed by the signing service's CMS");
    }

    /// <summary>A demo PKI whose two deputies sign on tokens; the agency's key is on the server, and all are registered.</summary>
    private static async Task<(SigningToken Deputy, SigningToken OtherDeputy)> LeadersWithTokensAsync(DocBpmWebFactory host)
    {
        var demo = DemoPki.EnsureCreated(Path.Combine(Directory.CreateTempSubdirectory("docbpm-token-").FullName, "pki"),
        [
            new DemoSigner("phogiamdoc1", "Nông Thị Phó", SignerKind.Person, "Phó Giám đốc"),
            new DemoSigner("phogiamdoc2", "Lộc Văn Hai", SignerKind.Person, "Phó Giám đốc"),
            new DemoSigner("agency", "Sở Giáo dục và Đào tạo Lạng Sơn", SignerKind.Organisation),
        ]);
        TrustOnlyTheAgencyKey(host, demo);
        var token = new SigningToken(demo.Keys["phogiamdoc1"].Path, demo.Keys["phogiamdoc1"].Password);
        await RegisterAsync(host, token, new SigningToken(demo.Keys["agency"].Path, demo.Keys["agency"].Password));
        return (token, new SigningToken(demo.Keys["phogiamdoc2"].Path, demo.Keys["phogiamdoc2"].Password));
    }

    /// <summary>The server holds the agency's key only; the leaders' keys stay on their tokens.</summary>
    private static void TrustOnlyTheAgencyKey(DocBpmWebFactory host, DemoPkiFiles demo)
    {
        host.Settings["Signatures:Keys:agency:Path"] = demo.Keys["agency"].Path;
        host.Settings["Signatures:Keys:agency:Password"] = demo.Keys["agency"].Password;
        host.Settings["Signatures:TrustAnchors:0"] = demo.Root;
        host.Settings["Signatures:IntermediateCertificates:0"] = demo.SubCa;
        for (var i = 0; i < demo.Crls.Count; i++)
            host.Settings[$"Signatures:CrlFiles:{i}"] = demo.Crls[i];
    }

    private static async Task RegisterAsync(DocBpmWebFactory host, SigningToken leader, SigningToken agency)
    {
        var admin = await host.LoginAsync("quantri");
        await OutgoingClient.Ok(await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Person", name = "Nông Thị Phó", thumbprint = Thumbprint(leader), position = "Phó Giám đốc" }));
        await OutgoingClient.Ok(await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Organisation", name = "Sở Giáo dục và Đào tạo Lạng Sơn", thumbprint = Thumbprint(agency) }));
    }

    private static string Thumbprint(SigningToken token) => Convert.ToHexStringLower(SHA256.HashData(token.Chain[0].GetEncoded()));

    private static async Task<Guid> PresentedToTheDeputyAsync(OutgoingPeople people, string version)
    {
        var id = await IssuedDocument.NewLetterAsync(people.Drafter);
        await people.Drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf(version));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await people.Head.StepAsync(id, "approve");
        return id;
    }
}
