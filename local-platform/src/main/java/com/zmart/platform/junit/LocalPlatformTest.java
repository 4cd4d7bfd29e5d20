package com.zmart.platform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the real local platform, started once per test JVM and stopped when
 * the JVM's tests end. Test methods may take a {@link com.zmart.platform.LocalPlatform} parameter; Spring tests
 * read it in a {@code @DynamicPropertySource} through {@link LocalPlatformExtension#running()}.
 * Put it before {@code @SpringBootTest} so the platform is up when the application context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalPlatformExtension.class)
public @interface LocalPlatformTest {

    /** Also start a Kafka Connect worker (the test module then needs Connect's Jetty pins, see local-platform's pom). */
    boolean connect() default false;

    /** Three brokers with replication factor 3 instead of one. */
    int brokers() default 1;
}
