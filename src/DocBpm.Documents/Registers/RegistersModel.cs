using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Registers;

public static class RegistersModel
{
    internal const string CounterTable = "doc_register_counters";

    public static ModelBuilder ApplyRegisters(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisterBook>(e =>
        {
            e.ToTable("doc_register_books");
            e.HasKey(b => b.Id);
            e.Property(b => b.Code).HasMaxLength(RegisterBooks.CodeLength);
            e.Property(b => b.Name).HasMaxLength(RegisterBooks.NameLength);
            e.Property(b => b.Direction).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(b => b.Code).IsUnique();
            e.HasData(RegisterBookSeed.Books);
        });
        modelBuilder.Entity<RegisterCounter>(e =>
        {
            e.ToTable(CounterTable);
            e.HasKey(c => new { c.BookId, c.Year });
            e.HasOne<RegisterBook>().WithMany().HasForeignKey(c => c.BookId).OnDelete(DeleteBehavior.Restrict);
        });
        return modelBuilder;
    }
}
