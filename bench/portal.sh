#!/usr/bin/env bash
# Portal benchmark through real HTTP with real sessions and CSRF tokens, on the demo city seeded at the pra-Musrenbang.
# Not a test: it prints a table against the goals and never fails on a timing. Only 127.0.0.1.
#
#   bash bench/portal.sh [--duration SECS] [--conns N] [--submit-conns N] [--signins N] [--port P] [--no-build]
#                        [--binary PATH]   (another build of musrenbang, e.g. a copy of the one before a change)
#                        [--serve-args "ARGS"]   (more options for `serve`, e.g. "--worker-threads 4")
#                        [--perf FILE]   (perf record -g of the server during run a into FILE, and during run b into FILE.submit,
#                                         for `perf report -i FILE`)
#
# Builds release, seeds the demo (`seed-demo --stage pra_musrenbang`) into a temporary database, adds --signins
# residents with the default password cost (`user add`), serves it, prepares through HTTP one proposal per demo
# kelurahan with a 10-event timeline (bench/portal_prep.py) and the sessions, then runs with wrk:
#   a. GET /usulan/saya/{kode} (a signed-in resident's proposal page, 10-event timeline) at --conns connections;
#   b. proposal submissions ("Kirim usulan": session, CSRF, validation, the proposal created and sent: two events) at
#      --submit-conns connections; every acknowledged tracking code is then looked up in the database (sqlite3);
#   c. (a) again while --signins sign-ins are in progress all the time (bench/portal_storm.py).
set -euo pipefail
duration=10
conns=64
# Submissions at 16 connections: a closed loop of N clients waits N / throughput on average (Little's law), so 64
# clients could never see p99 < 50 ms below ~2,000 submissions/s however fair the server; 16 clients submitting
# without pause are still far beyond a city's busiest hour. `--submit-conns 64` shows the queueing.
submit_conns=16
signins=50
port=18095
build=yes
binary=""
serve_args=""
perf_out=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "bench/portal.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --conns) conns=$2; shift 2 ;;
        --submit-conns) submit_conns=$2; shift 2 ;;
        --signins) signins=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        --binary) binary=$2; build=no; shift 2 ;;
        --serve-args) serve_args=$2; shift 2 ;;
        --perf) perf_out=$2; shift 2 ;;
        *) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[[ $duration =~ ^[0-9]+$ && $duration -ge 1 && $duration -le 120 ]] || die "--duration must be 1..120 seconds"
[[ $signins =~ ^[0-9]+$ && $signins -le 200 ]] || die "--signins must be 0..200"
for tool in wrk sqlite3 curl python3; do command -v "$tool" >/dev/null || die "needs $tool (apt-get install $tool)"; done
cd "$repo"
[[ $build == yes ]] && swift build -c release --product musrenbang >/dev/null
[[ -n $binary ]] || binary="$repo/.build/release/musrenbang"
[[ -x $binary ]] || die "no release binary at $binary"

