/**
 * Rotates Azure Storage account keys: {@link dev.rekey.azure.storage.ClassicStorageKeysClient}
 * (classic Service Management) and {@link dev.rekey.azure.storage.StorageAccountKeysClient} (Azure
 * Resource Manager).
 */
@NullMarked
package dev.rekey.azure.storage;

import org.jspecify.annotations.NullMarked;
