#!/usr/bin/env bash
# CSV import benchmark: 1,000 rows through HTTP with a real session, upload (preview) then confirm. Not a test: prints
# figures, never fails on them.
#
#   bash bench/import.sh [--rows N] [--port P] [--debug] [--no-build]
#
# Builds release (or uses the debug build with --debug), seeds the demo city with the pra-Musrenbang open into a
# temporary database, serves it on 127.0.0.1 and imports N rows (default 1000) into Kelurahan Cireundeu as op.cireundeu.
set -euo pipefail
rows=1000
port=18091
config=release
build=yes
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --debug) config=debug; shift ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
cd "$repo"
[[ $build == yes ]] && swift build -c "$config" --product musrenbang >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
.build/$config/musrenbang seed-demo --db "$work/bench.sqlite" --migrations "$repo/Migrations" --stage pra_musrenbang > "$work/seed.txt"
.build/$config/musrenbang serve --db "$work/bench.sqlite" --migrations "$repo/Migrations" --public "$repo/Public" \
    --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 "$repo/bench/import_load.py" "http://127.0.0.1:$port" "$work/seed.txt" "$work/bench.sqlite" "$rows"
