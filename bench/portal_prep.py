"""Prepares bench/portal.sh's runs over real HTTP on the demo city seeded at the pra-Musrenbang (stdlib only).

  python3 portal_prep.py BASE SEED_OUTPUT WORKDIR VIEW_SESSIONS SUBMIT_SESSIONS

- For each demo kelurahan with residents: its first resident sends a proposal through the portal's flow (form, check
  page, "Kirim usulan"); the Ketua RT returns it three times, the resident resubmits it each time, then the Ketua RT
  and the Ketua RW approve it: 10 events on its timeline (buat, ajukan, 3 x (kembalikan, ajukan), setujui, setujui).
- VIEW_SESSIONS sign-ins of those residents: WORKDIR/view.txt, one "sesi=COOKIE /usulan/saya/CODE" a line.
- SUBMIT_SESSIONS sign-ins of any demo resident: WORKDIR/submit.txt, one "sesi=COOKIE CSRF RT KAMUS" a line.
Fails loudly on any answer the flow does not expect, so a broken portal is not benchmarked.
"""
import http.client, re, sys, urllib.parse

base, seed, work, view_sessions, submit_sessions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port


class Client:
    """A cookie-keeping client on one keep-alive connection; redirects are not followed."""

    def __init__(self):
        self.connection = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies = {}

    def send(self, method, path, fields=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": base})
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, response.getheader("Location"), text

    def expect(self, wanted, method, path, fields=None):
        status, location, text = self.send(method, path, fields)
        if status != wanted:
            sys.exit(f"portal_prep: {method} {path} answered {status} (wanted {wanted}): {text[:300]}")
        return location, text

    def sign_in(self, username, password):
        _, form = self.expect(200, "GET", "/masuk")
        self.expect(303, "POST", "/masuk", {"_csrf": hidden(form, "_csrf"), "nama_pengguna": username, "kata_sandi": password,
                                            "kembali": "/"})
        return self


def hidden(page, name):
    found = re.search(f'name="{name}" value="([^"]*)"', page)
    if not found:
        sys.exit(f"portal_prep: no field {name} on the page: {page[:300]}")
    return found.group(1)


def kamus_option(page):
    return re.search(r'name="kamus".*?<option value="(\d+)"', page, re.S).group(1)


accounts = {}
for line in open(seed, encoding="utf-8"):
    words = line.replace("|", " ").split()
    if len(words) >= 3 and re.fullmatch(r"(warga\d|rt|rw)\.[a-z0-9\-]+", words[0]):
        accounts[words[0]] = words[-1]
kelurahan = sorted({name.split(".", 1)[1] for name in accounts if name.startswith("warga1.")})
if not kelurahan:
    sys.exit("portal_prep: no demo residents in the seed output")

proposals = []  # (resident, code)
for slug in kelurahan:
    resident = Client().sign_in(f"warga1.{slug}", accounts[f"warga1.{slug}"])
    _, form = resident.expect(200, "GET", "/usulan/baru")
    answers = {"rt": hidden(form, "rt"), "kamus": kamus_option(form), "volume": "40", "title": f"Saluran Gang Melati {slug}",
               "problem": "Saluran tersumbat setiap hujan deras.", "expected_output": "Saluran 40 meter",
               "expected_outcome": "Jalan tidak tergenang", "location": "Gang Melati", "latitude": "", "longitude": "",
               "beneficiaries": "120", "_csrf": hidden(form, "_csrf")}
    _, check = resident.expect(200, "POST", "/usulan/baru", {**answers, "aksi": "periksa"})
    location, _ = resident.expect(303, "POST", "/usulan/baru", {**answers, "formulir": hidden(check, "formulir"), "aksi": "kirim"})
    code = location.rsplit("/", 1)[1]
    rt = Client().sign_in(f"rt.{slug}", accounts[f"rt.{slug}"])
    rw = Client().sign_in(f"rw.{slug}", accounts[f"rw.{slug}"])

    def decide(head, decision, reason=""):
        _, page = head.expect(200, "GET", f"/kerja/persetujuan/{code}")
        head.expect(303, "POST", f"/kerja/persetujuan/{code}", {"_csrf": hidden(page, "_csrf"), "versi": hidden(page, "versi"),
                                                                 "keputusan": decision, "alasan": reason, "kembali": "/kerja/persetujuan"})

    for round_ in range(3):
        decide(rt, "kembalikan", f"Lengkapi ukuran saluran (putaran {round_ + 1}).")
        _, page = resident.expect(200, "GET", f"/usulan/saya/{code}")
        resident.expect(303, "POST", f"/usulan/saya/{code}/ajukan", {"_csrf": hidden(page, "_csrf"), "versi": hidden(page, "versi")})
    decide(rt, "setujui")
    decide(rw, "setujui")
    proposals.append((f"warga1.{slug}", code))

with open(f"{work}/view.txt", "w") as out:
    for i in range(view_sessions):
        username, code = proposals[i % len(proposals)]
        client = Client().sign_in(username, accounts[username])
        _, page = client.expect(200, "GET", f"/usulan/saya/{code}")
        out.write(f"sesi={client.cookies['sesi']} /usulan/saya/{code}\n")

residents = sorted(name for name in accounts if name.startswith("warga"))
with open(f"{work}/submit.txt", "w") as out:
    for i in range(submit_sessions):
        username = residents[i % len(residents)]
        client = Client().sign_in(username, accounts[username])
        _, form = client.expect(200, "GET", "/usulan/baru")
        out.write(f"sesi={client.cookies['sesi']} {hidden(form, '_csrf')} {hidden(form, 'rt')} {kamus_option(form)}\n")

print(f"{len(proposals)} proposals with 10 events: {' '.join(code for _, code in proposals)}; "
      f"{view_sessions} viewing and {submit_sessions} submitting sessions")
