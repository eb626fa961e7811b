#!/usr/bin/env bash
# The open data export at city scale: /data/usulan.csv of a city of 100,000 proposals, streamed through real HTTP.
# Not a test: it prints figures against the goal (>= 50,000 rows/s with flat memory) and never fails on a timing.
# Only 127.0.0.1.
#
#   bash bench/open-data.sh [--proposals N] [--db FILE] [--port P] [--no-build]
#
# Builds release, lets MusrenbangBench (bench/domain.sh's program) build a city into a temporary database (or reuses
# --db FILE, kept from an earlier run), moves the city's schedule two years back so that every proposal is public to a
# server reading the real clock, serves it, and downloads with curl: /data/usulan.csv three times (the rows per second
# of each; the server's resident memory sampled every 20 ms during each, against its memory before), the same at
# 4 MB/s (a slow client: the stream waits, memory must stay flat), and /data/usulan.json once. The file is parsed with
# Python's csv module and its records counted against the published proposals in the database.
set -euo pipefail
proposals=100000
port=18097
build=yes
db=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "bench/open-data.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --proposals) proposals=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[[ $proposals =~ ^[0-9]+$ && $proposals -ge 1000 ]] || die "--proposals must be at least 1000"
for tool in sqlite3 curl python3; do command -v "$tool" >/dev/null || die "needs $tool (apt-get install $tool)"; done
cd "$repo"
if [[ $build == yes ]]; then
    swift build -c release --product musrenbang >/dev/null
    swift build -c release --product MusrenbangBench >/dev/null
fi
binary="$repo/.build/release/musrenbang"
[[ -x $binary && -x $repo/.build/release/MusrenbangBench ]] || die "no release build (run without --no-build)"

work=$(mktemp -d "${TMPDIR:-/tmp}/musrenbang-open-data-bench.XXXXXX")
server=""
sampler=""
cleanup() {
    [[ -n $sampler ]] && { kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; }
    [[ -n $server ]] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

city=${db:-$work/city.sqlite}
if [[ ! -f $city ]]; then
    echo "building a city of $proposals proposals with MusrenbangBench (a few minutes) ..."
    "$repo/.build/release/MusrenbangBench" --migrations "$repo/Migrations" --db "$city" --proposals "$proposals" > "$work/city.txt" \
        || die "MusrenbangBench failed: $(tail -n 5 "$work/city.txt")"
fi
# Every stage two years earlier: the kecamatan Musrenbang has opened, so every submitted proposal is public now.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sqlite3 "$city" "UPDATE stage_windows SET opens_at = strftime('%Y-%m-%dT%H:%M:%SZ', opens_at, '-2 years'),
    closes_at = strftime('%Y-%m-%dT%H:%M:%SZ', closes_at, '-2 years')
    WHERE (SELECT opens_at FROM stage_windows w WHERE w.cycle_id = stage_windows.cycle_id AND w.stage = 'kecamatan') > '$now';"
published=$(sqlite3 "$city" "SELECT count(*) FROM proposals WHERE NOT (stage = 'pra_musrenbang' AND status = 'draft')")
echo "the city has $published published proposals"

base="http://127.0.0.1:$port"
"$binary" serve --db "$city" --migrations "$repo/Migrations" --public "$repo/Public" --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || die "the server did not start: $(tail -n 5 "$work/serve.log")"
curl -fs "$base/data" -o /dev/null || die "/data does not answer"

rss_kb() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$server/status"; }
# The server's CPU time so far in clock ticks (utime + stime): rows per CPU second do not depend on what else the
# machine runs, unlike rows per second of wall time on a shared machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
# Samples the server's RSS every 20 ms into FILE until killed.
sample() { while :; do rss_kb >> "$1"; sleep 0.02; done; }
rows=()
# download LABEL PATH [CURL OPTIONS...]: time one download, the server's peak RSS during it against before.
download() {
    local label=$1 path=$2; shift 2
    local before samples out
    before=$(rss_kb)
    local ticks
    ticks=$(cpu_ticks)
    samples="$work/rss.$RANDOM"
    : > "$samples"
    sample "$samples" & sampler=$!
    out=$(curl -fsS "$@" -o "$work/download" -w '%{time_total} %{size_download}' "$base$path")
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
    local seconds bytes peak
    read -r seconds bytes <<< "$out"
    peak=$(sort -n "$samples" | tail -n 1)
    [[ -n $peak ]] || peak=$before
    local rate cpu
    rate=$(awk -v n="$published" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    cpu=$(awk -v n="$published" -v t="$(( $(cpu_ticks) - ticks ))" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (t > 0) printf "%.0f", n / (t / hz); else print "-" }')
    rows+=("$label|$(awk -v s="$seconds" 'BEGIN { printf "%.2f", s }')|$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')|$rate|$cpu|$((before / 1024))|$((peak / 1024))|$(((peak - before) / 1024))")
    echo "  $label: ${seconds}s, $bytes bytes, $rate rows/s ($cpu per server CPU second), RSS ${before} -> peak ${peak} kB"
}

echo "downloading ..."
download "usulan.csv (1st)" /data/usulan.csv
records=$(python3 - "$work/download" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";"))
widths = {len(r) for r in rows}
print(len(rows) - 1 if len(widths) == 1 else "ragged")
PY
)
download "usulan.csv (2nd)" /data/usulan.csv
download "usulan.csv (3rd)" /data/usulan.csv
download "usulan.csv at 4 MB/s (slow client)" /data/usulan.csv --limit-rate 4M
download "usulan.json" /data/usulan.json
hwm=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$server/status")

echo
echo "Open data export (bash bench/open-data.sh), $(date -u +%Y-%m-%d), release, $published published proposals;"
echo "load average at start: $load_start, at end: $(cut -d' ' -f1-3 /proc/loadavg); CPU cores: $(nproc)"
echo "records parsed from the CSV by Python's csv module: $records (published in the database: $published)"
echo
echo "| download | seconds | MiB | rows/s | rows per server CPU second | RSS before (MiB) | peak RSS during (MiB) | growth (MiB) |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
echo
echo "goal: >= 50,000 rows/s with flat memory; the server's peak RSS over its whole life (VmHWM): $((hwm / 1024)) MiB"
