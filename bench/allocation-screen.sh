#!/usr/bin/env bash
# The allocation screen of a kecamatan with about 2,000 candidates, through HTTP with a real session: "Jalankan alokasi"
# (POST /kerja/alokasi: the engine computes the run and stores it with every decision) and then the page that shows it
# (GET /kerja/alokasi: F1 and F2 with each decision's reason, the ceiling, the group shares, what changed since).
# Goal: run + render < 300 ms. Not a test: prints figures, never fails on them. Only 127.0.0.1.
#
#   bash bench/allocation-screen.sh [--proposals N] [--runs N] [--port P] [--db FILE] [--no-build]
#
# Builds release, generates the domain benchmark's city stopped in the kecamatan Musrenbang (bench/kecamatan-city.sh),
# serves it, signs the Camat of the kecamatan with the most candidates in, then --runs times: POST (time to the 303)
# and GET (time to the first byte, and the bytes), one connection, after one warm-up pair; with the server's CPU time
# per pair (/proc, bench/wrk-report.sh). --db FILE keeps the city in FILE and reuses it (generating takes minutes).
set -euo pipefail
proposals=100000
runs=10
port=18098
build=yes
db=""
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "bench/allocation-screen.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --proposals) proposals=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[[ $proposals =~ ^[0-9]+$ && $proposals -ge 1000 ]] || die "--proposals must be 1000 or more"
[[ $runs =~ ^[0-9]+$ && $runs -ge 3 && $runs -le 200 ]] || die "--runs must be 3..200"
for tool in sqlite3 curl; do command -v "$tool" >/dev/null || die "needs $tool (apt-get install $tool)"; done
cd "$repo"
if [[ $build == yes ]]; then
    swift build -c release --product MusrenbangBench >/dev/null
    swift build -c release --product musrenbang >/dev/null
fi
bin="$repo/.build/release"
[[ -x $bin/musrenbang && -x $bin/MusrenbangBench ]] || die "no release build (run without --no-build)"
source "$repo/bench/kecamatan-city.sh"
source "$repo/bench/wrk-report.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/musrenbang-allocation-bench.XXXXXX")
server=""
cleanup() {
    [[ -n $server ]] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
[[ -n $db ]] || db="$work/city.sqlite"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
kecamatan_city "$db" "$proposals" "$bin" "$repo/Migrations" "$work/generate.txt"

base="http://127.0.0.1:$port"
"$bin/musrenbang" serve --db "$db" --migrations "$repo/Migrations" --public "$repo/Public" --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || die "the server did not start: $(tail -n 5 "$work/serve.log")"
jar="$work/cookies"
session=$(sign_in "$base" "$CAMAT" "$CAMAT_PASSWORD" "$jar")
[[ -n $session ]] || die "signing $CAMAT in failed"
csrf=$(curl -fs -b "$jar" "$base/kerja/alokasi" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
[[ -n $csrf ]] || die "the allocation page offers no form (is the kecamatan window open?)"

# One pair: prints "POST_MS POST_STATUS GET_MS GET_BYTES GET_STATUS".
pair() {
    local post get
    post=$(curl -s -o /dev/null -b "$jar" -H "Origin: $base" --data-urlencode "_csrf=$csrf" -w '%{time_total} %{http_code}' "$base/kerja/alokasi")
    get=$(curl -s -o /dev/null -b "$jar" -w '%{time_starttransfer} %{size_download} %{http_code}' "$base/kerja/alokasi")
    echo "$post $get"
}
pair > /dev/null
before=$(cpu_ticks "$server")
for _ in $(seq "$runs"); do pair; done > "$work/pairs.txt"
after=$(cpu_ticks "$server")
curl -s -o /dev/null -b "$jar" -H "Origin: $base" --data-urlencode "_csrf=$csrf" "$base/kerja/alokasi"
f1=$(curl -fs -b "$jar" "$base/kerja/alokasi" | grep -o 'Alokasi nomor [0-9]* dijalankan: [^<]*' | head -1 || true)
echo "city: $(sqlite3 "$db" "SELECT count(*) FROM proposals") proposals; kecamatan $KECAMATAN ($CAMAT): $CANDIDATES candidates; last run: ${f1:-?}"
awk -v cpu="$(( after - before ))" -v hz="$(getconf CLK_TCK)" -v runs="$runs" '
    function median(a, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { post[NR] = $1 * 1000; get[NR] = $3 * 1000; both[NR] = post[NR] + get[NR]; bytes = $4
      if ($2 != 303 || $5 != 200) bad++; if (both[NR] > worst) worst = both[NR] }
    END {
        m = median(both, NR)
        printf "| step | median | |\n|---|---|---|\n"
        printf "| POST /kerja/alokasi (Jalankan alokasi: compute + store, 303) | %.1f ms | |\n", median(post, NR)
        printf "| GET /kerja/alokasi (render, %d bytes) | %.1f ms | |\n", bytes, median(get, NR)
        printf "| run + render | %.1f ms (max %.1f ms) | goal < 300 ms: %s |\n", m, worst, (m < 300 ? "ok" : "MISSED")
        printf "| server CPU per run + render | %.1f ms | |\n", cpu * 1000 / hz / runs
        if (bad) printf "%d pairs answered other than 303 + 200\n", bad
    }' "$work/pairs.txt"
echo "load average before: $load_start; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
