#!/usr/bin/env bash
# Compares the engine of two commits on this machine: both are built, then run alternately PAIRS times, so that the
# machine's drift (other load, CPU frequency) falls on both alike. Records are not written; paste the summary into
# docs/benchmarks.md with the machine, the date and the load average.
# Usage: tests/DocBpm.Benchmarks/SameMachine/compare.sh BASE [HEAD] [PAIRS] [INSTANCES] [ROUNDS]
# PostgreSQL rows run when DOCBPM_TEST_POSTGRES is set.
set -euo pipefail
base=${1:?usage: compare.sh BASE [HEAD] [PAIRS] [INSTANCES] [ROUNDS]}
head=${2:-HEAD}
pairs=${3:-5}
instances=${4:-20000}
rounds=${5:-5}
repo=$(git rev-parse --show-toplevel)
harness="$repo/tests/DocBpm.Benchmarks/SameMachine/Harness.cs"
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/base" 2>/dev/null || true; git -C "$repo" worktree remove --force "$work/head" 2>/dev/null || true; rm -rf "$work"' EXIT

for side in base head; do
  commit=$([ "$side" = base ] && echo "$base" || echo "$head")
  git -C "$repo" worktree add --detach "$work/$side" "$commit" >/dev/null
  rm -rf "$work/$side/tests/DocBpm.Benchmarks/SameMachine"
  cp "$harness" "$work/$side/tests/DocBpm.Benchmarks/Program.cs"
  dotnet build -c Release "$work/$side/tests/DocBpm.Benchmarks" -p:DocBpmSkipDesigner=true -v:q -nologo >/dev/null
done

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for pair in $(seq "$pairs"); do
  for side in base head; do
    (cd "$work/$side" && dotnet tests/DocBpm.Benchmarks/bin/Release/net10.0/DocBpm.Benchmarks.dll "$instances" "$rounds" "$side")
  done
done | tee "$work/lines.tsv"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Median over the pairs of each side's per-run median, then head / base.
echo
echo "| runner | shape | $base instances/s | $head instances/s | ratio | $base bytes/instance | $head bytes/instance |"
echo "|---|---|---:|---:|---:|---:|---:|"
sort -t$'\t' -k2,2 -k3,3 -k1,1 "$work/lines.tsv" | awk -F'\t' '
  function median(side, column, n,   sorted, i, j, t) {
    for (i = 1; i <= n; i++) sorted[i] = value[side, column, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  function flush(   b, h) {
    if (key == "") return
    b = median("base", 4, count["base"]); h = median("head", 4, count["head"])
    printf "| %s | %s | %.0f | %.0f | %.3f | %.0f | %.0f |\n", runner, shape, b, h, h / b, median("base", 8, count["base"]), median("head", 8, count["head"])
    count["base"] = 0; count["head"] = 0
  }
  { if ($2 "\t" $3 != key) { flush(); key = $2 "\t" $3; runner = $2; shape = $3 }
    n = ++count[$1]; value[$1, 4, n] = $4; value[$1, 8, n] = $8 }
  END { flush() }'
