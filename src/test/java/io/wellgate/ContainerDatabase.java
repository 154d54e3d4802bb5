package io.wellgate;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * PostgreSQL 17 in a container, for machines with a Docker engine: Spring Boot connects the
 * service to it through {@code @ServiceConnection}. Use it with
 * {@code wellgate.embedded.enabled=false}, since a service connection sets no URL property the
 * embedded database could step aside for ({@link TestWellgateApplication} and the
 * {@code *ContainerTests} do).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainerDatabase {

	public static final String EMBEDDED_OFF = "wellgate.embedded.enabled=false";

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(DockerImageName.parse("postgres:17"));
	}

}
