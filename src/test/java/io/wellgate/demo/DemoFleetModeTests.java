package io.wellgate.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the demo fleet runs: the contract's "on for an empty embedded database, off otherwise".
 */
class DemoFleetModeTests {

	@Test
	void unsetRunsOnlyIfTheEmbeddedDatabaseIsEmpty() {
		assertThat(DemoFleet.Mode.of(null, false)).isEqualTo(DemoFleet.Mode.IF_EMPTY);
	}

	@Test
	void unsetStaysOffAgainstAConfiguredDatabase() {
		assertThat(DemoFleet.Mode.of(null, true)).isEqualTo(DemoFleet.Mode.OFF);
	}

	@Test
	void enabledRunsAgainstAnyDatabase() {
		assertThat(DemoFleet.Mode.of(true, true)).isEqualTo(DemoFleet.Mode.ON);
		assertThat(DemoFleet.Mode.of(true, false)).isEqualTo(DemoFleet.Mode.ON);
	}

	@Test
	void disabledNeverRuns() {
		assertThat(DemoFleet.Mode.of(false, false)).isEqualTo(DemoFleet.Mode.OFF);
	}

}
