package io.wellgate.error;

import org.springframework.util.unit.DataSize;

/** A request body larger than {@code wellgate.ingest.max-body-size}; a 413. */
public class BodyTooLargeException extends RuntimeException {

	public BodyTooLargeException(DataSize limit) {
		super("The request body is larger than the limit of " + limit.toMegabytes() + " MB; split it into several requests");
	}

}
