#!/usr/bin/env bash
# The verifiers' queue under load: a kecamatan verifier's filtered queue page (50 rows) through HTTP with a real
# session. Not a test: prints figures, never fails on them.
#
#   bash bench/verification-queue.sh [--connections N] [--seconds S] [--port P] [--debug] [--no-build]
#                                    [--city100k [--proposals N] [--db FILE]]
#
# Builds release (or uses the debug build with --debug), seeds the demo city at the kecamatan stage into a temporary
# database, serves it on 127.0.0.1, signs in the Camat of Ciputat Timur (GET /masuk for the CSRF token, POST /masuk),
# then runs wrk with that session's cookie on /kerja/verifikasi?status=diterima&fisik=ya&urut=biaya-turun.
# --city100k: the issue's city instead, the domain benchmark's 100,000 proposals stopped in the kecamatan Musrenbang
# (bench/kecamatan-city.sh; --db FILE keeps it and reuses it), and the Camat of the kecamatan with the most candidates.
set -euo pipefail
connections=64
seconds=10
port=18091
build=yes
config=release
city=demo
proposals=100000
db=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --connections) connections=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --debug) config=debug; shift ;;
        --no-build) build=no; shift ;;
        --city100k) city=big; shift ;;
        --proposals) proposals=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
cd "$repo"
if [[ $build == yes ]]; then
    swift build -c "$config" --product musrenbang >/dev/null
    [[ $city == big ]] && swift build -c "$config" --product MusrenbangBench >/dev/null
fi
binary=".build/$config/musrenbang"
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
source "$repo/bench/kecamatan-city.sh"
source "$repo/bench/wrk-report.sh"
if [[ $city == big ]]; then
    [[ -n $db ]] || db="$work/bench.sqlite"
    kecamatan_city "$db" "$proposals" ".build/$config" "$repo/Migrations" "$work/generate.txt"
    user=$CAMAT
    password=$CAMAT_PASSWORD
else
    db="$work/bench.sqlite"
    "$binary" seed-demo --db "$db" --migrations "$repo/Migrations" --stage kecamatan > "$work/seed.txt"
    user=camat.ciputat-timur
    password=$(awk -v u="$user" '$1 == u { print $NF }' "$work/seed.txt")
fi
"$binary" serve --db "$db" --migrations "$repo/Migrations" --public "$repo/Public" \
    --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$port"
jar="$work/cookies"
session=$(sign_in "$base" "$user" "$password" "$jar")
[[ -n $session ]] || { echo "sign-in failed" >&2; exit 1; }
path="/kerja/verifikasi?status=diterima&fisik=ya&urut=biaya-turun"
rows=$(curl -fs -H "Cookie: sesi=$session" "$base$path" | grep -c 'class="code"' || true)
proposals=$(sqlite3 "$db" "SELECT count(*) FROM proposals" 2>/dev/null || echo "?")
echo "build: $config; city: $proposals proposals; $user's kecamatan: ${CANDIDATES:-?} candidates; queue $path: $rows rows on the page"
before=$(cpu_ticks "$server")
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: sesi=$session" "$base$path" | tee "$work/wrk.txt"
after=$(cpu_ticks "$server")
read -r rps p50 p99 errors < <(parse_wrk "$work/wrk.txt")
echo "summary: $rps req/s, p50 $p50 ms, p99 $p99 ms, $errors errors; server CPU $(cpu_per_request "$before" "$after" "$work/wrk.txt") us per request"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
