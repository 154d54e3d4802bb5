package io.wellgate.aggregate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement with named holes, {@code {{name}}}, filled with fragments of SQL made from the
 * aggregates' definitions, never with anything a request carries: values stay {@code :named}
 * parameters. A fragment of several lines keeps the indentation of the line its hole is on, and a
 * line that is only a hole filled with nothing goes, so the statement reads as if written by hand.
 * A hole left unfilled, or a fragment for a hole the template does not have, fails at once: the
 * template and what fills it cannot drift apart silently.
 */
public final class SqlTemplate {

	private static final Pattern HOLE = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

	private final String template;

	private final Map<String, String> fragments = new LinkedHashMap<>();

	private SqlTemplate(String template) {
		this.template = template;
	}

	public static SqlTemplate of(String template) {
		return new SqlTemplate(template);
	}

	/** Fills the hole {@code name} with {@code fragment}. */
	public SqlTemplate with(String name, String fragment) {
		if (this.fragments.putIfAbsent(name, fragment) != null) {
			throw new IllegalArgumentException("the hole {{" + name + "}} is filled twice");
		}
		return this;
	}

	/** The statement, every hole filled. */
	public String sql() {
		Set<String> used = new LinkedHashSet<>();
		StringBuilder sql = new StringBuilder();
		for (String line : this.template.split("\n", -1)) {
			String indent = line.substring(0, line.length() - line.stripLeading().length());
			Matcher hole = HOLE.matcher(line);
			StringBuilder filled = new StringBuilder();
			while (hole.find()) {
				String name = hole.group(1);
				String fragment = this.fragments.get(name);
				if (fragment == null) {
					throw new IllegalStateException("the hole {{" + name + "}} is not filled; filled: " + this.fragments.keySet());
				}
				used.add(name);
				hole.appendReplacement(filled, Matcher.quoteReplacement(fragment.replace("\n", "\n" + indent)));
			}
			hole.appendTail(filled);
			boolean onlyAnEmptyHole = filled.toString().isBlank() && !line.isBlank();
			if (!onlyAnEmptyHole) {
				sql.append(filled).append('\n');
			}
		}
		Set<String> unused = new LinkedHashSet<>(this.fragments.keySet());
		unused.removeAll(used);
		if (!unused.isEmpty()) {
			throw new IllegalStateException("the template has no hole for " + unused);
		}
		return sql.substring(0, sql.length() - 1);
	}

}
