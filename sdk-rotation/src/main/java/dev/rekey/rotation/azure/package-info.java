/**
 * The Azure rotation parts. Targets: storage account keys (ARM and classic), ACR token passwords
 * and NetApp bucket key pairs, each needing its own service module (sdk-azure-storage, sdk-acr,
 * sdk-netapp) on the class path. {@link dev.rekey.rotation.azure.KeyVaultSink} publishes
 * credentials as Key Vault secret versions; {@link dev.rekey.rotation.azure.StorageKeyVerifier} and
 * {@link dev.rekey.rotation.azure.AcrPasswordVerifier} prove storage keys and registry token
 * passwords against the services; these three need only sdk-azure-common. The rest of sdk-rotation
 * needs none of them.
 */
@NullMarked
package dev.rekey.rotation.azure;

import org.jspecify.annotations.NullMarked;
