-- e-Musrenbang core schema: wilayah, catalog, cycles, ceilings, accounts, proposals, their history,
-- allocation runs and berita acara locks. Conventions:
--   * STRICT tables; money is INTEGER rupiah; dates are TEXT ISO-8601 UTC 'YYYY-MM-DDTHH:MM:SSZ'.
--   * Enumerations are the raw values of the Swift enums in Sources/Musrenbang (Stage, ProposalStatus,
--     Role, Action, Level); a (stage, status) pair is checked as 'stage:status' against ProposalState.all.
--   * Append-only history tables refuse UPDATE and DELETE with triggers.
--   * Personal data (accounts.nik, phone, email, address) is never selected by public queries.

-- Wilayah ----------------------------------------------------------------------------------------

CREATE TABLE kota (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 8 AND code = upper(code)),
    name TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE kecamatan (
    id      INTEGER PRIMARY KEY,
    kota_id INTEGER NOT NULL REFERENCES kota(id),
    code    TEXT NOT NULL CHECK (code <> ''),
    name    TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (kota_id, code),
    UNIQUE (kota_id, name)
) STRICT;

CREATE TABLE kelurahan (
    id           INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id),
    code         TEXT NOT NULL CHECK (code <> ''),
    name         TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (kecamatan_id, code),
    UNIQUE (kecamatan_id, name)
) STRICT;

CREATE TABLE rw (
    id           INTEGER PRIMARY KEY,
    kelurahan_id INTEGER NOT NULL REFERENCES kelurahan(id),
    number       INTEGER NOT NULL CHECK (number > 0),
    UNIQUE (kelurahan_id, number)
) STRICT;

CREATE TABLE rt (
    id     INTEGER PRIMARY KEY,
    rw_id  INTEGER NOT NULL REFERENCES rw(id),
    number INTEGER NOT NULL CHECK (number > 0),
    UNIQUE (rw_id, number)
) STRICT;

-- Catalog ----------------------------------------------------------------------------------------

CREATE TABLE bidang (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE opd (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name       TEXT NOT NULL CHECK (name <> ''),
    short_name TEXT NOT NULL CHECK (short_name <> '')
) STRICT;

-- Kamus usulan: activities that may be proposed, with the SSH unit price (rupiah per satuan).
CREATE TABLE kamus_usulan (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name       TEXT NOT NULL CHECK (name <> ''),
    bidang_id  INTEGER NOT NULL REFERENCES bidang(id),
    opd_id     INTEGER NOT NULL REFERENCES opd(id),
    satuan     TEXT NOT NULL CHECK (satuan <> ''),
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    is_fisik   INTEGER NOT NULL CHECK (is_fisik IN (0, 1)),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX kamus_usulan_bidang ON kamus_usulan(bidang_id);
CREATE INDEX kamus_usulan_opd ON kamus_usulan(opd_id);

-- Accounts ---------------------------------------------------------------------------------------

-- nik, phone, email, address are private columns: never part of any public page or export.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 64),
    password_hash TEXT NOT NULL CHECK (password_hash <> ''),
    display_name  TEXT NOT NULL CHECK (display_name <> ''),
    nik           TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
    phone         TEXT,
    email         TEXT,
    address       TEXT,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX accounts_nik ON accounts(nik) WHERE nik IS NOT NULL;

-- A role of an account with its scope; exactly the scope column(s) the role needs are set.
CREATE TABLE account_roles (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('warga', 'ketua_rt', 'ketua_rw', 'operator_kelurahan',
                     'verifikator_kelurahan', 'operator_kecamatan', 'camat', 'verifikator_opd', 'bappeda',
                     'admin_sistem')),
    rt_id        INTEGER REFERENCES rt(id),
    rw_id        INTEGER REFERENCES rw(id),
    kelurahan_id INTEGER REFERENCES kelurahan(id),
    kecamatan_id INTEGER REFERENCES kecamatan(id),
    opd_id       INTEGER REFERENCES opd(id),
    CHECK ((rt_id IS NOT NULL) = (role = 'ketua_rt')),
    CHECK ((rw_id IS NOT NULL) = (role = 'ketua_rw')),
    CHECK ((kelurahan_id IS NOT NULL) = (role IN ('operator_kelurahan', 'verifikator_kelurahan'))),
    CHECK ((kecamatan_id IS NOT NULL) = (role IN ('operator_kecamatan', 'camat'))),
    CHECK ((opd_id IS NOT NULL) = (role = 'verifikator_opd'))
) STRICT;
CREATE UNIQUE INDEX account_roles_unique ON account_roles(account_id, role, ifnull(rt_id, 0), ifnull(rw_id, 0),
    ifnull(kelurahan_id, 0), ifnull(kecamatan_id, 0), ifnull(opd_id, 0));
