/** Requests and results of the Azure Storage key clients. */
@NullMarked
package dev.rekey.azure.storage.model;

import org.jspecify.annotations.NullMarked;
