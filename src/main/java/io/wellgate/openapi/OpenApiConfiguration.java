package io.wellgate.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import io.wellgate.diagnostic.DiagnosticSchema;
import io.wellgate.ingest.Field;
import io.wellgate.ingest.RecordSchema;
import io.wellgate.telemetry.TelemetrySchema;
import io.wellgate.well.WellSchema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's description, the write key's scheme, and the three bulk endpoints: they read
 * their bodies as streams, so springdoc sees no body; each is described here from its
 * {@link RecordSchema} (NDJSON and CSV, every field with its type and range) with the answers the
 * bulk rules give (200, 400, 401, 413, 415).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String WRITE_KEY = "writeKey";

	private static final String PROBLEM = "application/problem+json";

	@Bean
	OpenAPI wellgateOpenApi() {
		return new OpenAPI()
			.info(new Info().title("wellgate REST API")
				.version("v1")
				.description("""
						Bulk ingestion (telemetry, diagnostics, the well registry) and the seven analytics \
						reads. The GraphQL API at /graphql (GraphiQL at /graphiql) serves the same data; \
						these calls answer the same numbers. Errors are RFC 9457 problem documents."""))
			.components(new Components().addSecuritySchemes(WRITE_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description("An API key of wellgate.security.api-keys")));
	}

	@Bean
	OpenApiCustomizer bulkEndpoints() {
		return openApi -> {
			Map<String, RecordSchema> bulk = new LinkedHashMap<>();
			bulk.put("/api/v1/telemetry", TelemetrySchema.TELEMETRY);
			bulk.put("/api/v1/diagnostics", DiagnosticSchema.DIAGNOSTICS);
			bulk.put("/api/v1/wells", WellSchema.WELLS);
			bulk.forEach((path, schema) -> {
				PathItem item = (openApi.getPaths() == null) ? null : openApi.getPaths().get(path);
				if (item != null && item.getPost() != null) {
					describe(item.getPost(), schema);
				}
			});
		};
	}

	private static void describe(Operation operation, RecordSchema schema) {
		String noun = schema.noun();
		operation.summary("Stores " + noun + "s from NDJSON or CSV, all or nothing")
			.description("""
					One %1$s per NDJSON line (a JSON object of the fields below), or a CSV header line of \
					field names and one %1$s a line (an empty cell is null). Any bad line rejects the whole \
					request: nothing is stored and the 400 lists the bad lines (line, field, reason; at most \
					100). Re-sending a %1$s replaces the stored one; within a request the last line of a key \
					wins. The body is streamed, never held in memory.""".formatted(noun))
			.addTagsItem("Bulk ingestion")
			.security(List.of(new SecurityRequirement().addList(WRITE_KEY)));
		Schema<Object> record = recordSchema(schema);
		operation.requestBody(new RequestBody().required(true)
			.content(new Content()
				.addMediaType("application/x-ndjson", new MediaType().schema(record)
					.example(example(schema, true)))
				.addMediaType("text/csv", new MediaType().schema(string("A header line of field names ("
						+ String.join(", ", schema.fields().stream().map(Field::name).toList())
						+ "; the required ones always), then one " + noun + " a line", null))
					.example(example(schema, false)))));
		operation.responses(new ApiResponses()
			.addApiResponse("200", new ApiResponse().description("Stored and committed")
				.content(new Content().addMediaType("application/json", new MediaType().schema(accepted()))))
			.addApiResponse("400", problem("A bad line (or an unreadable body); nothing was stored", true))
			.addApiResponse("401", problem("No valid write key in 'Authorization: Bearer <api key>'; nothing was stored",
					false))
			.addApiResponse("413", problem("The body is larger than wellgate.ingest.max-body-size", false))
			.addApiResponse("415", problem("Neither application/x-ndjson nor text/csv", false)));
	}

	private static Schema<Object> recordSchema(RecordSchema schema) {
		Schema<Object> record = object("One " + schema.noun() + (schema.requiresMeasurement()
				? "; at least one metric must be present" : ""));
		List<String> required = new ArrayList<>();
		for (Field field : schema.fields()) {
			record.addProperty(field.name(), fieldSchema(field));
			if (field.required()) {
				required.add(field.name());
			}
		}
		record.required(required);
		record.additionalProperties(Boolean.FALSE);
		return record;
	}

	private static Schema<?> fieldSchema(Field field) {
		return switch (field.kind()) {
			case WELL_ID -> string("A well id", null).pattern("^[A-Za-z0-9_.-]{1,64}$");
			case TIME -> string("RFC 3339 with an offset, from year 1 to at most 5 minutes ahead of the server's clock",
					"date-time");
			case NUMBER -> new Schema<>().types(field.required() ? Set.of("number") : Set.of("number", "null"))
				.minimum(BigDecimal.valueOf(field.min()))
				.maximum(BigDecimal.valueOf(field.max()))
				.description("Finite, " + plain(field.min()) + " to " + plain(field.max()) + " inclusive"
						+ (field.required() ? "" : "; null or left out: not measured"));
			case ENUM -> {
				Schema<Object> choice = new Schema<>().types(Set.of("string"));
				new TreeSet<>(field.values()).forEach(choice::addEnumItemObject);
				yield choice;
			}
			case TEXT -> new Schema<>().types(Set.of("string", "null"))
				.minLength(1)
				.maxLength((int) field.max())
				.description("Not blank, no control characters; null or left out: none");
			case DATE -> new Schema<>().types(Set.of("string", "null"))
				.format("date")
				.description("YYYY-MM-DD, from 1900-01-01 to a year from now; null or left out: none");
		};
	}

	private static Schema<Object> accepted() {
		return object("What a write stored").addProperty("accepted",
				new Schema<>().types(Set.of("integer")).format("int64").description("Records accepted"));
	}

	private static ApiResponse problem(String description, boolean lines) {
		Schema<Object> problem = object("RFC 9457 problem document")
			.addProperty("type", string(null, "uri-reference"))
			.addProperty("title", string(null, null))
			.addProperty("status", new Schema<>().types(Set.of("integer")))
			.addProperty("detail", string(null, null));
		if (lines) {
			problem.addProperty("badLines", new Schema<>().types(Set.of("integer")).description("Bad lines in all"))
				.addProperty("errors", new Schema<>().types(Set.of("array"))
					.items(object("One bad line").addProperty("line", new Schema<>().types(Set.of("integer")))
						.addProperty("field", string("The offending field; absent when the line as a whole is bad", null))
						.addProperty("reason", string(null, null))));
		}
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM, new MediaType().schema(problem)));
	}

	private static Schema<Object> object(String description) {
		return new Schema<>().types(Set.of("object")).description(description);
	}

	private static Schema<Object> string(String description, String format) {
		Schema<Object> string = new Schema<>().types(Set.of("string"));
		return string.description(description).format(format);
	}

	private static String example(RecordSchema schema, boolean ndjson) {
		return switch (schema.noun()) {
			case "sample" -> ndjson ? """
					{"wellId":"W-101","time":"2026-11-24T10:00:00Z","flowRate":1480.5,"intakePressure":820,"dischargePressure":3150,"powerKw":118}
					{"wellId":"W-101","time":"2026-11-24T10:01:00Z","vibration":0.31}
					""" : """
					wellId,time,flowRate,motorTemperature,vibration
					W-101,2026-11-24T10:02:00Z,1502,231.5,
					""";
			case "diagnostic" -> ndjson ? """
					{"wellId":"W-101","time":"2026-11-24T10:00:00Z","type":"GAS_LOCK","severity":"HIGH","confidence":0.87}
					""" : """
					wellId,time,type,severity,confidence
					W-101,2026-11-24T10:00:00Z,GAS_LOCK,HIGH,0.87
					""";
			default -> ndjson ? """
					{"id":"W-101","name":"Mustang Draw 1H","field":"Permian","pumpModel":"REDA D1050N","installedAt":"2023-04-17"}
					""" : """
					id,name,field,pumpModel,installedAt
					W-101,Mustang Draw 1H,Permian,REDA D1050N,2023-04-17
					""";
		};
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
