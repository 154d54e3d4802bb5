package io.wellgate.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests bringing one new document at the same time parse it once: the first parses, the
 * others wait for its result rather than parsing it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentCacheConcurrencyTests {

	private static final int REQUESTS = 8;

	@LocalServerPort
	int port;

	@Autowired
	DocumentCache cache;

	@Test
	void concurrentRequestsForOneNewDocumentParseItOnce() throws Exception {
		// An alias no other test sends makes the document new to the cache.
		String document = "{ wells(first: 2) { edges { node { id } } } t" + UUID.randomUUID().toString().replace("-", "")
				+ ": __typename }";
		long parsesBefore = this.cache.parses();
		int sizeBefore = this.cache.size();
		CountDownLatch gate = new CountDownLatch(REQUESTS);
		List<Future<JsonNode>> answers = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
		try {
			for (int i = 0; i < REQUESTS; i++) {
				answers.add(clients.submit(() -> {
					gate.countDown();
					gate.await();
					return new WellgateHttp(this.port).graphql(document, Map.of(), null).json();
				}));
			}
			for (Future<JsonNode> answer : answers) {
				JsonNode json = answer.get(2, TimeUnit.MINUTES);
				assertThat(json.has("errors")).as(json.toString()).isFalse();
				assertThat(json.at("/data/wells/edges").isArray()).isTrue();
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(this.cache.parses() - parsesBefore).isEqualTo(1);
		assertThat(this.cache.size()).isEqualTo(sizeBefore + 1);
	}

	/**
	 * Over HTTP the requests may not overlap; here every caller is held inside the cache until all
	 * are, so a cache that let each parse would be caught parsing several times.
	 */
	@Test
	void callersThatArriveWhileADocumentIsParsedWaitForThatParse() throws Exception {
		DocumentCache cache = new DocumentCache(10, 100, 100);
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		CountDownLatch gate = new CountDownLatch(REQUESTS);
		AtomicInteger parsed = new AtomicInteger();
		List<Future<PreparsedDocumentEntry>> entries = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
		try {
			for (int i = 0; i < REQUESTS; i++) {
				entries.add(pool.submit(() -> {
					callers.add(Thread.currentThread());
					gate.countDown();
					gate.await();
					return cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ a b }").build(), input -> {
						parsed.incrementAndGet();
						awaitAllInside(callers);
						return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
					}).join();
				}));
			}
			List<PreparsedDocumentEntry> answers = new ArrayList<>();
			for (Future<PreparsedDocumentEntry> entry : entries) {
				answers.add(entry.get(2, TimeUnit.MINUTES));
			}

			assertThat(parsed).hasValue(1);
			assertThat(cache.parses()).isEqualTo(1);
			assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(answers.get(0)));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void withoutACacheEveryRequestParses() {
		DocumentCache cache = new DocumentCache(0, 100, 100);

		for (int i = 0; i < 3; i++) {
			cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ a }").build(),
					input -> new PreparsedDocumentEntry(Parser.parse(input.getQuery()))).join();
		}

		assertThat(cache.parses()).isEqualTo(3);
		assertThat(cache.size()).isZero();
	}

	/**
	 * Waits (for at most 10 s: the assertions then tell) until every other caller is inside
	 * {@link DocumentCache#getDocumentAsync} and not running: blocked on the parse in progress, or
	 * parsing itself.
	 */
	private static void awaitAllInside(Set<Thread> callers) {
		long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < giveUp) {
			boolean all = callers.size() == REQUESTS && callers.stream()
				.filter(caller -> caller != Thread.currentThread())
				.allMatch(caller -> caller.getState() != Thread.State.RUNNABLE && Arrays.stream(caller.getStackTrace())
					.anyMatch(frame -> frame.getClassName().equals(DocumentCache.class.getName())
							&& frame.getMethodName().equals("getDocumentAsync")));
			if (all) {
				return;
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
