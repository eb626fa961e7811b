#!/usr/bin/env bash
# Recap benchmark: the public recap (/rekap) of a whole city of 100,000 proposals, as the server answers it.
# Not a test: it prints a table against the goal (< 100 ms server time) and never fails on a timing. Only 127.0.0.1.
#
#   bash bench/recap.sh [--proposals N] [--runs N] [--port P] [--db FILE] [--no-build]
#
# Builds release, generates the city with bench/MusrenbangBench (31 kecamatan, 154 kelurahan, --proposals proposals moved
# through the real workflow up to the OPD forum's berita acara, 10% rejected by the kelurahan with one of five reasons),
# moves the cycle's schedule so that the kota Musrenbang is open today (every level's results public), serves it, and
# times with curl (time_starttransfer: request sent to first byte, i.e. the server's work; one connection each, after
# two warm-up requests) --runs requests each of the pages below, with the server's CPU time per request (/proc):
#   /rekap?siklus=ID                    the whole city (the goal)
#   /rekap/cetak?siklus=ID              its printable version
#   /rekap?siklus=ID&kecamatan=K        one kecamatan
#   /pagu?siklus=ID                     every ceiling with its computation
# --db FILE keeps the generated city in FILE, and reuses it when FILE exists (generating takes minutes).
set -euo pipefail
proposals=100000
runs=20
port=18097
build=yes
db=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "bench/recap.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --proposals) proposals=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[[ $proposals =~ ^[0-9]+$ && $proposals -ge 1000 ]] || die "--proposals must be 1000 or more"
[[ $runs =~ ^[0-9]+$ && $runs -ge 3 && $runs -le 1000 ]] || die "--runs must be 3..1000"
for tool in sqlite3 curl; do command -v "$tool" >/dev/null || die "needs $tool (apt-get install $tool)"; done
cd "$repo"
if [[ $build == yes ]]; then
    swift build -c release --product MusrenbangBench >/dev/null
    swift build -c release --product musrenbang >/dev/null
fi
binary="$repo/.build/release/musrenbang"
[[ -x $binary && -x $repo/.build/release/MusrenbangBench ]] || die "no release build (run without --no-build)"

work=$(mktemp -d "${TMPDIR:-/tmp}/musrenbang-recap-bench.XXXXXX")
server=""
cleanup() {
    [[ -n $server ]] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
[[ -n $db ]] || db="$work/city.sqlite"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

if [[ ! -f $db ]]; then
    echo "generating a city of $proposals proposals in $db (bench/MusrenbangBench; takes minutes) ..."
    "$repo/.build/release/MusrenbangBench" --db "$db" --migrations "$repo/Migrations" --proposals "$proposals" --reject-share 0.1 \
        > "$work/generate.txt" || die "generating failed: $(tail -n 5 "$work/generate.txt")"
else
    echo "reusing the city in $db"
fi
cycle=$(sqlite3 "$db" "SELECT id FROM cycles ORDER BY id LIMIT 1")
kecamatan=$(sqlite3 "$db" "SELECT kecamatan_id FROM proposals WHERE cycle_id = $cycle GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
# The schedule as if the kota Musrenbang were open today: every level's results public.
sqlite3 "$db" "
    UPDATE stage_windows SET
        opens_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', CASE stage WHEN 'pra_musrenbang' THEN '-150 days' WHEN 'kelurahan' THEN '-120 days'
            WHEN 'kecamatan' THEN '-90 days' WHEN 'opd' THEN '-60 days' ELSE '-30 days' END),
        closes_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', CASE stage WHEN 'pra_musrenbang' THEN '-120 days' WHEN 'kelurahan' THEN '-90 days'
            WHEN 'kecamatan' THEN '-60 days' WHEN 'opd' THEN '-30 days' ELSE '+30 days' END)
    WHERE cycle_id = $cycle"
count=$(sqlite3 "$db" "SELECT count(*) FROM proposals WHERE cycle_id = $cycle AND NOT (stage = 'pra_musrenbang' AND status = 'draft')")
rejected=$(sqlite3 "$db" "SELECT count(*) FROM proposals WHERE cycle_id = $cycle AND status = 'ditolak'")

base="http://127.0.0.1:$port"
"$binary" serve --db "$db" --migrations "$repo/Migrations" --public "$repo/Public" --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || die "the server did not start: $(tail -n 5 "$work/serve.log")"

# The server's CPU time so far (user + system), in clock ticks: on a shared machine the time per request waits for the
# CPU as well, the CPU time per request does not.
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# Prints "MEDIAN_MS MIN_MS P90_MS MAX_MS BYTES STATUS CPU_MS" for --runs requests of $1 (after two warm-up requests).
measure() {
    local url="$base$1" before
    curl -s -o /dev/null "$url"; curl -s -o /dev/null "$url"
    before=$(cpu_ticks)
    for _ in $(seq "$runs"); do
        curl -s -o /dev/null -w '%{time_starttransfer} %{size_download} %{http_code}\n' "$url"
    done | sort -n > "$work/times.txt"
    awk -v cpu="$(( $(cpu_ticks) - before ))" -v tick="$ticks" -v runs="$runs" '
        { t[NR] = $1 * 1000; bytes = $2; if ($3 != 200) status = $3 }
        END {
            p90 = int(NR * 0.9 + 0.5); if (p90 < 1) p90 = 1; if (p90 > NR) p90 = NR
            printf "%.1f %.1f %.1f %.1f %d %s %.1f\n", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[p90], t[NR],
                bytes, (status ? status : 200), cpu * 1000 / tick / runs
        }' "$work/times.txt"
}

echo "timing $runs requests each ($count submitted proposals, $rejected rejected) ..."
printf '| page | median | min | p90 | max | server CPU per request | bytes | status | goal (median) |\n|---|---|---|---|---|---|---|---|---|\n'
row() {
    local label=$1 path=$2 goal=$3
    read -r median min p90 max bytes status cpu < <(measure "$path")
    local verdict=""
    [[ -n $goal ]] && verdict=$(awk -v m="$median" -v g="$goal" 'BEGIN { print (m < g ? "< " g " ms: ok" : "< " g " ms: MISSED") }')
    printf '| %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s | %s | %s |\n' "$label" "$median" "$min" "$p90" "$max" "$cpu" "$bytes" "$status" "$verdict"
}
row "/rekap, whole city" "/rekap?siklus=$cycle" 100
row "/rekap/cetak, whole city" "/rekap/cetak?siklus=$cycle" ""
row "/rekap, one kecamatan ($kecamatan)" "/rekap?siklus=$cycle&kecamatan=$kecamatan" ""
row "/pagu" "/pagu?siklus=$cycle" ""
echo ""
grep -h "whole-city recap of /rekap" "$work/generate.txt" 2>/dev/null | sed 's/^ */engine alone (MusrenbangBench, in-process, median of 9): /' || true
echo "load average before: $load_start; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
