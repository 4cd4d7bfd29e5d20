-- Inventory of ZMart's stores: stock per (store, sku), the sale lines and restocks already applied, the reorders,
-- and the transactional outbox that carries reorder requests and level changes to Kafka (docs/adr/0007).

-- Updated on every sale line; the free space per page lets PostgreSQL update rows in place (HOT updates).
CREATE TABLE stock (
    store_id          text NOT NULL,
    sku               text NOT NULL,
    on_hand           int NOT NULL,
    reorder_point     int NOT NULL CHECK (reorder_point >= 0),
    reorder_quantity  int NOT NULL CHECK (reorder_quantity > 0),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, sku)
) WITH (fillfactor = 70);

-- A sale line is applied once: its key is inserted in the same transaction that changes the stock, so a
-- redelivered record finds it and changes nothing.
CREATE TABLE processed_sale_lines (
    transaction_id  text NOT NULL,
    line_number     int NOT NULL,
    processed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, line_number)
);

-- Sale lines naming an item the inventory does not know: kept for follow-up, never silently dropped.
CREATE TABLE unknown_sale_lines (
    transaction_id  text NOT NULL,
    line_number     int NOT NULL,
    store_id        text NOT NULL,
    sku             text NOT NULL,
    quantity        int NOT NULL,
    purchased_at    timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, line_number)
);

CREATE INDEX unknown_sale_lines_item ON unknown_sale_lines (store_id, sku);

CREATE TABLE reorders (
    reorder_id        uuid PRIMARY KEY,
    store_id          text NOT NULL,
    sku               text NOT NULL,
    level_at_request  int NOT NULL,
    quantity          int NOT NULL CHECK (quantity > 0),
    requested_at      timestamptz NOT NULL,
    status            text NOT NULL CHECK (status IN ('OPEN', 'FULFILLED')),
    closed_at         timestamptz,
    restock_id        text,
    FOREIGN KEY (store_id, sku) REFERENCES stock
);

-- At most one open reorder per item, whatever the number of instances and threads.
CREATE UNIQUE INDEX reorders_one_open_per_item ON reorders (store_id, sku) WHERE status = 'OPEN';

CREATE TABLE processed_restocks (
    restock_id   text PRIMARY KEY,
    store_id     text NOT NULL,
    sku          text NOT NULL,
    quantity     int NOT NULL CHECK (quantity > 0),
    reorder_id   text,
    received_at  timestamptz NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now()
);

-- Messages written in the business transaction and published by the relay after the commit; sent_at is set
-- only once the broker acknowledged them.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    topic        text NOT NULL,
    message_key  text NOT NULL,
    payload      bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);

CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
