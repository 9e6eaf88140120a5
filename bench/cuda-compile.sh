#!/usr/bin/env bash
# Check: the cuda Maven profile resolves ND4J's CUDA 11.6 backend and every module compiles against it; no GPU needed.
# Not part of the default test tier: the first run downloads org.nd4j:nd4j-cuda-11.6 (about 600 MB) into ~/.m2.
#   bench/cuda-compile.sh        (extra Maven options pass through, e.g. bench/cuda-compile.sh -o once it is cached)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cd "$ROOT"
mvn -B -q -Pcuda -DskipTests "$@" compile > "$OUT/compile.log" 2>&1 \
  || { cat "$OUT/compile.log"; echo "cuda-compile: mvn -Pcuda compile FAILED" >&2; exit 1; }
# The agents module's classpath (the reactor hands it the environments' classes; nothing is installed).
mvn -B -q -Pcuda -DskipTests "$@" -pl agents -am compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" > "$OUT/classpath.log" 2>&1 \
  || { cat "$OUT/classpath.log"; echo "cuda-compile: resolving the classpath FAILED" >&2; exit 1; }
tr ':' '\n' < "$OUT/classpath.txt" | grep -E "/nd4j-(cuda|native)" | sed 's|.*/||' | sort -u > "$OUT/nd4j.txt"
if ! grep -q "^nd4j-cuda-11.6-" "$OUT/nd4j.txt" || grep -q "^nd4j-native-[0-9]" "$OUT/nd4j.txt"; then
  echo "cuda-compile: expected nd4j-cuda-11.6 and not the CPU backend (nd4j-native) on the agents classpath, got:" >&2
  cat "$OUT/nd4j.txt" >&2
  exit 1
fi
echo "cuda-compile: OK, every module compiles with -Pcuda against:"
sed 's/^/  /' "$OUT/nd4j.txt"
