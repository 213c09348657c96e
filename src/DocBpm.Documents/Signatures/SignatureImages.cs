using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// A picture a visible signature draws (NĐ30 Phụ lục I): a leader's handwritten signature (blue, transparent PNG) or the
/// agency's seal (red, transparent PNG, actual size). <see cref="Owner"/> is <see cref="AgencyOwner"/> or
/// <c>person:</c> and the lower-case user name.
/// </summary>
public sealed class SignatureImage
{
    public const string AgencyOwner = "agency";
    public const int OwnerLength = 300;

    public required string Owner { get; set; }
    public required byte[] Png { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public static string PersonOwner(string userName) => "person:" + userName.Trim().ToLowerInvariant();

    public static string OwnerFor(SignatureRole role, string? userName) =>
        role == SignatureRole.Agency ? AgencyOwner : PersonOwner(userName ?? "");
}

public static class SignatureImageModel
{
    public static ModelBuilder ApplySignatureImages(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignatureImage>(e =>
        {
            e.ToTable("sig_images");
            e.HasKey(i => i.Owner);
            e.Property(i => i.Owner).HasMaxLength(SignatureImage.OwnerLength);
            e.Property(i => i.UpdatedBy).HasMaxLength(256);
        });
        return modelBuilder;
    }
}

/// <summary>The admin's signature and seal images, and the one a signature being drawn uses.</summary>
public sealed class SignatureImages(DbContext db, TimeProvider time)
{
    private DbSet<SignatureImage> Images => db.Set<SignatureImage>();

    public Task<SignatureImage?> FindAsync(string owner, CancellationToken cancellationToken) =>
        Images.AsNoTracking().FirstOrDefaultAsync(i => i.Owner == owner, cancellationToken);

    /// <summary>Stores <paramref name="png"/> for <paramref name="owner"/>, replacing the previous one.</summary>
    /// <exception cref="SignatureImageRefusedException">Not a PNG DocBpm can draw, or over the limits (422); nothing is stored.</exception>
    public async Task<SignatureImage> SetAsync(string owner, byte[] png, string updatedBy, CancellationToken cancellationToken)
    {
        var (width, height) = SignaturePng.Check(png);
        var image = await Images.FirstOrDefaultAsync(i => i.Owner == owner, cancellationToken);
        if (image is null)
        {
            image = new SignatureImage { Owner = owner, Png = png, UpdatedBy = updatedBy };
            Images.Add(image);
        }

        image.Png = png;
        image.Width = width;
        image.Height = height;
        image.UpdatedBy = updatedBy;
        image.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return image;
    }

    public async Task<bool> RemoveAsync(string owner, CancellationToken cancellationToken) =>
        await Images.Where(i => i.Owner == owner).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The owners that have an image, for the admin's overview.</summary>
    public Task<List<string>> OwnersAsync(CancellationToken cancellationToken) =>
        Images.AsNoTracking().OrderBy(i => i.Owner).Select(i => i.Owner).ToListAsync(cancellationToken);
}
