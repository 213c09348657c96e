using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocBpm.Web.Data;

/// <summary>
/// Checks every string about to be stored against its column before the database sees it: a NUL character (PostgreSQL
/// refuses it) or a value longer than the column is a 400 naming the field, never a database error, and nothing is
/// stored. One place for every feature, since each of them takes text from people and other agencies.
/// </summary>
public sealed class ColumnLimits : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
                Check(entry, property);
        }
    }

    private static void Check(EntityEntry entry, PropertyEntry property)
    {
        if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
            return;
        var field = $"{entry.Metadata.ClrType.Name}.{property.Metadata.Name}";
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new InputRefusedException(field, $"Trường '{field}' chứa ký tự NUL (\\u0000), không được phép.",
                $"{field} contains a NUL character");
        if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
            throw new InputRefusedException(field, $"Trường '{field}' dài {text.Length} ký tự, vượt quá giới hạn {max} ký tự.",
                $"{field} is {text.Length} characters long, over its column's {max}");
    }
}

/// <summary>A value that cannot be stored as given (NUL, too long): a 400 telling the person which field.</summary>
public sealed class InputRefusedException(string field, string detailVi, string message)
    : RefusedException(RefusalKind.Malformed, "Dữ liệu không hợp lệ", detailVi, message)
{
    public override IReadOnlyDictionary<string, string[]> FieldErrors { get; } = new Dictionary<string, string[]> { [field] = [detailVi] };
}
