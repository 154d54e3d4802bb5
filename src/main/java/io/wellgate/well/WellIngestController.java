package io.wellgate.well;

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
 * Bulk registry writes: {@code POST /api/v1/wells} with NDJSON or CSV, the bulk rules of the
 * other endpoints (atomic, validated, idempotent).
 */
@RestController
class WellIngestController {

	private final BulkWriter writer;

	private final IngestProperties properties;

	WellIngestController(BulkWriter writer, IngestProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	@PostMapping(path = "/api/v1/wells", consumes = { BulkBody.NDJSON, BulkBody.CSV })
	IngestResult wells(HttpServletRequest request) throws IOException {
		RowSource rows = BulkBody.rows(request, WellSchema.WELLS, this.properties.maxBodySize());
		return new IngestResult(this.writer.write(WellSchema.WELLS, rows, FieldScope.current()));
	}

}
