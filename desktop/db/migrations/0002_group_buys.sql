-- Group buys: suppliers and their record, buys with their items, orders and their lines, the
-- payment ledger, arrivals and the status history. Money is integer fen; times are UTC ISO-8601.
-- Every row a station creates carries a uuid and the station's name, so files can be merged.

CREATE TABLE supplier (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    station     TEXT NOT NULL,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    contact     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE group_buy (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    station        TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    supplier_id    INTEGER REFERENCES supplier (id),
    organiser      TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN (
                       'draft', 'open', 'closed', 'confirmed', 'arrived', 'bagged',
                       'distributed', 'settled', 'cancelled')),
    -- Progress toward the minimum counts every unit ordered (30份起送: 30 units in all).
    minimum        INTEGER CHECK (minimum IS NULL OR (typeof(minimum) = 'integer' AND minimum > 0)),
    deadline       TEXT,
    source         TEXT NOT NULL DEFAULT 'table' CHECK (source IN ('table', 'ktt')),
    -- What identifies an imported buy again when the same export comes back.
    external_ref   TEXT,
    cancel_cause   TEXT CHECK (cancel_cause IS NULL OR cancel_cause IN (
                       'turned_down', 'minimum_not_met', 'spoiled', 'other')),
    cancel_reason  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((status = 'cancelled') = (cancel_cause IS NOT NULL))
);

CREATE INDEX group_buy_by_supplier ON group_buy (supplier_id);
CREATE UNIQUE INDEX group_buy_by_external_ref ON group_buy (source, external_ref)
    WHERE external_ref IS NOT NULL;

CREATE TABLE item (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    group_buy_id  INTEGER NOT NULL REFERENCES group_buy (id),
    position      INTEGER NOT NULL DEFAULT 0,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit          TEXT NOT NULL DEFAULT '',
    pack_size     TEXT NOT NULL DEFAULT '',
    price_fen     INTEGER NOT NULL CHECK (typeof(price_fen) = 'integer' AND price_fen >= 0),
    storage       TEXT NOT NULL DEFAULT 'ambient' CHECK (storage IN ('ambient', 'chilled', 'frozen')),
    -- Most units one household may have of this item, over all its orders in the buy.
    cap           INTEGER CHECK (cap IS NULL OR (typeof(cap) = 'integer' AND cap > 0)),
    created_at    TEXT NOT NULL,
    UNIQUE (group_buy_id, name)
);

-- A price people have ordered at is never changed: a different price is a different item.
CREATE TRIGGER item_price_fixed_once_ordered
BEFORE UPDATE OF price_fen ON item
WHEN NEW.price_fen != OLD.price_fen AND EXISTS (SELECT 1 FROM order_line WHERE item_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'the price of an item already ordered cannot change');
END;

CREATE TABLE buy_order (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    station        TEXT NOT NULL,
    group_buy_id   INTEGER NOT NULL REFERENCES group_buy (id),
    -- NULL for an imported order whose address matched no household ("unplaced").
    household_id   INTEGER REFERENCES household (id),
    source         TEXT NOT NULL CHECK (source IN ('table', 'ktt', 'chain')),
    -- The platform's own number for an imported order (KuaiTuanTuan 跟团号).
    external_ref   TEXT,
    buyer_name     TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    address_text   TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    operator       TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    cancelled_at   TEXT,
    cancel_reason  TEXT
);

CREATE INDEX buy_order_by_buy ON buy_order (group_buy_id, created_at);
CREATE INDEX buy_order_by_household ON buy_order (household_id);
CREATE UNIQUE INDEX buy_order_by_external_ref ON buy_order (group_buy_id, source, external_ref)
    WHERE external_ref IS NOT NULL;
-- Taken at the table or from a 接龙 list, a household has one order per buy, changed in place.
CREATE UNIQUE INDEX buy_order_one_per_household ON buy_order (group_buy_id, household_id)
    WHERE source IN ('table', 'chain') AND household_id IS NOT NULL;

