package io.wellgate.aggregate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The engine's statements are templates with named holes: filled fragments keep their hole's
 * indentation, and a template and its fragments that do not match fail instead of making SQL.
 */
class SqlTemplateTests {

	@Test
	void aFragmentOfSeveralLinesKeepsTheIndentationOfItsHole() {
		String sql = SqlTemplate.of("""
				SELECT well_id,
				       {{columns}}
				FROM {{table}}""").with("columns", "a,\nb").with("table", "t").sql();
		assertThat(sql).isEqualTo("""
				SELECT well_id,
				       a,
				       b
				FROM t""");
	}

	@Test
	void aLineThatIsOnlyAnEmptyHoleGoes() {
		String sql = SqlTemplate.of("""
				SELECT 1
				    {{filter}}
				FROM t
				""").with("filter", "").sql();
		assertThat(sql).isEqualTo("SELECT 1\nFROM t\n");
	}

	@Test
	void aHoleLeftUnfilledFails() {
		assertThatIllegalStateException().isThrownBy(() -> SqlTemplate.of("SELECT {{columns}} FROM {{table}}")
			.with("columns", "a")
			.sql()).withMessageContaining("{{table}} is not filled");
	}

	@Test
	void aFragmentWithoutAHoleFails() {
		assertThatIllegalStateException().isThrownBy(() -> SqlTemplate.of("SELECT a FROM {{table}}")
			.with("table", "t")
			.with("colums", "a")
			.sql()).withMessageContaining("no hole for [colums]");
	}

	@Test
	void aHoleFilledTwiceFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.of("SELECT a FROM {{table}}")
			.with("table", "t")
			.with("table", "u")).withMessageContaining("{{table}} is filled twice");
	}

}
