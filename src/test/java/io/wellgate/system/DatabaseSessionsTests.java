package io.wellgate.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pooled session carries the settings the engine needs, on the embedded server and, in the
 * standard-server tier, on a distribution build with its shipped settings (JIT on).
 */
@SpringBootTest
class DatabaseSessionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ServerSettingsCheck check;

	@Test
	void everyPooledSessionHasJitOffGenericPlansAndWorkMemory() throws Exception {
		// More sessions than the pool keeps idle, held at once, so that new connections are opened too.
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				held.add(this.dataSource.getConnection());
			}
			for (Connection connection : held) {
				assertThat(show(connection, "jit")).isEqualTo("off");
				assertThat(show(connection, "plan_cache_mode")).isEqualTo("force_generic_plan");
				assertThat(show(connection, "work_mem")).isEqualTo("32MB");
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(this.check.sessionSettings()).containsEntry("jit", "off").containsEntry("work_mem", "32768");
	}

	@Test
	void theStandardTierRunsOnTheDistributionBuildWithItsJitOn() throws Exception {
		String version = JdbcClient.create(this.dataSource).sql("SHOW server_version_num").query(String.class).single();
		if ("distribution".equals(System.getProperty(StandardServerTier.PROPERTY))) {
			String bin = DistributionPostgres.installed().orElseThrow().toString();
			assertThat(bin).contains("/" + version.substring(0, 2) + "/");
		}
		// The server's own default, seen by a session that does not turn JIT off: on, as shipped.
		try (HikariDataSource own = new HikariDataSource()) {
			HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
			own.setJdbcUrl(pool.getJdbcUrl());
			own.setUsername(pool.getUsername());
			own.setPassword(pool.getPassword());
			own.setMaximumPoolSize(1);
			new DatabaseSessions(new DatabaseProperties(true, "")).postProcessBeforeInitialization(own, "own");
			try (Connection connection = own.getConnection()) {
				assertThat(show(connection, "jit")).isEqualTo("on");
				assertThat(show(connection, "plan_cache_mode")).isEqualTo("force_generic_plan");
			}
		}
	}

	@Test
	void aServerSettingThatHurtsTheEngineIsNamedWithTheValueToUse() {
		Map<String, String> settings = this.check.sessionSettings();
		assertThat(Integer.parseInt(settings.get("server_version_num"))).isGreaterThanOrEqualTo(150000);
		assertThat(this.check.findings()).noneMatch(finding -> finding.startsWith("server_version_num"))
			.allMatch(finding -> finding.contains(" set "));
	}

	private static String show(Connection connection, String setting) throws Exception {
		try (ResultSet rs = connection.createStatement().executeQuery("SHOW " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
