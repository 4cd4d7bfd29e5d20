package com.zmart.dashboard.page;

/**
 * What the page needs to know before it asks for figures.
 *
 * @param refreshSeconds    how often the page polls
 * @param defaultWindowKind the trend view shown first
 * @param defaultRange      the range shown first, ISO-8601
 */
public record PageSettings(long refreshSeconds, String defaultWindowKind, String defaultRange) {
}
