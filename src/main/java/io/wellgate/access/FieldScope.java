package io.wellgate.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The oil fields whose wells a caller may see and write: those of its token's fields claim, or
 * every field ({@link #ALL}) for a token without the claim, an API key, or an anonymous reader
 * (when reads are open). One value per request, applied the same way by every path:
 * <ul>
 * <li>SQL over {@code wells}: add {@link #VISIBLE} to the {@code WHERE} clause and
 * {@link #bind(JdbcClient.StatementSpec) bind} the statement;</li>
 * <li>a GraphQL read: {@link #of(DataFetchingEnvironment)}, then pass it down to that SQL;</li>
 * <li>an HTTP endpoint or a write: {@link #current()}; the bulk write path refuses a request
 * naming a well outside the scope with {@link OutsideFieldsException}.</li>
 * </ul>
 *
 * @param fields the visible fields, or {@code null} for every field
 */
public record FieldScope(Set<String> fields) {

	/** Every field: no restriction. */
	public static final FieldScope ALL = new FieldScope(null);

	/** Where a GraphQL request's scope is kept, in its {@code GraphQLContext}. */
	public static final String CONTEXT_KEY = FieldScope.class.getName();

	/**
	 * A condition on the {@code wells} table (its {@code field} column) that holds for the wells
	 * in scope; the statement must be {@link #bind(JdbcClient.StatementSpec) bound}.
	 */
	public static final String VISIBLE = "(:scopeAll OR field = ANY(:scopeFields))";

	public FieldScope {
		fields = (fields == null) ? null : Set.copyOf(fields);
	}

	/** Restricted to these fields; an empty collection sees no well at all. */
	public static FieldScope of(Collection<String> fields) {
		return new FieldScope(Set.copyOf(fields));
	}

	/** The scope of an authentication: its own when it carries one, else every field. */
	public static FieldScope of(Authentication authentication) {
		return (authentication instanceof Carrier carrier) ? carrier.fieldScope() : ALL;
	}

	/** The scope of the authentication of the current thread (HTTP endpoints, writes). */
	public static FieldScope current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	/** The scope of the GraphQL request this field belongs to. */
	public static FieldScope of(DataFetchingEnvironment env) {
		FieldScope scope = env.getGraphQlContext().get(CONTEXT_KEY);
		return (scope != null) ? scope : current();
	}

	public boolean unrestricted() {
		return this.fields == null;
	}

	/** Whether a well of this field (possibly {@code null}: none recorded) is in scope. */
	public boolean sees(String field) {
		return this.fields == null || (field != null && this.fields.contains(field));
	}

	/** Binds the parameters of {@link #VISIBLE}. */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.param("scopeAll", this.fields == null)
			.param("scopeFields", (this.fields == null) ? new String[0] : this.fields.toArray(String[]::new));
	}

	/** The fields in a stable order, for messages; empty when unrestricted. */
	public List<String> names() {
		return (this.fields == null) ? List.of() : List.copyOf(new TreeSet<>(this.fields));
	}

	/** An authentication that knows its caller's scope. */
	public interface Carrier {

		FieldScope fieldScope();

	}

}
