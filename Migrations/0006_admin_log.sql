-- The admin log: every change of master data, ceilings, cycles and accounts by Bappeda or the admin sistem, with
-- who, when, what (entity and its key), the action, the state before and after as JSON, and a reason where the
-- rule asks for one. Append-only like window_extensions (triggers refuse UPDATE and DELETE). Password hashes and
-- other secrets are never part of a state (AdminSnapshot of an account holds no hash).
--   entity, action: the raw values of AdminEntity and AdminAction (Sources/Musrenbang/Admin).
--   before_json: NULL for a creation; after_json: NULL for a removal.
CREATE TABLE admin_log (
    id               INTEGER PRIMARY KEY,
    actor_account_id INTEGER NOT NULL REFERENCES accounts(id),
    actor_role       TEXT NOT NULL CHECK (CASE actor_role WHEN 'bappeda' THEN 1 WHEN 'admin_sistem' THEN 1 ELSE 0 END),
    at               TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    cycle_id         INTEGER REFERENCES cycles(id),
    entity           TEXT NOT NULL CHECK (CASE entity WHEN 'kecamatan' THEN 1 WHEN 'kelurahan' THEN 1 WHEN 'rw' THEN 1
                        WHEN 'rt' THEN 1 WHEN 'opd' THEN 1 WHEN 'bidang' THEN 1 WHEN 'kamus_usulan' THEN 1
                        WHEN 'scoring_criteria' THEN 1 WHEN 'ceiling_settings' THEN 1 WHEN 'ceiling_inputs' THEN 1
                        WHEN 'opd_ceilings' THEN 1 WHEN 'ceilings' THEN 1 WHEN 'cycle' THEN 1 WHEN 'account' THEN 1
                        WHEN 'group_shares' THEN 1 ELSE 0 END),
    entity_key       TEXT NOT NULL CHECK (entity_key <> ''),
    action           TEXT NOT NULL CHECK (CASE action WHEN 'create' THEN 1 WHEN 'update' THEN 1 WHEN 'deactivate' THEN 1
                        WHEN 'reactivate' THEN 1 WHEN 'remove' THEN 1 WHEN 'compute' THEN 1 WHEN 'reset_password' THEN 1
                        WHEN 'add_role' THEN 1 WHEN 'remove_role' THEN 1 ELSE 0 END),
    before_json      TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json       TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    reason           TEXT CHECK (reason IS NULL OR reason <> ''),
    CHECK (before_json IS NOT NULL OR after_json IS NOT NULL)
) STRICT;
CREATE INDEX admin_log_entity ON admin_log(entity, entity_key, id);
CREATE INDEX admin_log_cycle ON admin_log(cycle_id, id) WHERE cycle_id IS NOT NULL;
CREATE TRIGGER admin_log_no_update BEFORE UPDATE ON admin_log
BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
CREATE TRIGGER admin_log_no_delete BEFORE DELETE ON admin_log
BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
