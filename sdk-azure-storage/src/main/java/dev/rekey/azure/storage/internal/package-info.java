/**
 * Wire formats, naming rules, classic (ASM) polling and errors of the Azure Storage key clients;
 * not a public API.
 */
@NullMarked
package dev.rekey.azure.storage.internal;

import org.jspecify.annotations.NullMarked;
