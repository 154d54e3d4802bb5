package io.wellgate.live;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database sends the change feed for one statement: a head line, then one line per
 * well, split into as many notifications as PostgreSQL's 8000-byte payload limit needs, each
 * well in exactly one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChangeNotificationsTests {

	private static final Instant LO = Instant.parse("2026-11-30T10:00:00Z");

	private static final Instant HI = Instant.parse("2026-11-30T10:59:00.123456Z");

	@Autowired
	DataSource dataSource;

	@Test
	void aThousandLongWellIdsAreSplitWithinThePayloadLimitEachOnce() throws Exception {
		String prefix = UUID.randomUUID().toString().replace("-", "");
		List<String> wells = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			// 64 characters, the longest id a well may have.
			wells.add((prefix + prefix + "-" + i).substring(0, 58) + String.format("-%05d", i));
		}
		String source = source();
		List<PGNotification> received = notify(source, wells, true);

		assertThat(received).hasSizeGreaterThan(8);
		Map<String, String> lines = new HashMap<>();
		for (PGNotification notification : received) {
			String payload = notification.getParameter();
			assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
			String[] parts = payload.split("\n");
			assertThat(parts[0]).matches(source + "\\|\\d{16}");
			for (int i = 1; i < parts.length; i++) {
				String well = parts[i].substring(0, parts[i].indexOf('|'));
				assertThat(lines.put(well, parts[i])).as("well %s is sent once", well).isNull();
			}
		}
		assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(wells);
		assertThat(lines.get(wells.get(7))).isEqualTo(wells.get(7) + "|" + micros(LO) + "|" + micros(HI));
	}

	@Test
	void aChangeOutsideTimeHasEmptyTimesAndNoWellsSendNothing() throws Exception {
		String well = "cn-" + UUID.randomUUID().toString().substring(0, 8);
		List<PGNotification> one = notify(source(), List.of(well), false);
		assertThat(one).hasSize(1);
		assertThat(one.get(0).getParameter()).endsWith("\n" + well + "||");

		assertThat(notify(source(), List.of(), false)).isEmpty();
	}

	@Test
	void anIdTooLongForAnyPayloadIsRefusedAsTooLong() {
		// Only a write outside the API (which takes 64 characters) can store such an id.
		List<String> wells = List.of("short-id", "x".repeat(8000));
		assertThatThrownBy(() -> notify(source(), wells, true)).hasMessageContaining("payload string too long");
	}

	@Test
	void aWiderSpanAloneIsNoRegistryChangeButEveryOtherColumnIs() throws Exception {
		String well = "cn-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(registryLines(well, "INSERT INTO wells (id, name) VALUES ('" + well + "', 'a')")).containsExactly(well + "||");

		assertThat(registryLines(well, "UPDATE wells SET first_sample_at = now() - interval '1 hour', last_sample_at = now() WHERE id = '"
				+ well + "'")).as("a change of the span alone").isEmpty();

		List<String> columns = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement catalog = connection.prepareStatement("""
						SELECT column_name, data_type FROM information_schema.columns
						WHERE table_schema = current_schema() AND table_name = 'wells'
						  AND column_name NOT IN ('id', 'first_sample_at', 'last_sample_at')
						ORDER BY ordinal_position""");
				ResultSet rows = catalog.executeQuery()) {
			while (rows.next()) {
				String column = rows.getString(1);
				String changed = switch (rows.getString(2)) {
					case "text" -> "coalesce(" + column + ", '') || 'x'";
					case "timestamp with time zone" -> "coalesce(" + column + ", now()) - interval '1 day'";
					case "date" -> "coalesce(" + column + ", current_date) - 1";
					default -> throw new AssertionError("wells." + column + " is of a type this test does not change yet: "
							+ rows.getString(2));
				};
				columns.add(column + " = " + changed);
			}
		}
		assertThat(columns).hasSizeGreaterThanOrEqualTo(5);
		for (String set : columns) {
			assertThat(registryLines(well, "UPDATE wells SET " + set + " WHERE id = '" + well + "'")).as(set)
				.containsExactly(well + "||");
		}

		String renamed = well + "-r";
		assertThat(registryLines(renamed, "UPDATE wells SET id = '" + renamed + "' WHERE id = '" + well + "'"))
			.containsExactly(renamed + "||");
		assertThat(registryLines(renamed, "DELETE FROM wells WHERE id = '" + renamed + "'")).containsExactly(renamed + "||");
	}

	/** The lines for {@code well} in the registry's notifications of {@code sql}, run on its own. */
	private List<String> registryLines(String well, String sql) throws Exception {
		List<String> lines = new ArrayList<>();
		for (PGNotification notification : listen(writer -> {
			try (Statement statement = writer.createStatement()) {
				statement.execute(sql);
			}
		})) {
			String[] parts = notification.getParameter().split("\n");
			if (parts[0].startsWith("wells|")) {
				Arrays.stream(parts).skip(1).filter(line -> line.startsWith(well + "|")).forEach(lines::add);
			}
		}
		return lines;
	}

	/** A source of its own, so that no other statement's notification is counted. */
	private static String source() {
		return "cn_" + UUID.randomUUID().toString().substring(0, 8);
	}

	private List<PGNotification> notify(String source, List<String> wells, boolean timed) throws Exception {
		List<PGNotification> received = new ArrayList<>();
		for (PGNotification notification : listen(writer -> {
			try (PreparedStatement send = writer.prepareStatement("SELECT wellgate_notify_changes(?, ?, ?, ?)")) {
				Timestamp[] los = new Timestamp[wells.size()];
				Timestamp[] his = new Timestamp[wells.size()];
				if (timed) {
					Arrays.fill(los, Timestamp.from(LO));
					Arrays.fill(his, Timestamp.from(HI));
				}
				Array ids = writer.createArrayOf("text", wells.toArray());
				send.setString(1, source);
				send.setArray(2, ids);
				send.setArray(3, writer.createArrayOf("timestamptz", los));
				send.setArray(4, writer.createArrayOf("timestamptz", his));
				send.execute();
			}
		})) {
			if (notification.getParameter().startsWith(source + "|")) {
				received.add(notification);
			}
		}
		return received;
	}

	private interface Write {

		void run(Connection writer) throws Exception;

	}

	/** Every notification on the feed's channel from {@code write} (autocommit) and whatever else ran meanwhile. */
	private List<PGNotification> listen(Write write) throws Exception {
		try (Connection listener = this.dataSource.getConnection(); Connection writer = this.dataSource.getConnection()) {
			listener.setAutoCommit(true);
			writer.setAutoCommit(true);
			try (Statement listen = listener.createStatement()) {
				listen.execute("LISTEN " + ChangeFeed.CHANNEL);
			}
			write.run(writer);
			// Sent at the writer's commit (autocommit); a marker after them says all have arrived.
			String marker = "marker-" + UUID.randomUUID();
			try (Statement mark = writer.createStatement()) {
				mark.execute("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', '" + marker + "')");
			}
			List<PGNotification> received = new ArrayList<>();
			PGConnection pg = listener.unwrap(PGConnection.class);
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (System.nanoTime() < deadline) {
				PGNotification[] batch = pg.getNotifications(500);
				if (batch == null) {
					continue;
				}
				for (PGNotification notification : batch) {
					if (notification.getParameter().equals(marker)) {
						try (Statement unlisten = listener.createStatement()) {
							unlisten.execute("UNLISTEN *");
						}
						return received;
					}
					received.add(notification);
				}
			}
			throw new AssertionError("the marker notification never arrived");
		}
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

}
