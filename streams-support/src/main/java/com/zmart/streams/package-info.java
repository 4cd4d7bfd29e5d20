/**
 * Shared by the suite's Kafka Streams services: the catalog's topics bound to their serdes, event time, dead letters,
 * duplicate filtering, lifecycle and health, interactive queries.
 */
package com.zmart.streams;
