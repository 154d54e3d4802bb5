package io.wellgate.diagnostic;

/**
 * How serious a finding is; the contract's {@code Severity}.
 */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL

}
