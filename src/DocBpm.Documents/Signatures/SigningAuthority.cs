using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// The admin's registry: a person with signing authority (Article 4 "người có thẩm quyền") or an agency with its
/// identifier code, matched to certificates by thumbprint or by the identifier in the certificate subject.
/// </summary>
public sealed class SigningAuthority
{
    public Guid Id { get; set; }
    public SignerKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the certificate, lower-case hex.</summary>
    public string? Thumbprint { get; set; }

    /// <summary>The subject's UID or serialNumber as the CA wrote it, e.g. <c>CCCD:020080001234</c> or <c>MNS:1234567</c>.</summary>
    public string? SubjectIdentifier { get; set; }

    /// <summary>For agencies: the identifier code on the exchange axis (e.g. 000.00.12.H37).</summary>
    public string? AgencyCode { get; set; }

    public string? Position { get; set; }
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public SignerRegistration ToRegistration() =>
        new(Kind, Name, Thumbprint, SubjectIdentifier, AgencyCode, Position, ValidFrom, ValidTo);
}

public static class SignatureModel
{
    public static ModelBuilder ApplySignatures(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SigningAuthority>(e =>
        {
            e.ToTable("sig_authorities");
            e.HasKey(a => a.Id);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Thumbprint).HasMaxLength(64);
            e.Property(a => a.SubjectIdentifier).HasMaxLength(100);
            e.Property(a => a.AgencyCode).HasMaxLength(30);
            e.Property(a => a.Position).HasMaxLength(100);
            e.HasIndex(a => a.Thumbprint);
            e.HasIndex(a => a.SubjectIdentifier);
        });
        return modelBuilder.ApplySignatureImages();
    }
}

/// <summary>Reads and edits the registry; the verifier gets a snapshot of it.</summary>
public sealed class SignerRegistry(DbContext db, TimeProvider time)
{
    private DbSet<SigningAuthority> Authorities => db.Set<SigningAuthority>();

    public async Task<IReadOnlyList<SignerRegistration>> SnapshotAsync(CancellationToken cancellationToken) =>
        [.. (await Authorities.AsNoTracking().ToListAsync(cancellationToken)).Select(a => a.ToRegistration())];

    public Task<List<SigningAuthority>> ListAsync(CancellationToken cancellationToken) =>
        Authorities.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name).ToListAsync(cancellationToken);

    public async Task<SigningAuthority> AddAsync(SigningAuthority authority, CancellationToken cancellationToken)
    {
        authority.Id = Guid.CreateVersion7();
        authority.Thumbprint = authority.Thumbprint?.Trim().ToLowerInvariant();
        authority.CreatedAt = time.GetUtcNow().ToUniversalTime();
        Authorities.Add(authority);
        await db.SaveChangesAsync(cancellationToken);
        return authority;
    }

    public async Task<bool> RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        await Authorities.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
}
