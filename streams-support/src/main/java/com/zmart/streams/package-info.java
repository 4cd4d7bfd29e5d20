/**
 * Shared by the suite's Kafka Streams services: dead letters, duplicate filtering, lifecycle and health, interactive
 * queries.
 */
package com.zmart.streams;
