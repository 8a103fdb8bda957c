package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.cert.X509Certificate;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OntapEmulatorTest {
  private final OntapEmulator ontap = new OntapEmulator("Admin-pass-1");
  private OkHttpClient client;

  @BeforeEach
  void start() {
    ontap.start();
    X509Certificate cert = Certificates.decodeCertificatePem(ontap.certificatePem());
    HandshakeCertificates trust =
        new HandshakeCertificates.Builder().addTrustedCertificate(cert).build();
    client =
        new OkHttpClient.Builder()
            .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
            .build();
  }

  @AfterEach
  void stop() {
    ontap.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Response post(String user, String password, String json) throws IOException {
    return client
        .newCall(
            new Request.Builder()
                .url(ontap.baseUrl().resolve("/api/security/authentication/password").toString())
                .header("Authorization", Credentials.basic(user, password))
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build())
        .execute();
  }

  private int getCluster(String user, String password) throws IOException {
    try (Response r =
        client
            .newCall(
                new Request.Builder()
                    .url(ontap.baseUrl().resolve("/api/cluster?fields=version").toString())
                    .header("Authorization", Credentials.basic(user, password))
                    .build())
            .execute()) {
      return r.code();
    }
  }

  @Test
  void servesHttpsAndChangesAClusterUsersPasswordSoTheOldOneStopsWorking() throws IOException {
    assertThat(ontap.baseUrl().getScheme()).isEqualTo("https");
    ontap.addClusterUser("ops", "Old-pass-1", false);
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"ops\",\"password\":\"New-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(201);
      assertThat(r.header("Location"))
          .isEqualTo("/api/security/accounts/" + OntapEmulator.CLUSTER_UUID + "/ops");
    }
    assertThat(getCluster("ops", "Old-pass-1")).isEqualTo(401);
    assertThat(getCluster("ops", "New-pass-2")).isEqualTo(200);
    assertThat(ontap.clusterUser("ops").orElseThrow().changes()).isEqualTo(1);
  }

  @Test
  void acceptsThePagesFlatOwnerKeysAndAnOwnerGivenByNameAndUuid() throws IOException {
    String uuid = ontap.addSvm("svm1");
    ontap.addSvmUser("svm1", "svm_user1", "Old-pass-1");
    try (Response r =
        post(
            "admin",
            "Admin-pass-1",
            "{\"owner.name\":\"svm1\",\"name\":\"svm_user1\",\"password\":\"New-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(201);
    }
    try (Response r =
        post(
            "admin",
            "Admin-pass-1",
            "{\"owner\":{\"name\":\"svm1\",\"uuid\":\""
                + uuid
                + "\"},\"name\":\"svm_user1\",\"password\":\"New-pass-3\"}")) {
      assertThat(r.code()).isEqualTo(201);
    }
    assertThat(ontap.svmUser("svm1", "svm_user1").orElseThrow().changes()).isEqualTo(2);
  }

  @Test
  void refusesClusterReadsToSvmScopedAccountsWith403AndWrongPasswordsWith401() throws IOException {
    ontap.addSvm("svm1");
    ontap.addSvmUser("svm1", "svm_user1", "Svm-pass-1");
    assertThat(getCluster("svm_user1", "Svm-pass-1")).isEqualTo(403);
    assertThat(getCluster("svm_user1", "wrong")).isEqualTo(401);
    assertThat(getCluster("admin", "Admin-pass-1")).isEqualTo(200);
  }

  @Test
  void logsInWithAnIssuedBearerToken() throws IOException {
    OntapAccount ops = ontap.addClusterUser("ops", "Old-pass-1", false);
    String token = ontap.issueBearerToken(ops);
    Request.Builder change =
        new Request.Builder()
            .url(ontap.baseUrl().resolve("/api/security/authentication/password").toString())
            .post(
                RequestBody.create(
                    "{\"name\":\"ops\",\"password\":\"New-pass-2\"}",
                    MediaType.get("application/json")));
    try (Response r =
        client.newCall(change.header("Authorization", "Bearer " + token).build()).execute()) {
      assertThat(r.code()).isEqualTo(201);
    }
    try (Response r =
        client.newCall(change.header("Authorization", "Bearer not-issued").build()).execute()) {
      assertThat(r.code()).isEqualTo(401);
    }
    assertThat(ops.changes()).isEqualTo(1);
  }

  @Test
  void encodesTheAccountNameInLocation() throws IOException {
    ontap.addClusterUser("Jürgen Ölm", "Old-pass-1", false);
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"Jürgen Ölm\",\"password\":\"New-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(201);
      assertThat(r.header("Location"))
          .isEqualTo(
              "/api/security/accounts/" + OntapEmulator.CLUSTER_UUID + "/J%C3%BCrgen%20%C3%96lm");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"ops\",\"password\":null}",
        "{\"name\":\"ops\",\"password\":12345678}",
        "{\"name\":\"ops\",\"password\":{}}",
        "{\"name\":7,\"password\":\"New-pass-2\"}",
        "{\"name\":\"ops\"}"
      })
  void refusesANameOrPasswordThatIsNoString(String body) throws IOException {
    ontap.addClusterUser("ops", "Old-pass-1", false);
    try (Response r = post("admin", "Admin-pass-1", body)) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("Missing required field");
    }
    assertThat(ontap.clusterUser("ops").orElseThrow().changes()).isZero();
  }

  @Test
  void refusesWrongCredentials() throws IOException {
    try (Response r = post("admin", "wrong", "{\"name\":\"admin\",\"password\":\"x\"}")) {
      assertThat(r.code()).isEqualTo(401);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "400, 2",
    "401, 6",
    "403, 6",
    "404, 4",
    "409, 409",
    "429, 429",
    "500, 500",
    "503, 503"
  })
  void injectedFaultsAnswerOntapsNumericErrorCodes(int status, String code) throws IOException {
    ontap.addClusterUser("alice", "Old-pass-1", false);
    ontap.faults().fail(1, status);
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"alice\",\"password\":\"New-pass-1\"}")) {
      assertThat(r.code()).isEqualTo(status);
      assertThat(r.body().string()).startsWith("{\"error\":").contains("\"code\":\"" + code + "\"");
    }
    assertThat(ontap.clusterUser("alice").orElseThrow().changes()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "short1, 7077919",
    "alice-pass-1, 7077918",
    "lettersonly, 7077920",
    "Old-pass-1, 7077925",
  })
  void enforcesThePolicyWithOntapCodes(String candidate, String code) throws IOException {
    ontap.addClusterUser("alice", "Old-pass-1", false);
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"alice\",\"password\":\"" + candidate + "\"}")) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("\"code\":\"" + code + "\"");
    }
    assertThat(ontap.clusterUser("alice").orElseThrow().changes()).isZero();
  }

  @Test
  void refusesOneOfTheLastPasswordsAndTooLongOnesAndSpecialCharacterShortfall() throws IOException {
    ontap.addClusterUser("bob", "First-pass-1", false);
    post("admin", "Admin-pass-1", "{\"name\":\"bob\",\"password\":\"Second-pass-2\"}").close();
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"bob\",\"password\":\"First-pass-1\"}")) {
      assertThat(r.body().string()).contains("7077924");
    }
    try (Response r =
        post(
            "admin",
            "Admin-pass-1",
            "{\"name\":\"bob\",\"password\":\"a1" + "x".repeat(127) + "\"}")) {
      assertThat(r.body().string()).contains("7077940");
    }
    ontap.policy(new OntapPasswordPolicy(8, 2, true, 6));
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"bob\",\"password\":\"Third-pass3\"}")) {
      assertThat(r.body().string()).contains("7077921");
    }
  }

  @Test
  void addressesSvmAccountsByOwnerNameOrUuidAndReportsUnknownOnes() throws IOException {
    String uuid = ontap.addSvm("svm1");
    ontap.addSvmUser("svm1", "vsadmin", "Svm-pass-1");
    try (Response r =
        post(
            "admin",
            "Admin-pass-1",
            "{\"name\":\"vsadmin\",\"owner\":{\"uuid\":\""
                + uuid
                + "\"},\"password\":\"Svm-pass-2\",\"password_hash_algorithm\":\"sha256\"}")) {
      assertThat(r.code()).isEqualTo(201);
      assertThat(r.header("Location")).isEqualTo("/api/security/accounts/" + uuid + "/vsadmin");
    }
    assertThat(ontap.svmUser("svm1", "vsadmin").orElseThrow().hashAlgorithm()).isEqualTo("sha256");
    try (Response r =
        post(
            "admin",
            "Admin-pass-1",
            "{\"name\":\"vsadmin\",\"owner\":{\"name\":\"nosuch\"},\"password\":\"Svm-pass-3\"}")) {
      assertThat(r.code()).isEqualTo(404);
      assertThat(r.body().string()).contains("\"code\":\"4\"").contains("entry doesn't exist");
    }
  }

  @Test
  void svmUserChangesOnlyItsOwnPassword() throws IOException {
    ontap.addSvm("svm1");
    ontap.addSvmUser("svm1", "vsadmin", "Svm-pass-1");
    ontap.addClusterUser("other", "Other-pass-1", false);
    try (Response r =
        post("vsadmin", "Svm-pass-1", "{\"name\":\"other\",\"password\":\"Other-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(403);
    }
    try (Response r =
        post("vsadmin", "Svm-pass-1", "{\"name\":\"vsadmin\",\"password\":\"Svm-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(201);
    }
    assertThat(ontap.svmUser("svm1", "vsadmin").orElseThrow().password().reveal())
        .isEqualTo("Svm-pass-2");
  }

  @Test
  void plannedJobAppliesTheChangeWhenItSucceedsAndVanishesWhenExpired() throws IOException {
    ontap.addClusterUser("ops", "Old-pass-1", false);
    ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    String href;
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"ops\",\"password\":\"New-pass-2\"}")) {
      assertThat(r.code()).isEqualTo(202);
      String body = r.body().string();
      href = body.replaceAll(".*\"href\":\"([^\"]+)\".*", "$1");
    }
    assertThat(href).startsWith("/api/cluster/jobs/");
    assertThat(jobState(href)).contains("\"state\":\"running\"");
    assertThat(ontap.clusterUser("ops").orElseThrow().changes()).isZero();
    assertThat(jobState(href)).contains("\"state\":\"success\"");
    assertThat(getCluster("ops", "New-pass-2")).isEqualTo(200);
    ontap.expireJobs();
    assertThat(jobState(href)).contains("entry doesn't exist");
  }

  @Test
  void aJobAppliesItsChangeBeforeThePollThatSeesItSucceedIsAuthenticated() throws IOException {
    ontap.addClusterUser("ops", "Old-pass-1", false);
    ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    String href;
    try (Response r = post("ops", "Old-pass-1", "{\"name\":\"ops\",\"password\":\"New-pass-2\"}")) {
      href = r.body().string().replaceAll(".*\"href\":\"([^\"]+)\".*", "$1");
    }

    assertThat(poll(href, "ops", "Old-pass-1")).startsWith("200").contains("running");
    assertThat(poll(href, "ops", "Old-pass-1")).startsWith("401");
    assertThat(ontap.clusterUser("ops").orElseThrow().changes()).isEqualTo(1);
    assertThat(poll(href, "ops", "New-pass-2")).startsWith("200").contains("success");
  }

  private String poll(String href, String user, String password) throws IOException {
    try (Response r =
        client
            .newCall(
                new Request.Builder()
                    .url(ontap.baseUrl().resolve(href).toString())
                    .header("Authorization", Credentials.basic(user, password))
                    .build())
            .execute()) {
      return r.code() + " " + r.body().string();
    }
  }

  @Test
  void aJobPollNamingAFieldTheReleaseLacksIsRefusedAsOntapDoes() throws IOException {
    ontap.release(9, 8, 0);
    ontap.addClusterUser("ops", "Old-pass-1", false);
    ontap.faults().hangNextOperation();
    String href;
    try (Response r =
        post("admin", "Admin-pass-1", "{\"name\":\"ops\",\"password\":\"New-pass-2\"}")) {
      href = r.body().string().replaceAll(".*\"href\":\"([^\"]+)\".*", "$1");
    }

    assertThat(jobState(href + "?fields=state,message,code,error"))
        .contains("\"code\":\"262197\"")
        .contains("The value \\\"error\\\" is invalid for field \\\"fields\\\"");
    assertThat(jobState(href + "?fields=state,message,code")).contains("\"state\":\"running\"");
    assertThat(jobState(href)).contains("\"state\":\"running\"");
    ontap.release(9, 9, 1);
    assertThat(jobState(href + "?fields=state,error")).contains("\"state\":\"running\"");
    assertThat(jobState(href + "?fields=state,colour")).contains("262197").contains("colour");
  }

  private String jobState(String href) throws IOException {
    try (Response r =
        client
            .newCall(
                new Request.Builder()
                    .url(ontap.baseUrl().resolve(href).toString())
                    .header("Authorization", Credentials.basic("admin", "Admin-pass-1"))
                    .build())
            .execute()) {
      return r.body().string();
    }
  }

  @Test
  void aClusterAdminTargetsAnSvmWithTheSvmNameHeader() throws IOException {
    ontap.addSvm("svm1");
    ontap.addSvmUser("svm1", "svm_user1", "Old-pass-1");
    Request request =
        new Request.Builder()
            .url(ontap.baseUrl().resolve("/api/security/authentication/password").toString())
            .header("Authorization", Credentials.basic("admin", "Admin-pass-1"))
            .header("X-Dot-SVM-Name", "svm1")
            .post(
                RequestBody.create(
                    "{\"name\":\"svm_user1\",\"password\":\"New-pass-2\"}",
                    MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(201);
    }
    assertThat(ontap.svmUser("svm1", "svm_user1").orElseThrow().changes()).isEqualTo(1);
  }

  @Test
  void logsInWithATrustedClientCertificateNamingAClusterAccount() throws IOException {
    okhttp3.tls.HeldCertificate admin =
        new okhttp3.tls.HeldCertificate.Builder().commonName("admin").build();
    try (OntapEmulator mtls = new OntapEmulator("Admin-pass-1", admin.certificate())) {
      mtls.start();
      mtls.addClusterUser("ops", "Old-pass-1", false);
      HandshakeCertificates handshake =
          new HandshakeCertificates.Builder()
              .addTrustedCertificate(Certificates.decodeCertificatePem(mtls.certificatePem()))
              .heldCertificate(admin)
              .build();
      OkHttpClient withCertificate =
          client
              .newBuilder()
              .sslSocketFactory(handshake.sslSocketFactory(), handshake.trustManager())
              .build();
      Request request =
          new Request.Builder()
              .url(mtls.baseUrl().resolve("/api/security/authentication/password").toString())
              .post(
                  RequestBody.create(
                      "{\"name\":\"ops\",\"password\":\"New-pass-2\"}",
                      MediaType.get("application/json")))
              .build();
      try (Response r = withCertificate.newCall(request).execute()) {
        assertThat(r.code()).isEqualTo(201);
      }
      assertThat(mtls.clusterUser("ops").orElseThrow().changes()).isEqualTo(1);
    }
  }

  @Test
  void lostJobAnswers404AndHangingJobKeepsRunning() throws IOException {
    ontap.addClusterUser("ops", "Old-pass-1", false);
    ontap.faults().loseNextOperation().hangNextOperation();
    for (String expected : new String[] {"entry doesn't exist", "\"state\":\"running\""}) {
      String href;
      try (Response r =
          post("admin", "Admin-pass-1", "{\"name\":\"ops\",\"password\":\"New-pass-2\"}")) {
        assertThat(r.code()).isEqualTo(202);
        href = r.body().string().replaceAll(".*\"href\":\"([^\"]+)\".*", "$1");
      }
      assertThat(jobState(href)).contains(expected);
      assertThat(jobState(href)).contains(expected);
    }
    assertThat(ontap.clusterUser("ops").orElseThrow().changes()).isZero();
  }
}
