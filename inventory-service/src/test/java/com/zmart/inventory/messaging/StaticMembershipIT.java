package com.zmart.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zmart.inventory.ServiceOnPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Each consumer of the instance is a static member of the group, named after the instance and its listener, so that
 * the instance started again after a crash takes its partitions back without waiting for its session to time out.
 */
class StaticMembershipIT extends ServiceOnPlatform {

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Test
    void everyConsumerOfTheInstanceIsAStaticMemberUnderTheInstancesName() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalPlatformExtension.running().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get()
                            .members())
                    .extracting(member -> member.groupInstanceId().orElse("(dynamic) " + member.consumerId()))
                    .containsExactlyInAnyOrder(STATIC_MEMBER + "-sales-0", STATIC_MEMBER + "-sales-1",
                            STATIC_MEMBER + "-sales-2", STATIC_MEMBER + "-restocks-0"));
        }
    }
}
