using System.Text;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Signatures;
using DocBpm.Engine;
using DocBpm.Engine.Runtime;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// What a prepared signature is bound to: the document, its version (main file), the signer, the signing time and the
/// signer's certificates. The host gives it to the signer sealed, as an opaque id, and gets it back with the signature.
/// </summary>
public sealed record TokenSigningRequest(Guid DocumentId, Guid FileId, string UserName, DateTimeOffset SigningTime, IReadOnlyList<byte[]> Certificates);

/// <summary>The bytes the signer's key signs (<paramref name="ToBeSigned"/>, the DER signed attributes) and their SHA-256.</summary>
public sealed record PreparedTokenSignature(TokenSigningRequest Request, byte[] ToBeSigned, byte[] Digest);

/// <summary>
/// The leader signs with a key that stays under their control — a USB token or a remote signing service — in two
/// phases (Article 9.3, NĐ30 Art. 13): <see cref="PrepareAsync"/> gives the bytes to sign for the current version,
/// <see cref="CompleteAsync"/> checks the signature value, embeds it and completes the Sign step, whose signing step
/// then finds the signature made (<see cref="SignedFileId"/>) instead of signing on the server.
/// </summary>
public sealed class TokenSigning(OutgoingDrafts drafts, OutgoingFlow flow, IPeopleDirectory people, DocumentSignatures signatures, TimeProvider time)
{
    private const int MaxCertificates = 8;
    private const int MaxCertificateBytes = 16 * 1024;

    public async Task<PreparedTokenSignature> PrepareAsync(Guid id, IReadOnlyList<byte[]>? certificates, TaskActor actor, CancellationToken cancellationToken)
    {
        var leader = await SignerAsync(id, actor, cancellationToken);
        var chain = Chain(certificates);
        ExpectOwnCertificate(chain[0], leader);
        var request = new TokenSigningRequest(id, await flow.MainFileAsync(id, cancellationToken), leader.UserName, time.GetUtcNow(), certificates!);
        var prepared = await signatures.PrepareFileAsync(request.FileId, chain, await AppearanceAsync(leader, cancellationToken), request.SigningTime,
            cancellationToken);
        return new PreparedTokenSignature(request, prepared.ToBeSigned, prepared.ToBeSignedDigest);
    }

    /// <summary>
    /// Takes the signer's output — the bare signature value, or a detached CMS over exactly the prepared attributes with the
    /// prepared certificate (<see cref="SignerOutput"/>) — and embeds DocBpm's CMS with that value.
    /// </summary>
    /// <exception cref="OutgoingRefusedException">Not the signer's task (403), the version changed since it was prepared (409), or the
    /// signature value is not the certificate's key's signature of the prepared bytes (422).</exception>
    /// <exception cref="SignatureInputException">The CMS is malformed or not over the prepared attributes and certificate (422, with its code).</exception>
    public async Task CompleteAsync(Guid id, TokenSigningRequest request, SignerOutput output, string? comment, TaskActor actor,
        CancellationToken cancellationToken)
    {
        if (request.DocumentId != id || !string.Equals(request.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
            throw new OutgoingRefusedException(RefusalKind.Forbidden, "Yêu cầu ký này được chuẩn bị cho văn bản khác hoặc người ký khác.",
                $"A signature prepared for {request.UserName} on {request.DocumentId} was completed by {actor.UserName} on {id}.");
        if ((output.SignatureValue is null) == (output.Cms is null) || output.SignatureValue is { Length: 0 or > 8192 })
            throw new OutgoingRefusedException(RefusalKind.Malformed, "Cần đúng một trong hai: giá trị chữ ký (signatureValue, tối đa 8 KB) hoặc CMS (cms).",
                "Exactly one of the signature value and the CMS is expected, the value within 8 KB.");
        var leader = await SignerAsync(id, actor, cancellationToken);
        var chain = Chain(request.Certificates);
        if (await flow.MainFileAsync(id, cancellationToken) != request.FileId)
            throw OutgoingRefusedException.Conflict("Văn bản đã có phiên bản mới sau khi chuẩn bị ký; không có gì được lưu, hãy chuẩn bị ký lại.",
                $"Outgoing document {id} has a new main version since the signature was prepared.");
        try
        {
            await signatures.CompleteFileAsync(request.FileId, chain, await AppearanceAsync(leader, cancellationToken), request.SigningTime, output,
                cancellationToken);
        }
        catch (SignatureRefusedException refused)
        {
            throw OutgoingRefusedException.Invalid(refused.Vietnamese, refused.Message);
        }

        await flow.SignAsync(id, comment, actor, SignerHeldKey.KeyIdOf(chain[0]), cancellationToken);
    }

    /// <summary>
    /// The same in both phases, so that completing prepares the same bytes; an image the admin replaces in between makes
    /// the signature fail to match, and the leader prepares again.
    /// </summary>
    private Task<SignatureAppearance> AppearanceAsync(Person leader, CancellationToken cancellationToken) =>
        signatures.AppearanceAsync(SignatureRole.Personal, leader.FullName, leader.UserName, null, cancellationToken);

    /// <summary>Only the leader holding the document's open Sign task signs it.</summary>
    private async Task<Person> SignerAsync(Guid id, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        await flow.OpenTaskAsync(document, OutgoingProcess.Sign, actor, cancellationToken);
        return await people.FindAsync(actor.UserName, cancellationToken) ?? throw new OutgoingRefusedException(
            RefusalKind.Forbidden, "Tài khoản ký không tồn tại.", "The signer's account does not exist.");
    }

    /// <summary>The signer's certificate first, then its issuers, as DER; bounded so that a request cannot make the server parse much.</summary>
    private static List<X509Certificate> Chain(IReadOnlyList<byte[]>? certificates)
    {
        if (certificates is not { Count: > 0 and <= MaxCertificates } || certificates.Any(c => c is not { Length: > 0 and <= MaxCertificateBytes }))
            throw Malformed($"Cần chứng thư số của người ký (DER, base64), tối đa {MaxCertificates} chứng thư.");
        try
        {
            return [.. certificates.Select(c => new X509CertificateParser().ReadCertificate(c) ?? throw Malformed("Chứng thư số không đọc được."))];
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.Certificates.CertificateException or IOException or ArgumentException
            or InvalidCastException or InvalidOperationException)
        {
            throw Malformed("Chứng thư số không đọc được (cần DER mã hóa base64).");
        }
    }

    /// <summary>A leader signs in their own name: the certificate's common name is the leader's full name.</summary>
    private static void ExpectOwnCertificate(X509Certificate certificate, Person leader)
    {
        var holder = certificate.SubjectDN.GetValueList(X509Name.CN).FirstOrDefault() ?? "";
        if (!string.Equals(holder.Normalize(NormalizationForm.FormC).Trim(), leader.FullName.Normalize(NormalizationForm.FormC).Trim(),
                StringComparison.OrdinalIgnoreCase))
            throw new OutgoingRefusedException(RefusalKind.Forbidden,
                $"Chứng thư số của \"{holder}\" không phải của người ký {leader.FullName}: lãnh đạo ký bằng chứng thư số của chính mình (Điều 9.2a, 9.3).",
                $"Certificate of '{holder}' presented by {leader.UserName}.");
    }

    private static OutgoingRefusedException Malformed(string detailVi) =>
        new(RefusalKind.Malformed, detailVi, "Malformed signer certificates.");
}