CREATE INDEX account_roles_kelurahan ON account_roles(kelurahan_id) WHERE kelurahan_id IS NOT NULL;
CREATE INDEX account_roles_kecamatan ON account_roles(kecamatan_id) WHERE kecamatan_id IS NOT NULL;
CREATE INDEX account_roles_opd ON account_roles(opd_id) WHERE opd_id IS NOT NULL;

-- Cycles, stage windows and settings -------------------------------------------------------------

-- plan_year: year the Musrenbang is held (tracking codes); budget_year: the RKPD/APBD year planned.
CREATE TABLE cycles (
    id                  INTEGER PRIMARY KEY,
    kota_id             INTEGER NOT NULL REFERENCES kota(id),
    plan_year           INTEGER NOT NULL CHECK (plan_year BETWEEN 2000 AND 2999),
    budget_year         INTEGER NOT NULL CHECK (budget_year BETWEEN 2000 AND 2999),
    name                TEXT NOT NULL CHECK (name <> ''),
    cost_tolerance_bp   INTEGER NOT NULL DEFAULT 1000 CHECK (cost_tolerance_bp BETWEEN 0 AND 100000),
    created_at          TEXT NOT NULL,
    CHECK (budget_year >= plan_year),
    UNIQUE (kota_id, budget_year)
) STRICT;

-- The current window of each stage (extensions already applied); half-open [opens_at, closes_at).
CREATE TABLE stage_windows (
    cycle_id  INTEGER NOT NULL REFERENCES cycles(id),
    stage     TEXT NOT NULL CHECK (stage IN ('pra_musrenbang', 'kelurahan', 'kecamatan', 'opd', 'kota')),
    opens_at  TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    CHECK (closes_at > opens_at),
    PRIMARY KEY (cycle_id, stage)
) STRICT, WITHOUT ROWID;

-- Log of window extensions by Bappeda (append-only).
CREATE TABLE window_extensions (
    id                 INTEGER PRIMARY KEY,
    cycle_id           INTEGER NOT NULL REFERENCES cycles(id),
    stage              TEXT NOT NULL CHECK (stage IN ('pra_musrenbang', 'kelurahan', 'kecamatan', 'opd', 'kota')),
    previous_closes_at TEXT NOT NULL,
    new_closes_at      TEXT NOT NULL,
    reason             TEXT NOT NULL CHECK (reason <> ''),
    extended_by        INTEGER NOT NULL REFERENCES accounts(id),
    extended_at        TEXT NOT NULL,
    CHECK (new_closes_at > previous_closes_at)
) STRICT;
CREATE INDEX window_extensions_cycle ON window_extensions(cycle_id, stage, id);
CREATE TRIGGER window_extensions_no_update BEFORE UPDATE ON window_extensions
BEGIN SELECT RAISE(ABORT, 'window_extensions is append-only'); END;
CREATE TRIGGER window_extensions_no_delete BEFORE DELETE ON window_extensions
BEGIN SELECT RAISE(ABORT, 'window_extensions is append-only'); END;

-- Tolerance etc. live on cycles; ranking criteria (scored 1-5) and their weights per cycle.
CREATE TABLE scoring_criteria (
    id       INTEGER PRIMARY KEY,
    cycle_id INTEGER NOT NULL REFERENCES cycles(id),
    code     TEXT NOT NULL CHECK (code <> ''),
    name     TEXT NOT NULL CHECK (name <> ''),
    weight   INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 1000000),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (cycle_id, code)
) STRICT;

-- Ceilings (pagu) --------------------------------------------------------------------------------

