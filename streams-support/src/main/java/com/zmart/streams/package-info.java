/** Shared by the suite's Kafka Streams services: dead letters, lifecycle and health, interactive queries. */
package com.zmart.streams;
