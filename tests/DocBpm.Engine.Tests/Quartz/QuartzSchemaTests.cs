using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>The job-store tables in EF's model are the ones Quartz's own provisioning scripts create.</summary>
[TestClass]
public sealed class QuartzSchemaTests
{
    [TestMethod]
    [DataRow(DatabaseProvider.Sqlite, "qrtz_")]
    [DataRow(DatabaseProvider.PostgreSql, "qrtz_")]
    [DataRow(DatabaseProvider.SqlServer, "qrtz_")]
    [DataRow(DatabaseProvider.PostgreSql, "QRTZ_")]
    [DataRow(DatabaseProvider.SqlServer, "QRTZ_")]
    public void Model_has_every_table_column_key_and_index_of_the_script_quartz_ships(DatabaseProvider provider, string tablePrefix)
    {
        using var context = QuartzTestContext.ForModel(provider, tablePrefix);

        var expected = SchemaOutline.FromQuartzScript(provider, tablePrefix);
        var actual = SchemaOutline.FromModel(context.GetService<IDesignTimeModel>().Model, provider);

        Assert.HasCount(15, expected.Where(line => line.Contains(" PRIMARY KEY ", StringComparison.Ordinal)));
        Assert.AreEqual("", SchemaOutline.Difference(expected, actual));
    }

    [TestMethod]
    [DataRow(DatabaseProvider.Sqlite)]
    [DataRow(DatabaseProvider.PostgreSql)]
    [DataRow(DatabaseProvider.SqlServer)]
    public void Create_script_creates_each_quartz_table_under_the_name_quartz_queries(DatabaseProvider provider)
    {
        using var context = QuartzTestContext.ForModel(provider);
        var sql = context.GetService<ISqlGenerationHelper>();

        var script = context.Database.GenerateCreateScript();

        var tables = QuartzSchema.Tables(provider, QuartzModel.DefaultTablePrefix);
        Assert.HasCount(15, tables);
        foreach (var table in tables)
            Assert.Contains($"CREATE TABLE {sql.DelimitIdentifier(table)} (", script);
        Assert.AreEqual(15, script.Split("CREATE INDEX ").Length - 1, script);
    }

    [TestMethod]
    public void A_prefix_naming_a_schema_is_refused() =>
        Assert.ThrowsExactly<ArgumentException>(() => QuartzTestContext.ForModel(DatabaseProvider.PostgreSql, "jobs.qrtz_").Model);
}
