-- Photos of a proposal (at most 3, positions 1-3): the original as uploaded (JPEG or PNG, at most 5 MB, recognised by
-- its bytes) and its small JPEG version (longest side at most 480 px), both stored here so that `musrenbang backup`
-- and a restore cover them with no folder beside the database. Who may add, see and remove them: ProposalPhotoRules.
CREATE TABLE proposal_photos (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
    position     INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    original     BLOB NOT NULL CHECK (length(original) BETWEEN 1 AND 5242880),
    small        BLOB NOT NULL CHECK (length(small) > 0),
    small_width  INTEGER NOT NULL CHECK (small_width BETWEEN 1 AND 480),
    small_height INTEGER NOT NULL CHECK (small_height BETWEEN 1 AND 480),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_by  INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at  TEXT NOT NULL,
    UNIQUE (proposal_id, position)
) STRICT;

-- Photos uploaded with a proposal form that is not saved yet (a validation error, the check page): kept per account
-- and per random form token (a hidden field of the form), attached to the proposal when the draft is saved or the
-- proposal sent, deleted then or after a day.
CREATE TABLE pending_photos (
    id           INTEGER PRIMARY KEY,
    form_token   TEXT NOT NULL CHECK (length(form_token) BETWEEN 16 AND 128),
    account_id   INTEGER NOT NULL REFERENCES accounts(id),
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    original     BLOB NOT NULL CHECK (length(original) BETWEEN 1 AND 5242880),
    small        BLOB NOT NULL CHECK (length(small) > 0),
    small_width  INTEGER NOT NULL CHECK (small_width BETWEEN 1 AND 480),
    small_height INTEGER NOT NULL CHECK (small_height BETWEEN 1 AND 480),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX pending_photos_form ON pending_photos(account_id, form_token);
