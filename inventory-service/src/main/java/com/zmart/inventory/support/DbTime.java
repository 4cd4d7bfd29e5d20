package com.zmart.inventory.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** Instants to and from {@code timestamptz} columns (the JDBC driver binds OffsetDateTime, not Instant). */
public final class DbTime {

    private DbTime() {
    }

    /**
     * Instants for a {@code ?::timestamptz[]} parameter, as ISO-8601 text: the driver binds arrays of strings and
     * numbers, not of date-times.
     */
    public static String[] arrayOf(Stream<Instant> instants) {
        return instants.map(Instant::toString).toArray(String[]::new);
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