-- Formula settings per cycle and level: total, equal base share, criterion weights, rounding unit.
CREATE TABLE ceiling_settings (
    cycle_id               INTEGER NOT NULL REFERENCES cycles(id),
    level                  TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan')),
    total                  INTEGER NOT NULL CHECK (total >= 0),
    base_share_bp          INTEGER NOT NULL CHECK (base_share_bp BETWEEN 0 AND 10000),
    weight_population      INTEGER NOT NULL CHECK (weight_population >= 0),
    weight_area            INTEGER NOT NULL CHECK (weight_area >= 0),
    weight_pbb_realisation INTEGER NOT NULL CHECK (weight_pbb_realisation >= 0),
    weight_poor_households INTEGER NOT NULL CHECK (weight_poor_households >= 0),
    rounding_unit          INTEGER NOT NULL CHECK (rounding_unit >= 1),
    PRIMARY KEY (cycle_id, level)
) STRICT, WITHOUT ROWID;

-- Criteria inputs per kelurahan (public); kecamatan inputs are their sums.
CREATE TABLE ceiling_inputs (
    cycle_id        INTEGER NOT NULL REFERENCES cycles(id),
    kelurahan_id    INTEGER NOT NULL REFERENCES kelurahan(id),
    population      INTEGER NOT NULL CHECK (population >= 0),
    area_m2         INTEGER NOT NULL CHECK (area_m2 >= 0),
    pbb_realisation INTEGER NOT NULL CHECK (pbb_realisation >= 0),
    poor_households INTEGER NOT NULL CHECK (poor_households >= 0),
    PRIMARY KEY (cycle_id, kelurahan_id)
) STRICT, WITHOUT ROWID;

