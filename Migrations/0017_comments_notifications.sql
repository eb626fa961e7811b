-- Two-way communication (docs/notifications.md): residents' comments on published proposals with their moderation
-- log, the residents' notifications, and the outbox that carries every notification to an e-mail or phone address.

-- A signed-in resident's comment on a published proposal. author_label is the only name ever shown ("Warga Kel.
-- Pondok Karya", fixed when posted); the account id is kept for the rate limit and moderation, never published.
-- Hiding a comment removes its text from this row (body NULL) and keeps it only in comment_moderations.
CREATE TABLE proposal_comments (
    id                INTEGER PRIMARY KEY,
    proposal_id       INTEGER NOT NULL REFERENCES proposals(id),
    author_account_id INTEGER NOT NULL REFERENCES accounts(id),
    author_label      TEXT NOT NULL CHECK (author_label <> '' AND length(author_label) <= 120),
    body              TEXT CHECK (body IS NULL OR (body <> '' AND length(body) <= 1000)),
    created_at        TEXT NOT NULL,
    hidden_at         TEXT,
    hidden_by         INTEGER REFERENCES accounts(id),
    hidden_reason     TEXT CHECK (hidden_reason IS NULL OR (hidden_reason <> '' AND length(hidden_reason) <= 500)),
    CHECK ((hidden_at IS NULL) = (body IS NOT NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_by IS NULL) AND (hidden_at IS NULL) = (hidden_reason IS NULL))
) STRICT;
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);
CREATE INDEX proposal_comments_author ON proposal_comments(author_account_id, created_at);

-- Every moderation of a comment, append-only: who (account and role), when, why, and the text it hid.
CREATE TABLE comment_moderations (
    id               INTEGER PRIMARY KEY,
    comment_id       INTEGER NOT NULL REFERENCES proposal_comments(id),
    action           TEXT NOT NULL CHECK (action IN ('hide')),
    actor_account_id INTEGER NOT NULL REFERENCES accounts(id),
    actor_role       TEXT NOT NULL,
    at               TEXT NOT NULL,
    reason           TEXT NOT NULL CHECK (reason <> ''),
    original_body    TEXT NOT NULL
) STRICT;
CREATE INDEX comment_moderations_comment ON comment_moderations(comment_id, id);
CREATE TRIGGER comment_moderations_no_update BEFORE UPDATE ON comment_moderations
BEGIN SELECT RAISE(ABORT, 'comment_moderations is append-only'); END;
CREATE TRIGGER comment_moderations_no_delete BEFORE DELETE ON comment_moderations
BEGIN SELECT RAISE(ABORT, 'comment_moderations is append-only'); END;

-- What an account is told in the portal (/notifikasi). kind: 'proposal' (an event on a proposal the account
-- proposed), 'feedback' (an answer to the account's feedback); link: a path of the portal.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind       TEXT NOT NULL CHECK (kind <> ''),
    subject    TEXT NOT NULL CHECK (subject <> '' AND length(subject) <= 200),
    body       TEXT NOT NULL,
    link       TEXT NOT NULL CHECK (link GLOB '/*'),
    created_at TEXT NOT NULL,
    read_at    TEXT
) STRICT;
CREATE INDEX notifications_account ON notifications(account_id, id);
CREATE INDEX notifications_unread ON notifications(account_id) WHERE read_at IS NULL;

-- Every notification also waits here for delivery (docs/notifications.md "The outbox"): channel 'email' (drained by
-- `musrenbang outbox send`) or 'sms' (a phone number, for an SMS or WhatsApp gateway). status: pending -> sending
-- (claimed until claimed_until) -> sent, or back to pending with next_attempt_at later, or failed after the last
-- attempt. Times are ISO-8601 UTC text, so they compare as text.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    notification_id INTEGER REFERENCES notifications(id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient       TEXT NOT NULL CHECK (recipient <> ''),
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    link            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_by      TEXT,
    claimed_until   TEXT,
    sent_at         TEXT,
    CHECK ((status = 'sending') = (claimed_by IS NOT NULL AND claimed_until IS NOT NULL)),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
) STRICT;
CREATE INDEX outbox_due ON outbox(channel, status, next_attempt_at);
