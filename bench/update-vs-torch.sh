#!/usr/bin/env bash
# Benchmark: the PPO update step (forward, PPO loss, backward, gradient clipping, Adam) of the 1183-64-64-(4+1)
# actor-critic network, Lantern (`lantern bench update`, its fast pass) against the PyTorch peer
# (bench/peer/update_step.py, the same step in plain PyTorch), one thread each, at batch 32 and 256. The two run
# alternately ROUNDS times (default 3) and the ratio of each round is printed, then the median of the rounds.
#   bench/update-vs-torch.sh          PYTHON=/usr/bin/python3 (Debian's, with python3-torch and libopenblas0-pthread)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
ROUNDS="${ROUNDS:-3}"
export OMP_NUM_THREADS=1
"$PYTHON" -c "import torch" 2>/dev/null || {
  echo "update-vs-torch: $PYTHON has no torch (apt-get install python3-torch libopenblas0-pthread)" >&2; exit 2; }
"$ROOT/lantern" --version > /dev/null  # build first, outside the timings

RATIOS=""
echo "update step, Lantern vs PyTorch, one thread each; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  lantern="$("$ROOT/lantern" bench update --repetitions 3)"
  peer="$("$PYTHON" "$ROOT/bench/peer/update_step.py" --repetitions 3)"
  for batch in 32 256; do
    l=$(awk -v b="$batch" '$1 == b && /fast pass\)/ { gsub(",", "", $(NF-3)); print $(NF-3) }' <<< "$lantern")
    p=$(awk -v b="$batch" '$1 == b && /PyTorch PPO step/ { gsub(",", "", $(NF-3)); print $(NF-3) }' <<< "$peer")
    r=$(awk -v l="$l" -v p="$p" 'BEGIN { printf "%.2f", l / p }')
    printf "round %d batch %-4d Lantern %7s updates/s  PyTorch %7s updates/s  ratio %sx (load %s)\n" \
      "$round" "$batch" "$l" "$p" "$r" "$(cut -d' ' -f1 /proc/loadavg)"
    RATIOS+="$batch $r"$'\n'
  done
done
"$PYTHON" - "$RATIOS" <<'EOF'
import statistics, sys
rows = [line.split() for line in sys.argv[1].splitlines() if line.strip()]
for batch in ("32", "256"):
    r = [float(x) for b, x in rows if b == batch]
    print("batch %-4s ratio Lantern / PyTorch, median of %d rounds: %.2fx (target >= 2x)" % (batch, len(r), statistics.median(r)))
EOF
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
