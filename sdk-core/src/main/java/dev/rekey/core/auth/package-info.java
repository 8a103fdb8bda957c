/** How clients authenticate: bearer tokens, HTTP basic, or client certificates (see TlsOptions). */
@NullMarked
package dev.rekey.core.auth;

import org.jspecify.annotations.NullMarked;
