using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Signatures;

public static class SignaturesServiceCollectionExtensions
{
    /// <summary>Signing and verification (configuration section <c>Signatures</c>; see docs/signatures.md).</summary>
    public static IServiceCollection AddDocBpmSignatures(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SignatureOptions.Section);
        services.Configure<SignatureOptions>(section);
        services.AddSingleton(sp => TrustMaterial.Load(sp.GetRequiredService<IOptions<SignatureOptions>>().Value));
        services.AddSingleton<SignatureVerifier>();
        services.AddSingleton<SignedRevisions>();
        services.AddSingleton<ISigningKeyStore, Pkcs12KeyStore>();
        if (section.GetValue<Uri?>(nameof(SignatureOptions.TimestampUrl)) is { } timestampUrl)
            services.AddHttpClient<ITimestampClient, HttpTimestampClient>(http => http.BaseAddress = timestampUrl);
        services.AddScoped<PdfSigner>();
        services.AddScoped<SignerRegistry>();
        services.AddScoped<SignatureImages>();
        services.AddScoped<DocumentSignatures>();
        return services;
    }
}
