package io.wellgate.packagegraph.a;

import io.wellgate.packagegraph.b.Downstream;

/** Half of a deliberate package cycle that PackageGraphTests's rules must catch. */
public class Upstream {

	public Downstream next() {
		return new Downstream();
	}

}
