-- A generation per proposal (proposal_generations), moved by every write to the rows a proposal's page is read from:
-- the proposal itself (with it its events), its recommendations, attachments and photos. With 'names' in
-- cache_generations (areas, bidang, OPD, kamus; now also who holds which role, for the OPD named beside an OPD
-- verifier's event) and 'cycles', it tells with one indexed read whether a kept ProposalDetail still stands
-- (MusrenbangService.proposalDetail), whichever process or statement wrote. A table of its own, keyed by the proposal's
-- id, so that each trigger is one update by rowid (a submission fires two). Each generation starts at a random value,
-- so that a proposal's generations in two files (a restore) hardly ever meet.
CREATE TABLE proposal_generations (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id),
    generation  INTEGER NOT NULL
) STRICT;
INSERT INTO proposal_generations (proposal_id, generation)
SELECT id, random() & 4611686018427387903 FROM proposals;

CREATE TRIGGER proposal_page_generation_insert AFTER INSERT ON proposals
BEGIN
    INSERT INTO proposal_generations (proposal_id, generation) VALUES (new.id, random() & 4611686018427387903)
    ON CONFLICT (proposal_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER proposal_page_generation_update AFTER UPDATE ON proposals
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = new.id; END;

-- Events need no trigger of their own: each is written in the transaction that writes its proposal's row (its
-- version_after is the proposal's new version, UNIQUE per proposal), which moves the generation. Rankings have none
-- either: a ranking run rewrites thousands of them, so a proposal's ranks and scores are read anew with every detail.

CREATE TRIGGER proposal_recommendations_generation_insert AFTER INSERT ON proposal_recommendations
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = new.proposal_id; END;
CREATE TRIGGER proposal_recommendations_generation_update AFTER UPDATE ON proposal_recommendations
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id IN (old.proposal_id, new.proposal_id); END;
CREATE TRIGGER proposal_recommendations_generation_delete AFTER DELETE ON proposal_recommendations
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = old.proposal_id; END;

CREATE TRIGGER attachments_generation_insert AFTER INSERT ON attachments
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = new.proposal_id; END;
CREATE TRIGGER attachments_generation_update AFTER UPDATE ON attachments
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id IN (old.proposal_id, new.proposal_id); END;
CREATE TRIGGER attachments_generation_delete AFTER DELETE ON attachments
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = old.proposal_id; END;

CREATE TRIGGER proposal_photos_generation_insert AFTER INSERT ON proposal_photos
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = new.proposal_id; END;
CREATE TRIGGER proposal_photos_generation_update AFTER UPDATE ON proposal_photos
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id IN (old.proposal_id, new.proposal_id); END;
CREATE TRIGGER proposal_photos_generation_delete AFTER DELETE ON proposal_photos
BEGIN UPDATE proposal_generations SET generation = generation + 1 WHERE proposal_id = old.proposal_id; END;

CREATE TRIGGER account_roles_names_insert AFTER INSERT ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER account_roles_names_update AFTER UPDATE ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
CREATE TRIGGER account_roles_names_delete AFTER DELETE ON account_roles
BEGIN UPDATE cache_generations SET generation = generation + 1 WHERE name = 'names'; END;
