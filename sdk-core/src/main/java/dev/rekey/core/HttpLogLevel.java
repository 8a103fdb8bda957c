package dev.rekey.core;

/**
 * How much of each HTTP exchange the {@code dev.rekey.http} logger writes (at DEBUG). At every
 * level authorization headers are redacted and bodies of calls that carry credentials are never
 * written.
 */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** Method, redacted URL, status, duration and attempt number. */
  BASIC,
  /** {@link #BASIC} plus headers, with sensitive ones redacted. */
  HEADERS,
  /** {@link #HEADERS} plus bodies of calls that carry no credentials; never a credential body. */
  BODY
}