-- Computed ceilings with their breakdown (see CeilingLine).
CREATE TABLE kelurahan_ceilings (
    cycle_id           INTEGER NOT NULL REFERENCES cycles(id),
    kelurahan_id       INTEGER NOT NULL REFERENCES kelurahan(id),
    base_part          INTEGER NOT NULL CHECK (base_part >= 0),
    population_part    INTEGER NOT NULL CHECK (population_part >= 0),
    area_part          INTEGER NOT NULL CHECK (area_part >= 0),
    pbb_part           INTEGER NOT NULL CHECK (pbb_part >= 0),
    poor_part          INTEGER NOT NULL CHECK (poor_part >= 0),
    exact_share_micros TEXT NOT NULL,
    rounded_down       INTEGER NOT NULL CHECK (rounded_down >= 0),
    remainder_bonus    INTEGER NOT NULL CHECK (remainder_bonus >= 0),
    amount             INTEGER NOT NULL CHECK (amount >= 0 AND amount = rounded_down + remainder_bonus),
    computed_at        TEXT NOT NULL,
    PRIMARY KEY (cycle_id, kelurahan_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE kecamatan_ceilings (
    cycle_id           INTEGER NOT NULL REFERENCES cycles(id),
    kecamatan_id       INTEGER NOT NULL REFERENCES kecamatan(id),
    base_part          INTEGER NOT NULL CHECK (base_part >= 0),
    population_part    INTEGER NOT NULL CHECK (population_part >= 0),
    area_part          INTEGER NOT NULL CHECK (area_part >= 0),
    pbb_part           INTEGER NOT NULL CHECK (pbb_part >= 0),
    poor_part          INTEGER NOT NULL CHECK (poor_part >= 0),
    exact_share_micros TEXT NOT NULL,
    rounded_down       INTEGER NOT NULL CHECK (rounded_down >= 0),
    remainder_bonus    INTEGER NOT NULL CHECK (remainder_bonus >= 0),
    amount             INTEGER NOT NULL CHECK (amount >= 0 AND amount = rounded_down + remainder_bonus),
    computed_at        TEXT NOT NULL,
    PRIMARY KEY (cycle_id, kecamatan_id)
) STRICT, WITHOUT ROWID;

-- Each OPD's Musrenbang ceiling, set by Bappeda.
CREATE TABLE opd_ceilings (
    cycle_id INTEGER NOT NULL REFERENCES cycles(id),
    opd_id   INTEGER NOT NULL REFERENCES opd(id),
    amount   INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (cycle_id, opd_id)
) STRICT, WITHOUT ROWID;

-- Group shares of a level's envelopes, as caps (e.g. fisik at most 60% = at least 40% non-fisik).
CREATE TABLE group_shares (
    id         INTEGER PRIMARY KEY,
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id),
    level      TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    group_kind TEXT NOT NULL CHECK (group_kind IN ('fisik', 'non_fisik', 'bidang')),
    bidang_id  INTEGER REFERENCES bidang(id),
    cap_bp     INTEGER NOT NULL CHECK (cap_bp BETWEEN 0 AND 10000),
    CHECK ((bidang_id IS NOT NULL) = (group_kind = 'bidang'))
) STRICT;
CREATE UNIQUE INDEX group_shares_unique ON group_shares(cycle_id, level, group_kind, ifnull(bidang_id, 0));

-- Proposals --------------------------------------------------------------------------------------

-- Last sequence number of tracking codes per kota and plan year (TGS-2027-000123).
CREATE TABLE tracking_sequences (
    kota_id       INTEGER NOT NULL REFERENCES kota(id),
    year          INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 0 AND 999999),
    PRIMARY KEY (kota_id, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE proposals (
    id                    INTEGER PRIMARY KEY,
    tracking_code         TEXT NOT NULL UNIQUE,
    cycle_id              INTEGER NOT NULL REFERENCES cycles(id),
    kecamatan_id          INTEGER NOT NULL REFERENCES kecamatan(id),
    kelurahan_id          INTEGER NOT NULL REFERENCES kelurahan(id),
    rw_id                 INTEGER REFERENCES rw(id),
    rt_id                 INTEGER REFERENCES rt(id),
    proposer_account_id   INTEGER REFERENCES accounts(id),
    proposer_name         TEXT NOT NULL CHECK (proposer_name <> ''),
    entered_by            INTEGER NOT NULL REFERENCES accounts(id),
    title                 TEXT NOT NULL CHECK (title <> '' AND length(title) <= 200),
    problem               TEXT NOT NULL CHECK (problem <> ''),
    kamus_id              INTEGER NOT NULL REFERENCES kamus_usulan(id),
    bidang_id             INTEGER NOT NULL REFERENCES bidang(id),
    opd_id                INTEGER NOT NULL REFERENCES opd(id),
    is_fisik              INTEGER NOT NULL CHECK (is_fisik IN (0, 1)),
    satuan                TEXT NOT NULL,
    unit_price            INTEGER NOT NULL CHECK (unit_price >= 0),
    volume                INTEGER NOT NULL CHECK (volume > 0),
    cost                  INTEGER NOT NULL CHECK (cost >= 0 AND cost = volume * unit_price),
    location_text         TEXT NOT NULL CHECK (location_text <> ''),
    latitude              REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude             REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    beneficiaries         INTEGER NOT NULL CHECK (beneficiaries >= 0),
    stage                 TEXT NOT NULL,
    status                TEXT NOT NULL,
    routed_opd_id         INTEGER REFERENCES opd(id),
    envelope_level        TEXT CHECK (envelope_level IN ('kelurahan', 'kecamatan', 'opd')),
    envelope_owner_id     INTEGER,
    carried_from_id       INTEGER REFERENCES proposals(id),
    created_at            TEXT NOT NULL,
    submitted_at          TEXT,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK ((envelope_level IS NULL) = (envelope_owner_id IS NULL)),
    CHECK (stage || ':' || status IN (
        'pra_musrenbang:draft', 'pra_musrenbang:diajukan', 'pra_musrenbang:disetujui_rt', 'pra_musrenbang:dikembalikan',
        'kelurahan:verifikasi', 'kelurahan:diterima', 'kelurahan:diterima_dengan_perubahan', 'kelurahan:ditolak',
        'kelurahan:dikembalikan', 'kelurahan:didanai',
        'kecamatan:verifikasi', 'kecamatan:diterima', 'kecamatan:diterima_dengan_perubahan', 'kecamatan:ditolak',
        'kecamatan:didanai', 'kecamatan:f2', 'kecamatan:pokir',
        'opd:verifikasi', 'opd:diterima', 'opd:diterima_dengan_perubahan', 'opd:ditolak', 'opd:didanai', 'opd:f2',
        'kota:ditetapkan', 'kota:tidak_ditetapkan'))
) STRICT;
-- Recap and list queries (by kecamatan, kelurahan, bidang, OPD, status) within a cycle.
CREATE INDEX proposals_kecamatan ON proposals(cycle_id, kecamatan_id, stage, status);
CREATE INDEX proposals_kelurahan ON proposals(cycle_id, kelurahan_id, stage, status);
CREATE INDEX proposals_bidang ON proposals(cycle_id, bidang_id, status);
CREATE INDEX proposals_opd ON proposals(cycle_id, opd_id, status);
CREATE INDEX proposals_routed_opd ON proposals(cycle_id, routed_opd_id, stage, status) WHERE routed_opd_id IS NOT NULL;
CREATE INDEX proposals_status ON proposals(cycle_id, stage, status);
CREATE INDEX proposals_envelope ON proposals(cycle_id, envelope_level, envelope_owner_id) WHERE envelope_level IS NOT NULL;
CREATE INDEX proposals_proposer ON proposals(proposer_account_id) WHERE proposer_account_id IS NOT NULL;
CREATE INDEX proposals_rw ON proposals(rw_id) WHERE rw_id IS NOT NULL;
CREATE INDEX proposals_rt ON proposals(rt_id) WHERE rt_id IS NOT NULL;
-- A proposal is carried over at most once.
CREATE UNIQUE INDEX proposals_carried_from ON proposals(carried_from_id) WHERE carried_from_id IS NOT NULL;

-- Each level's recommendation kept beside the original volume/cost (lurah, camat, OPD, Bappeda).
CREATE TABLE proposal_recommendations (
    proposal_id    INTEGER NOT NULL REFERENCES proposals(id),
    level          TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd', 'kota')),
    volume         INTEGER NOT NULL CHECK (volume > 0),
    cost           INTEGER NOT NULL CHECK (cost >= 0),
    note           TEXT NOT NULL,
    flagged_above_tolerance INTEGER NOT NULL CHECK (flagged_above_tolerance IN (0, 1)),
    recommended_by INTEGER NOT NULL REFERENCES accounts(id),
    recommended_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, level)
) STRICT, WITHOUT ROWID;

-- Scores 1-5 per criterion and level.
CREATE TABLE proposal_scores (
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    level        TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    criterion_id INTEGER NOT NULL REFERENCES scoring_criteria(id),
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    scored_by    INTEGER NOT NULL REFERENCES accounts(id),
    scored_at    TEXT NOT NULL,
    PRIMARY KEY (proposal_id, level, criterion_id)
) STRICT, WITHOUT ROWID;

-- Weighted score (thousandths) and rank per level; `manual` when the meeting reordered by hand.
CREATE TABLE proposal_rankings (
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    level        TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    score_millis INTEGER NOT NULL CHECK (score_millis BETWEEN 0 AND 5000),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    manual       INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    PRIMARY KEY (proposal_id, level)
) STRICT, WITHOUT ROWID;

-- Attachment metadata; the bytes are files under the uploads directory.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    file_name    TEXT NOT NULL CHECK (file_name <> ''),
    media_type   TEXT NOT NULL CHECK (media_type <> ''),
    byte_count   INTEGER NOT NULL CHECK (byte_count >= 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    storage_path TEXT NOT NULL UNIQUE,
    uploaded_by  INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_proposal ON attachments(proposal_id);

-- The append-only history of every proposal (ProposalEvent).
CREATE TABLE proposal_events (
    id               INTEGER PRIMARY KEY,
    proposal_id      INTEGER NOT NULL REFERENCES proposals(id),
    cycle_id         INTEGER NOT NULL REFERENCES cycles(id),
    action           TEXT NOT NULL CHECK (action IN ('buat', 'ubah', 'ajukan', 'setujui', 'kembalikan', 'terima',
                         'terima_dengan_perubahan', 'tolak', 'alokasi_f1', 'alokasi_f2', 'rutekan_opd', 'rutekan_pokir',
                         'ubah_peringkat', 'tetapkan', 'tidak_tetapkan', 'koreksi', 'bawa_ke_siklus_berikut')),
    actor_account_id INTEGER NOT NULL REFERENCES accounts(id),
    actor_role       TEXT NOT NULL CHECK (actor_role IN ('warga', 'ketua_rt', 'ketua_rw', 'operator_kelurahan',
                         'verifikator_kelurahan', 'operator_kecamatan', 'camat', 'verifikator_opd', 'bappeda',
                         'admin_sistem')),
    at               TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    from_stage       TEXT NOT NULL CHECK (from_stage IN ('pra_musrenbang', 'kelurahan', 'kecamatan', 'opd', 'kota')),
    from_status      TEXT NOT NULL CHECK (from_status IN ('draft', 'diajukan', 'disetujui_rt', 'dikembalikan', 'verifikasi', 'diterima',
                         'diterima_dengan_perubahan', 'ditolak', 'didanai', 'f2', 'pokir', 'ditetapkan', 'tidak_ditetapkan')),
    to_stage         TEXT NOT NULL CHECK (to_stage IN ('pra_musrenbang', 'kelurahan', 'kecamatan', 'opd', 'kota')),
    to_status        TEXT NOT NULL CHECK (to_status IN ('draft', 'diajukan', 'disetujui_rt', 'dikembalikan', 'verifikasi', 'diterima',
                         'diterima_dengan_perubahan', 'ditolak', 'didanai', 'f2', 'pokir', 'ditetapkan', 'tidak_ditetapkan')),
    note             TEXT,
    -- JSON array of {"field","old","new"}.
    changes_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes_json) AND json_type(changes_json) = 'array'),
    -- Comma-separated EventFlag raw values ('' when none).
    flags            TEXT NOT NULL DEFAULT '',
    version_after    INTEGER NOT NULL CHECK (version_after >= 1),
    UNIQUE (proposal_id, version_after)
) STRICT;
CREATE INDEX proposal_events_cycle ON proposal_events(cycle_id, at);
CREATE TRIGGER proposal_events_no_update BEFORE UPDATE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal_events is append-only'); END;
CREATE TRIGGER proposal_events_no_delete BEFORE DELETE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal_events is append-only'); END;

