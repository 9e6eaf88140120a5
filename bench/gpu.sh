#!/usr/bin/env bash
# Benchmark: Lantern's update step, every learner's training speed and a short training run on whatever ND4J backend
# is present, the backend and the compute path printed first. For a user with a CUDA 11.6 GPU:
#   bench/gpu.sh --cuda        build with the cuda profile (nd4j-cuda-11.6; about 600 MB downloaded on first use)
#   bench/gpu.sh               the CPU build (./lantern), for the same figures on the CPU beside it
# Options: --seconds S (per measurement, default 1; bench agents gets 5 x S), --steps N (the training run, default
# 20480), --config FILE (its experiment, default examples/four-rooms.json); anything after -- goes to `lantern run`.
# LANTERN_COMPUTE_PATH=nd4j times the ND4J op path (the one a GPU takes) on the CPU; host is refused on a GPU.
# Nothing here was measured on a GPU by Lantern's authors: see README, "GPU".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CUDA=0
SECONDS_PER=1
STEPS=20480
CONFIG="$ROOT/examples/four-rooms.json"
RUN_ARGS=()
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cuda) CUDA=1 ;;
    --seconds) [[ $# -ge 2 ]] || usage; SECONDS_PER="$2"; shift ;;
    --steps) [[ $# -ge 2 ]] || usage; STEPS="$2"; shift ;;
    --config) [[ $# -ge 2 ]] || usage; CONFIG="$2"; shift ;;
    --) shift; RUN_ARGS=("$@"); break ;;
    -h|--help) usage ;;
    *) echo "bench/gpu.sh: unknown option '$1'" >&2; usage ;;
  esac
  shift
done
[[ "$SECONDS_PER" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "bench/gpu.sh: --seconds must be a number, got '$SECONDS_PER'" >&2; exit 2; }
[[ "$STEPS" =~ ^[0-9]+$ ]] || { echo "bench/gpu.sh: --steps must be a whole number, got '$STEPS'" >&2; exit 2; }
[[ -f "$CONFIG" ]] || { echo "bench/gpu.sh: --config: no such file '$CONFIG'" >&2; exit 2; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

if [[ "$CUDA" == 1 ]]; then
  echo "bench/gpu.sh: building with -Pcuda (log: $OUT/build.log) ..." >&2
  # The CUDA build replaces the launcher's classpath: make ./lantern rebuild the CPU variant on its next use.
  trap 'rm -rf "$OUT"; rm -f "$ROOT/app/target/.lantern-built"' EXIT
  (cd "$ROOT" && mvn -B -q -Pcuda -DskipTests package > "$OUT/build.log" 2>&1) \
    || { cat "$OUT/build.log" >&2; echo "bench/gpu.sh: the CUDA build failed" >&2; exit 1; }
  grep -q "nd4j-cuda-11.6" "$ROOT/app/target/classpath.txt" \
    || { echo "bench/gpu.sh: the CUDA build's classpath has no nd4j-cuda-11.6" >&2; exit 1; }
  lantern() {
    java -XX:+UseSerialGC ${JAVA_OPTS:-} -Dlantern.home="$ROOT" \
      -cp "$ROOT/app/target/classes:$(cat "$ROOT/app/target/classpath.txt")" dev.lantern.app.cli.LanternCli "$@"
  }
else
  lantern() { "$ROOT/lantern" "$@"; }
  lantern --version > /dev/null  # build first, outside the timings
fi

echo "== backend and compute path"
if ! lantern doctor > "$OUT/doctor.log" 2>&1; then
  grep -m 1 -E "UnsatisfiedLinkError|NoAvailableBackend|Exception" "$OUT/doctor.log" >&2 || cat "$OUT/doctor.log" >&2
  echo "bench/gpu.sh: ND4J's backend did not load (with --cuda: is there a CUDA 11.6 driver and GPU?); nothing measured" >&2
  exit 1
fi
grep -E "^(nd4j|compute) " "$OUT/doctor.log"
echo "== lantern bench update --seconds $SECONDS_PER"
lantern bench update --seconds "$SECONDS_PER"
AGENT_SECONDS=$(awk -v s="$SECONDS_PER" 'BEGIN { print 5 * s }')
echo "== lantern bench agents --seconds $AGENT_SECONDS"
lantern bench agents --seconds "$AGENT_SECONDS"
echo "== lantern run --config $(basename "$CONFIG") --steps $STEPS --no-lca ${RUN_ARGS[*]:-}"
lantern run --config "$CONFIG" --steps "$STEPS" --no-lca --out "$OUT/run" "${RUN_ARGS[@]}" > "$OUT/run.log" 2>&1 \
  || { cat "$OUT/run.log"; exit 1; }
grep -E "^(completed|greedy)" "$OUT/run.log" || true
python3 - "$OUT/run/manifest.json" <<'EOF' || grep -E '"(backend|computePath|trainingSeconds|envSteps)"' "$OUT/run/manifest.json"
import json, sys
m = json.load(open(sys.argv[1]))
n = m["nd4j"]
print("manifest: backend %s, compute path %s (%s); %d env steps in %.1f s of training = %.0f env steps/s" % (
    n["backend"], n["computePath"], n["computePathReason"], m["envSteps"], m["trainingSeconds"],
    m["envSteps"] / m["trainingSeconds"]))
EOF
