package io.wellgate.diagnostic;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import io.wellgate.access.FieldScope;
import io.wellgate.ingest.BulkBody;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.ingest.IngestResult;
import io.wellgate.ingest.RowSource;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import io.wellgate.ingest.IngestProperties;

/**
 * Bulk diagnostic ingestion: {@code POST /api/v1/diagnostics} with NDJSON or CSV.
 */
@RestController
class DiagnosticIngestController {

	private final BulkWriter writer;

	private final IngestProperties properties;

	DiagnosticIngestController(BulkWriter writer, IngestProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	@PostMapping(path = "/api/v1/diagnostics", consumes = { BulkBody.NDJSON, BulkBody.CSV })
	IngestResult diagnostics(HttpServletRequest request) throws IOException {
		RowSource rows = BulkBody.rows(request, DiagnosticSchema.DIAGNOSTICS, this.properties.maxBodySize());
		return new IngestResult(this.writer.write(DiagnosticSchema.DIAGNOSTICS, rows, FieldScope.current()));
	}

}
