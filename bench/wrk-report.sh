# Shared by the benchmark scripts that drive wrk (source it): reading wrk's report and the server's CPU time.

# Prints "REQ_PER_SEC P50_MS P99_MS ERRORS" from wrk --latency output in FILE (or on stdin); "- - - -" when wrk ran no
# request. ERRORS counts socket errors and wrk's non-2xx/3xx answers, or with --script-judges (a Lua script that
# expects redirects, say) instead what the script reports as "NOT_200 N" or "NOT_ACKED N".
parse_wrk() {
    local judges=0
    if [[ ${1:-} == --script-judges ]]; then judges=1; shift; fi
    awk -v judges="$judges" '
        function ms(text,   number, unit) {
            number = text + 0; unit = text; sub(/^[0-9.]+/, "", unit)
            if (unit == "us") return number / 1000
            if (unit == "s") return number * 1000
            if (unit == "m") return number * 60000
            return number
        }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ && !judges { errors += $NF }
        ($1 == "NOT_200" || $1 == "NOT_ACKED") && judges { errors += $2 }
        END {
            if (rps == "") { print "- - - -"; exit }
            printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors
        }' "$@"
}

# The CPU time process PID has used so far, in clock ticks (user + system). Unlike req/s on a shared machine, the
# server's CPU per request hardly depends on what else runs.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Prints the CPU microseconds per request between tick counts BEFORE and AFTER for the requests of wrk output FILE.
cpu_per_request() {
    awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" '/ requests in / { n = $1 }
        END { if (n > 0) printf "%.0f", (b - a) / hz * 1e6 / n; else print "-" }' "$3"
}
