package io.wellgate.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as the markdown table that the README shows: measured figures next to
 * their targets, and whether each target was met.
 */
final class Markdown {

	private final StringBuilder text = new StringBuilder();

	private Markdown() {
	}

	static String render(Report report) {
		return new Markdown().document(report);
	}

	private String document(Report r) {
		Report.Machine m = r.machine();
		line("# wellgate benchmark: %d wells x %d days (%,d samples)", r.fleet().wells(), r.fleet().days(), r.fleet().samples());
		line("");
		line("%s; %d cores (%s), %.1f GiB; PostgreSQL %s (%s); Java %s; seed %d; the run took %.1f min.", r.date(),
				m.cores(), m.cpu(), m.memoryGiB(), m.postgres(), m.database(), m.java(), r.fleet().seed(), r.minutes());
		line("Times in ms, p50 / p95 over n runs after warm-up; the machine is shared, so figures are noisy.");
		line("*JDBC*: the read in-process through JDBC (round trip, result transfer and row reading included);");
		line("*server*: the same statement's planning + execution time on the server (`EXPLAIN ANALYZE` of its");
		line("generic plan), the kind of figure the targets are: their aggregate times and ratios are held against it.");
		line("");
		line("| Read | Raw SQL, JDBC | Aggregates SQL, JDBC | Raw / aggregates, JDBC | Raw SQL, server | Aggregates SQL, server | Raw / aggregates, server | HTTP end to end (second JVM) | Target | Met |");
		line("|---|---|---|---|---|---|---|---|---|---|");
		for (Report.ReadResult read : r.reads()) {
			ReadCase.Target t = read.target();
			line("| %s (%d rows) | %s | %s | %.1fx | %s | %s | %.1fx | %s | %s | %s |", read.name(), read.aggregateRows(),
					timing(read.raw()), timing(read.aggregates()), read.ratio(), timing(read.serverRaw().total()),
					timing(read.serverAggregates().total()), read.serverRatio(), timing(read.http()), readTarget(t),
					readMet(read, t));
		}
		line("");
		line("| Figure | Measured | Target | Met |");
		line("|---|---|---|---|");
		Timing page = r.dashboard().page();
		line("| Dashboard page: the 4 queries above for one well + ranking, sent at once (p50 / p95 / p99) | %s / %s / %s ms | p50 < 8 ms | %s |",
				ms(page.p50()), ms(page.p95()), ms(page.p99()), yes(page.p50() < 8));
		Timing each = r.dashboard().requests();
		line("| Dashboard: each of its requests (p50 / p95 / p99) | %s / %s / %s ms | | |", ms(each.p50()), ms(each.p95()), ms(each.p99()));
		Throughput.Result load = r.throughput();
		line("| Throughput, %d clients in a second JVM, dashboard queries in turn | %,.0f requests/s (p50 %s ms, p99 %s ms, %d errors) | | |",
				load.clients(), load.requestsPerSecond(), ms(load.p50()), ms(load.p99()), load.errors());
		Report.Ingestion in = r.ingestion();
		line("| Bulk ingest over HTTP (NDJSON, one request per well) | %,.0f samples/s | >= 0.5 x COPY | %s |", in.httpPerSecond(), yes(in.ratio() >= 0.5));
		line("| Plain COPY of the same rows into an unindexed table | %,.0f rows/s | | |", in.copyPerSecond());
		line("| Bulk ingest / COPY | %.2f | >= 0.5 | %s |", in.ratio(), yes(in.ratio() >= 0.5));
		line("| Plain COPY of the same rows into a table with `esp_telemetry`'s primary key and time index (not partitioned) | %,.0f rows/s | | |",
				in.indexedCopyPerSecond());
		line("| Bulk ingest / COPY into the indexed table | %.2f | | |", in.indexedRatio());
		for (RefreshProbe.Refresh refresh : r.refresh()) {
			double sum = refresh.perAggregate().values().stream().mapToDouble(Timing::p50).sum();
			line("| Refresh of 15 new minutes (%d x 15 samples), all 4 aggregates at once (`refreshAll`), %s of history (p50, max of %d) | %s ms until all four are done (each one's own p50: %s; their sum %s ms), max %s ms | < 25 ms | %s |",
					r.fleet().wells(), days(refresh.historyDays()), refresh.total().runs(), ms(refresh.total().p50()),
					perAggregate(refresh.perAggregate()), ms(sum), ms(refresh.total().p99()),
					yes(refresh.total().p50() < 25));
		}
		if (r.refresh().size() == 2) {
			double growth = r.refresh().get(1).total().p50() / r.refresh().get(0).total().p50();
			line("| Refresh time, %s against %s of history | %.2fx | <= 1.5x | %s |", days(r.refresh().get(1).historyDays()),
					days(r.refresh().get(0).historyDays()), growth, yes(growth <= 1.5));
		}
		line("| First refresh (materializes %s), catch-up refresh (the older history) | %s s, %s s | | |",
				days(r.refresh().get(0).historyDays()), ms(in.firstRefreshMillis() / 1000), ms(in.catchUpRefreshMillis() / 1000));
		Map<Integer, Long> pages = r.statements().fleetPage();
		line("| SQL statements per fleet dashboard request (every windowed field of a page of wells), %s wells | %s | equal | %s |",
				pages.keySet().stream().map(String::valueOf).collect(Collectors.joining(" / ")),
				pages.values().stream().map(String::valueOf).collect(Collectors.joining(" / ")),
				yes(pages.values().stream().distinct().count() == 1));
		line("| SQL statements per dashboard query | %s | | |", r.statements().dashboard().entrySet().stream()
			.map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
		Report.Memory memory = r.memory();
		line("| Service heap used after GC (of max) / resident memory, after the run | %.0f MiB (of %.0f) / %.0f MiB | | |",
				memory.heapUsedMiB(), memory.heapMaxMiB(), memory.rssMiB());
		return this.text.toString();
	}

	private static String readTarget(ReadCase.Target t) {
		if (t.aggregateMs() == null && t.httpP50Ms() == null) {
			return "";
		}
		StringBuilder target = new StringBuilder();
		if (t.aggregateMs() != null) {
			target.append("aggregates, server <= ").append(ms(t.aggregateMs())).append(" ms, ratio, server >= ")
				.append(ratio(t.ratio()));
		}
		if (t.httpP50Ms() != null) {
			target.append(target.isEmpty() ? "" : ", ").append("HTTP p50 < ").append(ms(t.httpP50Ms())).append(" ms");
		}
		return target.toString();
	}

	private static String readMet(Report.ReadResult read, ReadCase.Target t) {
		StringBuilder met = new StringBuilder();
		if (t.aggregateMs() != null) {
			met.append(yes(read.serverAggregates().total().p50() <= t.aggregateMs())).append(", ")
				.append(yes(read.serverRatio() >= t.ratio()));
		}
		if (t.httpP50Ms() != null) {
			met.append(met.isEmpty() ? "" : ", ").append(yes(read.http().p50() < t.httpP50Ms()));
		}
		return met.toString();
	}

	private static String timing(Timing t) {
		return "%s / %s (n=%d)".formatted(ms(t.p50()), ms(t.p95()), t.runs());
	}

	private static String perAggregate(Map<String, Timing> timings) {
		return timings.entrySet().stream().map(e -> e.getKey() + " " + ms(e.getValue().p50())).collect(Collectors.joining(", "));
	}

	static String ms(double value) {
		return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f", value);
	}

	private static String ratio(double value) {
		return String.format(Locale.ROOT, "%.1fx", value);
	}

	private static String days(int days) {
		return days + ((days == 1) ? " day" : " days");
	}

	private static String yes(boolean met) {
		return met ? "yes" : "**no**";
	}

	private void line(String format, Object... args) {
		this.text.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

}
