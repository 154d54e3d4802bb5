package io.wellgate;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

/**
 * wellgate against PostgreSQL 17 in a container (Docker needed), the Spring Boot way:
 * {@code ./mvnw spring-boot:test-run}. The container is new each run, so the demo fleet loads
 * into it as into a new embedded database.
 */
public class TestWellgateApplication {

	public static void main(String[] args) {
		String[] withContainer = Stream.concat(Stream.of("--" + ContainerDatabase.EMBEDDED_OFF), Arrays.stream(args))
			.toArray(String[]::new);
		SpringApplication.from(WellgateApplication::main).with(ContainerDatabase.class).run(withContainer);
	}

}
