-- What a kept ProposalDetail (MusrenbangService.proposalDetail) is checked against, with one indexed read, whichever
-- process or statement wrote:
--   * the proposal's own row and its events: its `version`, which every write of the row moves (optimistic concurrency:
--     each UPDATE is `WHERE id = ? AND version = ?` and sets the next version), and each event is written with it (its
--     version_after is that new version, UNIQUE per proposal). So they need no trigger: submissions, transitions and a
--     berita acara's thousands of moves pay nothing for the cache;
--   * its recommendations, attachments and photos: `proposal_generations`, moved by the triggers below (a row appears
--     with the first such write; none reads as 0);
--   * 'names' in cache_generations (areas, bidang, OPD, kamus; now also who holds which role, for the OPD named beside
--     an OPD verifier's event) and 'cycles'.
-- Rankings have none: a ranking run rewrites thousands of them, so a detail reads its ranks anew.
CREATE TABLE proposal_generations (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id),
    generation  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER proposal_recommendations_generation_insert AFTER INSERT ON proposal_recommendations
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER proposal_recommendations_generation_update AFTER UPDATE ON proposal_recommendations
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER proposal_recommendations_generation_delete AFTER DELETE ON proposal_recommendations
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;

CREATE TRIGGER attachments_generation_insert AFTER INSERT ON attachments
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER attachments_generation_update AFTER UPDATE ON attachments
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER attachments_generation_delete AFTER DELETE ON attachments
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;

CREATE TRIGGER proposal_photos_generation_insert AFTER INSERT ON proposal_photos
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER proposal_photos_generation_update AFTER UPDATE ON proposal_photos
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER proposal_photos_generation_delete AFTER DELETE ON proposal_photos
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (old.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;

CREATE TRIGGER account_roles_names_insert AFTER INSERT ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER account_roles_names_update AFTER UPDATE ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER account_roles_names_delete AFTER DELETE ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
