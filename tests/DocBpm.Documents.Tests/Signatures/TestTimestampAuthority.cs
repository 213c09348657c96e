using System.Net;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>An RFC 3161 timestamp authority answering in-process over HTTP, built with BouncyCastle; never the network.</summary>
/// <param name="carriesCertificates">False for an authority whose tokens leave out its certificate and chain.</param>
public sealed class TestTimestampAuthority(TestIdentity authority, TimeProvider time, bool carriesCertificates = true) : HttpMessageHandler
{
    private long serial;

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var query = new TimeStampRequest(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
        var generator = new TimeStampTokenGenerator(authority.Keys.Private, authority.Certificate, NistObjectIdentifiers.IdSha256.Id, "1.2.3.4.1");
        if (carriesCertificates)
            generator.SetCertificates(CollectionUtilities.CreateStore<X509Certificate>(authority.Chain));
        var response = new TimeStampResponseGenerator(generator, TspAlgorithms.Allowed)
            .Generate(query, BigInteger.ValueOf(Interlocked.Increment(ref serial)), time.GetUtcNow().UtcDateTime);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(response.GetEncoded()) };
    }
}
