-- Finding a household's bags still waiting without walking the custody of every bag it ever had.
-- A bag has been handed over when one of its events ended custody and was not undone: this index
-- holds only those events, so "was it handed over?" is one look-up in a small index.
CREATE INDEX handoff_ending ON handoff (bag_id) WHERE action IN ('pickup', 'door', 'spoiled');
-- A household's live bags with their buy, read from the index alone: the bag's own row is read
-- only for the few still waiting.
CREATE INDEX bag_live_by_household ON bag (household_id, group_buy_id) WHERE voided_at IS NULL;
