-- wrk script of bench/portal.sh: GET a signed-in resident's proposal page, each request with the next session of the
-- prepared list (view.txt: "sesi=COOKIE /usulan/saya/CODE" a line). Anything but 200 counts as an error (a lost session
-- would answer 303 to /masuk, which wrk alone would count as a success).
--   wrk -s portal_view.lua URL -- view.txt
local requests = {}
local next_request = 0
bad = 0
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(args[1]) do
        local cookie, path = line:match("^(%S+) (%S+)$")
        table.insert(requests, wrk.format("GET", path, { ["Cookie"] = cookie }))
    end
    next_request = id * 7 % #requests  -- the threads start at different sessions
end

function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
end

function response(status, headers, body)
    if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("bad") end
    io.write(string.format("NOT_200 %d\n", total))
end
