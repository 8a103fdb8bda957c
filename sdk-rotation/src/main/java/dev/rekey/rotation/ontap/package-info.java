/**
 * The ONTAP rotation target: {@link dev.rekey.rotation.ontap.OntapPasswordTarget}. Needs sdk-ontap
 * only, never an Azure jar.
 */
@NullMarked
package dev.rekey.rotation.ontap;

import org.jspecify.annotations.NullMarked;
