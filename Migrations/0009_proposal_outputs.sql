-- A proposal's expected output (keluaran: what is built or delivered) and outcome (hasil: what changes for the
-- residents), as the resident's form and SIPD's usulan list ask for them; empty for proposals entered before.
ALTER TABLE proposals ADD COLUMN expected_output TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN expected_outcome TEXT NOT NULL DEFAULT '';
