"""The sign-in storm of bench/signin.sh: page views alone, then during N simultaneous sign-ins (stdlib only)."""
import http.client, re, statistics, sys, threading, time, urllib.parse

base, seed, signins, views = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
accounts = []
for line in open(seed, encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 3 and re.fullmatch(r"[a-z0-9.\-]+\.[a-z0-9\-]+", parts[0]) and re.fullmatch(r"[A-Za-z0-9]{8,}", parts[-1]):
        accounts.append((parts[0], parts[-1]))
if len(accounts) < signins:
    sys.exit(f"only {len(accounts)} demo accounts found in the seed output")

def view():
    c = http.client.HTTPConnection(host, port, timeout=60)
    start = time.perf_counter(); c.request("GET", "/"); r = c.getresponse(); r.read(); c.close()
    return time.perf_counter() - start, r.status

def sign_in(username, password, results):
    c = http.client.HTTPConnection(host, port, timeout=120)
    start = time.perf_counter()
    c.request("GET", "/masuk"); r = c.getresponse(); body = r.read().decode()
    cookie = r.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="_csrf" value="([0-9a-f]+)"', body).group(1)
    form = urllib.parse.urlencode({"_csrf": token, "nama_pengguna": username, "kata_sandi": password, "kembali": "/"})
    c.request("POST", "/masuk", body=form, headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                                                    "Origin": base})
    r = c.getresponse(); r.read(); c.close()
    results.append((time.perf_counter() - start, r.status))

def pct(values, p):
    values = sorted(values); return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000

idle = [view()[0] for _ in range(views)]
results = []
threads = [threading.Thread(target=sign_in, args=(u, p, results)) for u, p in accounts[:signins]]
for t in threads: t.start()
during, status = [], []
while any(t.is_alive() for t in threads):
    seconds, code = view(); during.append(seconds); status.append(code)
for t in threads: t.join()
durations = [d for d, _ in results]
print(f"| measure | value |\n|---|---|")
print(f"| home page alone ({views} views) p50 / p99 | {pct(idle, 50):.1f} / {pct(idle, 99):.1f} ms |")
print(f"| home page during {signins} simultaneous sign-ins ({len(during)} views) p50 / p99 / max | "
      f"{pct(during, 50):.1f} / {pct(during, 99):.1f} / {max(during) * 1000:.1f} ms |")
print(f"| page views not 200 during the storm | {sum(1 for s in status if s != 200)} |")
print(f"| sign-ins: 303 (signed in) / 503 (sedang ramai) / other | {sum(1 for _, s in results if s == 303)} / "
      f"{sum(1 for _, s in results if s == 503)} / {sum(1 for _, s in results if s not in (303, 503))} |")
print(f"| sign-in time p50 / max | {pct(durations, 50):.0f} / {max(durations) * 1000:.0f} ms |")
