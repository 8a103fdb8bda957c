package dev.rekey.core.internal.http;

import dev.rekey.core.ServiceError;

/** Reads a service's error body (ARM JSON, classic XML, ONTAP JSON) into a {@link ServiceError}. */
@FunctionalInterface
public interface ErrorDecoder {
  /** Returns what the response says; never throws, falling back to the status and request id. */
  ServiceError decode(ApiResponse response);
}
