#!/usr/bin/env bash
# Issue 19's "one run": every mode of the benchmark in turn on this machine, each rewriting its own section of
# docs/benchmarks.md. Needs DOCBPM_TEST_POSTGRES; about 25 minutes on two quiet cores when the inbox's 1,000,000-document
# database is reused from an earlier run, 8-10 minutes more when it is seeded. Each mode's own options can be passed
# through ENGINE_ARGS, PLATEAU_ARGS, TIMERS_ARGS, HTTP_ARGS and INBOX_ARGS (see Program.cs).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
: "${DOCBPM_TEST_POSTGRES:?set DOCBPM_TEST_POSTGRES to a PostgreSQL connection string}"

dotnet build -c Release tests/DocBpm.Benchmarks -p:DocBpmSkipDesigner=true
run() {
  printf '\n== %s (load average %s)\n' "${*:-engine}" "$(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet run -c Release --no-build --project tests/DocBpm.Benchmarks -- "$@"
}
# shellcheck disable=SC2086 # each *_ARGS is a list of options, split on purpose
{
  run ${ENGINE_ARGS:-}
  run plateau ${PLATEAU_ARGS:-}
  run timers ${TIMERS_ARGS:-}
  run http ${HTTP_ARGS:-}
  run inbox ${INBOX_ARGS:---documents 1000000}
}
