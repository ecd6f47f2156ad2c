/** Implementation helpers of the routing module; not exported. */
package dev.vigil.routing.internal;
