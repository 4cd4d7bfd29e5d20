-- The sale-line rules every consumer applies (SaleLineRules in the contracts library, ADR 0005): a line is a purchase
-- of 1 to 1,000,000 units, and names its transaction, store, customer, product and department. A return is not a
-- sale line. Rows breaking a rule never reach zmart.sales, where the services would set them aside.
ALTER TABLE sale_lines
    DROP CONSTRAINT sale_lines_quantity_check,
    ADD CONSTRAINT sale_lines_quantity_check CHECK (quantity BETWEEN 1 AND 1000000),
    ADD CONSTRAINT sale_lines_names_check CHECK (transaction_id ~ '\S' AND store_id ~ '\S' AND customer_id ~ '\S'
        AND sku ~ '\S' AND department ~ '\S');
