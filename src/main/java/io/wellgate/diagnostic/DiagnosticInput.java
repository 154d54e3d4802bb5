package io.wellgate.diagnostic;

import java.time.OffsetDateTime;

/**
 * The GraphQL {@code DiagnosticInput}.
 */
record DiagnosticInput(String wellId, OffsetDateTime time, DiagnosisType type, Severity severity, Double confidence) {
}
