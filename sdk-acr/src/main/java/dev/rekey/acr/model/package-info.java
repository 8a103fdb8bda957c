/** Requests and results of {@link dev.rekey.acr.AcrClient}. */
@NullMarked
package dev.rekey.acr.model;

import org.jspecify.annotations.NullMarked;
