#!/usr/bin/env bash
# Benchmark: PPO time-to-solve on grid/four-rooms-v1, Lantern against its PyTorch peer (bench/peer/ppo_four_rooms.py,
# CleanRL's PPO at its defaults), side by side in one run, one thread each (OMP_NUM_THREADS=1), seeds 1-3 interleaved
# (Lantern seed 1, peer seed 1, Lantern seed 2, ...; ROUNDS=N repeats the whole interleaving N times).
#
# Lantern runs its default experiment (examples/four-rooms.json) with LCA off, evaluated as often as the peer
# evaluates, after every iteration (training.evalEveryEnvSteps = agent.numEnvs x agent.rolloutSteps), and stops at
# its first solve (training.stopWhenSolved; training up to it is the same run). Its time is the run's
# time/first_solved_seconds (metrics.jsonl). Both clocks start when training starts (not at JVM or Python start-up)
# and include the evaluations. Solved = every greedy episode reaches the goal and the mean return is >= 0.95 x the
# exact optimum, on both sides.
#   bench/time-to-solve.sh            PYTHON=/usr/bin/python3 (Debian's, with python3-torch and libopenblas0-pthread)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
ROUNDS="${ROUNDS:-1}"
SEEDS="${SEEDS:-1 2 3}"
export OMP_NUM_THREADS=1
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

"$PYTHON" -c "import torch" 2>/dev/null || {
  echo "time-to-solve: $PYTHON has no torch (apt-get install python3-torch libopenblas0-pthread)" >&2; exit 2; }
"$ROOT/lantern" --version > /dev/null  # build first, outside the timings

# The default experiment, evaluated once per iteration and stopped at the first solve.
"$PYTHON" - "$ROOT/examples/four-rooms.json" "$OUT/experiment.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
a = c["agent"]
c["training"]["evalEveryEnvSteps"] = a["numEnvs"] * a["rolloutSteps"]
c["training"]["stopWhenSolved"] = True
json.dump(c, open(sys.argv[2], "w"), indent=2)
EOF

# Prints "seconds step steps/s-while-training steps/s-collecting" of a Lantern run directory.
lantern_figures() {
  "$PYTHON" - "$1" <<'EOF'
import json, sys
seconds = step = "NaN"
collect = update = steps = 0.0
for line in open(sys.argv[1] + "/metrics.jsonl"):
    m = json.loads(line)
    if m["name"] == "time/first_solved_seconds": seconds = "%.2f" % m["value"]
    elif m["name"] == "eval/first_solved_step": step = "%d" % m["value"]
    elif m["name"] == "time/collect_seconds": collect += m["value"]
    elif m["name"] == "time/update_seconds": update += m["value"]
steps = json.load(open(sys.argv[1] + "/manifest.json"))["envSteps"]
print(seconds, step, "%.0f" % (steps / (collect + update)), "%.0f" % (steps / collect))
EOF
}

echo "time-to-solve, grid/four-rooms-v1, PPO, LCA off, one thread each; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a L_SECONDS P_SECONDS
for round in $(seq 1 "$ROUNDS"); do
  for seed in $SEEDS; do
    dir="$OUT/lantern-$round-$seed"
    "$ROOT/lantern" run --config "$OUT/experiment.json" --no-lca --seed "$seed" --out "$dir" > "$dir.log" 2>&1 \
      || { cat "$dir.log"; exit 1; }
    read -r ls lstep lrate lcollect < <(lantern_figures "$dir")
    printf "lantern seed %s: first solved after %6s s at step %7s | %6s env steps/s while training, %6s collecting (load %s)\n" \
      "$seed" "$ls" "$lstep" "$lrate" "$lcollect" "$(cut -d' ' -f1 /proc/loadavg)"
    L_SECONDS+=("$ls")
    peer="$("$PYTHON" "$ROOT/bench/peer/ppo_four_rooms.py" --seed "$seed")"
    echo "$peer (load $(cut -d' ' -f1 /proc/loadavg))"
    P_SECONDS+=("$(sed -E 's/.*first_solved_seconds ([^ ]+).*/\1/' <<< "$peer")")
  done
done

"$PYTHON" - "${L_SECONDS[*]}" "${P_SECONDS[*]}" <<'EOF'
import statistics, sys
lantern = [float(x) for x in sys.argv[1].split()]
peer = [float(x) for x in sys.argv[2].split()]
ml, mp = statistics.median(lantern), statistics.median(peer)
print("lantern seconds: " + ", ".join("%.2f" % x for x in lantern) + "  median %.2f" % ml)
print("peer    seconds: " + ", ".join("%.2f" % x for x in peer) + "  median %.2f" % mp)
print("ratio lantern / peer (medians): %.2fx (target <= 0.5x)" % (ml / mp))
EOF
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
