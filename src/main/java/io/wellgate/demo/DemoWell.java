package io.wellgate.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * @param installedAt when its pump went in, a day of 2018 to 2023 that follows from the index
 */
public record DemoWell(int index, String id, String name, String field, String pumpModel, LocalDate installedAt) {

	private static final LocalDate FIRST_INSTALL = LocalDate.of(2018, 1, 1);

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
				basin.field(), pumpModel(profile.flowRate()), FIRST_INSTALL.plusDays((index * 397L) % 2190));
	}

	/** The well as a registry record, by the registry's field names. */
	Map<String, Object> values() {
		Map<String, Object> values = new HashMap<>();
		values.put("id", this.id);
		values.put("name", this.name);
		values.put("field", this.field);
		values.put("pumpModel", this.pumpModel);
		values.put("installedAt", this.installedAt);
		return values;
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
