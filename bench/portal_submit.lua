-- wrk script of bench/portal.sh: proposal submissions, each request the "Kirim usulan" POST of the check page (session
-- cookie, CSRF token, a fresh form token, every answer: validated, then the proposal is created and sent, two events).
-- Each request uses the next session of submit.txt ("sesi=COOKIE CSRF RT KAMUS" a line). The tracking code of every
-- acknowledged submission (303 to /usulan/baru/terkirim/CODE) is written to DIR/acks-THREAD, one a line; any other
-- answer counts as an error.
--   wrk -s portal_submit.lua URL -- submit.txt DIR ORIGIN
local sessions = {}
local next_session = 0
local sent = 0
local acks_file
local origin
acked = 0
bad = 0
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(args[1]) do
        local cookie, csrf, rt, kamus = line:match("^(%S+) (%S+) (%S+) (%S+)$")
        table.insert(sessions, { cookie = cookie, csrf = csrf, rt = rt, kamus = kamus })
    end
    acks_file = io.open(args[2] .. "/acks-" .. id, "w")
    acks_file:setvbuf("line")
    origin = args[3]
    next_session = id * 7 % #sessions
    math.randomseed(os.time() * 1000 + id)
end

-- A random form token of 64 hex digits, as the check page's `formulir` field carries.
local function form_token()
    local parts = {}
    for i = 1, 8 do parts[i] = string.format("%08x", math.random(0, 0x7fffffff) * 2 + math.random(0, 1)) end
    return table.concat(parts)
end

function request()
    next_session = next_session % #sessions + 1
    sent = sent + 1
    local s = sessions[next_session]
    local body = "rt=" .. s.rt .. "&kamus=" .. s.kamus .. "&volume=12&title=Bench+" .. id .. "-" .. sent
        .. "&problem=Saluran+tersumbat+setiap+hujan.&expected_output=Saluran+12+meter&expected_outcome=Jalan+tidak+tergenang"
        .. "&location=Gang+Melati&latitude=&longitude=&beneficiaries=80&_csrf=" .. s.csrf .. "&formulir=" .. form_token()
        .. "&aksi=kirim"
    return wrk.format("POST", "/usulan/baru", { ["Cookie"] = s.cookie, ["Origin"] = origin,
                                                ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
    local location = headers["Location"] or headers["location"] or ""
    local code = location:match("^/usulan/baru/terkirim/(%S+)$")
    if status == 303 and code then
        acked = acked + 1
        acks_file:write(code, "\n")
    else
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local acks, errors = 0, 0
    for _, thread in ipairs(threads) do
        acks = acks + thread:get("acked")
        errors = errors + thread:get("bad")
    end
    io.write(string.format("ACKED %d\nNOT_ACKED %d\n", acks, errors))
end
