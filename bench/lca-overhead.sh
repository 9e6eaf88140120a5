#!/usr/bin/env bash
# Benchmark: the default experiment (PPO on grid/four-rooms-v1) with and without loss change allocation, run
# one after the other on this machine. Prints each run's training time, greedy evaluation and LCA accuracy,
# and the ratio of the two times (the target: LCA on takes at most 1.5x the time of --no-lca, issue 13).
#   bench/lca-overhead.sh [extra lantern run options, e.g. --seed 2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

run() { # name, options...
  local name="$1"; shift
  "$ROOT/lantern" run --out "$OUT/$name" "$@" > "$OUT/$name.log" 2>&1 || { cat "$OUT/$name.log"; exit 1; }
  grep -E "^(completed|greedy|loss change)" "$OUT/$name.log" | sed "s/^/  [$name] /"
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['trainingSeconds'])" "$OUT/$name/manifest.json" 2>/dev/null \
    || grep -o '"trainingSeconds": [0-9.]*' "$OUT/$name/manifest.json" | awk '{print $2}'
}

"$ROOT/lantern" --version > /dev/null  # build first, outside the timings
echo "lantern run, default experiment (examples/four-rooms.json), OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}; load average $(cut -d" " -f1-3 /proc/loadavg)"
on_lines=$(run lca-on "$@")
printf '%s\n' "$on_lines" >&2  # the inherited stderr, not a reopened /dev/stderr: with both in one file, nothing is overwritten
off_lines=$(run lca-off --no-lca "$@")
printf '%s\n' "$off_lines" >&2
on=$(tail -n 1 <<< "$on_lines")
off=$(tail -n 1 <<< "$off_lines")
awk -v on="$on" -v off="$off" 'BEGIN { printf "training time: LCA on %.1f s, LCA off %.1f s, ratio %.2fx (target <= 1.5x)\n", on, off, on / off }'
echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg)"
