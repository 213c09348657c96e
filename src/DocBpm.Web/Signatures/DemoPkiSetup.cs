using DocBpm.Documents.Exchange;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Signatures;
using DocBpm.Web.Accounts;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Signatures;

/// <summary>The demo PKI this Development host signs with (its presence is what the pages' DEMO banner shows).</summary>
public sealed record DemoPkiInUse(string Folder, DemoPkiFiles Files, IReadOnlyList<DemoSigner> Signers);

/// <summary>
/// A Development host with no signing key configured makes (once, under App_Data) and uses a demo PKI, so that an
/// outgoing document goes from draft to issued out of the box; a host outside Development refuses to start with demo
/// material. <c>Signatures:DemoPki:Enabled=false</c> turns the demo off; <c>Signatures:DemoPki:Folder</c> moves it.
/// </summary>
public static partial class DemoPkiSetup
{
    public static WebApplicationBuilder AddDemoPki(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment() || !configuration.GetValue("Signatures:DemoPki:Enabled", true)
            || configuration.GetSection("Signatures:Keys").GetChildren().Any())
            return builder;

        var folder = configuration["Signatures:DemoPki:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "demo-pki");
        var agencyKey = configuration[$"{OutgoingOptions.Section}:{nameof(OutgoingOptions.AgencyKeyId)}"] ?? new OutgoingOptions().AgencyKeyId;
        var agencyName = configuration[$"{AxisConnection.Section}:{nameof(AxisConnection.AgencyName)}"] is { Length: > 0 } name
            ? name
            : "Sở Giáo dục và Đào tạo Lạng Sơn";
        List<DemoSigner> signers =
        [
            .. DevelopmentSeed.Leaders.Select(l => new DemoSigner(l.UserName, l.FullName, SignerKind.Person, l.Position)),
            new DemoSigner(agencyKey, agencyName, SignerKind.Organisation),
        ];
        var files = DemoPki.EnsureCreated(folder, signers);

        // In memory only: appsettings stay as the admin wrote them, and the trust files the admin did configure are kept.
        var settings = new Dictionary<string, string?>();
        foreach (var (keyId, key) in files.Keys)
        {
            settings[$"Signatures:Keys:{keyId}:Path"] = key.Path;
            settings[$"Signatures:Keys:{keyId}:Password"] = key.Password;
        }

        Append(configuration, settings, "Signatures:TrustAnchors", [files.Root]);
        Append(configuration, settings, "Signatures:IntermediateCertificates", [files.SubCa]);
        Append(configuration, settings, "Signatures:CrlFiles", files.Crls);
        configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new DemoPkiInUse(folder, files, signers));
        builder.Services.AddSingleton(new Components.Layout.SiteNotice(
            "Chữ ký số DEMO: khóa ký và chứng thư số trên máy này do DocBpm tự tạo để dùng thử, văn bản ký bằng chúng không có giá trị pháp lý.",
            "demo-pki"));
        return builder;
    }

    /// <summary>
    /// Registers the demo signers with signing authority (Article 4 counts a personal signature only from a registered
    /// person when <see cref="SignatureOptions.RequireRegisteredSigner"/> is on), once, by certificate thumbprint.
    /// </summary>
    public static async Task RegisterDemoSignersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<DemoPkiInUse>() is not { } demo)
            return;
        var registry = services.GetRequiredService<SignerRegistry>();
        var keys = services.GetRequiredService<ISigningKeyStore>();
        var agencyCode = services.GetRequiredService<IOptions<AxisConnection>>().Value.AgencyCode;
        var registered = (await registry.SnapshotAsync(cancellationToken)).Select(r => r.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var signer in demo.Signers)
        {
            var thumbprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(keys.Get(signer.KeyId).Chain[0].GetEncoded()));
            if (registered.Contains(thumbprint))
                continue;
            await registry.AddAsync(new SigningAuthority
            {
                Kind = signer.Kind,
                Name = signer.Name,
                Thumbprint = thumbprint,
                Position = signer.Position,
                AgencyCode = signer.Kind == SignerKind.Organisation && agencyCode.Length > 0 ? agencyCode : null,
            }, cancellationToken);
        }

        LogDemoPki(services.GetRequiredService<ILogger<DemoPkiInUse>>(), demo.Folder, string.Join(", ", demo.Signers.Select(s => s.KeyId)));
    }

    /// <summary>Outside Development a demo trust anchor, intermediate or signing key stops the start, naming each.</summary>
    public static void RefuseDemoMaterial(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SignatureOptions>>().Value;
        var trust = services.GetRequiredService<TrustMaterial>();
        var keys = services.GetRequiredService<ISigningKeyStore>();
        List<string> found =
        [
            .. trust.Anchors.Concat(trust.Intermediates).Where(DemoPki.IsDemo).Select(c => $"trusted certificate '{c.SubjectDN}'"),
            .. options.Keys.Keys.Where(id => IsDemoKey(keys, id)).Select(id => $"signing key '{id}'"),
        ];
        if (found.Count == 0)
            return;
        var what = string.Join("; ", found);
        LogDemoRefused(services.GetRequiredService<ILogger<DemoPkiInUse>>(), what);
        throw new InvalidOperationException($"DocBpm refuses to start: demo PKI material is configured outside Development ({what}). "
            + "Configure the agency's real keys and trust anchors under Signatures.");
    }

    private static bool IsDemoKey(ISigningKeyStore keys, string keyId)
    {
        try
        {
            return keys.Get(keyId).Chain.Any(DemoPki.IsDemo);
        }
        catch (SigningKeyNotFoundException)
        {
            // A key that cannot be opened is reported where it is used; it signs nothing meanwhile.
            return false;
        }
    }

    private static void Append(ConfigurationManager configuration, Dictionary<string, string?> settings, string list, IReadOnlyList<string> paths)
    {
        var next = configuration.GetSection(list).GetChildren().Count();
        foreach (var path in paths)
            settings[$"{list}:{next++}"] = path;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO PKI in use from {Folder}: demo keys for {KeyIds}. Its signatures are for trying DocBpm out and have no legal value; a host outside Development refuses to start with it")]
    private static partial void LogDemoPki(ILogger logger, string folder, string keyIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refusing to start: demo PKI material is configured outside Development: {Material}. Configure the agency's real keys and trust anchors under Signatures")]
    private static partial void LogDemoRefused(ILogger logger, string material);
}
