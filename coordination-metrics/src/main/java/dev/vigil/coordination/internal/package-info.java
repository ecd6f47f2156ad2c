/** Implementation helpers of the coordination metrics; not exported. */
package dev.vigil.coordination.internal;
