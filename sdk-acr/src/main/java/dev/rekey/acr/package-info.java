/**
 * Azure Container Registry token passwords: {@link dev.rekey.acr.AcrClient} generates them for a
 * registry token through Azure Resource Manager.
 */
@NullMarked
package dev.rekey.acr;

import org.jspecify.annotations.NullMarked;
