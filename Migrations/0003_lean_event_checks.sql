-- Allocation at city scale (bench/: 175,000 moves in a whole-city first run):
--   * proposal_events: the same columns, keys, indexes, append-only triggers and the same allowed values, but
--     each enumeration CHECK written as CASE ... WHEN instead of IN (...): SQLite 3.40 builds an ephemeral
--     table for every IN (...) list on every inserted row (about 3 us each, six per event); CASE compares
--     in place. The columns are NOT NULL, so both forms accept exactly the same rows.
--   * allocation_decisions: WITHOUT ROWID keyed by (run_id, position), and one unique index
--     (proposal_id, run_id) in place of UNIQUE (run_id, proposal_id) plus the index on proposal_id: the same
--     uniqueness and the same lookup by proposal, two b-trees per row instead of four.
DROP TRIGGER proposal_events_no_update;
DROP TRIGGER proposal_events_no_delete;
CREATE TABLE proposal_events_new (
    id               INTEGER PRIMARY KEY,
    proposal_id      INTEGER NOT NULL REFERENCES proposals(id),
    cycle_id         INTEGER NOT NULL REFERENCES cycles(id),
    action           TEXT NOT NULL CHECK (CASE action WHEN 'buat' THEN 1 WHEN 'ubah' THEN 1 WHEN 'ajukan' THEN 1 WHEN 'setujui' THEN 1
                        WHEN 'kembalikan' THEN 1 WHEN 'terima' THEN 1
                        WHEN 'terima_dengan_perubahan' THEN 1 WHEN 'tolak' THEN 1
                        WHEN 'alokasi_f1' THEN 1 WHEN 'alokasi_f2' THEN 1 WHEN 'rutekan_opd' THEN 1
                        WHEN 'rutekan_pokir' THEN 1 WHEN 'ubah_peringkat' THEN 1
                        WHEN 'tetapkan' THEN 1 WHEN 'tidak_tetapkan' THEN 1 WHEN 'koreksi' THEN 1
                        WHEN 'bawa_ke_siklus_berikut' THEN 1 ELSE 0 END),
    actor_account_id INTEGER NOT NULL REFERENCES accounts(id),
    actor_role       TEXT NOT NULL CHECK (CASE actor_role WHEN 'warga' THEN 1 WHEN 'ketua_rt' THEN 1 WHEN 'ketua_rw' THEN 1
                        WHEN 'operator_kelurahan' THEN 1 WHEN 'verifikator_kelurahan' THEN 1
                        WHEN 'operator_kecamatan' THEN 1 WHEN 'camat' THEN 1
                        WHEN 'verifikator_opd' THEN 1 WHEN 'bappeda' THEN 1
                        WHEN 'admin_sistem' THEN 1 ELSE 0 END),
    at               TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    from_stage       TEXT NOT NULL CHECK (CASE from_stage WHEN 'pra_musrenbang' THEN 1 WHEN 'kelurahan' THEN 1 WHEN 'kecamatan' THEN 1
                        WHEN 'opd' THEN 1 WHEN 'kota' THEN 1 ELSE 0 END),
    from_status      TEXT NOT NULL CHECK (CASE from_status WHEN 'draft' THEN 1 WHEN 'diajukan' THEN 1 WHEN 'disetujui_rt' THEN 1
                        WHEN 'dikembalikan' THEN 1 WHEN 'verifikasi' THEN 1 WHEN 'diterima' THEN 1
                        WHEN 'diterima_dengan_perubahan' THEN 1 WHEN 'ditolak' THEN 1
                        WHEN 'didanai' THEN 1 WHEN 'f2' THEN 1 WHEN 'pokir' THEN 1
                        WHEN 'ditetapkan' THEN 1 WHEN 'tidak_ditetapkan' THEN 1 ELSE 0 END),
    to_stage         TEXT NOT NULL CHECK (CASE to_stage WHEN 'pra_musrenbang' THEN 1 WHEN 'kelurahan' THEN 1 WHEN 'kecamatan' THEN 1
                        WHEN 'opd' THEN 1 WHEN 'kota' THEN 1 ELSE 0 END),
    to_status        TEXT NOT NULL CHECK (CASE to_status WHEN 'draft' THEN 1 WHEN 'diajukan' THEN 1 WHEN 'disetujui_rt' THEN 1
                        WHEN 'dikembalikan' THEN 1 WHEN 'verifikasi' THEN 1 WHEN 'diterima' THEN 1
                        WHEN 'diterima_dengan_perubahan' THEN 1 WHEN 'ditolak' THEN 1
                        WHEN 'didanai' THEN 1 WHEN 'f2' THEN 1 WHEN 'pokir' THEN 1
                        WHEN 'ditetapkan' THEN 1 WHEN 'tidak_ditetapkan' THEN 1 ELSE 0 END),
    note             TEXT,
    -- JSON array of {"field","old","new"}.
    changes_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes_json) AND json_type(changes_json) = 'array'),
    -- Comma-separated EventFlag raw values ('' when none).
    flags            TEXT NOT NULL DEFAULT '',
    version_after    INTEGER NOT NULL CHECK (version_after >= 1),
    UNIQUE (proposal_id, version_after)
) STRICT;
INSERT INTO proposal_events_new SELECT id, proposal_id, cycle_id, action, actor_account_id, actor_role, at, from_stage,
    from_status, to_stage, to_status, note, changes_json, flags, version_after FROM proposal_events;
