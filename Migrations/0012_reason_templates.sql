-- Reasons a verifying unit writes again and again ("Sudah dianggarkan dinas tahun ini", "Lokasi bukan aset pemerintah
-- kota"), kept per unit (owner = the verifier's scope, e.g. "kelurahan:3", "kecamatan:1", "opd:4") so that every verifier
-- of that kelurahan, kecamatan or OPD picks from the same short list on the decision form. Not a planning record: a
-- decision stores the reason's text itself in proposal_events, so removing a template changes no history.
CREATE TABLE reason_templates (
    id          INTEGER PRIMARY KEY,
    owner       TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 40),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    created_by  INTEGER NOT NULL REFERENCES accounts(id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reason_templates_owner_text ON reason_templates(owner, text);
