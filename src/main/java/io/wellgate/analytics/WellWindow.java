package io.wellgate.analytics;

/**
 * The key of a batched per-well read: which well, over which window. Keys of one request that
 * share a window are read in one statement.
 */
record WellWindow(String wellId, Window window) {
}
