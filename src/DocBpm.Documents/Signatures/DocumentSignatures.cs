using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Signatures;

/// <summary>Signing and verifying the documents' stored files, with the admin's keys and registry.</summary>
public sealed partial class DocumentSignatures(FileStore files, SignerRegistry registry, SignatureVerifier verifier, PdfSigner signer,
    ISigningKeyStore keys, ILogger<DocumentSignatures> logger)
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
    /// (<see cref="SignedFileId"/>): a step run twice stores one signed file.
    /// </summary>
    public async Task<StoredFile> SignFileAsync(Guid fileId, string keyId, SignatureRole role, string? signerName, string? notation, int? page,
        CancellationToken cancellationToken)
    {
        var key = keys.Get(keyId);
        var signedId = SignedFileId.Of(fileId, key.Chain[0], role);
        if (await files.ExistsAsync(signedId, cancellationToken))
        {
            LogAlreadySigned(fileId, role, keyId, signedId);
            return await files.ReadAsync(signedId, cancellationToken);
        }

        var file = await files.ReadAsync(fileId, cancellationToken);
        var name = signerName is { Length: > 0 } given ? given
            : key.Chain[0].SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? keyId;
        var appearance = SignatureAppearance.For(role, name, notation) with { Page = page };
        var signed = await signer.SignAsync(file.Content, key, appearance, cancellationToken);
        var own = verifier.Verify(signed, await registry.SnapshotAsync(cancellationToken)).Signatures[^1];
        // Only missing revocation data may leave the own new signature short of TOTAL-PASSED: the admin may not have
        // configured CRLs yet; an untrusted, expired or revoked key must not issue anything.
        if (own.Indication != Indications.TotalPassed && own.SubIndication != SubIndications.TryLater)
            throw new SignatureRefusedException(keyId, own.Reasons);
        var stored = files.AddGenerated(file.Name, "application/pdf", signed, signedId);
        LogSigned(fileId, role, keyId, stored.Id);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signature check: {LegalStatus}; signatures: {Signatures}; document: [{Reasons}]")]
    private partial void LogVerified(LegalStatus legalStatus, string signatures, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} ({Role}) was signed with key {KeyId} before, as file {SignedFileId}; not signed again")]
    private partial void LogAlreadySigned(Guid fileId, SignatureRole role, string keyId, Guid signedFileId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed file {FileId} ({Role}) with key {KeyId} as file {SignedFileId}")]
    private partial void LogSigned(Guid fileId, SignatureRole role, string keyId, Guid signedFileId);
}

/// <summary>The key produced a signature that does not verify (expired, revoked, untrusted): nothing is stored.</summary>
public sealed class SignatureRefusedException(string keyId, IReadOnlyList<SignatureFinding> reasons)
    : Exception($"Signing key '{keyId}' gives an invalid signature: {string.Join(", ", reasons.Select(r => r.Code))}")
{
    public IReadOnlyList<SignatureFinding> Reasons { get; } = reasons;

    public string Vietnamese => "Không ký được bằng khóa này: " + string.Join("; ", Reasons.Select(r => r.Message));
}