-- Allocation ------------------------------------------------------------------------------------

-- One run of the F1/F2 allocation over an envelope (re-runnable until the level is locked).
CREATE TABLE allocation_runs (
    id              INTEGER PRIMARY KEY,
    cycle_id        INTEGER NOT NULL REFERENCES cycles(id),
    level           TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd')),
    owner_id        INTEGER NOT NULL,
    envelope_amount INTEGER NOT NULL CHECK (envelope_amount >= 0),
    funded_total    INTEGER NOT NULL CHECK (funded_total >= 0),
    remaining       INTEGER NOT NULL CHECK (remaining >= 0),
    -- JSON array of {"group","cap_bp"} used by this run.
    shares_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(shares_json)),
    run_by          INTEGER NOT NULL REFERENCES accounts(id),
    run_at          TEXT NOT NULL,
    CHECK (funded_total + remaining = envelope_amount)
) STRICT;
CREATE INDEX allocation_runs_envelope ON allocation_runs(cycle_id, level, owner_id, id);

CREATE TABLE allocation_decisions (
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
    PRIMARY KEY (run_id, position),
    UNIQUE (run_id, proposal_id)
) STRICT;
CREATE INDEX allocation_decisions_proposal ON allocation_decisions(proposal_id);

-- Berita acara: locks a level's results (owner: kelurahan / kecamatan / OPD id; NULL for kota).
CREATE TABLE level_locks (
    id              INTEGER PRIMARY KEY,
    cycle_id        INTEGER NOT NULL REFERENCES cycles(id),
    level           TEXT NOT NULL CHECK (level IN ('kelurahan', 'kecamatan', 'opd', 'kota')),
    owner_id        INTEGER,
    document_number TEXT NOT NULL CHECK (document_number <> ''),
    note            TEXT NOT NULL DEFAULT '',
    locked_by       INTEGER NOT NULL REFERENCES accounts(id),
    locked_at       TEXT NOT NULL,
    CHECK ((owner_id IS NULL) = (level = 'kota'))
) STRICT;
CREATE UNIQUE INDEX level_locks_unique ON level_locks(cycle_id, level, ifnull(owner_id, 0));
CREATE TRIGGER level_locks_no_update BEFORE UPDATE ON level_locks
BEGIN SELECT RAISE(ABORT, 'level_locks is append-only'); END;
CREATE TRIGGER level_locks_no_delete BEFORE DELETE ON level_locks
BEGIN SELECT RAISE(ABORT, 'level_locks is append-only'); END;
