-- Documents of a kelurahan's Musrenbang (invitation, attendance list, photos of the meeting, the signed berita acara,
-- anything else): one row per file, the bytes kept here (as the proposal photos, Migrations/0011) so that
-- `musrenbang backup` and a restore cover them. JPEG, PNG or PDF recognised by their bytes, at most 10 MB.
-- Who may add and read them: MeetingDocumentRules.
CREATE TABLE meeting_documents (
    id           INTEGER PRIMARY KEY,
    cycle_id     INTEGER NOT NULL REFERENCES cycles(id),
    kelurahan_id INTEGER NOT NULL REFERENCES kelurahan(id),
    kind         TEXT NOT NULL CHECK (kind IN ('undangan', 'daftar_hadir', 'foto_kegiatan', 'berita_acara', 'lainnya')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    file_name    TEXT NOT NULL,
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    content      BLOB NOT NULL CHECK (length(content) BETWEEN 1 AND 10485760),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_by  INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_documents_place ON meeting_documents(cycle_id, kelurahan_id);
