-- The RT a resident registered as home (/daftar): the default origin of their proposals. NULL for staff accounts and
-- for accounts made before self-registration. Personal data like the address: never selected by public queries.
ALTER TABLE accounts ADD COLUMN home_rt_id INTEGER REFERENCES rt(id);
CREATE INDEX accounts_home_rt ON accounts(home_rt_id) WHERE home_rt_id IS NOT NULL;
