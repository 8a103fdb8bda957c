package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.testkit.internal.Json;
import dev.rekey.testkit.internal.RandomSecrets;
import dev.rekey.testkit.internal.ServerCertificate;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * An ONTAP cluster's password endpoint over HTTPS, with a self-signed certificate for {@code
 * localhost} and {@code 127.0.0.1} that tests trust through {@link #certificatePem()} or pin
 * through {@link #certificateSha256()}. It keeps cluster and SVM accounts with their password
 * history, enforces basic auth, OAuth 2 bearer tokens ({@link #issueBearerToken(OntapAccount)}) and
 * an {@link OntapPasswordPolicy} with ONTAP's error codes, answers {@code POST
 * /api/security/authentication/password} with 201 and {@code Location} (or 202 and a job when
 * {@link Faults#planNextOperation(AsyncPlan)} planned one), reads the owner as the page shows it
 * ({@code owner} object with name, uuid or both, or the flat {@code "owner.name"}/{@code
 * "owner.uuid"} keys), serves {@code GET /api/cluster} (403, code 6, to SVM-scoped accounts, as
 * ONTAP does for custom SVM roles) and {@code GET /api/cluster/jobs/{uuid}} (refusing a {@code
 * fields} value the {@link #release release}'s job record lacks), and makes an old password stop
 * authenticating once changed.
 */
public final class OntapEmulator extends Emulator {
  private static final String PASSWORD_PATH = "/api/security/authentication/password";
  private static final String JOBS_PATH = "/api/cluster/jobs/";

  /**
   * The owner uuid of cluster-scoped accounts (in {@code Location}), as the cluster's own uuid is
   * on a real cluster.
   */
  public static final String CLUSTER_UUID = "1cd8a442-86d1-11e0-ae1c-123478563412";

  private final ServerCertificate certificate = new ServerCertificate();
  private final Map<String, String> svms = new ConcurrentHashMap<>();
  private final Map<String, OntapAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, EmulatedJobs.Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, OntapAccount> bearerTokens = new ConcurrentHashMap<>();
  private volatile OntapPasswordPolicy policy = OntapPasswordPolicy.defaults();
  private volatile Release release = Release.DEFAULT;
  private final String adminPassword;

  /** Creates an emulator with one cluster administrator, {@code admin}, whose password is given. */
  public OntapEmulator(String adminPassword) {
    this(adminPassword, new X509Certificate[0]);
  }

  /**
   * Creates an emulator like {@link #OntapEmulator(String)} that also trusts {@code
   * clientCertificates} for ONTAP certificate login (the certificate's common name names a cluster
   * account). When any are given, the TLS handshake asks for one, and a client without one logs in
   * with a password, as on a cluster where certificate login is enabled for some accounts.
   */
  public OntapEmulator(String adminPassword, X509Certificate... clientCertificates) {
    useHttps(certificate.socketFactory(clientCertificates));
    if (clientCertificates.length > 0) {
      requestClientCertificate();
    }
    this.adminPassword = adminPassword;
    resetState();
  }

  /**
   * Returns the password of the cluster administrator {@code admin}, for a client to log in with.
   */
  public Secret adminPassword() {
    return Secret.of(adminPassword);
  }

  /**
   * Returns the server certificate in PEM, to trust with {@code TlsOptions.trustedCertificatesPem}.
   */
  public String certificatePem() {
    return certificate.pem();
  }

  /** Returns the server certificate's SHA-256 fingerprint in hex, to pin. */
  public String certificateSha256() {
    return certificate.sha256();
  }

  /** Adds an SVM and returns its uuid. */
  public String addSvm(String name) {
    String uuid =
        UUID.nameUUIDFromBytes(("svm:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    svms.put(name, uuid);
    return uuid;
  }

  /** Adds a cluster-scoped account; {@code admin} gives it the cluster admin role. */
  public OntapAccount addClusterUser(String name, String password, boolean admin) {
    OntapAccount account = new OntapAccount(name, Optional.empty(), admin, password);
    accounts.put(key(null, name), account);
    return account;
  }

  /** Adds an account scoped to SVM {@code svm}, which must exist. */
  public OntapAccount addSvmUser(String svm, String name, String password) {
    if (!svms.containsKey(svm)) {
      throw new IllegalArgumentException("no SVM named " + svm);
    }
    OntapAccount account = new OntapAccount(name, Optional.of(svm), false, password);
    accounts.put(key(svm, name), account);
    return account;
  }

  /** Returns the cluster-scoped account {@code name}, if any. */
  public Optional<OntapAccount> clusterUser(String name) {
    return Optional.ofNullable(accounts.get(key(null, name)));
  }

  /** Returns the account {@code name} of SVM {@code svm}, if any. */
  public Optional<OntapAccount> svmUser(String svm, String name) {
    return Optional.ofNullable(accounts.get(key(svm, name)));
  }

  /**
   * Returns a new OAuth 2 access token that logs in as {@code account} (ONTAP maps a token's
   * subject to a local account); tokens stay valid until {@link #reset()}.
   */
  public String issueBearerToken(OntapAccount account) {
    String token = RandomSecrets.alphanumeric(40);
    bearerTokens.put(token, account);
    return token;
  }

  /** Replaces the password policy. */
  public void policy(OntapPasswordPolicy policy) {
    this.policy = policy;
  }

  /**
   * Answers as ONTAP release {@code generation.major.minor} (9.12.1 until set or {@link #reset()}):
   * {@code GET /api/cluster} reports it, and job records have the {@code error} field from 9.9 on,
   * so before that a job poll naming it in {@code fields} is refused (400, code 262197) as ONTAP
   * refuses any field it does not know.
   */
  public void release(int generation, int major, int minor) {
    this.release = new Release(generation, major, minor);
  }

  /** Deletes every job, as ONTAP does about 300 s after a job finishes: polls then get 404. */
  public void expireJobs() {
    jobs.clear();
  }

  @Override
  protected void resetState() {
    accounts.clear();
    bearerTokens.clear();
    svms.clear();
    jobs.clear();
    policy = OntapPasswordPolicy.defaults();
    release = Release.DEFAULT;
    addClusterUser("admin", adminPassword, true);
  }

  /**
   * Returns an ONTAP error code, a numeric string as the REST reference's error definition shows
   * ({@code "code": "4"}), for an injected fault status: the codes this emulator already answers
   * with, {@code "2"} for 400, {@code "6"} ("not authorized for that command") for 401 and 403,
   * {@code "4"} ("entry doesn't exist") for 404. ONTAP's pages give no code for the other statuses
   * (409, 429, 5xx): those answer the status itself as the code, e.g. {@code "503"}, never an Azure
   * name such as {@code TooManyRequests}.
   */
  @Override
  protected String faultCode(int status) {
    return switch (status) {
      case 400 -> "2";
      case 401, 403 -> "6";
      case 404 -> "4";
      default -> Integer.toString(status);
    };
  }

  @Override
  protected MockResponse errorResponse(int status, String code, String message) {
    return EmulatedJobs.json(
        status, Json.write(Map.of("error", Map.of("code", code, "message", message))));
  }

  /** Returns ONTAP's error answer naming the field ({@code target}) that caused it. */
  private static MockResponse errorResponse(
      int status, String code, String message, String target) {
    return EmulatedJobs.json(
        status,
        Json.write(Map.of("error", Map.of("code", code, "message", message, "target", target))));
  }

  @Override
  protected MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    EmulatedJobs.Job job =
        request.getMethod().equals("GET") && path.startsWith(JOBS_PATH)
            ? jobs.get(path.substring(JOBS_PATH.length()))
            : null;
    if (job != null) {
      job.advance(); // by the time this poll arrives the job may have changed the caller's password
    }
    OntapAccount caller = authenticate(request);
    if (caller == null) {
      return errorResponse(401, "6", "not authorized for that command");
    }
    if (request.getMethod().equals("POST") && path.equals(PASSWORD_PATH)) {
      return changePassword(caller, request);
    }
    if (request.getMethod().equals("GET") && path.equals("/api/cluster")) {
      if (caller.svm().isPresent()) {
        return errorResponse(403, "6", "not authorized for that command");
      }
      Release r = release;
      return EmulatedJobs.json(
          200,
          Json.write(
              Map.of(
                  "name",
                  "emulated-cluster",
                  "version",
                  Map.of(
                      "full",
                      "NetApp Release " + r.generation() + "." + r.major() + "." + r.minor(),
                      "generation",
                      r.generation(),
                      "major",
                      r.major(),
                      "minor",
                      r.minor()))));
    }
    if (request.getMethod().equals("GET") && path.startsWith(JOBS_PATH)) {
      boolean errorField = release.atLeast(9, 9);
      String unknown =
          EmulatedJobs.unknownField(request.getUrl().queryParameter("fields"), errorField);
      if (unknown != null) {
        return errorResponse(
            400,
            "262197",
            "The value \"" + unknown + "\" is invalid for field \"fields\"",
            "fields");
      }
      return job == null ? errorResponse(404, "4", "entry doesn't exist") : job.poll(errorField);
    }
    return errorResponse(404, "3", "API not found");
  }

  private @Nullable OntapAccount authenticate(RecordedRequest request) {
    String header = request.getHeaders().get("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return bearerTokens.get(header.substring(7).trim());
    }
    if (header == null || !header.startsWith("Basic ")) {
      return certificateUser(request);
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return accounts.values().stream()
        .filter(a -> a.name().equals(user) && a.authenticates(password))
        .findFirst()
        .orElse(null);
  }

  /** ONTAP certificate login: the client certificate's common name names a cluster account. */
  private @Nullable OntapAccount certificateUser(RecordedRequest request) {
    if (request.getHandshake() == null || request.getHandshake().peerCertificates().isEmpty()) {
      return null;
    }
    X509Certificate peer = (X509Certificate) request.getHandshake().peerCertificates().get(0);
    String dn = peer.getSubjectX500Principal().getName();
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return accounts.get(key(null, part.substring(3)));
      }
    }
    return null;
  }

  private MockResponse changePassword(OntapAccount caller, RecordedRequest request) {
    JsonNode body = Json.read(request.getBody() == null ? "" : request.getBody().utf8());
    // both required, both strings: a null, a number or an object is no name or password
    String name = body.path("name").isString() ? body.path("name").asString() : "";
    if (name.isEmpty() || !body.path("password").isString()) {
      return errorResponse(
          400, "262179", "Missing required field: " + (name.isEmpty() ? "name" : "password"));
    }
    String password = body.path("password").asString();
    String ownerName =
        body.path("owner").path("name").asString(body.path("owner.name").asString(null));
    String ownerUuid =
        body.path("owner").path("uuid").asString(body.path("owner.uuid").asString(null));
    String svm = ownerName;
    if (ownerUuid != null) {
      svm =
          svms.entrySet().stream()
              .filter(e -> e.getValue().equals(ownerUuid))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("?" + ownerUuid);
      if (ownerName != null && !ownerName.equals(svm)) {
        return errorResponse(400, "2", "owner.name and owner.uuid name different SVMs");
      }
    }
    if (svm == null) {
      svm = targetedSvm(request);
    }
    if (svm == null && caller.svm().isPresent() && caller.name().equals(name)) {
      svm = caller.svm().get();
    }
    OntapAccount target = accounts.get(key(svm, name));
    if (target == null) {
      return errorResponse(404, "4", "entry doesn't exist");
    }
    if (!caller.isAdmin() && target != caller) {
      return errorResponse(
          403, "5636169", "User is not authorized to change the password of another account");
    }
    Optional<OntapPasswordPolicy.Violation> broken = policy.check(name, password, target.history());
    if (broken.isPresent()) {
      return errorResponse(400, broken.get().code(), broken.get().message(), "password");
    }
    String algorithm = body.path("password_hash_algorithm").asString("sha512");
    Runnable apply = () -> target.change(password, algorithm);
    AsyncPlan plan = faults().nextOperation().orElse(null);
    if (plan != null) {
      EmulatedJobs.Job job = new EmulatedJobs.Job(plan, apply);
      if (plan.outcome() != AsyncPlan.Outcome.NOT_FOUND) {
        jobs.put(job.uuid(), job);
      }
      return job.accepted();
    }
    apply.run();
    String owner = target.svm().map(svms::get).orElse(CLUSTER_UUID);
    String location =
        HttpUrl.get("https://cluster.invalid/api/security/accounts/")
            .newBuilder()
            .addPathSegment(owner)
            .addPathSegment(name)
            .build()
            .encodedPath();
    MockResponse.Builder created =
        EmulatedJobs.json(
                201,
                Boolean.parseBoolean(request.getUrl().queryParameter("return_records"))
                    ? records(target)
                    : "{}")
            .newBuilder()
            .setHeader("Location", location);
    return created.build();
  }

  /** A cluster administrator's SVM targeting: {@code X-Dot-SVM-Name} or {@code X-Dot-SVM-UUID}. */
  private @Nullable String targetedSvm(RecordedRequest request) {
    String byName = request.getHeaders().get("X-Dot-SVM-Name");
    if (byName != null) {
      return byName;
    }
    String byUuid = request.getHeaders().get("X-Dot-SVM-UUID");
    if (byUuid == null) {
      return null;
    }
    return svms.entrySet().stream()
        .filter(e -> e.getValue().equals(byUuid))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("?" + byUuid);
  }

  private static String records(OntapAccount account) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", account.name());
    account.svm().ifPresent(s -> record.put("owner", Map.of("name", s)));
    return Json.write(Map.of("num_records", 1, "records", List.of(record)));
  }

  private static String key(@Nullable String svm, String name) {
    return (svm == null ? "" : svm) + "/" + name;
  }

  /** An ONTAP release, e.g. 9.8.0. */
  private record Release(int generation, int major, int minor) {
    static final Release DEFAULT = new Release(9, 12, 1);

    boolean atLeast(int generation, int major) {
      return this.generation > generation || (this.generation == generation && this.major >= major);
    }
  }
}
