package dev.rekey.examples.readme;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.OntapErrorCode;
import dev.rekey.ontap.OntapServiceException;

/** README error-handling snippet; compiled and run by ReadmeExamplesTest. */
final class ErrorHandling {
  private ErrorHandling() {}

  /** Returns what happened, in words, as the snippet's branches decide. */
  static String rotate(OntapClient ontap, String user, Secret newPassword) {
    String outcome;
    // readme:errors:start
    try {
      ontap.changePassword(r -> r.name(user).password(newPassword));
      outcome = "changed";
    } catch (ValidationException e) {          // bad input, thrown before any I/O
      outcome = "invalid " + e.field() + ": " + e.rule();
    } catch (OntapServiceException e) {        // the service said no: status, code, message, request id
      if (e.is(OntapErrorCode.REUSED_RECENT_PASSWORD) || e.isPasswordPolicyViolation()) {
        outcome = "policy: " + e.errorCode().orElse("?") + " " + e.serviceMessage().orElse("");
      } else {
        outcome = "HTTP " + e.statusCode() + ", request id " + e.requestId().orElse("-");
      }
    } catch (PollingTimeoutException e) {      // accepted, still running: look again later, never resend
      outcome = "still " + e.lastStatus() + ", operation " + e.operationId().orElseThrow();
    } catch (OutcomeUnknownException e) {      // it may have been applied: check, do not blindly retry
      outcome = ontap.verifyPassword(r -> r.name(user).password(newPassword)) ? "changed (confirmed)" : "not changed";
    } catch (OperationFailedException e) {
      outcome = "async operation did not succeed: " + e.getMessage();
    } catch (TransportException e) {           // never reached the service, or no answer for a read
      outcome = "transport, may have reached the server: " + e.mayHaveReachedServer();
    } catch (RekeyException e) {               // the common root of all of the above
      outcome = "other: " + e.getMessage();
    }
    // readme:errors:end
    return outcome;
  }
}
