using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// Signs the edXML envelopes this agency sends with its agency key (<c>Outgoing:AgencyKeyId</c>, the key of the PDF's
/// agency signature) when that key is configured; without one the envelope goes unsigned, as most senders' do.
/// </summary>
public sealed class EnvelopeSigner(ISigningKeyStore keys, IOptions<SignatureOptions> signatures, IOptions<OutgoingOptions> outgoing)
{
    public async Task<byte[]> SignAsync(byte[] package, CancellationToken cancellationToken)
    {
        var keyId = outgoing.Value.AgencyKeyId;
        return signatures.Value.Keys.ContainsKey(keyId)
            ? await EnvelopeSignature.SignAsync(package, keys.Get(keyId), cancellationToken)
            : package;
    }
}
