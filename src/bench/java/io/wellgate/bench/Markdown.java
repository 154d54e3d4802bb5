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
		line("%s; %d cores (%s), %.1f GiB; PostgreSQL %s, %s; Java %s; seed %d; %s load; the run took %.1f min.", r.date(),
				m.cores(), m.cpu(), m.memoryGiB(), m.postgres(), m.database(), m.java(), r.fleet().seed(), r.ingestion().load(),
				r.minutes());
		line("Server `%s`: `SHOW jit` is `%s` as the server ships it (a plain session), `%s` in wellgate's pooled sessions; "
				+ "as shipped, the server %s JIT-compile (`pg_jit_available()` %s).", m.server(), m.jitAsShipped(),
				m.jitInSessions(), m.jitAvailable() ? "does" : "does not", m.jitAvailable());
		line("Times in ms, p50 / p95 over n runs after warm-up; the machine is shared, so figures are noisy. Before the first");
		line("timed read the run waited %.0f s for autovacuum to finish with the loaded history (as a user's history has).",
				r.settledSeconds());
		line("*JDBC*: the read in-process through JDBC (round trip, result transfer and row reading included);");
		line("*server*: the same statement's planning + execution time on the server (`EXPLAIN ANALYZE` of its");
		line("generic plan), the kind of figure the targets are: their aggregate times and ratios are held against it.");
		line("");
		line("*HTTP end to end* is timed from a second JVM (p50 / p99), each read after up to %,d untimed sends of it", HttpTimer.EACH_WARMUP_SENDS);
		line("(at most %d s: a service that has run a while), right after a refresh, and in the field's steady",
				HttpTimer.EACH_WARMUP_AT_MOST.toSeconds());
		line("state: a minute batch of the fleet every second into the newest hour (its buckets pending), all aggregates");
		line("refreshed every 15 s.");
		line("");
		line("| Read | Raw SQL, JDBC | Aggregates SQL, JDBC | Raw / aggregates, JDBC | Raw SQL, server | Aggregates SQL, server | Raw / aggregates, server | HTTP end to end, after a refresh | HTTP end to end, steady state | Target | Met |");
		line("|---|---|---|---|---|---|---|---|---|---|---|");
		for (int i = 0; i < r.reads().size(); i++) {
			Report.ReadResult read = r.reads().get(i);
			ReadCase.Target t = read.target();
			line("| %s (%d rows) | %s | %s | %.1fx | %s | %s | %.1fx | %s | %s | %s | %s |", read.name(), read.aggregateRows(),
					timing(read.raw()), timing(read.aggregates()), read.ratio(), timing(read.serverRaw().total()),
					timing(read.serverAggregates().total()), read.serverRatio(), tail(read.http()),
					tail(r.steady().http().get(i)), readTarget(t), readMet(read, t));
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
		line("| Throughput, %s, dashboard queries in turn | %,.0f requests/s (p50 %s ms, p99 %s ms, %d errors) | | |",
				clients(load), load.requestsPerSecond(), ms(load.p50()), ms(load.p99()), load.errors());
		Throughput.Result steadyLoad = r.steady().throughput();
		line("| Throughput in the steady state, %s, dashboard queries in turn | %,.0f requests/s (p50 %s ms, p99 %s ms, %d errors) | >= 800 requests/s | %s |",
				clients(steadyLoad), steadyLoad.requestsPerSecond(), ms(steadyLoad.p50()), ms(steadyLoad.p99()),
				steadyLoad.errors(), yes(steadyLoad.requestsPerSecond() >= 800));
		FieldWriter.Result steadyWriter = r.steady().writer();
		line("| Steady state's writer: minute batches of %d samples, one a second (p50 / p99 / max; failed) | %s / %s / %s ms; %d failed of %d | | |",
				r.fleet().wells(), ms(steadyWriter.batch().p50()), ms(steadyWriter.batch().p99()), ms(steadyWriter.maxMillis()),
				steadyWriter.failedBatches(), steadyWriter.batch().runs() + steadyWriter.failedBatches());
		line("| Steady state's scheduled refreshes, all four aggregates every 15 s (p50 / p99, n) | %s |  | |",
				steadyWriter.refresh() == null ? "none ran" : "%s / %s ms (n=%d), %d failed".formatted(ms(steadyWriter.refresh().p50()),
						ms(steadyWriter.refresh().p99()), steadyWriter.refresh().runs(), steadyWriter.failedRefreshes()));
		MinuteBatches.Result minute = r.minuteBatch();
		boolean fleetScale = r.fleet().wells() == 1000;
		line("| One minute of the fleet (%d samples) in one request, re-sent into the newest hour, quiet service, the aggregates refreshed after each (untimed) (p50 / p99, n) | %s / %s ms (n=%d) | %s | %s |",
				minute.wells(), ms(minute.resent().p50()), ms(minute.resent().p99()), minute.resent().runs(),
				fleetScale ? "p50 <= 15 ms at 1,000 wells" : "(p50 <= 15 ms at 1,000 wells)",
				fleetScale ? yes(minute.resent().p50() <= 15) : "");
		line("| One minute of the fleet in one request, new minutes after the history in time order (p50 / p99, n) | %s | | |",
				minute.newMinutes() == null ? "not measured: fewer than 10 minutes had passed since the history's end"
						: "%s / %s ms (n=%d)".formatted(ms(minute.newMinutes().p50()), ms(minute.newMinutes().p99()),
								minute.newMinutes().runs()));
		Throughput.Result small = r.smallRequests();
		line("| Small requests: 1-sample NDJSON writes with a bearer token, %s | %,.0f requests/s (p50 %s ms, p99 %s ms, %d errors, %d time-outs) | | |",
				clients(small), small.requestsPerSecond(), ms(small.p50()), ms(small.p99()), small.errors(), small.timeouts());
		RemoteHttp.Auth auth = r.auth();
		line("| One well, hourly, 24 h over one kept-alive connection: anonymous / with `Authorization: Bearer` (p50, n each) | %s / %s ms (n=%d) | | |",
				ms(auth.anonymous().p50()), ms(auth.bearer().p50()), auth.anonymous().runs());
		line("| Authenticated minus anonymous, p50 | %+.3f ms | < 0.2 ms | %s |", auth.differenceMillis(), yes(auth.differenceMillis() < 0.2));
		Report.Ingestion in = r.ingestion();
		boolean field = "field".equals(in.load());
		line("| Bulk ingest over HTTP (%s) | %,.0f samples/s | >= 0.5 x COPY | %s |",
				field ? "field-shaped: NDJSON, an hour of minute batches of the fleet per request, in time order"
						: "backfill: NDJSON, one request per well",
				in.httpPerSecond(), yes(in.ratio() >= 0.5));
		if (in.backfill() != null) {
			line("| Backfill over HTTP (NDJSON, one request per well, its whole history), %d wells re-sent into scratch wells | %,.0f samples/s (%.2f of COPY) | | |",
					in.backfillWells(), in.backfill().perSecond(), in.backfillRatio());
		}
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
		if (r.soak() != null) {
			soak(r.soak(), fleetScale);
		}
		Report.Memory memory = r.memory();
		line("| Service heap used after GC (of max) / resident memory, after the run | %.0f MiB (of %.0f) / %.0f MiB | | |",
				memory.heapUsedMiB(), memory.heapMaxMiB(), memory.rssMiB());
		errors("Throughput", r.throughput());
		errors("Throughput in the steady state", r.steady().throughput());
		errors("Small requests", r.smallRequests());
		if (r.soak() != null) {
			errors("Soak readers", r.soak().readers());
		}
		return this.text.toString();
	}

	/** For instance "16 clients (wrk)". */
	private static String clients(Throughput.Result result) {
		return result.clients() + " clients (" + result.client().label() + ")";
	}

	/** The first errors a load met, each in a line under the table, so that a miss can be explained. */
	private void errors(String load, Throughput.Result result) {
		for (String error : result.firstErrors()) {
			line("");
			line("%s, an error: `%s`", load, error.replace('`', '\''));
		}
	}

	private void soak(Report.Soak soak, boolean fleetScale) {
		Throughput.Result readers = soak.readers();
		FieldWriter.Result writer = soak.writer();
		String scale = fleetScale ? "" : " (at 1,000 wells, 10 min)";
		line("| Soak, %d min: readers, %s, dashboard queries, a minute batch of the fleet every 2 s and the 15 s refreshes meanwhile | %,.0f requests/s, p50 %s ms, p99 %s ms, %d errors, %d time-outs (30 s) | no error or time-out, p99 <= 100 ms%s | %s |",
				soak.minutes(), clients(readers), readers.requestsPerSecond(), ms(readers.p50()), ms(readers.p99()),
				readers.errors(), readers.timeouts(), scale,
				fleetScale ? yes(readers.errors() == 0 && readers.timeouts() == 0 && readers.p99() <= 100) : "");
		line("| Soak: the writer's minute batches (p50 / p99 / max; failed) | %s / %s / %s ms; %d failed of %d%s | p50 <= 50 ms%s | %s |",
				ms(writer.batch().p50()), ms(writer.batch().p99()), ms(writer.maxMillis()), writer.failedBatches(),
				writer.batch().runs() + writer.failedBatches(),
				writer.firstFailure() == null ? "" : " (first: " + writer.firstFailure().replace('|', '/') + ")", scale,
				fleetScale ? yes(writer.batch().p50() <= 50 && writer.failedBatches() == 0) : "");
	}

	private static String tail(Timing t) {
		return "%s / %s (n=%d)".formatted(ms(t.p50()), ms(t.p99()), t.runs());
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
