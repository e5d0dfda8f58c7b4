#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzz build (cmake --preset fuzz) with their
# seeds and dictionaries; stops with exit 1 if any target finds a crash, a
# hang, a leak or a sanitizer report. docs/testing.md explains the figures.
#
#   tests/fuzz/run-fuzz.sh [--time SECONDS | --runs N] [TARGET...]
#
# --time 30 (default): each target for 30 s (the test command's smoke run);
# --runs N: each target for N executions. TARGET: project_json, swproj,
# scenario_json, availability_expr, history_csv, cli (default: all).
# The working corpus grows in build-fuzz/fuzz-corpus/TARGET; crashes land in
# build-fuzz/fuzz-artifacts/ and the log of each run in build-fuzz/fuzz-logs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${SW_FUZZ_BUILD:-$root/build-fuzz}

limit=(-max_total_time=30)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(project_json swproj scenario_json availability_expr history_csv cli)

mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs" "$build/fuzz-seeds"
# The .swproj seeds: projects written by the store, and the frozen schema 1.
if [[ " ${targets[*]} " == *" swproj "* ]]; then
  "$build/tests/fuzz/make_swproj_seeds" "$build/fuzz-seeds/swproj" \
    samples/stage-01-single-server.json samples/stage-03-load-balancer.json \
    samples/stage-08-message-queues.json tests/sim/data/three_tier_failures.json tests/model/data/swproj_v1.sql
fi

# Seeds and dictionary of each target.
seeds_of() {
  case "$1" in
    project_json) echo "$root/samples $root/tests/sim/data $root/tests/model/data" ;;
    swproj) echo "$build/fuzz-seeds/swproj" ;;
    *) echo "$root/tests/fuzz/corpus/$1" ;;
  esac
}
dict_of() {
  case "$1" in
    project_json|scenario_json|swproj) echo "$root/tests/fuzz/dict/json.dict" ;;
    availability_expr) echo "$root/tests/fuzz/dict/availability.dict" ;;
    cli) echo "$root/tests/fuzz/dict/cli.dict" ;;
    *) echo "" ;;
  esac
}

failed=()
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$t"
  [ -x "$exe" ] || { echo "run-fuzz: $exe is not built (cmake --preset fuzz && cmake --build --preset fuzz)" >&2; exit 2; }
  mkdir -p "$build/fuzz-corpus/$t"
  opts=("${limit[@]}" -timeout=10 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1
        -artifact_prefix="$build/fuzz-artifacts/$t-")
  d=$(dict_of "$t")
  [ -n "$d" ] && opts+=(-dict="$d")
  # The CLI target's own output (usage lines, results) would drown the log.
  [ "$t" = cli ] && opts+=(-close_fd_mask=3)
  log="$build/fuzz-logs/$t.log"
  # shellcheck disable=SC2046
  if ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
     "$exe" "${opts[@]}" "$build/fuzz-corpus/$t" $(seeds_of "$t") >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    echo "fuzz $t: ok, $runs runs in ${secs} s, coverage $cov edges, corpus $(ls "$build/fuzz-corpus/$t" | wc -l) files"
  else
    echo "fuzz $t: FAILED (log: $log)"
    grep -m5 -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" || tail -20 "$log"
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no findings"
