#!/usr/bin/env bash
# Page weight and load time in a real browser on a slow mobile network. Not a test: prints figures, never fails on them.
#
#   bash bench/pageload.sh [--runs N] [--down KBPS] [--up KBPS] [--latency MS] [--cpu N] [--port P] [--no-build]
#                          [--binary PATH]
#
# Builds release, seeds the demo city at the pra-Musrenbang stage into a temporary database, serves it on
# 127.0.0.1, starts chromedriver (Debian's chromium and chromium-driver) and headless Chromium at a phone's width,
# and prints the weight (HTML + CSS + JS) of the pages a visitor, a resident (warga1.*) and an RT head (rt.*) see;
# then, signed in as the resident, the load time of the proposal form /usulan/baru (navigation start to the load
# event, median of N loads, default 5) with Chromium's network emulation (CDP Network.emulateNetworkConditions
# through chromedriver; default 1,600 kbps down, 750 kbps up, 150 ms latency: Lighthouse's mobile profile), once
# with the cache cleared before each load and once warm. Goal: under 3 s.
#
# --cpu N also slows Chromium's CPU N times (CDP Emulation.setCPUThrottlingRate; Lighthouse's mobile profile uses 4).
#
# Measured 2026-12-02 (`bash bench/pageload.sh --runs 5`, release, on the 2-core machine shared with other builds,
# load average 12; the times are the network's, not the server's): every page 14.3 to 22.3 KB of HTML + CSS + JS (the
# stylesheet 12.7 KB; the heaviest, /usulan/baru, 9.6 KB of HTML with the demo's 48-activity kamus). /usulan/baru at
# 1.6 Mbps / 150 ms: cold cache median 457 ms (max 464), warm 253 ms (max 258); with --cpu 4 581 ms (max 963) cold
# and 627 ms (max 1,081) warm. Goal < 3 s: met. (A debug build gave 464 / 283 ms: the network sets the time.)
# Again at 13:28 UTC on an idle machine, the stylesheet and scripts then 22.7 KB: every page 24.9 to 33.0 KB; /usulan/baru
# cold 448 ms (max 464), warm 220 ms (max 222).
set -euo pipefail
runs=5
down=1600
up=750
latency=150
cpu=1
port=18091
build=yes
binary=.build/release/musrenbang
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --down) down=$2; shift 2 ;;
        --up) up=$2; shift 2 ;;
        --latency) latency=$2; shift 2 ;;
        --cpu) cpu=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        --binary) binary=$2; build=no; shift 2 ;;
        *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
cd "$repo"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
    [[ -x $tool ]] || { echo "$tool missing: apt-get install chromium chromium-driver" >&2; exit 1; }
done
[[ $build == yes ]] && swift build -c release --product musrenbang >/dev/null
work=$(mktemp -d)
server=""
driver=""
trap 'kill $server $driver 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" seed-demo --db "$work/bench.sqlite" --migrations "$repo/Migrations" --stage pra_musrenbang > "$work/seed.txt"
"$binary" serve --db "$work/bench.sqlite" --migrations "$repo/Migrations" --public "$repo/Public" \
    --port "$port" --quiet 2> "$work/serve.log" &
server=$!
driver_port=$((port + 1))
/usr/bin/chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 --log-level=WARNING > "$work/chromedriver.log" 2>&1 &
driver=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$driver_port/status" >/dev/null 2>&1 && break
    sleep 0.1
done
python3 "$repo/bench/pageload_browser.py" "http://127.0.0.1:$port" "$driver_port" "$work/seed.txt" "$runs" "$down" "$up" "$latency" "$cpu"
