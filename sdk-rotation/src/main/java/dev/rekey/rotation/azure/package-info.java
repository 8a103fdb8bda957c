/**
 * Azure parts of a rotation: {@link dev.rekey.rotation.azure.KeyVaultSink} publishes credentials as
 * Key Vault secret versions, {@link dev.rekey.rotation.azure.StorageKeyVerifier} and {@link
 * dev.rekey.rotation.azure.AcrPasswordVerifier} prove storage keys and registry token passwords
 * against the services. Needs {@code sdk-azure-common} on the class path (an optional dependency of
 * {@code sdk-rotation}).
 */
@NullMarked
package dev.rekey.rotation.azure;

import org.jspecify.annotations.NullMarked;