work=$(mktemp -d "${TMPDIR:-/tmp}/musrenbang-portal-bench.XXXXXX")
server=""
cleanup() {
    [[ -n $server ]] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
db="$work/bench.sqlite"
base="http://127.0.0.1:$port"

echo "seeding the demo at the pra-Musrenbang ..."
"$binary" seed-demo --db "$db" --migrations "$repo/Migrations" --stage pra_musrenbang > "$work/seed.txt"
# Sign-in storm accounts: residents with the default yescrypt cost, as people who registered themselves.
: > "$work/storm.txt"
for i in $(seq 1 "$signins"); do
    password="storm-pass-$i-$RANDOM$RANDOM"
    MUSRENBANG_PASSWORD=$password "$binary" user add --db "$db" --migrations "$repo/Migrations" --username "storm$i" \
        --name "Warga Uji $i" --role warga >/dev/null
    echo "storm$i $password" >> "$work/storm.txt"
done

"$binary" serve --db "$db" --migrations "$repo/Migrations" --public "$repo/Public" --port "$port" --quiet $serve_args 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || die "the server did not start: $(tail -n 5 "$work/serve.log")"

echo "preparing proposals with 10 events and sessions through HTTP ..."
python3 "$repo/bench/portal_prep.py" "$base" "$work/seed.txt" "$work" "$conns" "$submit_conns"
code=$(awk '{ n = split($2, p, "/"); print p[n]; exit }' "$work/view.txt")
events=$(sqlite3 "$db" "SELECT count(*) FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id WHERE p.tracking_code = '$code'")
echo "the viewed proposals have $events events each (e.g. $code)"

# parse_wrk, cpu_ticks, cpu_per_request.
source "$repo/bench/wrk-report.sh"
threads=2
rows=()

echo "a. GET /usulan/saya/{kode}: ${duration}s at $conns connections ..."
t0=$(cpu_ticks "$server")
perf_pid=""
[[ -n $perf_out ]] && { perf record -F 499 -g -p "$server" -o "$perf_out" -- sleep "$duration" 2>/dev/null & perf_pid=$!; }
wrk -t$threads -c"$conns" -d"${duration}s" --timeout 5s --latency -s "$repo/bench/portal_view.lua" "$base" -- "$work/view.txt" \
    > "$work/view.out" 2>&1
[[ -n $perf_pid ]] && wait "$perf_pid"
cpu=$(cpu_per_request "$t0" "$(cpu_ticks "$server")" "$work/view.out")
read -r rps p50 p99 errors < <(parse_wrk --script-judges "$work/view.out")
rows+=("a. proposal page (10 events), $conns conns|$rps|$p50|$p99|$errors|$cpu|>= 5,000 req/s, p99 < 20 ms")

echo "b. submissions: ${duration}s at $submit_conns connections ..."
mkdir -p "$work/acks"
before=$(sqlite3 "$db" "SELECT count(*) FROM proposals")
t0=$(cpu_ticks "$server")
perf_pid=""
[[ -n $perf_out ]] && { perf record -F 499 -g -p "$server" -o "$perf_out.submit" -- sleep "$duration" 2>/dev/null & perf_pid=$!; }
wrk -t$threads -c"$submit_conns" -d"${duration}s" --timeout 5s --latency -s "$repo/bench/portal_submit.lua" "$base" \
    -- "$work/submit.txt" "$work/acks" "$base" > "$work/submit.out" 2>&1
[[ -n $perf_pid ]] && wait "$perf_pid"
cpu=$(cpu_per_request "$t0" "$(cpu_ticks "$server")" "$work/submit.out")
read -r srps sp50 sp99 serrors < <(parse_wrk --script-judges "$work/submit.out")
cat "$work/acks"/acks-* > "$work/acked.txt"
acked=$(wc -l < "$work/acked.txt")
after=$(sqlite3 "$db" "SELECT count(*) FROM proposals")
missing=$(sqlite3 "$db" "CREATE TEMP TABLE acked(code TEXT);" ".import $work/acked.txt acked" \
    "SELECT count(*) FROM acked a LEFT JOIN proposals p ON p.tracking_code = a.code WHERE p.id IS NULL OR p.status <> 'diajukan'
     OR (SELECT count(*) FROM proposal_events e WHERE e.proposal_id = p.id) <> 2;")
rows+=("b. submissions, $submit_conns conns|$srps|$sp50|$sp99|$serrors|$cpu|>= 1,000/s, p99 < 50 ms, 0 errors")

echo "c. GET /usulan/saya/{kode} while $signins sign-ins run at once ..."
python3 "$repo/bench/portal_storm.py" "$base" "$work/storm.txt" "$signins" $((duration + 3)) > "$work/storm.out" 2>&1 &
storm=$!
sleep 1.5   # let every storm thread reach its first password check
wrk -t$threads -c"$conns" -d"${duration}s" --timeout 5s --latency -s "$repo/bench/portal_view.lua" "$base" -- "$work/view.txt" \
    > "$work/storm-view.out" 2>&1
wait "$storm"
read -r crps cp50 cp99 cerrors < <(parse_wrk --script-judges "$work/storm-view.out")
rows+=("c. (a) during $signins sign-ins at once|$crps|$cp50|$cp99|$cerrors|-|p99 < 50 ms")

echo
echo "Portal on 127.0.0.1 (release, --quiet), wrk -t$threads -d${duration}s --latency; $(nproc) cores; load average at start: $load_start"
printf '%-40s %10s %8s %8s %7s %9s  %s\n' run "req/s" "p50 ms" "p99 ms" errors "cpu us/req" goal
for row in "${rows[@]}"; do
    IFS='|' read -r name r a b e c goal <<<"$row"
    printf '%-40s %10s %8s %8s %7s %9s  %s\n' "$name" "$r" "$a" "$b" "$e" "$c" "$goal"
done
echo "(cpu us/req: the server's CPU time per request, user + system, whatever else the machine runs)"
echo
echo "b. acknowledged submissions: $acked; proposals added: $((after - before)); acknowledged but missing or not whole: $missing"
echo "c. sign-ins during the run: $(cat "$work/storm.out")"
