using System.Collections.Concurrent;
using DocBpm.Documents.Signatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// The admin's key store with some keys not configured yet, as on a fresh installation; <see cref="Fix"/> is the admin
/// configuring them, without restarting the host.
/// </summary>
public sealed class MissingKeys(ISigningKeyStore configured, IEnumerable<string> missing) : ISigningKeyStore
{
    private readonly ConcurrentDictionary<string, byte> missing = new(missing.Select(k => KeyValuePair.Create(k, (byte)0)));

    public ISigningKey Get(string keyId) => missing.ContainsKey(keyId)
        ? throw new SigningKeyNotFoundException(keyId, "no key is configured under this id")
        : configured.Get(keyId);

    public void Fix() => missing.Clear();

    /// <summary>Takes the keys <paramref name="keyIds"/> away from <paramref name="host"/> until <see cref="Fix"/>.</summary>
    public static void Use(DocBpmWebFactory host, params string[] keyIds) =>
        host.TestServices.Add(services => services.Replace(ServiceDescriptor.Singleton<ISigningKeyStore>(sp =>
            new MissingKeys(new Pkcs12KeyStore(sp.GetRequiredService<IOptions<SignatureOptions>>()), keyIds))));

    public static MissingKeys Of(DocBpmWebFactory host) => (MissingKeys)host.Services.GetRequiredService<ISigningKeyStore>();
}
