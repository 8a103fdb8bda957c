/** Implementation details of the Azure NetApp Files client; not for use outside Rekey. */
@NullMarked
package dev.rekey.netapp.internal;

import org.jspecify.annotations.NullMarked;
