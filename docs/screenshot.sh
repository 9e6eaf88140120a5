#!/usr/bin/env bash
# Takes the lab's screenshot (docs/lab.png): opens the lab under a virtual X server, trains, saves the whole window
# as a PNG once the run has ended, and exits. See docs/lab.md.
#
# Installs nothing. Needs a JDK 17, Maven, and an X server: on a headless Debian/Ubuntu machine
#   apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1 libxxf86vm1
# (with a real display, set NO_XVFB=1 and it runs on $DISPLAY).
#
# Settings (environment variables): ENV (default grid/four-rooms-v1), AGENT (ppo), SEED (1), STEPS (80000),
# HOVER (row,col of a cell to hover, default 1,3), OUT (docs/lab.png), AFTER_UPDATES (take the picture while
# training, once this many updates are done, default 700 = about 45k steps; empty = at the end of the run),
# AUTOSTART (true; false = the lab before Start: the chosen map and V* with empty charts), HEATMAP (network, true,
# error-optimal = V - V*, error-policy = V - V^pi; default network),
# CIRCUITS=1 (show the circuit panel instead of the charts), SEARCH_TREE=N (show the search tree tab, AGENT=mcts, and take
# the picture once it shows the agent's N-th search), NEURON (site,index of a neuron to inspect),
# RUNS (space-separated run directories: opens them in the Compare tab instead of training, and takes the picture once
# all are read and the grid shows the scrubbed checkpoint), SCRUB (with RUNS: the checkpoint index the scrubber moves
# to, 0 = first, -1 = last; default -1).
# About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_ID=${ENV:-grid/four-rooms-v1}
AGENT=${AGENT:-ppo}
SEED=${SEED:-1}
STEPS=${STEPS:-80000}
HOVER=${HOVER:-1,3}
OUT=${OUT:-docs/lab.png}
AFTER_UPDATES=${AFTER_UPDATES-700}
AUTOSTART=${AUTOSTART:-true}
HEATMAP=${HEATMAP:-network}

# The lab's hidden script options (system properties, see LabApp) go to the JVM through the launcher's JAVA_OPTS.
export JAVA_OPTS="-Xmx2g -Dprism.order=sw -Dglass.gtk.uiScale=1 -Dlantern.lab.autostart=$AUTOSTART \
 -Dlantern.lab.heatmap=$HEATMAP -Dlantern.lab.screenshot=$OUT -Dlantern.lab.hover=$HOVER ${AFTER_UPDATES:+-Dlantern.lab.screenshotAfterUpdates=$AFTER_UPDATES}\
 ${CIRCUITS:+-Dlantern.lab.circuits=true} ${SEARCH_TREE:+-Dlantern.lab.searchTree=true -Dlantern.lab.screenshotAfterSearches=$SEARCH_TREE} ${NEURON:+-Dlantern.lab.neuron=$NEURON}"
run=(./lantern lab --env "$ENV_ID" --agent "$AGENT" --seed "$SEED" --steps "$STEPS")
if [[ -n "${RUNS:-}" ]]; then
    # shellcheck disable=SC2206 # RUNS is a list of directories
    run+=(--runs $RUNS)
    JAVA_OPTS="$JAVA_OPTS -Dlantern.lab.autostart=false -Dlantern.lab.scrub=${SCRUB:--1}"
fi
export OMP_NUM_THREADS=1
if [[ "${NO_XVFB:-}" == 1 ]]; then
    "${run[@]}"
else
    xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
fi
echo "wrote $OUT"
