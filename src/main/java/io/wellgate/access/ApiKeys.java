package io.wellgate.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens that may write. Configured in {@code wellgate.security.api-keys}; when none
 * is, one is generated at start and logged, so that a newcomer can write at once while a
 * deployment is never left open by accident.
 */
@Component
class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	private final List<byte[]> keys;

	private final String generated;

	ApiKeys(AccessProperties properties) {
		List<String> configured = properties.apiKeys().stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
		if (configured.isEmpty()) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			// The only time the key is written anywhere; later mentions are masked.
			log.warn("No wellgate.security.api-keys configured; writes accept this generated key for this run: {}",
					generated);
			configured = List.of(generated);
			this.generated = generated;
		}
		else {
			this.generated = null;
		}
		this.keys = configured.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
	}

	/** The generated key, masked (its first 4 characters), or {@code null} when keys are configured. */
	String generatedMasked() {
		return (this.generated == null) ? null : this.generated.substring(0, 4) + "…";
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (this.generated != null) {
			log.info("Writes accept the generated key {} (shown in full once, above)", generatedMasked());
		}
	}

	boolean accepts(String token) {
		byte[] candidate = token.getBytes(StandardCharsets.UTF_8);
		boolean match = false;
		for (byte[] key : this.keys) {
			// Constant-time, and every key is compared, so timing tells nothing about which matched.
			match |= MessageDigest.isEqual(key, candidate);
		}
		return match;
	}

}
