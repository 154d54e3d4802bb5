package io.wellgate.system;

import java.util.Map;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an operation is measured for the depth and complexity limits: fragments expanded, each
 * operation of a document on its own.
 */
class OperationShapeTests {

	@Test
	void fieldsAreCountedAndTheDeepestLevelIsTheDepth() {
		assertThat(shapes("{ a { b { c } d } e }")).containsEntry(null, new OperationShape(3, 5));
	}

	@Test
	void fragmentsCountAsTheFieldsTheyBringInAtTheirPlace() {
		String document = """
				query Q { a { ...F ... on T { d { e } } } }
				fragment F on T { b { c } }
				""";

		assertThat(shapes(document)).containsEntry("Q", new OperationShape(3, 5));
	}

	@Test
	void typenameAddsDepthButNoComplexity() {
		assertThat(shapes("{ a { __typename } }")).containsEntry(null, new OperationShape(2, 1));
	}

	@Test
	void eachOperationOfADocumentIsMeasuredOnItsOwn() {
		Map<String, OperationShape> shapes = shapes("query Small { a } query Large { a { b { c { d } } } }");

		assertThat(shapes).containsEntry("Small", new OperationShape(1, 1))
			.containsEntry("Large", new OperationShape(4, 4));
	}

	@Test
	void aFragmentUsedTwiceCountsTwice() {
		assertThat(shapes("{ x: a { ...F } y: a { ...F } } fragment F on T { b c }"))
			.containsEntry(null, new OperationShape(2, 6));
	}

	@Test
	// A guard against a hang, not a speed measurement: measured field by field, this document
	// would take 2^40 steps.
	@Timeout(60)
	void fragmentsSpreadIntoOneAnotherAreMeasuredOnceAndTheComplexityStopsAtItsCeiling() {
		StringBuilder document = new StringBuilder("{ ...F0 } fragment F40 on T { a }");
		for (int i = 0; i < 40; i++) {
			document.append(" fragment F").append(i).append(" on T { x: b { ...F").append(i + 1)
				.append(" } y: b { ...F").append(i + 1).append(" } }");
		}

		assertThat(shapes(document.toString())).containsEntry(null, new OperationShape(41, Integer.MAX_VALUE));
	}

	private static Map<String, OperationShape> shapes(String document) {
		return OperationShape.of(Parser.parse(document));
	}

}
