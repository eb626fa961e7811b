"""The browser half of bench/pageload.sh: drives headless Chromium through chromedriver's W3C WebDriver endpoint
(stdlib only), prints each page's weight, then the proposal form's load time under network emulation."""
import http.client, json, statistics, sys, time

portal, driver_port, seed, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
down_kbps, up_kbps, latency_ms, cpu = float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])

def call(method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", driver_port, timeout=120)
    payload = json.dumps(body if body is not None else {}) if method == "POST" else None
    connection.request(method, path, body=payload, headers={"Content-Type": "application/json"})
    answer = json.loads(connection.getresponse().read() or b"{}")
    connection.close()
    value = answer.get("value")
    if isinstance(value, dict) and "error" in value:
        sys.exit(f"{method} {path}: {value['error']}: {value.get('message', '')[:300]}")
    return value

def account(prefix):
    """The first demo account whose username starts with `prefix`, and its password (seed-demo prints them once)."""
    for line in open(seed, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 3 and parts[0].startswith(prefix):
            return parts[0], parts[-1]
    sys.exit(f"no {prefix}* account in the seed output")

session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "binary": "/usr/bin/chromium",
    "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=360,800", "--no-first-run",
             "--no-proxy-server", "--disable-extensions", "--disable-background-networking"]}}}})["sessionId"]
def command(method, path, body=None): return call(method, f"/session/{session}/{path}", body)
def run(script, *args): return command("POST", "execute/sync", {"script": script, "args": list(args)})
def cdp(cmd, params=None): return command("POST", "goog/cdp/execute", {"cmd": cmd, "params": params or {}})
def open_page(path): command("POST", "url", {"url": portal + path})
def element(selector): return list(command("POST", "element", {"using": "css selector", "value": selector}).values())[0]

def wait_until(script, what, seconds=30):
    """Polls `script` (returns true when done) until it holds; the click that submits a form does not wait for it."""
    deadline = time.monotonic() + seconds
    while not run(script):
        if time.monotonic() > deadline: sys.exit(f"timed out waiting for {what}")
        time.sleep(0.05)

SIGNED_IN = "return document.readyState === 'complete' && document.querySelector('form[action=\"/keluar\"]') !== null;"

def sign_in(prefix):
    username, password = account(prefix)
    open_page("/masuk")
    for selector, text in (("#nama_pengguna", username), ("#kata_sandi", password)):
        command("POST", f"element/{element(selector)}/value", {"text": text})
    button = element('form[action="/masuk"] button')
    command("POST", f"element/{button}/click")
    wait_until(SIGNED_IN, f"{username} to be signed in")
    return username

def sign_out():
    button = element('form[action="/keluar"] button')
    command("POST", f"element/{button}/click")
    wait_until("return document.readyState === 'complete' && document.querySelector('a[href=\"/masuk\"]') !== null;",
               "the sign-out")

WEIGHT = """
const page = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource');
const linked = [...new Set([...document.querySelectorAll('link[rel~="stylesheet"][href], script[src]')].map(e => e.href || e.src))];
const code = linked.map(url => (resources.find(r => r.name === url && r.encodedBodySize > 0) || {encodedBodySize: -1}).encodedBodySize);
return [location.pathname + location.search, page.responseStatus, page.encodedBodySize, code];
"""
weights = []
def weigh(path):
    cdp("Network.clearBrowserCache")  # every stylesheet has a timing entry with its size
    open_page(path)
    weights.append(run(WEIGHT))

def first_link(selector):
    return run("const a = document.querySelector(arguments[0]); return a ? a.getAttribute('href') : null;", selector)

cdp("Network.enable")
# Page weights, unthrottled: the pages a visitor, a resident and an RT head see.
for path in ("/", "/masuk", "/daftar"):
    weigh(path)
resident = sign_in("warga1.")
for path in ("/", "/usulan/baru", "/usulan/saya"):
    weigh(path)
mine = first_link("main a[href^='/usulan/saya/']")
if mine: weigh(mine)
sign_out()
head = sign_in("rt.")
weigh("/kerja/persetujuan")
theirs = first_link("main a[href^='/kerja/persetujuan/']")
if theirs: weigh(theirs)
sign_out()

print(f"Page weights (HTML + CSS + JS bodies; {resident}, {head}; budget 100 KB = 102,400 B):\n")
print("| page | status | HTML B | CSS+JS B | total B |\n|---|---|---|---|---|")
for path, status, html, code in weights:
    print(f"| {path.split('?')[0]} | {status} | {html:,} | {sum(code):,} | {html + sum(code):,} |")

# The proposal form under the emulated network, cold cache (cleared before each load) and warm (the stylesheet cached).
sign_in("warga1.")
cdp("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
    "downloadThroughput": down_kbps * 1000 / 8, "uploadThroughput": up_kbps * 1000 / 8})
if cpu > 1: cdp("Emulation.setCPUThrottlingRate", {"rate": cpu})
TIMING = """
const page = performance.getEntriesByType('navigation')[0];
const bytes = page.transferSize + performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0);
return [page.domContentLoadedEventEnd - page.startTime, page.loadEventEnd - page.startTime, bytes];
"""
results = {}
for label, clear in (("cold cache", True), ("warm cache", False)):
    samples = []
    for _ in range(runs):
        if clear: cdp("Network.clearBrowserCache")
        open_page("/usulan/baru")
        if run("return location.pathname;") != "/usulan/baru": sys.exit("the proposal form did not load")
        samples.append(run(TIMING))
    results[label] = samples
cdp("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
call("DELETE", f"/session/{session}")

print(f"\n/usulan/baru at {down_kbps / 1000:g} Mbps down, {up_kbps:g} kbps up, {latency_ms:g} ms latency"
      f"{f', CPU {cpu:g}x slower' if cpu > 1 else ''} "
      f"({runs} loads each; navigation start to the load event; goal < 3,000 ms):\n")
print("| cache | DOMContentLoaded ms (median) | load ms (median) | load ms (max) | bytes transferred |")
print("|---|---|---|---|---|")
for label, samples in results.items():
    median = lambda i: statistics.median(s[i] for s in samples)
    print(f"| {label} | {median(0):,.0f} | {median(1):,.0f} | {max(s[1] for s in samples):,.0f} | {int(median(2)):,} |")
