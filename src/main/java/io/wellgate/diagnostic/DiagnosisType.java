package io.wellgate.diagnostic;

/**
 * What a diagnosis found; the contract's {@code DiagnosisType}.
 */
public enum DiagnosisType {

	NORMAL, GAS_LOCK, PUMP_WEAR, SAND_INGESTION, MOTOR_OVERHEAT, ELECTRICAL_FAULT, BROKEN_SHAFT, SCALE_BUILDUP,
	UNDERLOAD, OTHER

}
