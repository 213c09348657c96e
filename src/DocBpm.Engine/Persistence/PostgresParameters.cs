using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// The typed parameters <see cref="PostgresStepWriter"/> sends, kept per context from one step to the next: a parameter per
/// value of every row was the largest single share of the bytes a persisted instance allocated (issue 19), and a pooled
/// context writes steps of the same shape all day. A context is used by one caller at a time, and so is what it keeps.
/// Bounded per parameter type, so that a large batch of due timers does not leave thousands behind; a parameter taken
/// back lets go of its value, so that nothing of a written row is held past its step.
/// </summary>
internal sealed class PostgresParameters
{
    /// <summary>More than a step of one instance sends of any type (its strings: about thirty).</summary>
    private const int KeptPerType = 64;

    private static readonly ConditionalWeakTable<DbContext, PostgresParameters> OfContext = new();

    private readonly Dictionary<Type, Kept> kept = [];

    public static PostgresParameters Of(DbContext context) => OfContext.GetValue(context, static _ => new PostgresParameters());

    public NpgsqlParameter<T> With<T>(T value)
    {
        if (!kept.TryGetValue(typeof(NpgsqlParameter<T>), out var free))
            kept[typeof(NpgsqlParameter<T>)] = free = new Kept(static parameter => ((NpgsqlParameter<T>)parameter).TypedValue = default);
        var parameter = free.Parameters.TryPop(out var reused) ? (NpgsqlParameter<T>)reused : new NpgsqlParameter<T>();
        parameter.TypedValue = value;
        return parameter;
    }

    /// <summary>Takes back the parameters of the batch's statements, which leaves those statements without any.</summary>
    public void TakeBack(NpgsqlBatch batch)
    {
        for (var c = 0; c < batch.BatchCommands.Count; c++)
        {
            var command = batch.BatchCommands[c];
            for (var i = 0; i < command.Parameters.Count; i++)
            {
                var parameter = command.Parameters[i];
                if (kept.TryGetValue(parameter.GetType(), out var free) && free.Parameters.Count < KeptPerType)
                {
                    free.Forget(parameter);
                    free.Parameters.Push(parameter);
                }
            }

            // A parameter belongs to one statement's collection at a time; clearing it frees them for the next step.
            command.Parameters.Clear();
        }
    }

    private sealed record Kept(Action<NpgsqlParameter> Forget)
    {
        public Stack<NpgsqlParameter> Parameters { get; } = new();
    }
}
