#!/usr/bin/env python3
"""Times a 1,000-row CSV import end to end over HTTP: sign in as a kelurahan operator, upload the file (the preview
reads and checks every row), confirm (every row stored in one transaction). Prints the figures; never fails on them.

    python3 bench/import_load.py BASE_URL SEED_OUTPUT DATABASE [ROWS]
"""
import http.cookiejar, random, re, sqlite3, sys, time, urllib.parse, urllib.request

base, seed, database = sys.argv[1], sys.argv[2], sys.argv[3]
rows = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
username = "op.cireundeu"
password = next(line.split()[-1] for line in open(seed) if line.startswith(username + " "))

db = sqlite3.connect(database)
places = db.execute("""SELECT rw.number, rt.number FROM rt JOIN rw ON rw.id = rt.rw_id JOIN kelurahan k ON k.id = rw.kelurahan_id
                       WHERE k.name = 'Cireundeu'""").fetchall()
codes = [row[0] for row in db.execute("SELECT code FROM kamus_usulan WHERE active = 1")]
random.seed(7)
lines = ["rw;rt;nama_pengusul;kegiatan;volume;judul;permasalahan;keluaran;hasil;lokasi;lintang;bujur;penerima_manfaat"]
for n in range(1, rows + 1):
    rw, rt = random.choice(places)
    lines.append(f'{rw};{rt};Warga {n};{random.choice(codes)};{random.randint(1, 40)};Usulan formulir {n};'
                 f'"Masalah di lingkungan; perlu ditangani";Keluaran {n};Hasil {n};Gang {n};;;{random.randint(10, 300)}')
body_csv = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")

jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
def call(path, data=None, headers={}):
    request = urllib.request.Request(base + path, data=data, headers={"Origin": base, **headers})
    try:
        response = opener.open(request)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.read().decode("utf-8", "replace")
def csrf(page): return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

_, page = call("/masuk")
status, _ = call("/masuk", urllib.parse.urlencode({"nama_pengguna": username, "kata_sandi": password, "kembali": "/kerja/impor",
                                                   "_csrf": csrf(page)}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 303, f"sign-in: {status}"
_, page = call("/kerja/impor")
token = csrf(page)
boundary = "----bench%016x" % random.getrandbits(64)
multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
             f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"bench.csv\"\r\n"
             f"Content-Type: text/csv\r\n\r\n").encode() + body_csv + f"\r\n--{boundary}--\r\n".encode()
start = time.perf_counter()
status, preview = call("/kerja/impor", multipart, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
previewed = time.perf_counter()
assert status == 200, f"preview: {status} " + "; ".join(re.findall(r"<li><a href=\"#baris-\d+\">([^<]+)", preview)[:5])
held = re.search(r'name="berkas_token" value="([^"]+)"', preview).group(1)
status, _ = call("/kerja/impor/konfirmasi", urllib.parse.urlencode({"berkas_token": held, "_csrf": token}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"})
done = time.perf_counter()
assert status == 303, f"confirm: {status}"
stored = sqlite3.connect(database).execute("SELECT count(*) FROM proposals WHERE title LIKE 'Usulan formulir %'").fetchone()[0]
print(f"{rows} rows, {len(body_csv)} bytes: preview {1000 * (previewed - start):.0f} ms ({len(preview)} bytes of HTML), "
      f"confirm {1000 * (done - previewed):.0f} ms, end to end {1000 * (done - start):.0f} ms (goal < 2000 ms); {stored} stored")
