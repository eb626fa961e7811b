#!/usr/bin/env bash
# The public list /usulan on a city of 100,000 published proposals, through real HTTP. Not a test: it prints a table
# against the goal and never fails on a timing. Only 127.0.0.1.
#
#   bash bench/public-browse.sh [--duration SECS] [--conns N] [--port P] [--no-build] [--city FILE]
#
# Builds release (MusrenbangBench and musrenbang), generates the city of bench/domain.sh (31 kecamatan, 154
# kelurahan, 100,000 proposals taken through the whole workflow) with its schedule around the wall clock
# (`--public-now yes`: the OPD forum open now, so every proposal is public to the server), serves it, then:
#   - the first answer of a few different list addresses, one curl each (nothing kept yet: what a change of the
#     cycle's proposals costs the next visitor);
#   - wrk at --conns connections on /usulan with a kecamatan filter and a text search (goal: >= 2,000 req/s, p99 < 50 ms),
#     and on /usulan with nothing chosen and with filters, a search and another order.
# --city FILE keeps the generated city in FILE and reuses it when it is there (generating takes minutes).
set -euo pipefail
duration=10
conns=64
port=18096
build=yes
city=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "bench/public-browse.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --conns) conns=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        --city) city=$2; shift 2 ;;
        *) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[[ $duration =~ ^[0-9]+$ && $duration -ge 1 && $duration -le 120 ]] || die "--duration must be 1..120 seconds"
for tool in wrk sqlite3 curl; do command -v "$tool" >/dev/null || die "needs $tool (apt-get install $tool)"; done
cd "$repo"
if [[ $build == yes ]]; then
    swift build -c release --product MusrenbangBench >/dev/null
    swift build -c release --product musrenbang >/dev/null
fi
binary="$repo/.build/release/musrenbang"
[[ -x $binary && -x $repo/.build/release/MusrenbangBench ]] || die "no release build in .build/release"

work=$(mktemp -d "${TMPDIR:-/tmp}/musrenbang-public-bench.XXXXXX")
server=""
cleanup() {
    [[ -n $server ]] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
db=${city:-$work/city.sqlite}
if [[ ! -s $db ]]; then
    echo "generating the city of 100,000 proposals in $db (minutes; bench/domain.sh's figures go to $work/generate.txt) ..."
    "$repo/.build/release/MusrenbangBench" --db "$db" --migrations "$repo/Migrations" --public-now yes > "$work/generate.txt"
fi
published=$(sqlite3 "$db" "SELECT count(*) FROM proposals WHERE NOT (stage = 'pra_musrenbang' AND status = 'draft')")
kecamatan=$(sqlite3 "$db" "SELECT id FROM kecamatan ORDER BY id LIMIT 1")

"$binary" serve --db "$db" --migrations "$repo/Migrations" --public "$repo/Public" --port "$port" --quiet 2> "$work/serve.log" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 300); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || die "the server did not start: $(tail -n 5 "$work/serve.log")"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# The list must be the public's full list, not an empty page: its count of "usulan" as the page says it.
found() { curl -fs "$base$1" | sed -n 's/.*<h2 id="hasil">\([0-9.]*\) usulan.*/\1/p' | head -n 1; }
all=$(found "/usulan")
[[ -n $all && $all != 0 ]] || die "/usulan lists nothing: is the city public? (see $work/serve.log)"
echo "$published proposals out of draft; /usulan lists $all"

echo "first answers (nothing kept yet), one curl each:"
first_rows=()
for path in "/usulan?kecamatan=$kecamatan&q=drainase" "/usulan?q=jalan+lingkungan" "/usulan?q=posyan&urut=biaya-turun&halaman=3" \
            "/usulan?kecamatan=$kecamatan&didanai=ya&urut=judul" "/usulan?urut=biaya-turun" "/usulan?halaman=2"; do
    ms=$(curl -fs -o /dev/null -w '%{time_total}' "$base$path" | awk '{ printf "%.1f", $1 * 1000 }')
    again=$(curl -fs -o /dev/null -w '%{time_total}' "$base$path" | awk '{ printf "%.1f", $1 * 1000 }')
    first_rows+=("$path|$ms|$again")
done

# parse_wrk, cpu_ticks, cpu_per_request.
source "$repo/bench/wrk-report.sh"
rows=()
run() {
    local label=$1 path=$2 goal=$3
    echo "wrk: $path, ${duration}s at $conns connections ..."
    local matching
    matching=$(found "$path")
    local t0
    t0=$(cpu_ticks "$server")
    wrk -t2 -c"$conns" -d"${duration}s" --timeout 5s --latency "$base$path" > "$work/wrk.out" 2>&1
    local cpu
    cpu=$(cpu_per_request "$t0" "$(cpu_ticks "$server")" "$work/wrk.out")
    read -r rps p50 p99 errors < <(parse_wrk "$work/wrk.out")
    rows+=("$label ($matching found)|$rps|$p50|$p99|$errors|$cpu|$goal")
}
run "kecamatan + text \"jalan\"" "/usulan?kecamatan=$kecamatan&q=jalan" ">= 2,000 req/s, p99 < 50 ms"
run "nothing chosen, newest" "/usulan" ""
run "text + funded + by cost, page 2" "/usulan?q=posyandu&didanai=ya&urut=biaya-turun&halaman=2" ""

echo
echo "/usulan on 127.0.0.1 (release, --quiet) over $published published proposals; wrk -t2 -d${duration}s --latency;"
echo "$(nproc) cores shared with wrk (and whatever else runs); load average at start: $load_start"
printf '%-58s %9s %8s %8s %7s %10s  %s\n' run "req/s" "p50 ms" "p99 ms" errors "cpu us/req" goal
for row in "${rows[@]}"; do
    IFS='|' read -r name r a b e c goal <<<"$row"
    printf '%-58s %9s %8s %8s %7s %10s  %s\n' "$name" "$r" "$a" "$b" "$e" "$c" "$goal"
done
echo "(cpu us/req: the server's CPU time per request, user + system)"
echo
echo "First answer of an address (its ids and counts computed), then the same again (kept until a proposal of the cycle changes):"
printf '%-58s %10s %10s\n' address "first ms" "again ms"
for row in "${first_rows[@]}"; do
    IFS='|' read -r path first again <<<"$row"
    printf '%-58s %10s %10s\n' "$path" "$first" "$again"
done
