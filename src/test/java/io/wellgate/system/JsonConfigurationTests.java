package io.wellgate.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses are written with the fast double writer, and every double still reads back as itself.
 */
@SpringBootTest
class JsonConfigurationTests {

	@Autowired
	JsonMapper json;

	@Test
	void doublesAreWrittenFastAndReadBackUnchanged() {
		assertThat(this.json.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).isTrue();
		List<Double> values = List.of(1749.7759722222215, 0.1 + 0.2, 2.0e-3, 1.0e23, Double.MIN_VALUE, -0.0, 3000.0);

		String text = this.json.writeValueAsString(values);

		assertThat(List.of(this.json.readValue(text, Double[].class))).isEqualTo(values);
	}

}
