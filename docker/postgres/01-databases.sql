-- Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d): the databases of the suite, as the
-- local platform creates them (PostgresServer.DATABASES), plus the registry's. Tables come from each owner's Flyway
-- migrations (pos: sales-connector, via the init step; inventory: inventory-service; dashboard: sales-dashboard).
CREATE DATABASE pos;
CREATE DATABASE inventory;
CREATE DATABASE dashboard;
CREATE DATABASE registry;
