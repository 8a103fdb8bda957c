/**
 * The Azure NetApp Files client: {@link dev.rekey.netapp.NetAppClient} generates a volume bucket's
 * access key and secret key, and {@link dev.rekey.netapp.NetAppServiceException} carries what the
 * service said when it refused.
 */
@NullMarked
package dev.rekey.netapp;

import org.jspecify.annotations.NullMarked;
