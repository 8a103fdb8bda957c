/** Requests and results of the ONTAP client: password changes, hash algorithms, outcomes. */
@NullMarked
package dev.rekey.ontap.model;

import org.jspecify.annotations.NullMarked;
