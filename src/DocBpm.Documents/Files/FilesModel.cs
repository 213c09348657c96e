using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Files;

public static class FilesModel
{
    public const int NameLength = 400;

    public static ModelBuilder ApplyFiles(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredFile>(e =>
        {
            e.ToTable("doc_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(NameLength);
            e.Property(f => f.ContentType).HasMaxLength(200);
            e.Property(f => f.Sha256).HasMaxLength(64);
        });
        return modelBuilder;
    }
}
