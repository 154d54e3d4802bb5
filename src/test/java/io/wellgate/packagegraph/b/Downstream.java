package io.wellgate.packagegraph.b;

import io.wellgate.packagegraph.a.Upstream;

/** The other half of the deliberate cycle. */
public class Downstream {

	public Upstream back() {
		return new Upstream();
	}

}
