#!/usr/bin/env bash
# Sign-in storm benchmark: do many sign-ins at once stall page views? Not a test: prints figures, never fails on them.
#
#   bash bench/signin.sh [--signins N] [--views N] [--port P] [--no-build]
#
# Builds release, seeds the demo city into a temporary database (its accounts' passwords are printed once, with the
# real yescrypt cost), serves it on 127.0.0.1, then measures the home page (`/`, a database read) alone, and again
# while N sign-ins (default 50, each GET /masuk for the CSRF token, then POST /masuk) run at once.
set -euo pipefail
signins=50
views=200
port=18090
build=yes
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while [[ $# -gt 0 ]]; do
    case "$1" in
        --signins) signins=$2; shift 2 ;;
        --views) views=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        *) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
cd "$repo"
[[ $build == yes ]] && swift build -c release --product musrenbang >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
.build/release/musrenbang seed-demo --db "$work/bench.sqlite" --migrations "$repo/Migrations" > "$work/seed.txt"
.build/release/musrenbang serve --db "$work/bench.sqlite" --migrations "$repo/Migrations" --public "$repo/Public" \
    --port "$port" --quiet 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 "$repo/bench/signin_load.py" "http://127.0.0.1:$port" "$work/seed.txt" "$signins" "$views"
