/**
 * Vigil's network notification sinks (health.md §7.2-§7.5): {@code webhook}, {@code slack}, {@code ntfy} and
 * {@code email}, the outbound URL guard that keeps them off private networks (§8), and the sink factory with its
 * console fallback (§9). HTTP goes through Apache HttpClient 5 with a DNS resolver pinned by the guard; e-mail goes
 * through Jakarta Mail (Eclipse Angus).
 */
package dev.vigil.app.notify;
