package io.wellgate.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a newcomer where to point the browser once the service is ready.
 */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	@EventListener(ApplicationReadyEvent.class)
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			log.info("wellgate is ready: dashboard at http://localhost:{}/, GraphiQL at http://localhost:{}/graphiql, "
					+ "GraphQL at http://localhost:{}/graphql", port, port, port);
		}
	}

}
