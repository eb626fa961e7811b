"""Sign-ins held at N at once for bench/portal.sh (stdlib only): N threads, each signing in again and again (GET /masuk
for the CSRF token, then POST /masuk) with the accounts of ACCOUNTS ("username password" a line), until SECONDS have
passed. Prints the sign-ins by answer and their time.

  python3 portal_storm.py BASE ACCOUNTS N SECONDS
"""
import http.client, re, sys, threading, time, urllib.parse

base, accounts_file, concurrent, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
accounts = [line.split() for line in open(accounts_file, encoding="utf-8") if line.strip()]
deadline = time.monotonic() + seconds
results, lock = [], threading.Lock()


def storm(index):
    username, password = accounts[index % len(accounts)]
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            c = http.client.HTTPConnection(host, port, timeout=60)
            c.request("GET", "/masuk")
            r = c.getresponse()
            body = r.read().decode()
            cookie = r.getheader("Set-Cookie", "").split(";")[0]
            token = re.search(r'name="_csrf" value="([0-9a-f]+)"', body).group(1)
            form = urllib.parse.urlencode({"_csrf": token, "nama_pengguna": username, "kata_sandi": password, "kembali": "/"})
            c.request("POST", "/masuk", body=form, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                            "Cookie": cookie, "Origin": base})
            r = c.getresponse()
            r.read()
            c.close()
            status = r.status
        except Exception:
            status = 0
        with lock:
            results.append((time.perf_counter() - start, status))


threads = [threading.Thread(target=storm, args=(i,)) for i in range(concurrent)]
for t in threads:
    t.start()
for t in threads:
    t.join()
durations = sorted(d for d, _ in results)
count = lambda wanted: sum(1 for _, s in results if s == wanted)
p50 = durations[len(durations) // 2] * 1000 if durations else 0
print(f"SIGNINS {len(results)} SIGNED_IN {count(303)} BUSY {count(503)} OTHER {len(results) - count(303) - count(503)} "
      f"P50_MS {p50:.0f} MAX_MS {(durations[-1] * 1000 if durations else 0):.0f}")
