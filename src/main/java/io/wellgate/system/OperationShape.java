package io.wellgate.system;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How deep and how large an operation is as written, fragments expanded: its depth is the nesting
 * level of its deepest field (a top-level field is at 1), its complexity the number of fields it
 * selects ({@code __typename} aside), as graphql-java's depth and complexity limits count them.
 * {@code @skip} and {@code @include} are not evaluated: the limits hold for the operation as
 * written, whatever its variables, so a document is measured once.
 *
 * @param depth the deepest field's level
 * @param complexity the fields selected
 */
record OperationShape(int depth, int complexity) {

	private static final OperationShape NONE = new OperationShape(0, 0);

	/**
	 * Each operation of a valid document (no fragment cycles) by name, the anonymous one under
	 * {@code null}. Each fragment is measured once, however often it is spread, so that a small
	 * document spreading fragments into one another cannot make the measuring itself explode; a
	 * complexity past {@link Integer#MAX_VALUE} stays there.
	 */
	static Map<String, OperationShape> of(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
		Map<String, OperationShape> measuredFragments = new HashMap<>();
		Map<String, OperationShape> shapes = new HashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			shapes.put(operation.getName(), measure(operation.getSelectionSet(), fragments, measuredFragments));
		}
		return shapes;
	}

	/** A selection set's shape, its own fields at depth 1. */
	private static OperationShape measure(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Map<String, OperationShape> measuredFragments) {
		int depth = 0;
		int complexity = 0;
		for (Selection<?> selection : selections.getSelections()) {
			OperationShape inner = NONE;
			if (selection instanceof Field field) {
				OperationShape children = (field.getSelectionSet() != null)
						? measure(field.getSelectionSet(), fragments, measuredFragments) : NONE;
				int self = "__typename".equals(field.getName()) ? 0 : 1;
				inner = new OperationShape(1 + children.depth(), add(self, children.complexity()));
			}
			else if (selection instanceof InlineFragment fragment) {
				inner = measure(fragment.getSelectionSet(), fragments, measuredFragments);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				inner = measuredFragments.get(spread.getName());
				if (inner == null) {
					inner = measure(fragments.get(spread.getName()).getSelectionSet(), fragments, measuredFragments);
					measuredFragments.put(spread.getName(), inner);
				}
			}
			depth = Math.max(depth, inner.depth());
			complexity = add(complexity, inner.complexity());
		}
		return new OperationShape(depth, complexity);
	}

	private static int add(int a, int b) {
		return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
	}

}
