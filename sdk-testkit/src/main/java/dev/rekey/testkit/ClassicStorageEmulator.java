package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.testkit.internal.AsmXml;
import dev.rekey.testkit.internal.RandomSecrets;
import dev.rekey.testkit.internal.ServerCertificate;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The classic Service Management storage keys API over real HTTP(S): {@code POST
 * /{sub}/services/storageservices/{name}/keys?action=regenerate}, {@code GET .../keys} and {@code
 * GET /{sub}/operations/{requestId}}, answering XML exactly as the real service writes it (http
 * namespace, {@code xmlns:i}, extra elements, no declaration). It refuses a missing or
 * pre-2009-10-01 {@code x-ms-version}, accepts only the {@code application/xml} content type the
 * Regenerate Keys page requires, reads only a {@code RegenerateKeys} body in the Service Management
 * namespace ({@code http}, as the service writes it, or {@code https}, as the reference page shows
 * it), and authenticates by bearer token or, with {@link #requireManagementCertificate}, by a
 * client certificate over HTTPS. Its errors, injected faults included, carry the codes of the
 * "Service Management Status and Error Codes" page ({@code AuthenticationFailed} 403, {@code
 * InvalidXmlRequest}, {@code MissingOrInvalidRequiredQueryParameter} and {@code InvalidHttpVerb}
 * 400, {@code ResourceNotFound} 404, {@code ConflictError} 409, {@code InternalError} 500, {@code
 * ServerBusy} 503). Each account also has a Shared Key-authenticated blob endpoint, {@link
 * #blobEndpoint(String)}, for verifying a key against the keys the account holds now.
 */
public final class ClassicStorageEmulator extends Emulator {
  private static final Pattern KEYS =
      Pattern.compile("/([^/]+)/services/storageservices/([^/]+)/keys");
  private static final Pattern OPERATION = Pattern.compile("/([^/]+)/operations/([^/]+)");
  private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String CONTENT_TYPE = "application/xml";

  private final Map<String, StorageKeys> accounts = new ConcurrentHashMap<>();
  private final ClassicOperations operations = new ClassicOperations();
  private final ServerCertificate certificate = new ServerCertificate();
  private volatile boolean certificateRequired;
  private final BlobService blobs =
      new BlobService(
          account ->
              accounts.entrySet().stream()
                  .filter(e -> e.getKey().endsWith("/" + account))
                  .findFirst()
                  .map(
                      e ->
                          List.of(
                              e.getValue().key("Primary").orElseThrow(),
                              e.getValue().key("Secondary").orElseThrow())),
          Clock::systemUTC);

  /** Adds storage account {@code name} with fresh keys and returns them. */
  public StorageKeys addAccount(String subscriptionId, String name) {
    StorageKeys keys = new StorageKeys("Primary", "Secondary");
    accounts.put(subscriptionId + "/" + name, keys);
    return keys;
  }

  /** Returns a storage account's keys, if it exists. */
  public Optional<StorageKeys> account(String subscriptionId, String name) {
    return Optional.ofNullable(accounts.get(subscriptionId + "/" + name));
  }

  /**
   * Serves HTTPS with a self-signed certificate (see {@link #certificatePem()}) and accepts only
   * callers presenting {@code managementCertificate}; call before {@link #start()}.
   */
  public void requireManagementCertificate(X509Certificate managementCertificate) {
    useHttps(certificate.socketFactory(managementCertificate));
    requireClientCertificate();
    certificateRequired = true;
  }

  /** Returns the HTTPS server certificate in PEM, for a client to trust. */
  public String certificatePem() {
    return certificate.pem();
  }

  /**
   * Returns the blob service endpoint of {@code account} on this emulator: {@code GET ?comp=list}
   * there answers 200 only when signed with Shared Key by the account's current Primary or
   * Secondary key, and 403 {@code AuthenticationFailed} otherwise. Over plain HTTP only: with
   * {@link #requireManagementCertificate} the endpoint also asks for the management certificate.
   */
  public URI blobEndpoint(String account) {
    return BlobService.endpoint(baseUrl(), account);
  }

  @Override
  protected void resetState() {
    accounts.clear();
    operations.clear();
  }

  @Override
  protected MockResponse errorResponse(int status, String code, String message) {
    return AsmXml.response(status, AsmXml.error(code, message), AsmXml.newRequestId());
  }

  /**
   * Returns the code the "Service Management Status and Error Codes" page gives an injected fault
   * status: {@code BadRequest} 400, {@code AuthenticationFailed} (403 on the page, and for 401, a
   * status it never answers), {@code ResourceNotFound} 404, {@code ConflictError} 409, {@code
   * InternalError} 500, {@code ServerBusy} 503; a status the page does not list keeps {@link
   * Emulator#faultCode(int)}'s name.
   */
  @Override
  protected String faultCode(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401, 403 -> "AuthenticationFailed";
      case 404 -> "ResourceNotFound";
      case 409 -> "ConflictError";
      case 500 -> "InternalError";
      case 503 -> "ServerBusy";
      default -> super.faultCode(status);
    };
  }

  @Override
  protected MockResponse handle(RecordedRequest request) {
    if (BlobService.handles(request)) {
      return blobs.handle(request);
    }
    if (!authenticated(request)) {
      return errorResponse(
          403,
          "AuthenticationFailed",
          "The server failed to authenticate the request."
              + " Verify that the certificate is valid and is associated with this subscription.");
    }
    String version = request.getHeaders().get("x-ms-version");
    if (version == null
        || !VERSION.matcher(version).matches()
        || version.compareTo("2009-10-01") < 0) {
      return errorResponse(
          400,
          "MissingOrIncorrectVersionHeader",
          "The versioning header is not specified or was specified incorrectly.");
    }
    String path = request.getUrl().encodedPath();
    Matcher op = OPERATION.matcher(path);
    if (request.getMethod().equals("GET") && op.matches()) {
      return operations
          .status(op.group(1), op.group(2))
          .orElseGet(
              () ->
                  errorResponse(
                      404, "ResourceNotFound", "The operation request ID was not found."));
    }
    Matcher keys = KEYS.matcher(path);
    if (!keys.matches()) {
      return errorResponse(404, "ResourceNotFound", "The requested resource does not exist.");
    }
    StorageKeys account = accounts.get(keys.group(1) + "/" + keys.group(2));
    if (account == null) {
      return errorResponse(
          404, "ResourceNotFound", "The storage account '" + keys.group(2) + "' was not found.");
    }
    if (request.getMethod().equals("GET")) {
      return AsmXml.response(
          200, storageService(keys.group(1), keys.group(2), account), AsmXml.newRequestId());
    }
    if (!request.getMethod().equals("POST")) {
      return errorResponse(
          400,
          "InvalidHttpVerb",
          "The HTTP verb specified was not recognized by the server or isn't valid for this"
              + " resource.");
    }
    if (!"regenerate".equals(request.getUrl().queryParameter("action"))) {
      return errorResponse(
          400,
          "MissingOrInvalidRequiredQueryParameter",
          "A required query parameter was not specified for this request or was specified"
              + " incorrectly.");
    }
    String type = request.getHeaders().get("Content-Type");
    if (type == null
        || !CONTENT_TYPE.equals(type.replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT))) {
      // The page requires Content-Type application/xml, and the error-code page lists no media-type
      // code (nor 415): a body not declared as XML is XML "not correctly specified".
      return errorResponse(
          400,
          "InvalidXmlRequest",
          "The request body's XML was invalid or not correctly specified."
              + " The Content-Type must be application/xml.");
    }
    String which =
        AsmXml.regenerateKeysKeyType(request.getBody() == null ? "" : request.getBody().utf8())
            .orElse("");
    if (!(which.equals("Primary") || which.equals("Secondary"))) {
      return errorResponse(
          400,
          "InvalidXmlRequest",
          "The request body's XML was invalid or not correctly specified. It must be a"
              + " RegenerateKeys element of namespace "
              + AsmXml.NS
              + " whose KeyType is Primary or Secondary.");
    }
    String requestId = AsmXml.newRequestId();
    Runnable regenerate = () -> account.regenerate(which, Secret.of(RandomSecrets.base64(64)));
    if (operations.startIfPlanned(faults(), keys.group(1), requestId, regenerate)) {
      return AsmXml.response(202, "", requestId);
    }
    regenerate.run();
    return AsmXml.response(200, storageService(keys.group(1), keys.group(2), account), requestId);
  }

  private boolean authenticated(RecordedRequest request) {
    if (certificateRequired) {
      return request.getHandshake() != null && !request.getHandshake().peerCertificates().isEmpty();
    }
    String auth = request.getHeaders().get("Authorization");
    return auth != null && auth.startsWith("Bearer ") && auth.length() > 7;
  }

  /**
   * The page's {@code StorageService}; {@code <Url>} is the Service Management URI, subscription
   * included.
   */
  private String storageService(String subscriptionId, String name, StorageKeys keys) {
    String url = baseUrl() + subscriptionId + "/services/storageservices/" + name;
    return AsmXml.root(
        "StorageService",
        "<Url>"
            + url
            + "</Url><ServiceName>"
            + name
            + "</ServiceName>"
            + "<StorageServiceKeys><Primary>"
            + keys.key("Primary").orElseThrow().reveal()
            + "</Primary>"
            + "<Secondary>"
            + keys.key("Secondary").orElseThrow().reveal()
            + "</Secondary></StorageServiceKeys>"
            + "<ExtendedProperties i:nil=\"true\"/><Capabilities><Capability>Storage</Capability></Capabilities>"
            + "<MigrationState/>");
  }
}
