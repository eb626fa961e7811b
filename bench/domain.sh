#!/bin/sh
# Benchmark of the Musrenbang persistence layer at 10x Surabaya's yearly volume (100,000 proposals,
# 31 kecamatan, 154 kelurahan): submissions per second, whole-city allocation, recap queries.
# Builds in release and runs on a temporary database (removed afterwards).
# Usage: bench/domain.sh [--proposals N] [--single N] [--one-transaction yes] [--checkpoint yes]
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product MusrenbangBench
exec .build/release/MusrenbangBench --migrations "$PWD/Migrations" "$@"
