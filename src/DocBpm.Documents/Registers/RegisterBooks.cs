using DocBpm.Documents.Text;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Registers;

/// <summary>What an administrator enters for a new register book.</summary>
public sealed record NewRegisterBook(string Code, string Name, RegisterDirection Direction);

/// <summary>The administration of register books: list, create, deactivate (a book is never deleted: it has numbers).</summary>
public sealed class RegisterBooks(DbContext db)
{
    public const int CodeLength = 20;
    public const int NameLength = 200;

    public async Task<IReadOnlyList<RegisterBook>> ListAsync(RegisterDirection? direction, bool includeInactive, CancellationToken cancellationToken)
    {
        var books = db.Set<RegisterBook>().AsNoTracking();
        if (direction is { } d)
            books = books.Where(b => b.Direction == d);
        if (!includeInactive)
            books = books.Where(b => b.IsActive);
        return await books.OrderBy(b => b.Direction).ThenBy(b => b.Code).ToListAsync(cancellationToken);
    }

    public async Task<RegisterBook> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<RegisterBook>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
        ?? throw new RegisterBookNotFoundException(id);

    /// <summary>Creates and stores a book; the code is upper-cased and must be unique.</summary>
    public async Task<RegisterBook> CreateAsync(NewRegisterBook request, CancellationToken cancellationToken)
    {
        var code = VietnameseText.Normalize(request.Code)?.ToUpperInvariant() ?? "";
        var name = ValidName(request.Name);
        if (code.Length is 0 or > CodeLength || code.Any(char.IsWhiteSpace))
            throw new RegisterBookInvalidException($"Mã sổ phải có từ 1 đến {CodeLength} ký tự, không chứa khoảng trắng.", $"Invalid register book code '{code}'.");
        if (!Enum.IsDefined(request.Direction))
            throw new RegisterBookInvalidException("Loại sổ phải là sổ văn bản đến hoặc sổ văn bản đi.", $"Invalid direction {request.Direction}.");
        if (await db.Set<RegisterBook>().AnyAsync(b => b.Code == code, cancellationToken))
            throw new RegisterBookInvalidException($"Mã sổ '{code}' đã được dùng cho sổ khác.", $"Register book code '{code}' exists already.");

        var book = new RegisterBook
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            Direction = request.Direction,
        };
        db.Set<RegisterBook>().Add(book);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another administrator took the code a moment ago (the unique index said so).
            db.ChangeTracker.Clear();
            if (!await db.Set<RegisterBook>().AnyAsync(b => b.Code == code, cancellationToken))
                throw;
            throw new RegisterBookInvalidException($"Mã sổ '{code}' đã được dùng cho sổ khác.", $"Register book code '{code}' exists already.", ex);
        }

        return book;
    }

    /// <summary>Renames a book; its code, direction and numbers stay.</summary>
    public async Task<RegisterBook> RenameAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        var clean = ValidName(name);
        var book = await db.Set<RegisterBook>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new RegisterBookNotFoundException(id);
        book.Name = clean;
        await db.SaveChangesAsync(cancellationToken);
        return book;
    }

    /// <summary>Stops a book from allocating numbers; its registered documents and numbers stay.</summary>
    public async Task<RegisterBook> DeactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var book = await db.Set<RegisterBook>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new RegisterBookNotFoundException(id);
        book.IsActive = false;
        await db.SaveChangesAsync(cancellationToken);
        return book;
    }

    private static string ValidName(string? name)
    {
        var clean = VietnameseText.Normalize(name) ?? "";
        if (clean.Length is 0 or > NameLength)
            throw new RegisterBookInvalidException($"Tên sổ phải có từ 1 đến {NameLength} ký tự.", "Invalid register book name.");
        return clean;
    }
}
