package io.wellgate.system;

import java.util.Map;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

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

	private static Map<String, OperationShape> shapes(String document) {
		return OperationShape.of(Parser.parse(document));
	}

}
