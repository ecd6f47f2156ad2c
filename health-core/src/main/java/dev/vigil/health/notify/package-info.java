/**
 * Notification delivery (health.md §6-§7.1): the {@link dev.vigil.health.notify.NotificationDispatcher} (concurrent
 * fan-out, retries with backoff, bounded close) and the built-in {@code console} sink.
 */
package dev.vigil.health.notify;
