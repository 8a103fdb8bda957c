/**
 * The ONTAP client's internals: wire bodies, the password change flow, job polling, errors; not a
 * public API.
 */
@NullMarked
package dev.rekey.ontap.internal;

import org.jspecify.annotations.NullMarked;
