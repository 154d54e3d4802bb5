package io.wellgate.analytics;

import org.testcontainers.junit.jupiter.Testcontainers;

import io.wellgate.ContainerDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link AnalyticsRestApiTests} against PostgreSQL 17 in a container ({@link ContainerDatabase}); skipped
 * where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ContainerDatabase.EMBEDDED_OFF)
@Import(ContainerDatabase.class)
class AnalyticsRestApiContainerTests extends AnalyticsRestApiTests {

}
