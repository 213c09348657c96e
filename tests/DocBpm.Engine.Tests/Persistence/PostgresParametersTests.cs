using DocBpm.Engine.Persistence;
using Npgsql;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// The step writer's parameters are kept per context from one step to the next (issue 19), without holding anything of
/// a written row and without growing with the largest batch a context ever wrote.
/// </summary>
[TestClass]
public sealed class PostgresParametersTests
{
    [TestMethod]
    public void A_parameter_taken_back_after_its_step_is_handed_out_again_without_the_steps_value()
    {
        var parameters = new PostgresParameters();
        var (batch, command) = Sent(parameters.With("CV-1/task"), parameters.With(7L));
        var (text, revision) = ((NpgsqlParameter<string>)command.Parameters[0], (NpgsqlParameter<long>)command.Parameters[1]);

        parameters.TakeBack(batch);

        Assert.AreEqual(0, command.Parameters.Count, "the statement no longer holds them");
        Assert.IsNull(text.TypedValue, "nothing of a written row is held past its step");
        Assert.AreSame(text, parameters.With("CV-2/task"));
        Assert.AreEqual("CV-2/task", text.TypedValue);
        Assert.AreSame(revision, parameters.With(8L));
        Assert.AreEqual(8L, revision.TypedValue);
        Sent(text, revision);
    }

    [TestMethod]
    public void A_parameter_is_handed_out_again_only_as_its_own_type()
    {
        var parameters = new PostgresParameters();
        var (batch, command) = Sent(parameters.With<DateTimeOffset?>(null));
        var instant = command.Parameters[0];
        parameters.TakeBack(batch);

        Assert.AreNotSame(instant, parameters.With<DateTimeOffset>(DateTimeOffset.UnixEpoch));
        Assert.AreSame(instant, parameters.With<DateTimeOffset?>(DateTimeOffset.UnixEpoch));
    }

    [TestMethod]
    public void What_a_context_keeps_is_bounded_whatever_the_largest_batch_it_wrote()
    {
        var parameters = new PostgresParameters();
        var (batch, command) = Sent([.. Enumerable.Range(0, 1_000).Select(i => parameters.With($"row {i}"))]);
        var sent = command.Parameters.ToHashSet();
        parameters.TakeBack(batch);

        var handedOut = Enumerable.Range(0, 1_000).Select(i => parameters.With($"next {i}")).ToList();

        Assert.AreEqual(64, handedOut.Count(sent.Contains), "kept: more than a step of one instance sends of one type, and no more");
    }

    private static (NpgsqlBatch Batch, NpgsqlBatchCommand Command) Sent(params NpgsqlParameter[] values)
    {
        var command = new NpgsqlBatchCommand("SELECT 1");
        command.Parameters.AddRange(values);
        var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(command);
        return (batch, command);
    }
}
