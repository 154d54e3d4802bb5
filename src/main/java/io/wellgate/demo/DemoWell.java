package io.wellgate.demo;

import java.util.List;

/**
 * A well of the demo fleet as the well registry shows it. The identity follows from the index
 * alone (basins take turns, wells are numbered within their basin), so a fleet of any size has
 * unique, stable ids starting with {@code demo-}.
 *
 * @param index the well's position in the fleet, 0-based
 * @param id for example {@code demo-permian-01}
 * @param name a lease name and well number, for example {@code Mustang Draw 1H}
 * @param field the basin
 * @param pumpModel an ESP model sized for the well's flow rate
 */
public record DemoWell(int index, String id, String name, String field, String pumpModel) {

	private static final List<Basin> BASINS = List.of(
			new Basin("Permian", "permian", List.of("Mustang Draw", "Red Hills", "Wolfbone Ranch", "Spraberry Flats")),
			new Basin("Eagle Ford", "eagle-ford", List.of("Karnes Trough", "Gonzales Creek", "Cotulla Mesa",
					"Pearsall Bend")),
			new Basin("Bakken", "bakken", List.of("Parshall Ridge", "Sanish Bluff", "Mountrail Coulee",
					"Williston Table")));

	static DemoWell of(int index, WellProfile profile) {
		Basin basin = BASINS.get(index % BASINS.size());
		int number = index / BASINS.size() + 1;
		String lease = basin.leases().get((number - 1) % basin.leases().size());
		return new DemoWell(index, "demo-%s-%02d".formatted(basin.slug(), number), lease + " " + number + "H",
				basin.field(), pumpModel(profile.flowRate()));
	}

	private static String pumpModel(double flowRate) {
		if (flowRate < 1300) {
			return "REDA D1050N";
		}
		if (flowRate < 1900) {
			return "Centrilift P18";
		}
		if (flowRate < 2500) {
			return "REDA DN2500";
		}
		return "Summit SN3600";
	}

	private record Basin(String field, String slug, List<String> leases) {
	}

}
