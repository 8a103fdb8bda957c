/**
 * The Azure rotation targets: storage account keys (ARM and classic), ACR token passwords and NetApp
 * bucket key pairs. Each needs its own service module (sdk-azure-storage, sdk-acr, sdk-netapp) on the
 * class path; the rest of sdk-rotation does not.
 */
@NullMarked
package dev.rekey.rotation.azure;

import org.jspecify.annotations.NullMarked;
