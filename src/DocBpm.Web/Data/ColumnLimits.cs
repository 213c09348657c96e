using System.Collections.Concurrent;
using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>The text properties of each entity type, found once rather than for every row of every save.</summary>
    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> TextProperties = new();

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            var values = entry.CurrentValues;
            foreach (var property in TextProperties.GetOrAdd(entry.Metadata, type => [.. type.GetProperties().Where(p => p.ClrType == typeof(string))]))
            {
                if (values[property] is string text && (entry.State == EntityState.Added || entry.Property(property).IsModified))
                    Check(entry, property, text);
            }
        }
    }

    private static void Check(EntityEntry entry, IProperty property, string text)
    {
        var nul = text.Contains('\0', StringComparison.Ordinal);
        var max = property.GetMaxLength();
        if (!nul && !(max is { } limit && text.Length > limit))
            return;
        var field = $"{entry.Metadata.ClrType.Name}.{property.Name}";
        if (nul)
            throw new InputRefusedException(field, $"Trường '{field}' chứa ký tự NUL (\\u0000), không được phép.",
                $"{field} contains a NUL character");
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
