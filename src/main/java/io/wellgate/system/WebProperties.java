package io.wellgate.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browsers on other origins.
 *
 * @param cors which origins may call the API
 */
@ConfigurationProperties("wellgate.web")
public record WebProperties(@DefaultValue Cors cors) {

	/**
	 * @param allowedOrigins origins (such as {@code https://dash.example.com}) whose pages may call
	 * the API, with credentials and an {@code Authorization} header; none: same origin only
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
