package io.wellgate.well;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wellgate.system.GraphQlSliceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slice test of {@link WellController} over a real database: lookup by id, paging, entities.
 */
@GraphQlTest(WellController.class)
@Import({ GraphQlSliceConfiguration.class })
class WellControllerTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	JdbcClient jdbc;

	String id;

	@BeforeEach
	void registerAWell() {
		this.id = "slice-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO wells (id, name, field) VALUES (:id, 'Slice 1H', 'Permian')").param("id", this.id).update();
	}

	@Test
	void wellIsFoundByIdWithItsNameAndField() {
		this.graphQl.document("query ($id: ID!) { well(id: $id) { id name field } }")
			.variable("id", this.id)
			.execute()
			.path("well.name").entity(String.class).isEqualTo("Slice 1H")
			.path("well.field").entity(String.class).isEqualTo("Permian");
	}

	@Test
	void anUnknownWellIsNull() {
		this.graphQl.document("{ well(id: \"no-such-well\") { id } }").execute().path("well").valueIsNull();
	}

	@Test
	void theCursorOfAWellLeadsToTheWellRightAfterIt() {
		// Nothing sorts between an id and the same id with a suffix of its own.
		String after = this.id + "-b";
		this.jdbc.sql("INSERT INTO wells (id) VALUES (:id)").param("id", after).update();
		String cursor = this.graphQl.document("{ wells(first: 1000) { edges { cursor node { id } } } }")
			.execute()
			.path("wells.edges[?(@.node.id == '" + this.id + "')].cursor")
			.entityList(String.class)
			.get()
			.get(0);

		String next = this.graphQl.document("query ($after: String) { wells(first: 1, after: $after) { edges { node { id } } } }")
			.variable("after", cursor)
			.execute()
			.path("wells.edges[0].node.id")
			.entity(String.class)
			.get();

		assertThat(next).isEqualTo(after);
	}

	@Test
	void aPageSizeOutOfRangeIsABadRequest() {
		this.graphQl.document("{ wells(first: 0) { edges { cursor } } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("first: must be between 1 and 1000, got 0"))
			.verify();
	}

	@Test
	void entitiesAreResolvedByKey() {
		this.graphQl.document("query ($r: [_Any!]!) { _entities(representations: $r) { ... on Well { id name } } }")
			.variable("r", java.util.List.of(java.util.Map.of("__typename", "Well", "id", this.id)))
			.execute()
			.path("_entities[0].name").entity(String.class).isEqualTo("Slice 1H");
	}

}
