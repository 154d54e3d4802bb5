package io.wellgate.telemetry;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import io.wellgate.access.FieldScope;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import io.wellgate.ingest.RowSource;
import io.wellgate.ingest.IngestResult;
import io.wellgate.ingest.BulkWriter;
import io.wellgate.ingest.BulkBody;
import io.wellgate.ingest.IngestProperties;

/**
 * Bulk telemetry ingestion: {@code POST /api/v1/telemetry} with NDJSON or CSV.
 */
@RestController
class TelemetryIngestController {

	private final BulkWriter writer;

	private final IngestProperties properties;

	TelemetryIngestController(BulkWriter writer, IngestProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	@PostMapping(path = "/api/v1/telemetry", consumes = { BulkBody.NDJSON, BulkBody.CSV })
	IngestResult telemetry(HttpServletRequest request) throws IOException {
		RowSource rows = BulkBody.rows(request, TelemetrySchema.TELEMETRY, this.properties.maxBodySize());
		return new IngestResult(this.writer.write(TelemetrySchema.TELEMETRY, rows, FieldScope.current()));
	}

}
