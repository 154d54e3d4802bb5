package io.wellgate.system;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wellgate.error.OutsideFieldsException;
import io.wellgate.error.BadInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import io.wellgate.error.BodyTooLargeException;

/**
 * Turns failures of the HTTP API into RFC 9457 problem documents that say what is wrong and
 * never how the server is built (no stack trace, no SQL).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail badInput(BadInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad input");
		problem.setType(URI.create("urn:wellgate:problem:bad-input"));
		List<Map<String, Object>> errors = ex.errors()
			.stream()
			.map(e -> e.field() == null ? Map.<String, Object>of("line", e.line(), "reason", e.reason())
					: Map.<String, Object>of("line", e.line(), "field", e.field(), "reason", e.reason()))
			.toList();
		problem.setProperty("badLines", ex.badLines());
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail outsideFields(OutsideFieldsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Wells outside the token's fields");
		problem.setType(URI.create("urn:wellgate:problem:outside-fields"));
		problem.setProperty("wells", ex.wells());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLarge(BodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Body too large");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(UncheckedIOException ex) {
		log.info("Could not read a request body: {}", ex.getCause().toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body could not be read to its end; nothing was stored");
		problem.setTitle("Unreadable body");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not complete the request; nothing was stored. It has been logged.");
		problem.setTitle("Internal error");
		return problem;
	}

}
