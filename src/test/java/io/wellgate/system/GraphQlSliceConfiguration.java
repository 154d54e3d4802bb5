package io.wellgate.system;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import io.wellgate.ingest.PartitionProperties;
import io.wellgate.ingest.IngestProperties;
import io.wellgate.aggregate.AggregateProperties;
import io.wellgate.access.AccessProperties;

/**
 * What a {@code @GraphQlTest} slice needs besides its controller: the real database (the test
 * run's embedded PostgreSQL, or the configured one), its schema, and wellgate's GraphQL runtime
 * (scalars, federation, error mapping), and the Spring Data JDBC repositories (the well registry).
 * Import it with the controller's own collaborators.
 */
@TestConfiguration(proxyBeanMethods = false)
// Every feature's settings: a slice imports controllers of any feature.
@EnableConfigurationProperties({ EmbeddedProperties.class, GraphQlProperties.class, WebProperties.class,
		AccessProperties.class, IngestProperties.class, PartitionProperties.class, AggregateProperties.class })
@Import({ EmbeddedPostgresConfiguration.class, DatabaseConfiguration.class, GraphQlConfiguration.class, ClockConfiguration.class })
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, LiquibaseAutoConfiguration.class,
		DataJdbcRepositoriesAutoConfiguration.class })
public class GraphQlSliceConfiguration {

}
