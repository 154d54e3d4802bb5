package io.wellgate.error;

/**
 * Why one line (or one GraphQL input element) was refused.
 *
 * @param line the 1-based line of the body, or the 0-based index of a GraphQL input list
 * @param field the offending field, or {@code null} when the line as a whole is bad
 * @param reason what is wrong, in words a user can act on
 */
public record LineError(long line, String field, String reason) {
}
