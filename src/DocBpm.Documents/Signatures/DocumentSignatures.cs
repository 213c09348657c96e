using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>Signing and verifying the documents' stored files, with the admin's keys and registry.</summary>
public sealed partial class DocumentSignatures(FileStore files, SignerRegistry registry, SignatureVerifier verifier, PdfSigner signer,
    ISigningKeyStore keys, SignatureImages images, ILogger<DocumentSignatures> logger)
{
    /// <exception cref="SignatureInputException">The file is not a readable, unencrypted PDF within the size limit.</exception>
    public async Task<SignatureReport> VerifyAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var report = verifier.Verify(pdf, await registry.SnapshotAsync(cancellationToken));
        if (logger.IsEnabled(LogLevel.Information))
        {
            var signatures = string.Join("; ", report.Signatures.Select(s => $"{s.FieldName} {s.Indication}/{s.SubIndication} [{string.Join(",", s.Reasons.Select(r => r.Code))}]"));
            var reasons = string.Join(",", report.Reasons.Select(r => r.Code));
            LogVerified(report.LegalStatus, signatures, reasons);
        }

        return report;
    }

    public async Task<SignatureReport> VerifyFileAsync(Guid fileId, CancellationToken cancellationToken) =>
        await VerifyAsync((await files.ReadAsync(fileId, cancellationToken)).Content, cancellationToken);

    /// <summary>
    /// Signs a stored PDF with the configured key; the signed PDF is a new stored file, saved with the caller's unit of
    /// work. The new signature is checked first: an expired, revoked or untrusted key is refused rather than issued.
    /// Signing the same version with the same key and role again returns the file the first signature made
    /// (<see cref="SignedFileId"/>): a step run twice stores one signed file. <paramref name="signerUserName"/> picks the
    /// person's signature image; the agency signature draws the agency's seal.
    /// </summary>
    /// <param name="authority">The signer's capacity and title as the block prints it, "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (NĐ30 Art. 13).</param>
    public async Task<StoredFile> SignFileAsync(Guid fileId, string keyId, SignatureRole role, string? signerName, string? signerUserName, string? notation,
        string? authority,
        int? page, CancellationToken cancellationToken)
    {
        var key = keys.Get(keyId);
        var signedId = SignedFileId.Of(fileId, key.Chain[0], role);
        if (await files.ExistsAsync(signedId, cancellationToken))
        {
            LogAlreadySigned(fileId, role, key.Chain[0].SubjectDN, signedId);
            return await files.ReadAsync(signedId, cancellationToken);
        }

        var file = await files.ReadAsync(fileId, cancellationToken);
        var name = signerName is { Length: > 0 } given ? given
            : key.Chain[0].SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? keyId;
        var appearance = await AppearanceAsync(role, name, signerUserName, notation, cancellationToken) with { Page = page, Authority = authority };
        var signed = await signer.SignAsync(file.Content, key, appearance, cancellationToken);
        return await StoreCheckedAsync(file, signed, key.Chain[0], role, signedId, cancellationToken);
    }

    /// <summary>
    /// What the signature shows (NĐ30 Phụ lục I): the signer's name and time, with the image the admin uploaded for the
    /// person (<paramref name="signerUserName"/>) or the agency's seal, when there is one.
    /// </summary>
    public async Task<SignatureAppearance> AppearanceAsync(SignatureRole role, string signerName, string? signerUserName, string? notation,
        CancellationToken cancellationToken)
    {
        var image = role == SignatureRole.Agency || signerUserName is { Length: > 0 }
            ? await images.FindAsync(SignatureImage.OwnerFor(role, signerUserName), cancellationToken)
            : null;
        return SignatureAppearance.For(role, signerName, notation) with
        {
            Image = image is null ? null : new AppearanceImage(image.Png, image.Width, image.Height),
        };
    }

    /// <summary>
    /// Phase one of a signature whose key stays with the signer (USB token, remote signing service): the signed
    /// attributes for <paramref name="chain"/> over the version's digest, as of <paramref name="at"/>.
    /// </summary>
    public async Task<PreparedSignature> PrepareFileAsync(Guid fileId, IReadOnlyList<X509Certificate> chain, SignatureAppearance appearance,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var file = await files.ReadAsync(fileId, cancellationToken);
        return signer.Prepare(file.Content, chain, appearance, at);
    }

    /// <summary>
    /// Phase two: prepares the same revision again (same version, certificate, appearance and time give the same bytes),
    /// checks that the signer's output is the signer's key's signature of its signed attributes (a bare value, or a
    /// detached CMS over exactly those attributes: <see cref="DetachedCms"/>), embeds it and stores the signed file as
    /// <see cref="SignFileAsync"/> does.
    /// </summary>
    /// <exception cref="SignatureInputException">The output is not a signature of the prepared attributes with the certificate's key.</exception>
    public async Task<StoredFile> CompleteFileAsync(Guid fileId, IReadOnlyList<X509Certificate> chain, SignatureAppearance appearance,
        DateTimeOffset at, SignerOutput output, CancellationToken cancellationToken)
    {
        var role = appearance.Role;
        var signedId = SignedFileId.Of(fileId, chain[0], role);
        if (await files.ExistsAsync(signedId, cancellationToken))
            return await files.ReadAsync(signedId, cancellationToken);
        var file = await files.ReadAsync(fileId, cancellationToken);
        var prepared = signer.Prepare(file.Content, chain, appearance, at);
        var signatureValue = output.ValueFor(prepared.ToBeSigned, chain[0]);
        if (!SignatureValue.Verifies(chain[0], prepared.ToBeSigned, signatureValue))
            throw new SignatureInputException("signature-mismatch",
                "Giá trị chữ ký không khớp với chứng thư số và dữ liệu đã chuẩn bị ký: hãy ký bằng đúng khóa của chứng thư số đã gửi khi chuẩn bị.",
                "The signature value does not verify with the certificate's key over the prepared signed attributes.");
        var signed = await signer.CompleteAsync(prepared, signatureValue, cancellationToken);
        return await StoreCheckedAsync(file, signed, chain[0], role, signedId, cancellationToken);
    }

    /// <summary>Only missing revocation data may leave the own new signature short of TOTAL-PASSED; anything else stores nothing.</summary>
    private async Task<StoredFile> StoreCheckedAsync(StoredFile file, byte[] signed, X509Certificate certificate, SignatureRole role, Guid signedId,
        CancellationToken cancellationToken)
    {
        var own = verifier.Verify(signed, await registry.SnapshotAsync(cancellationToken)).Signatures[^1];
        // The admin may not have configured CRLs yet; an untrusted, expired or revoked key must not issue anything.
        if (own.Indication != Indications.TotalPassed && own.SubIndication != SubIndications.TryLater)
            throw new SignatureRefusedException(certificate.SubjectDN.ToString(), own.Reasons);
        var stored = files.AddGenerated(file.Name, "application/pdf", signed, signedId);
        LogSigned(file.Id, role, certificate.SubjectDN, stored.Id);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signature check: {LegalStatus}; signatures: {Signatures}; document: [{Reasons}]")]
    private partial void LogVerified(LegalStatus legalStatus, string signatures, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} ({Role}) was signed by {Signer} before, as file {SignedFileId}; not signed again")]
    private partial void LogAlreadySigned(Guid fileId, SignatureRole role, Org.BouncyCastle.Asn1.X509.X509Name signer, Guid signedFileId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed file {FileId} ({Role}) as {Signer}: file {SignedFileId}")]
    private partial void LogSigned(Guid fileId, SignatureRole role, Org.BouncyCastle.Asn1.X509.X509Name signer, Guid signedFileId);
}

/// <summary>The key produced a signature that does not verify (expired, revoked, untrusted): nothing is stored.</summary>
public sealed class SignatureRefusedException(string signer, IReadOnlyList<SignatureFinding> reasons)
    : Exception($"The key of '{signer}' gives an invalid signature: {string.Join(", ", reasons.Select(r => r.Code))}")
{
    public IReadOnlyList<SignatureFinding> Reasons { get; } = reasons;

    public string Vietnamese => "Không ký được bằng khóa này: " + string.Join("; ", Reasons.Select(r => r.Message));
}
