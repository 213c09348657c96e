using System.Net.Http.Headers;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;

namespace DocBpm.Documents.Signatures;

/// <summary>An RFC 3161 timestamp authority: returns a token over a SHA-256 imprint.</summary>
public interface ITimestampClient
{
    Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken);
}

/// <summary>The timestamp service could not give a usable token; signing stops and nothing is stored.</summary>
public sealed class TimestampException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>RFC 3161 over HTTP (<c>application/timestamp-query</c>) to the configured <c>Signatures:TimestampUrl</c>.</summary>
public sealed class HttpTimestampClient(HttpClient http) : ITimestampClient
{
    public async Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(NistObjectIdentifiers.IdSha256, sha256Imprint, new BigInteger(64, new SecureRandom()));
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        try
        {
            using var response = await http.PostAsync((Uri?)null, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            var reply = new TimeStampResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            reply.Validate(request);
            return reply.TimeStampToken?.GetEncoded() ?? throw new TimestampException($"The timestamp authority refused: {reply.GetStatusString()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TspException or IOException)
        {
            throw new TimestampException($"The timestamp authority gave no usable token: {ex.Message}", ex);
        }
    }
}
