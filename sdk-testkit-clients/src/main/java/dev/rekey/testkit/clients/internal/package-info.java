/** The settings every injected client shares; not part of the API. */
@NullMarked
package dev.rekey.testkit.clients.internal;

import org.jspecify.annotations.NullMarked;
