-- Feedback (saran / pengaduan) from the public, routed to the unit that answers it (docs/feedback.md): the item with its
-- sender's optional name and contact (personal data: never selected by a public query), the account of a signed-in
-- sender, its status and unit, the public answer, the close; its optional photo (the original and its small version
-- re-encoded without metadata, both here so that backups carry them); and its append-only history.
-- The tracking code "SRN-2027-000045" comes from feedback_sequences, bumped in the transaction that inserts the row.

CREATE TABLE feedback_sequences (
    year          INTEGER PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
    last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 0 AND 999999)
) STRICT;

-- area: a kelurahan (both area columns set), a kecamatan (area_kecamatan_id only) or the whole city (neither).
-- unit: exactly the column of its kind is set; 'bappeda' needs none.
CREATE TABLE feedback (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE CHECK (code GLOB 'SRN-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
    kind              TEXT NOT NULL CHECK (kind IN ('saran', 'pengaduan')),
    category          TEXT NOT NULL CHECK (category IN ('infrastruktur', 'lingkungan', 'sosial', 'ekonomi', 'pelayanan',
                          'musrenbang', 'lainnya')),
    area_kecamatan_id INTEGER REFERENCES kecamatan(id),
    area_kelurahan_id INTEGER REFERENCES kelurahan(id),
    body              TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    sender_name       TEXT CHECK (sender_name IS NULL OR length(sender_name) BETWEEN 1 AND 100),
    sender_contact    TEXT CHECK (sender_contact IS NULL OR length(sender_contact) BETWEEN 1 AND 254),
    account_id        INTEGER REFERENCES accounts(id),
    status            TEXT NOT NULL CHECK (status IN ('baru', 'diteruskan', 'dijawab', 'ditutup')),
    unit_kind         TEXT NOT NULL CHECK (unit_kind IN ('kelurahan', 'kecamatan', 'opd', 'bappeda')),
    unit_kelurahan_id INTEGER REFERENCES kelurahan(id),
    unit_kecamatan_id INTEGER REFERENCES kecamatan(id),
    unit_opd_id       INTEGER REFERENCES opd(id),
    answer            TEXT CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 4000),
    answered_at       TEXT,
    closed_at         TEXT,
    close_note        TEXT CHECK (close_note IS NULL OR length(close_note) BETWEEN 1 AND 1000),
    hidden            INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    CHECK (area_kelurahan_id IS NULL OR area_kecamatan_id IS NOT NULL),
    CHECK ((unit_kelurahan_id IS NOT NULL) = (unit_kind = 'kelurahan')),
    CHECK ((unit_kecamatan_id IS NOT NULL) = (unit_kind = 'kecamatan')),
    CHECK ((unit_opd_id IS NOT NULL) = (unit_kind = 'opd')),
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
    CHECK (status <> 'dijawab' OR answer IS NOT NULL),
    CHECK (status NOT IN ('baru', 'diteruskan') OR answer IS NULL),
    CHECK ((status = 'ditutup') = (closed_at IS NOT NULL)),
    CHECK (hidden = 0 OR status = 'ditutup')
) STRICT;
-- A unit's queue (by unit and status), the public list of answered ones (newest answer first), the statistics.
CREATE INDEX feedback_unit ON feedback(unit_kind, unit_kelurahan_id, unit_kecamatan_id, unit_opd_id, status);
CREATE INDEX feedback_status ON feedback(status, id);
CREATE INDEX feedback_answered ON feedback(answered_at) WHERE answered_at IS NOT NULL AND hidden = 0;
CREATE INDEX feedback_created ON feedback(created_at);

-- At most one photo per piece of feedback: JPEG or PNG (by its bytes), at most 5 MB, and its small JPEG version (longest
-- side at most 480 px), re-encoded so it carries none of the phone's metadata: the one shown in public.
CREATE TABLE feedback_photos (
    feedback_id  INTEGER PRIMARY KEY REFERENCES feedback(id),
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    original     BLOB NOT NULL CHECK (length(original) BETWEEN 1 AND 5242880),
    small        BLOB NOT NULL CHECK (length(small) > 0),
    small_width  INTEGER NOT NULL CHECK (small_width BETWEEN 1 AND 480),
    small_height INTEGER NOT NULL CHECK (small_height BETWEEN 1 AND 480),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
) STRICT;

-- Every step: sent (no actor when a visitor sent it), forwarded (with the note for the next unit), answered, closed.
-- Units as text: 'kelurahan:3', 'kecamatan:2', 'opd:4', 'bappeda'.
CREATE TABLE feedback_events (
    id               INTEGER PRIMARY KEY,
    feedback_id      INTEGER NOT NULL REFERENCES feedback(id),
    action           TEXT NOT NULL CHECK (action IN ('kirim', 'teruskan', 'jawab', 'tutup')),
    actor_account_id INTEGER REFERENCES accounts(id),
    actor_role       TEXT CHECK (actor_role IS NULL OR actor_role IN ('warga', 'ketua_rt', 'ketua_rw', 'operator_kelurahan',
                         'verifikator_kelurahan', 'operator_kecamatan', 'camat', 'verifikator_opd', 'bappeda', 'admin_sistem')),
    from_status      TEXT CHECK (from_status IS NULL OR from_status IN ('baru', 'diteruskan', 'dijawab', 'ditutup')),
    to_status        TEXT NOT NULL CHECK (to_status IN ('baru', 'diteruskan', 'dijawab', 'ditutup')),
    from_unit        TEXT,
    to_unit          TEXT NOT NULL,
    note             TEXT,
    at               TEXT NOT NULL
) STRICT;
CREATE INDEX feedback_events_item ON feedback_events(feedback_id, id);

CREATE TRIGGER feedback_events_no_update BEFORE UPDATE ON feedback_events
BEGIN SELECT RAISE(ABORT, 'feedback_events is append-only'); END;
CREATE TRIGGER feedback_events_no_delete BEFORE DELETE ON feedback_events
BEGIN SELECT RAISE(ABORT, 'feedback_events is append-only'); END;
