using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocBpm.Engine.Timers.Quartz;

public static class QuartzModel
{
    /// <summary>The prefix DocBpm gives Quartz's tables; lower case, so it reads the same on every database.</summary>
    public const string DefaultTablePrefix = "qrtz_";

    /// <summary>
    /// Adds Quartz's job-store tables to the host's model, so that migrations and <c>EnsureCreated</c> create them
    /// beside DocBpm's own. Nothing in DocBpm queries them through EF: they are property bags that exist for the schema.
    /// Pass Quartz the same prefix (<see cref="QuartzStoreExtensions.UseDocBpmJobStore"/>).
    /// </summary>
    public static ModelBuilder ApplyQuartzSchema(this ModelBuilder modelBuilder, DatabaseProvider provider,
        string tablePrefix = DefaultTablePrefix)
    {
        var names = new QuartzNaming(provider, tablePrefix);
        foreach (var table in QuartzTables.All)
            modelBuilder.SharedTypeEntity<Dictionary<string, object>>(EntityName(table.Name), e => Map(e, table, names, provider));
        return modelBuilder;
    }

    private static string EntityName(string table) => "Quartz." + table;

    private static void Map(EntityTypeBuilder<Dictionary<string, object>> entity, QuartzTable table, QuartzNaming names,
        DatabaseProvider provider)
    {
        entity.ToTable(names.Table(table.Name));
        foreach (var column in table.Columns.Select(c => c.For(provider)))
        {
            var clrType = column.IsNullable && column.Type.ClrType.IsValueType
                ? typeof(Nullable<>).MakeGenericType(column.Type.ClrType)
                : column.Type.ClrType;
            var property = entity.IndexerProperty(clrType, column.Name)
                .HasColumnName(names.Column(column.Name))
                .HasColumnType(column.Type.StoreType(provider))
                .IsRequired(!column.IsNullable);
            if (column.DefaultValue is not null)
                property.HasDefaultValue(column.DefaultValue);
        }

        entity.HasKey([.. table.Key]).HasName(names.PrimaryKey(table.Name));
        foreach (var foreignKey in table.ForeignKeys.Where(f => f.AbsentOn != provider))
        {
            entity.HasOne(EntityName(foreignKey.PrincipalTable)).WithMany()
                .HasForeignKey([.. foreignKey.Columns])
                .HasConstraintName(names.ForeignKey(table.Name, foreignKey))
                .OnDelete(foreignKey.CascadeDelete ? DeleteBehavior.Cascade : DeleteBehavior.NoAction);
        }

        foreach (var index in table.Indexes)
        {
            var builder = entity.HasIndex([.. index.Columns], names.Index(index.Name));
            if (index.Descending is { } descending)
                builder.IsDescending([.. descending]);
        }
    }
}
