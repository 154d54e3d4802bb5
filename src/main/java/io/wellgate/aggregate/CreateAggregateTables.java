package io.wellgate.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import liquibase.change.custom.CustomSqlChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawParameterizedSqlStatement;


/**
 * Liquibase change that creates the four aggregate tables from their definitions, so that what
 * a bucket holds is written in one place ({@link AggregateDefinitions}) and not again as DDL.
 * Breach thresholds change expressions, not columns, so the defaults serve here.
 */
public class CreateAggregateTables implements CustomSqlChange {

	@Override
	public SqlStatement[] generateStatements(Database database) {
		List<SqlStatement> statements = new ArrayList<>();
		AggregateProperties.Breach defaults = new AggregateProperties.Breach(0.5, 250, 80, 100);
		for (AggregateDefinition definition : AggregateDefinitions.all(defaults)) {
			String columns = definition.parts()
				.stream()
				.map(part -> "    " + part.column() + " " + part.type())
				.collect(Collectors.joining(",\n"));
			statements.add(new RawParameterizedSqlStatement("CREATE TABLE " + definition.name()
					+ " (\n    well_id text NOT NULL,\n    bucket timestamptz NOT NULL,\n" + columns
					+ ",\n    PRIMARY KEY (well_id, bucket)\n)"));
			statements.add(new RawParameterizedSqlStatement(
					"CREATE INDEX " + definition.name() + "_bucket_idx ON " + definition.name() + " (bucket)"));
		}
		return statements.toArray(SqlStatement[]::new);
	}

	@Override
	public String getConfirmationMessage() {
		return "Created the aggregate tables";
	}

	@Override
	public void setUp() {
	}

	@Override
	public void setFileOpener(ResourceAccessor resourceAccessor) {
	}

	@Override
	public ValidationErrors validate(Database database) {
		return new ValidationErrors();
	}

}
