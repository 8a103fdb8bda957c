/**
 * The requests and results of the Azure NetApp Files client: a bucket's address, what to generate,
 * and the generated key pair with its expiry.
 */
@NullMarked
package dev.rekey.netapp.model;

import org.jspecify.annotations.NullMarked;
