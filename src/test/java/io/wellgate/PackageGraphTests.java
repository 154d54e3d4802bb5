package io.wellgate;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package graph is a map (README, "Where things are"): no cycle between packages, and each
 * package imports only the packages of the layers below its own. A shared need gets a package of
 * its own rather than a reach into a neighbour.
 */
class PackageGraphTests {

	/**
	 * The layers, lowest first. A package may use any package of a lower layer, none of its own
	 * layer or above: so features of one layer (telemetry, diagnostic, well) never import each
	 * other, and system imports no feature.
	 */
	static final List<List<String>> LAYERS = List.of(
			List.of("error"),
			List.of("system"),
			List.of("access"),
			List.of("ingest"),
			List.of("telemetry", "diagnostic", "well"),
			List.of("aggregate"),
			List.of("analytics"),
			List.of("live"),
			List.of("openapi", "demo"));

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.wellgate");

	@Test
	void packagesHaveNoCycle() {
		slices().matching("io.wellgate.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void eachPackageImportsOnlyLowerLayers() {
		for (int layer = 0; layer < LAYERS.size(); layer++) {
			List<String> notBelow = LAYERS.subList(layer, LAYERS.size()).stream().flatMap(List::stream).toList();
			for (String pkg : LAYERS.get(layer)) {
				String[] forbidden = notBelow.stream().filter(other -> !other.equals(pkg))
					.map(other -> "io.wellgate." + other + "..")
					.toArray(String[]::new);
				noClasses().that().resideInAPackage("io.wellgate." + pkg + "..")
					.should().dependOnClassesThat().resideInAnyPackage(forbidden)
					.because(pkg + " is in layer " + layer + " of PackageGraphTests.LAYERS")
					.check(MAIN);
			}
		}
	}

	@Test
	void everyPackageHasALayer() {
		List<String> layered = LAYERS.stream().flatMap(List::stream).toList();
		List<String> packages = MAIN.stream().map(c -> c.getPackageName())
			.filter(p -> p.startsWith("io.wellgate."))
			.map(p -> p.substring("io.wellgate.".length()).split("\\.")[0])
			.distinct()
			.toList();
		assertThat(layered).containsAll(packages);
	}

	@Test
	void theRulesCatchACycle() {
		// Two test-only packages that import each other: the same rules must refuse them.
		JavaClasses cycle = new ClassFileImporter().importPackages("io.wellgate.packagegraph");
		ArchRule rule = slices().matching("io.wellgate.packagegraph.(*)..").should().beFreeOfCycles();
		assertThatThrownBy(() -> rule.check(cycle)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected")
			.hasMessageContaining("packagegraph.a")
			.hasMessageContaining("packagegraph.b");
	}

}
