/**
 * The NetApp ONTAP client: {@link dev.rekey.ontap.OntapClient} changes local user account passwords
 * through {@code POST /api/security/authentication/password}; {@link
 * dev.rekey.ontap.OntapServiceException} carries ONTAP's error codes.
 */
@NullMarked
package dev.rekey.ontap;

import org.jspecify.annotations.NullMarked;
