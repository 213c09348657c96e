using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocBpm.Engine.Persistence;

public static class EngineConventions
{
    /// <summary>
    /// SQLite has no date-time type that sorts and compares in SQL; storing UTC instants as binary ticks keeps
    /// "due before now" and "newest first" queries in the database.
    /// </summary>
    public static ModelConfigurationBuilder ApplyEngineConventions(this ModelConfigurationBuilder builder, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        return builder;
    }
}
