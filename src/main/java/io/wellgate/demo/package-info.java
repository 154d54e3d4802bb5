/**
 * The demo fleet: a dozen made-up ESP wells in three US basins whose telemetry and diagnostics
 * are generated so that a fresh {@code ./mvnw spring-boot:run} shows a living system.
 * <p>
 * {@link io.wellgate.demo.FleetGenerator} is the pure, seeded model (well and instant to sensor
 * values, fault episodes, the findings they cause) that a benchmark can reuse to build a
 * deterministic fleet of any size; {@link io.wellgate.demo.FleetRows} feeds it into the bulk
 * write path. {@code DemoFleet} decides at start whether the demo is wanted, loads its history in
 * the background and then streams new samples until shutdown.
 */
package io.wellgate.demo;
