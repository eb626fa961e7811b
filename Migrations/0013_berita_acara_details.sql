-- What a signed berita acara records beyond its number (level_locks): the meeting's date (a WIB calendar day), place
-- and chair, the delegates it elected for the next level with their gender (women must be represented: the portal
-- warns when none is), and the scan of the signed paper (PDF, JPEG or PNG by its bytes, at most 10 MB), kept in the
-- database so that `musrenbang backup` covers it. One row per lock; the scan may be replaced (the latest counts).
CREATE TABLE berita_acara_details (
    lock_id      INTEGER PRIMARY KEY REFERENCES level_locks(id),
    meeting_date TEXT NOT NULL CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    place        TEXT NOT NULL CHECK (place <> '' AND length(place) <= 200),
    chair        TEXT NOT NULL CHECK (chair <> '' AND length(chair) <= 200)
) STRICT;

CREATE TABLE berita_acara_delegates (
    id       INTEGER PRIMARY KEY,
    lock_id  INTEGER NOT NULL REFERENCES level_locks(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    name     TEXT NOT NULL CHECK (name <> '' AND length(name) <= 200),
    gender   TEXT NOT NULL CHECK (gender IN ('perempuan', 'laki_laki')),
    UNIQUE (lock_id, position)
) STRICT;

CREATE TABLE berita_acara_scans (
    id          INTEGER PRIMARY KEY,
    lock_id     INTEGER NOT NULL REFERENCES level_locks(id),
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes       BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 10485760),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_by INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at TEXT NOT NULL
) STRICT;
CREATE INDEX berita_acara_scans_lock ON berita_acara_scans(lock_id, id);
