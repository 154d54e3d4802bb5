package io.wellgate.aggregate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.util.diff.DiffUtils;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every statement the engine generates, for each aggregate, is kept as a golden file under
 * {@code src/test/resources/golden-sql/<aggregate>/<statement>.sql}, so a change to the generator
 * shows, in review, the SQL it changes. A difference fails with a unified diff; run with
 * {@code -Dgolden.update=true} to write the files anew (then read their diff before committing).
 * No database: the statements come from the definitions alone, with the default breach thresholds.
 */
class GeneratedSqlTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden-sql");

	static final boolean UPDATE = Boolean.getBoolean("golden.update");

	@Test
	void everyGeneratedStatementIsItsGoldenFile() throws IOException {
		Map<Path, String> statements = statements();
		// Only well_performance_hourly has parts that are all sums, so only it has totals.
		assertThat(statements).hasSize(4 * 3 + 2 + 1);
		List<String> differences = new ArrayList<>();
		for (Map.Entry<Path, String> statement : statements.entrySet()) {
			Path file = GOLDEN.resolve(statement.getKey());
			String sql = statement.getValue().strip() + "\n";
			String golden = Files.exists(file) ? Files.readString(file) : "";
			if (golden.equals(sql)) {
				continue;
			}
			if (UPDATE) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, sql);
			}
			else {
				differences.add(String.join("\n", DiffUtils.generateUnifiedDiff("golden-sql/" + statement.getKey(),
						"generated", golden.lines().toList(), DiffUtils.diff(golden.lines().toList(), sql.lines().toList()), 2)));
			}
		}
		try (Stream<Path> files = Files.walk(GOLDEN)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (!statements.containsKey(GOLDEN.relativize(file))) {
					if (UPDATE) {
						Files.delete(file);
					}
					else {
						differences.add("golden-sql/" + GOLDEN.relativize(file) + ": no statement is generated for it");
					}
				}
			}
		}
		if (!differences.isEmpty()) {
			fail("Generated SQL differs from its golden file (-Dgolden.update=true rewrites them):\n\n"
					+ String.join("\n\n", differences));
		}
	}

	/**
	 * The view {@code wells_with_spans} (migration 0014) widens the registry's spans by the log of
	 * the aggregates of {@code esp_telemetry}: exactly one of them must move the spans it consumes.
	 */
	@Test
	void exactlyOneAggregateOfTheTelemetryKeepsTheWellsSpans() {
		List<AggregateDefinition> keepers = AggregateDefinitions.all(new AggregateProperties.Breach(0.5, 250, 80, 100))
			.stream()
			.filter(AggregateDefinition::keepsWellSpans)
			.toList();

		assertThat(keepers).singleElement().satisfies(keeper -> assertThat(keeper.source()).isEqualTo("esp_telemetry"));
		assertThat(new AggregateSql(keepers.get(0)).refresh()).contains("UPDATE wells w");
	}

	@Test
	void noStatementLeavesAHoleOrAFormatHoleUnfilled() {
		assertThat(statements().values()).allSatisfy(sql -> assertThat(sql).doesNotContain("{{", "}}", "%s", "$s"));
	}

	/**
	 * Each aggregate's refresh, its bucket reads for some and for all wells, and its totals where it
	 * has them; and the refresh's first statement, the same for all (it takes the aggregate's lock).
	 */
	static Map<Path, String> statements() {
		Map<Path, String> statements = new LinkedHashMap<>();
		statements.put(Path.of("refresh-state.sql"), AggregateEngine.REFRESH_STATE);
		for (AggregateDefinition definition : AggregateDefinitions.all(new AggregateProperties.Breach(0.5, 250, 80, 100))) {
			AggregateSql sql = new AggregateSql(definition);
			Path folder = Path.of(definition.name());
			statements.put(folder.resolve("refresh.sql"), sql.refresh());
			statements.put(folder.resolve("buckets-of-wells.sql"), sql.exactBuckets(false));
			statements.put(folder.resolve("buckets-of-all-wells.sql"), sql.exactBuckets(true));
			if (definition.parts().stream().allMatch(Part::additive)) {
				statements.put(folder.resolve("totals-of-wells.sql"), sql.exactTotals(false));
				statements.put(folder.resolve("totals-of-all-wells.sql"), sql.exactTotals(true));
			}
		}
		return statements;
	}

}
