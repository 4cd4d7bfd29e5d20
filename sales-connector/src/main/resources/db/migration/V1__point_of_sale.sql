-- Point-of-sale database of ZMart's registers. Reference data (stores, products, customers, loyalty members,
-- coupons) and the sales themselves: one row per purchased line (see docs/adr/0005-sale-line-rows.md).

CREATE TABLE stores (
    store_id  text PRIMARY KEY,
    name      text NOT NULL,
    zip_code  text NOT NULL,
    region    text NOT NULL
);

CREATE TABLE products (
    sku         text PRIMARY KEY,
    name        text NOT NULL,
    department  text NOT NULL,
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price >= 0)
);

CREATE TABLE customers (
    customer_id  text PRIMARY KEY,
    first_name   text,
    last_name    text
);

-- Column order is the LoyaltyMember contract's field order: the connector maps one row onto one record.
CREATE TABLE loyalty_members (
    member_id    text PRIMARY KEY,
    customer_id  text NOT NULL UNIQUE REFERENCES customers,
    email        text NOT NULL,
    first_name   text,
    joined_at    timestamp(3) NOT NULL
);

CREATE TABLE coupons (
    coupon_code       text PRIMARY KEY,
    discount_percent  int NOT NULL CHECK (discount_percent BETWEEN 1 AND 100),
    description       text
);

-- One row per purchased line. Store and product attributes are copied in at sale time: a sale records what the
-- receipt said, and a change event must carry everything the Sale contract needs without a join.
-- Column order is the Sale contract's field order. Times are UTC.
CREATE TABLE sale_lines (
    transaction_id     text NOT NULL,
    line_number        int NOT NULL CHECK (line_number >= 1),
    store_id           text NOT NULL REFERENCES stores,
    store_zip_code     text NOT NULL,
    store_region       text NOT NULL,
    customer_id        text NOT NULL REFERENCES customers,
    loyalty_member_id  text REFERENCES loyalty_members,
    sku                text NOT NULL REFERENCES products,
    product_name       text NOT NULL,
    department         text NOT NULL,
    quantity           int NOT NULL CHECK (quantity > 0),
    unit_price         numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    coupon_code        text REFERENCES coupons,
    discount           numeric(12, 2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    card_number        text NOT NULL,
    purchased_at       timestamp(3) NOT NULL,
    PRIMARY KEY (transaction_id, line_number)
);

CREATE INDEX sale_lines_purchased_at ON sale_lines (purchased_at);
