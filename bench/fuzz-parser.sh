#!/usr/bin/env bash
# Fuzzes the HTTP request parser with libFuzzer for a bounded time.
#   bench/fuzz-parser.sh [SECONDS]        (default 60)
# Builds bench/fuzz/FuzzRequestParser.swift with the parser's sources (-sanitize=fuzzer,address) into
# bench/out/, seeds a corpus with valid and hostile requests, and runs until the time is up. Exit status 0
# means no crash; a crash leaves its input as bench/out/crash-* (replay: bench/out/fuzz-parser FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=bench/out
mkdir -p "$out/fuzz-corpus"

sources=(
    Sources/HTTPServer/Parsing/*.swift
    Sources/HTTPServer/Core/*.swift
    Sources/HTTPServer/Encoding/PercentDecoding.swift
    bench/fuzz/FuzzRequestParser.swift
)
echo "building $out/fuzz-parser"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name HTTPServer \
    "${sources[@]}" -o "$out/fuzz-parser"

seed() { printf "$2" > "$out/fuzz-corpus/$1"; }
seed get 'GET /usulan/12?tahun=2027 HTTP/1.1\r\nHost: a\r\n\r\n'
seed post 'POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello'
seed chunked 'POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;e=1\r\nhello\r\n0\r\nT: v\r\n\r\n'
seed pipelined 'GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'
seed smuggle 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG'
seed host 'GET http://[::1]:8080/x HTTP/1.1\r\nHost: [v1.a]:80\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1:\r\n\r\n'
seed expect 'PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc'

echo "fuzzing for ${seconds}s"
SWIFT_BACKTRACE=enable=no "$out/fuzz-parser" -max_total_time="$seconds" -max_len=4096 -timeout=5 -print_final_stats=1 \
    -artifact_prefix="$out/" "$out/fuzz-corpus"
