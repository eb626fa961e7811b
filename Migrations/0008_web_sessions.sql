-- Sessions of the web portal (Sources/Portal/Sessions). The cookie holds a random id of 128 bits or more; only its
-- SHA-256 is stored, so a copy of the database does not hand out live sessions. Idle and absolute expiry are
-- settings of the server (checked against last_seen_at and created_at); sign-out deletes the row.
CREATE TABLE web_sessions (
    id_hash      TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    -- The role the account acts in, as "role|scope" (RoleAssignment.key); NULL until chosen when it holds several.
    acting       TEXT,
    csrf_token   TEXT NOT NULL CHECK (length(csrf_token) >= 32),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    -- A message shown once on the next page ("Usulan tersimpan").
    flash        TEXT,
    -- The last form sent that must not be sent twice (its random token) and where its result is: a second press of
    -- "Kirim usulan", or the browser's back and resend, leads to the first result instead of a second proposal.
    last_form_token  TEXT,
    last_form_result TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX web_sessions_account ON web_sessions(account_id);
CREATE INDEX web_sessions_last_seen ON web_sessions(last_seen_at);
