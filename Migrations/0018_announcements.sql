-- Announcements (pengumuman) of Bappeda and each area's staff: meeting schedules, technical guidelines with their
-- documents, and news. Who may write for which area: AnnouncementRules (Sources/Musrenbang/Announcements).
--   kind:   'jadwal_rapat' (a meeting: its stage, start and end, place, who is invited), 'panduan_teknis', 'berita'.
--   area:   'kota' (the whole city) or one kecamatan, kelurahan or OPD; a kelurahan's row also holds its kecamatan,
--           so that a kecamatan's list (and its calendar) includes its kelurahan's announcements.
--   status: 'draf' (only its authors see it), 'diumumkan' (public), 'ditarik' (withdrawn with a reason; final).
--   uuid:   random, made once: the Atom entry's and the iCalendar event's id, stable across edits.
--   version: bumped by every change (the forms' optimistic check); revision: the changes made while published
--           (the iCalendar SEQUENCE).
CREATE TABLE announcements (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36 AND uuid NOT GLOB '*[^0-9a-f-]*'),
    kind              TEXT NOT NULL CHECK (kind IN ('jadwal_rapat', 'panduan_teknis', 'berita')),
    area_kind         TEXT NOT NULL CHECK (area_kind IN ('kota', 'kecamatan', 'kelurahan', 'opd')),
    kecamatan_id      INTEGER REFERENCES kecamatan(id),
    kelurahan_id      INTEGER REFERENCES kelurahan(id),
    opd_id            INTEGER REFERENCES opd(id),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body              TEXT NOT NULL CHECK (length(body) <= 20000),
    meeting_stage     TEXT CHECK (meeting_stage IS NULL OR meeting_stage IN ('pra_musrenbang', 'kelurahan', 'kecamatan', 'opd', 'kota')),
    starts_at         TEXT,
    ends_at           TEXT,
    place             TEXT CHECK (place IS NULL OR length(place) BETWEEN 1 AND 300),
    invited           TEXT CHECK (invited IS NULL OR length(invited) BETWEEN 1 AND 1000),
    status            TEXT NOT NULL CHECK (status IN ('draf', 'diumumkan', 'ditarik')),
    version           INTEGER NOT NULL CHECK (version >= 1),
    revision          INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
    created_by        INTEGER NOT NULL REFERENCES accounts(id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    published_at      TEXT,
    withdrawn_at      TEXT,
    withdrawal_reason TEXT CHECK (withdrawal_reason IS NULL OR withdrawal_reason <> ''),
    CHECK (CASE area_kind
        WHEN 'kota' THEN kecamatan_id IS NULL AND kelurahan_id IS NULL AND opd_id IS NULL
        WHEN 'kecamatan' THEN kecamatan_id IS NOT NULL AND kelurahan_id IS NULL AND opd_id IS NULL
        WHEN 'kelurahan' THEN kecamatan_id IS NOT NULL AND kelurahan_id IS NOT NULL AND opd_id IS NULL
        ELSE kecamatan_id IS NULL AND kelurahan_id IS NULL AND opd_id IS NOT NULL END),
    -- A meeting has all of its details and nothing else has any.
    CHECK ((kind = 'jadwal_rapat') = (meeting_stage IS NOT NULL)),
    CHECK ((meeting_stage IS NULL) = (starts_at IS NULL) AND (starts_at IS NULL) = (ends_at IS NULL)
           AND (ends_at IS NULL) = (place IS NULL) AND (place IS NULL) = (invited IS NULL)),
    CHECK (starts_at IS NULL OR ends_at > starts_at),
    CHECK ((status = 'draf') = (published_at IS NULL)),
    CHECK ((status = 'ditarik') = (withdrawn_at IS NOT NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
) STRICT;
-- The public list (newest first), the staff lists per area, the meetings by start.
CREATE INDEX announcements_public ON announcements(status, published_at);
CREATE INDEX announcements_kecamatan ON announcements(kecamatan_id, status) WHERE kecamatan_id IS NOT NULL;
CREATE INDEX announcements_kelurahan ON announcements(kelurahan_id, status) WHERE kelurahan_id IS NOT NULL;
CREATE INDEX announcements_opd ON announcements(opd_id, status) WHERE opd_id IS NOT NULL;
CREATE INDEX announcements_meetings ON announcements(status, starts_at) WHERE kind = 'jadwal_rapat';

-- The downloadable documents of an announcement (a technical guideline's PDF, an invitation letter): PDF, JPEG or
-- PNG recognised by their bytes, at most 10 MB, the bytes kept here (as meeting documents, 0014, and attachments,
-- 0015) so that `musrenbang backup` carries them. Public while their announcement is.
CREATE TABLE announcement_documents (
    id              INTEGER PRIMARY KEY,
    announcement_id INTEGER NOT NULL REFERENCES announcements(id),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    file_name       TEXT NOT NULL CHECK (file_name <> ''),
    media_type      TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    content         BLOB NOT NULL CHECK (length(content) BETWEEN 1 AND 10485760),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_by     INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX announcement_documents_of ON announcement_documents(announcement_id);

-- Every change of an announcement: who (account and the role it acted in), when, what (buat, ubah, umumkan, tarik,
-- tambah_dokumen, hapus_dokumen), the reason of a withdrawal, and for a change the fields before and after (JSON).
-- Append-only (triggers refuse UPDATE and DELETE), like admin_log (0006), whose actors are only Bappeda and the admin.
CREATE TABLE announcement_log (
    id               INTEGER PRIMARY KEY,
    announcement_id  INTEGER NOT NULL REFERENCES announcements(id),
    actor_account_id INTEGER NOT NULL REFERENCES accounts(id),
    actor_role       TEXT NOT NULL CHECK (actor_role <> ''),
    at               TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    action           TEXT NOT NULL CHECK (action IN ('buat', 'ubah', 'umumkan', 'tarik', 'tambah_dokumen', 'hapus_dokumen')),
    reason           TEXT CHECK (reason IS NULL OR reason <> ''),
    before_json      TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json       TEXT CHECK (after_json IS NULL OR json_valid(after_json))
) STRICT;
CREATE INDEX announcement_log_of ON announcement_log(announcement_id, id);
CREATE TRIGGER announcement_log_no_update BEFORE UPDATE ON announcement_log
BEGIN SELECT RAISE(ABORT, 'announcement_log is append-only'); END;
CREATE TRIGGER announcement_log_no_delete BEFORE DELETE ON announcement_log
BEGIN SELECT RAISE(ABORT, 'announcement_log is append-only'); END;
