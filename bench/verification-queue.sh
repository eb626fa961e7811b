#!/usr/bin/env bash
# The verifiers' queue under load: a kecamatan verifier's filtered queue page (50 rows) through HTTP with a real
# session. Not a test: prints figures, never fails on them.
#
#   bash bench/verification-queue.sh [--connections N] [--seconds S] [--port P] [--debug] [--no-build]
#
# Builds release (or uses the debug build with --debug), seeds the demo city at the kecamatan stage into a temporary
# database, serves it on 127.0.0.1, signs in the Camat of Ciputat Timur (GET /masuk for the CSRF token, POST /masuk),
# then runs wrk with that session's cookie on /kerja/verifikasi?status=diterima&fisik=ya&urut=biaya-turun.
set -euo pipefail
connections=64
seconds=10
port=18091
build=yes
config=release
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --connections) connections=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --debug) config=debug; shift ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
cd "$repo"
[[ $build == yes ]] && swift build -c "$config" --product musrenbang >/dev/null
binary=".build/$config/musrenbang"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" seed-demo --db "$work/bench.sqlite" --migrations "$repo/Migrations" --stage kecamatan > "$work/seed.txt"
"$binary" serve --db "$work/bench.sqlite" --migrations "$repo/Migrations" --public "$repo/Public" \
    --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$port"
user=camat.ciputat-timur
password=$(awk -v u="$user" '$1 == u { print $NF }' "$work/seed.txt")
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/masuk" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "nama_pengguna=$user" --data-urlencode "kata_sandi=$password" \
    --data-urlencode "kembali=/kerja" "$base/masuk"
session=$(awk '$6 == "sesi" { print $7 }' "$jar")
[[ -n $session ]] || { echo "sign-in failed" >&2; exit 1; }
path="/kerja/verifikasi?status=diterima&fisik=ya&urut=biaya-turun"
rows=$(curl -fs -H "Cookie: sesi=$session" "$base$path" | grep -c 'class="code"' || true)
proposals=$(sqlite3 "$work/bench.sqlite" "SELECT count(*) FROM proposals" 2>/dev/null || echo "?")
echo "build: $config; city: $proposals proposals; $user's queue $path: $rows rows on the page"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: sesi=$session" "$base$path"
