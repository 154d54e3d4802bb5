package io.wellgate.system;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What wellgate sets on each of its own database sessions, whatever the server's settings, and
 * what it checks of the server at start ({@link DatabaseSessions}).
 *
 * @param jit whether the server may JIT-compile wellgate's statements. Off by default: the engine's
 * statements are large generic plans that run in milliseconds, and a distribution build (JIT on as
 * shipped) compiles them on every execution, which costs 10-100 times the run itself.
 * @param workMem memory a sort or hash of one statement may take before it spills to disk (the
 * daily medians sort each well's day); blank keeps the server's
 */
@ConfigurationProperties("wellgate.database")
@Validated
public record DatabaseProperties(@DefaultValue("false") boolean jit,
		@DefaultValue("32MB") @Pattern(regexp = "|\\s*\\d+\\s*(kB|MB|GB)?\\s*",
				message = "must be a PostgreSQL memory size such as 32MB or 65536kB, or blank") String workMem) {
}
