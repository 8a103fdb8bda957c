/** What every Rekey Azure client shares: {@link dev.rekey.azure.AzureCloud}. */
@NullMarked
package dev.rekey.azure;

import org.jspecify.annotations.NullMarked;
