package io.wellgate.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;

/**
 * Tells from an operation's text (and its variables) what it is and which wells it reads, from
 * its root fields: {@code well(id)} reads that well, {@code diagnosticSummary(wellIds)} those
 * wells, introspection nothing, and every other root field (the connection, the rankings, fields
 * added later) the whole fleet. Whatever lies below a root field reads only what the root field
 * reached (a well's series are that well's). Parsed documents are kept, the least recently used
 * dropped past {@code capacity}.
 */
final class ReadPlans {

	private static final Set<String> STATIC_FIELDS = Set.of("__typename", "__schema", "__type", "_service");

	/** Fields whose answer moves with the clock, not only with the data. */
	private static final Set<String> CLOCK_FIELDS = Set.of("aggregateStatus", "from", "to");

	private final Map<String, Object> documents;

	ReadPlans(int capacity) {
		this.documents = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
				return size() > capacity;
			}
		};
	}

	ReadPlan of(String text, String operationName, Map<String, Object> variables) {
		Object parsed;
		synchronized (this.documents) {
			parsed = this.documents.get(text);
		}
		if (parsed == null) {
			try {
				parsed = Parser.parse(text);
			}
			catch (RuntimeException ex) {
				// A syntax error (InvalidSyntaxException) or a document too large to parse: the execution says which.
				parsed = ReadPlan.UNKNOWN;
			}
			synchronized (this.documents) {
				this.documents.put(text, parsed);
			}
		}
		if (!(parsed instanceof Document document)) {
			return ReadPlan.UNKNOWN;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = null;
		for (OperationDefinition candidate : operations) {
			boolean named = operationName != null && !operationName.isEmpty();
			if (named ? operationName.equals(candidate.getName()) : operations.size() == 1) {
				operation = candidate;
			}
		}
		if (operation == null) {
			return ReadPlan.UNKNOWN;
		}
		if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
			return ReadPlan.MUTATION;
		}
		if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
			return ReadPlan.SUBSCRIPTION;
		}
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.put(fragment.getName(), fragment);
		}
		Map<String, Object> values = withDefaults(operation, variables);
		Reads reads = new Reads();
		roots(operation.getSelectionSet(), fragments, values, reads, new HashSet<>());
		boolean clock = readsClock(operation.getSelectionSet(), fragments, new HashSet<>());
		return new ReadPlan(ReadPlan.Kind.QUERY, !clock, reads.fleet, reads.fleet ? Set.of() : Set.copyOf(reads.wells));
	}

	private static void roots(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, Reads reads, Set<String> seen) {
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				root(field, variables, reads);
			}
			else if (selection instanceof InlineFragment inline) {
				roots(inline.getSelectionSet(), fragments, variables, reads, seen);
			}
			else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
					&& fragments.containsKey(spread.getName())) {
				roots(fragments.get(spread.getName()).getSelectionSet(), fragments, variables, reads, seen);
			}
		}
	}

	private static void root(Field field, Map<String, Object> variables, Reads reads) {
		String name = field.getName();
		if (STATIC_FIELDS.contains(name)) {
			return;
		}
		Object ids = switch (name) {
			case "well" -> argument(field, "id", variables);
			case "diagnosticSummary" -> argument(field, "wellIds", variables);
			default -> null;
		};
		if (ids instanceof String id) {
			reads.wells.add(id);
		}
		else if (ids instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			list.forEach(id -> reads.wells.add((String) id));
		}
		else {
			reads.fleet = true;
		}
	}

	/** An argument's value: a string, a list of strings, or null when it is neither or absent. */
	private static Object argument(Field field, String name, Map<String, Object> variables) {
		Value<?> value = field.getArguments()
			.stream()
			.filter(argument -> argument.getName().equals(name))
			.map(argument -> argument.getValue())
			.findFirst()
			.orElse(null);
		return resolve(value, variables);
	}

	private static Object resolve(Value<?> value, Map<String, Object> variables) {
		if (value instanceof StringValue string) {
			return string.getValue();
		}
		if (value instanceof VariableReference reference) {
			return variables.get(reference.getName());
		}
		if (value instanceof ArrayValue array) {
			return array.getValues().stream().map(element -> resolve(element, variables)).toList();
		}
		return null;
	}

	private static Map<String, Object> withDefaults(OperationDefinition operation, Map<String, Object> variables) {
		Map<String, Object> values = new HashMap<>();
		for (VariableDefinition definition : operation.getVariableDefinitions()) {
			if (definition.getDefaultValue() != null) {
				values.put(definition.getName(), resolve(definition.getDefaultValue(), Map.of()));
			}
		}
		if (variables != null) {
			values.putAll(variables);
		}
		return values;
	}

	private static boolean readsClock(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> seen) {
		if (selections == null) {
			return false;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				if (CLOCK_FIELDS.contains(field.getName()) || readsClock(field.getSelectionSet(), fragments, seen)) {
					return true;
				}
			}
			else if (selection instanceof InlineFragment inline) {
				if (readsClock(inline.getSelectionSet(), fragments, seen)) {
					return true;
				}
			}
			else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
					&& fragments.containsKey(spread.getName())
					&& readsClock(fragments.get(spread.getName()).getSelectionSet(), fragments, seen)) {
				return true;
			}
		}
		return false;
	}

	private static final class Reads {

		private boolean fleet;

		private final Set<String> wells = new HashSet<>();

	}

}
