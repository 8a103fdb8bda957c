package dev.rekey.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceExceptionTest {
  private final ServiceError error =
      new ServiceError(
          404,
          "ResourceNotFound",
          "The registry was not found.",
          "registryName",
          List.of(new ServiceError.Detail("Inner", "deeper", null)),
          "req-1");

  @Test
  void matchesTheServiceCodeIgnoringCaseOnServiceAndOperationFailures() {
    ServiceException service = new ServiceException(error);
    assertThat(service.hasCode("ResourceNotFound")).isTrue();
    assertThat(service.hasCode("resourcenotfound")).isTrue();
    assertThat(service.hasCode("ResourceNotFoundX")).isFalse();
    assertThat(new ServiceException(ServiceError.ofStatus(500, null)).hasCode("ResourceNotFound"))
        .isFalse();

    assertThat(new OperationFailedException("op", "Failed", "7077800", "m").hasCode("7077800"))
        .isTrue();
    assertThat(new OperationFailedException("op", "Failed", "Conflict", "m").hasCode("CONFLICT"))
        .isTrue();
    assertThat(new OperationFailedException("op", "Failed", null, "m").hasCode("Conflict"))
        .isFalse();
  }

  @Test
  void anOperationsFailureTextCannotForgeALogLine() {
    OperationFailedException e =
        new OperationFailedException(
            "op1", "Failed", "Bad\r\nCode", "line one\nINFO forged line\u202e" + "x".repeat(600));
    assertThat(e.getMessage())
        .startsWith("operation op1 ended Failed with Bad Code: line one INFO forged line")
        .doesNotContain("\n")
        .doesNotContain("\r")
        .doesNotContain("\u202e")
        .hasSizeLessThan(600);
    assertThat(e.errorCode()).contains("Bad Code");
  }

  @Test
  void messageNamesStatusCodeMessageTargetAndRequestId() {
    assertThat(new ServiceException(error))
        .hasMessage(
            "HTTP 404 ResourceNotFound: The registry was not found. (target registryName) [request id req-1]")
        .satisfies(e -> assertThat(e.isNotFound()).isTrue())
        .satisfies(
            e ->
                assertThat(e.details())
                    .extracting(ServiceError.Detail::code)
                    .containsExactly("Inner"));
  }

  @Test
  void survivesJavaSerialisationWithEveryField() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ServiceException(error));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ServiceException copy = (ServiceException) in.readObject();
      assertThat(copy.error()).isEqualTo(error);
      assertThat(copy.statusCode()).isEqualTo(404);
      assertThat(copy.requestId()).contains("req-1");
    }
  }

  @Test
  void aPollingTimeoutFoldsAndCapsTheServicesStatusInItsMessage() {
    String status = "Running\n" + "x".repeat(10_000);
    String message =
        new PollingTimeoutException("op-1", status, java.time.Duration.ofMinutes(1)).getMessage();
    assertThat(message).doesNotContain("\n").hasSizeLessThan(700);
  }
}
