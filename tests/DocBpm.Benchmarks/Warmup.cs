using System.Runtime;

namespace DocBpm.Benchmarks;

/// <summary>
/// Unmeasured rounds before a row is timed, until the JIT has settled: .NET first runs a method as quick unoptimised
/// code, then as instrumented code that profiles it, and only then compiles it fully on one background thread, which
/// gets little time on two busy cores. A single warm-up round left the persisted rows measuring that code and the
/// compiler itself (perf, 2026-12-07: 7 % of the process's CPU in the JIT and a fifth in instrumented methods after
/// twenty rounds of 400 instances). Warm-up stops after a round in which almost nothing was compiled, or after
/// <see cref="MaxRounds"/>.
/// </summary>
public static class Warmup
{
    public const int MaxRounds = 15;

    /// <summary>Methods compiled in a round below which the JIT counts as settled.</summary>
    private const int Settled = 10;

    /// <returns>The warm-up rounds run.</returns>
    public static async Task<int> UntilJitSettlesAsync(Func<Task> round)
    {
        for (var rounds = 1; ; rounds++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await round();
            if (JitInfo.GetCompiledMethodCount() - compiled < Settled || rounds == MaxRounds)
                return rounds;
        }
    }

    /// <summary>The engine mode's warm-up before 2026-12-07, kept to compare with.</summary>
    public static async Task<int> OnceAsync(Func<Task> round)
    {
        await round();
        return 1;
    }
}
