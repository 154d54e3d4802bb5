package io.wellgate.aggregate;

import org.testcontainers.junit.jupiter.Testcontainers;

import io.wellgate.ContainerDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link AggregateExactnessTests} against PostgreSQL 17 in a container ({@link ContainerDatabase}); skipped
 * where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = ContainerDatabase.EMBEDDED_OFF)
@Import(ContainerDatabase.class)
class AggregateExactnessContainerTests extends AggregateExactnessTests {

}
