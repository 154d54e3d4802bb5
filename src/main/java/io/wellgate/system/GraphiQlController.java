package io.wellgate.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL at {@code /graphiql}, loaded entirely from this service: oilfield networks are often
 * air-gapped, so Spring Boot's own GraphiQL page (its assets come from a CDN) is switched off and
 * {@code static/graphiql/index.html} takes its place, with GraphiQL and React from the jars on the
 * classpath.
 */
@Controller
class GraphiQlController {

	// Static resources have no directory index; a forward (not a redirect) keeps the address the
	// user typed. The page's asset and endpoint paths are absolute, so they resolve from either.
	@GetMapping({ "/graphiql", "/graphiql/" })
	String graphiql() {
		return "forward:/graphiql/index.html";
	}

}
