/**
 * Implementation details of the health module: the tool-turn window and argument checks. A leaf package: it depends
 * on nothing else in the module.
 */
package dev.vigil.health.internal;
