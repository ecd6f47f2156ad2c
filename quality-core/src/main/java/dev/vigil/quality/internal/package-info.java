/** Implementation helpers of quality-core: argument checks and JSON value handling. Not exported. */
package dev.vigil.quality.internal;