CREATE TABLE order_line (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    station    TEXT NOT NULL,
    order_id   INTEGER NOT NULL REFERENCES buy_order (id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL REFERENCES item (id),
    quantity   INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity > 0),
    -- What the household gets when stock ran short; NULL until an arrival was recorded.
    allocated  INTEGER CHECK (allocated IS NULL OR (typeof(allocated) = 'integer'
                              AND allocated BETWEEN 0 AND quantity)),
    UNIQUE (order_id, item_id)
);

CREATE INDEX order_line_by_item ON order_line (item_id);

CREATE TRIGGER order_line_item_of_the_same_buy
BEFORE INSERT ON order_line
WHEN (SELECT group_buy_id FROM item WHERE id = NEW.item_id)
     IS NOT (SELECT group_buy_id FROM buy_order WHERE id = NEW.order_id)
BEGIN
    SELECT RAISE(ABORT, 'an order line must name an item of its own group buy');
END;

-- The money ledger. Rows are appended, never changed: a refund is a negative amount.
CREATE TABLE payment (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    station     TEXT NOT NULL,
    order_id    INTEGER NOT NULL REFERENCES buy_order (id),
    amount_fen  INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen != 0),
    method      TEXT NOT NULL CHECK (method IN ('wechat', 'alipay', 'cash', 'other', 'platform')),
    reference   TEXT NOT NULL DEFAULT '',
    operator    TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);

CREATE INDEX payment_by_order ON payment (order_id);

CREATE TRIGGER payment_never_updated BEFORE UPDATE ON payment
BEGIN
    SELECT RAISE(ABORT, 'payments are never changed: record a refund as a negative payment');
END;

CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
BEGIN
    SELECT RAISE(ABORT, 'payments are never deleted: record a refund as a negative payment');
END;

-- What the supplier delivered, item by item. A later row for the same item corrects an earlier one.
CREATE TABLE arrival (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    group_buy_id  INTEGER NOT NULL REFERENCES group_buy (id),
    item_id       INTEGER NOT NULL REFERENCES item (id),
    received      INTEGER NOT NULL CHECK (typeof(received) = 'integer' AND received >= 0),
    policy        TEXT NOT NULL CHECK (policy IN ('vulnerable-first', 'pro-rata', 'first-come')),
    operator      TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);

CREATE INDEX arrival_by_buy ON arrival (group_buy_id, item_id);

CREATE TRIGGER arrival_never_updated BEFORE UPDATE ON arrival
BEGIN
    SELECT RAISE(ABORT, 'arrivals are never changed: record the arrival again to correct it');
END;

CREATE TRIGGER arrival_never_deleted BEFORE DELETE ON arrival
BEGIN
    SELECT RAISE(ABORT, 'arrivals are never deleted');
END;

-- Every change of a buy's status, who made it and why.
CREATE TABLE buy_status_event (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    group_buy_id  INTEGER NOT NULL REFERENCES group_buy (id),
    status        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    operator      TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);

CREATE INDEX buy_status_event_by_buy ON buy_status_event (group_buy_id);

CREATE TRIGGER buy_status_event_never_changed BEFORE UPDATE ON buy_status_event
BEGIN
    SELECT RAISE(ABORT, 'status history is never changed');
END;

CREATE TRIGGER buy_status_event_never_deleted BEFORE DELETE ON buy_status_event
BEGIN
    SELECT RAISE(ABORT, 'status history is never deleted');
END;

-- How each buy with a supplier went: delivered in full or short, turned down, complaints.
CREATE TABLE supplier_event (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    station       TEXT NOT NULL,
    supplier_id   INTEGER NOT NULL REFERENCES supplier (id),
    group_buy_id  INTEGER REFERENCES group_buy (id),
    kind          TEXT NOT NULL CHECK (kind IN (
                      'delivered', 'delivered_short', 'turned_down', 'cancelled', 'complaint')),
    note          TEXT NOT NULL DEFAULT '',
    operator      TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);

CREATE INDEX supplier_event_by_supplier ON supplier_event (supplier_id, kind);

CREATE TRIGGER supplier_event_never_changed BEFORE UPDATE ON supplier_event
BEGIN
    SELECT RAISE(ABORT, 'a supplier''s record is never changed');
END;

CREATE TRIGGER supplier_event_never_deleted BEFORE DELETE ON supplier_event
BEGIN
    SELECT RAISE(ABORT, 'a supplier''s record is never deleted');
END;
