-- A free distribution (保供包, a donation) is a group buy of the `free` kind: its items cost
-- nothing, its donor is kept as its supplier, and its orders are made from the recipients chosen.
ALTER TABLE group_buy ADD COLUMN kind TEXT NOT NULL DEFAULT 'bought'
    CHECK (kind IN ('bought', 'free'));
-- Who a distribution was for, as chosen (`all`, `flag:infant`, `list`), and whether each
-- household gets one pack or one per person.
ALTER TABLE group_buy ADD COLUMN recipients TEXT;
ALTER TABLE group_buy ADD COLUMN per TEXT CHECK (per IS NULL OR per IN ('household', 'person'));
-- A delivery fee in fen, charged per order or once per household; 0 for none.
ALTER TABLE group_buy ADD COLUMN fee_fen INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(fee_fen) = 'integer' AND fee_fen >= 0);
ALTER TABLE group_buy ADD COLUMN fee_per TEXT NOT NULL DEFAULT 'order'
    CHECK (fee_per IN ('order', 'household'));
-- What one recipient of a distribution gets of an item (before `per person`); NULL for a buy.
ALTER TABLE item ADD COLUMN per_recipient INTEGER
    CHECK (per_recipient IS NULL OR (typeof(per_recipient) = 'integer' AND per_recipient > 0));