DROP TABLE proposal_events;
ALTER TABLE proposal_events_new RENAME TO proposal_events;
CREATE INDEX proposal_events_cycle ON proposal_events(cycle_id, at);
CREATE TRIGGER proposal_events_no_update BEFORE UPDATE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal_events is append-only'); END;
CREATE TRIGGER proposal_events_no_delete BEFORE DELETE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal_events is append-only'); END;

CREATE TABLE allocation_decisions_new (
    run_id           INTEGER NOT NULL REFERENCES allocation_runs(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 1),
    proposal_id      INTEGER NOT NULL REFERENCES proposals(id),
    rank             INTEGER NOT NULL,
    cost             INTEGER NOT NULL CHECK (cost >= 0),
    funded           INTEGER NOT NULL CHECK (funded IN (0, 1)),
    remaining_before INTEGER NOT NULL CHECK (remaining_before >= 0),
    remaining_after  INTEGER NOT NULL CHECK (remaining_after >= 0 AND remaining_after <= remaining_before),
    blocking_group   TEXT,
    reason           TEXT NOT NULL CHECK (reason <> ''),
    PRIMARY KEY (run_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO allocation_decisions_new SELECT run_id, position, proposal_id, rank, cost, funded, remaining_before,
    remaining_after, blocking_group, reason FROM allocation_decisions;
DROP TABLE allocation_decisions;
ALTER TABLE allocation_decisions_new RENAME TO allocation_decisions;
CREATE UNIQUE INDEX allocation_decisions_proposal ON allocation_decisions(proposal_id, run_id);

-- proposal_scores and proposal_rankings (a whole city's ranking writes 300,000 scores and 100,000 ranks):
-- the same tables with the level CHECK written as CASE instead of IN (...), for the same reason as above.
CREATE TABLE proposal_scores_new (
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    level        TEXT NOT NULL CHECK (CASE level WHEN 'kelurahan' THEN 1 WHEN 'kecamatan' THEN 1 WHEN 'opd' THEN 1 ELSE 0 END),
    criterion_id INTEGER NOT NULL REFERENCES scoring_criteria(id),
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    scored_by    INTEGER NOT NULL REFERENCES accounts(id),
    scored_at    TEXT NOT NULL,
    PRIMARY KEY (proposal_id, level, criterion_id)
) STRICT, WITHOUT ROWID;
INSERT INTO proposal_scores_new SELECT proposal_id, level, criterion_id, score, scored_by, scored_at FROM proposal_scores;
DROP TABLE proposal_scores;
ALTER TABLE proposal_scores_new RENAME TO proposal_scores;

CREATE TABLE proposal_rankings_new (
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    level        TEXT NOT NULL CHECK (CASE level WHEN 'kelurahan' THEN 1 WHEN 'kecamatan' THEN 1 WHEN 'opd' THEN 1 ELSE 0 END),
    score_millis INTEGER NOT NULL CHECK (score_millis BETWEEN 0 AND 5000),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    manual       INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    PRIMARY KEY (proposal_id, level)
) STRICT, WITHOUT ROWID;
INSERT INTO proposal_rankings_new SELECT proposal_id, level, score_millis, rank, manual FROM proposal_rankings;
DROP TABLE proposal_rankings;
ALTER TABLE proposal_rankings_new RENAME TO proposal_rankings;
