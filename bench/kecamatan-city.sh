# Shared by bench/verification-queue.sh --city100k and bench/allocation-screen.sh (source it): the domain benchmark's
# city (bench/MusrenbangBench: 31 kecamatan, 154 kelurahan, N proposals through the real workflow) stopped in the
# kecamatan Musrenbang with the wall clock inside its window (`--stop-at-kecamatan yes`): every kelurahan signed, the
# F2 of every kelurahan accepted and ranked by its kecamatan, no kecamatan allocation yet. Then the kecamatan with the
# most candidates and its Camat's password, so a server on the city can be signed in to.
#
#   kecamatan_city DB PROPOSALS BINARY_DIR MIGRATIONS LOG
# generates the city into DB unless DB exists, and sets KECAMATAN (its id), CANDIDATES (its candidates), CAMAT (the
# username) and CAMAT_PASSWORD.
kecamatan_city() {
    local db=$1 proposals=$2 bin=$3 migrations=$4 log=$5
    if [[ ! -s $db ]]; then
        echo "generating a city of $proposals proposals stopped in the kecamatan Musrenbang in $db (minutes) ..." >&2
        "$bin/MusrenbangBench" --db "$db" --migrations "$migrations" --proposals "$proposals" --stop-at-kecamatan yes > "$log" \
            || { echo "generating failed: $(tail -n 5 "$log")" >&2; return 1; }
    else
        echo "reusing the city in $db" >&2
    fi
    read -r KECAMATAN CANDIDATES < <(sqlite3 -separator ' ' "$db" "
        SELECT kecamatan_id, count(*) FROM proposals
        WHERE stage = 'kecamatan' AND status IN ('diterima', 'diterima_dengan_perubahan')
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1")
    [[ -n ${KECAMATAN:-} ]] || { echo "no kecamatan has candidates in $db" >&2; return 1; }
    CAMAT="camat.$KECAMATAN"
    CAMAT_PASSWORD="bench-kecamatan-$KECAMATAN-sandi"
    MUSRENBANG_PASSWORD=$CAMAT_PASSWORD "$bin/musrenbang" user passwd --db "$db" --migrations "$migrations" --username "$CAMAT" >/dev/null
}

# Signs USER with PASSWORD in at BASE (GET /masuk for the CSRF token, POST /masuk) using cookie jar JAR; prints the
# session cookie's value.
sign_in() {
    local base=$1 user=$2 password=$3 jar=$4 csrf
    csrf=$(curl -fs -c "$jar" -b "$jar" "$base/masuk" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "nama_pengguna=$user" --data-urlencode "kata_sandi=$password" \
        --data-urlencode "kembali=/kerja" "$base/masuk"
    awk '$6 == "sesi" { print $7 }' "$jar"
}
