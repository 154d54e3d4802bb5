package io.wellgate.system;

import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How responses are written. The answers are mostly floating-point numbers (a 30-day daily read
 * of one well has 1,500 of them), and on Java 17 the JDK's own double-to-text conversion showed
 * among the hottest frames of such a request; Jackson's Schubfach writer gives the same shortest
 * text that reads back as the same double, faster.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer fastDoubles() {
		return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
	}

}
