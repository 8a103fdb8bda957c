package dev.rekey.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wire of each measured call, as a user of raw OkHttp would send it: the same method, path,
 * body and required headers as the Rekey client sends, so the stub answers the floor exactly as it
 * answers that client (same route, same canned answer). A client's floor is its own call through
 * raw OkHttp: an answer of 440 bytes costs the floor more than one of 190, and that is not Rekey's
 * cost.
 */
enum FloorWire {
  /** ACR {@code generateCredentials}: a token password, JSON. */
  ACR(
      "/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.ContainerRegistry/registries/benchreg/generateCredentials"
          + "?api-version=2023-01-01-preview",
      "{\"tokenId\":\"/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.ContainerRegistry/registries/benchreg/tokens/benchtoken\","
          + "\"name\":\"password1\"}",
      "application/json",
      null,
      null,
      200),
  /** ANF bucket {@code generateCredentials}: an access key pair, JSON. */
  NETAPP(
      "/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.NetApp/netAppAccounts/benchaccount/capacityPools/pool1/volumes/volume1"
          + "/buckets/bucket1/generateCredentials?api-version=2026-01-01",
      "{\"keyPairExpiryDays\":30}",
      "application/json",
      null,
      null,
      200),
  /** ARM storage {@code regenerateKey}: both keys of the pair back, JSON. */
  ARM(
      "/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.Storage/storageAccounts/benchstorage/regenerateKey"
          + "?api-version=2023-05-01",
      "{\"keyName\":\"key1\"}",
      "application/json",
      null,
      null,
      200),
  /** Classic storage {@code regenerate}: XML both ways, {@code x-ms-version} required. */
  CLASSIC(
      "/" + Ids.SUB + "/services/storageservices/benchstore/keys?action=regenerate",
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
          + "<RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\">"
          + "<KeyType>Secondary</KeyType></RegenerateKeys>",
      "application/xml",
      "x-ms-version",
      "2011-06-01",
      200),
  /** ONTAP password change: basic auth, HAL JSON, 201. */
  ONTAP(
      "/api/security/authentication/password",
      "{\"name\":\"bench_user\",\"password\":\"Bench-password-1\"}",
      "application/json",
      "Accept",
      "application/hal+json",
      201);

  /** The bearer token every Azure floor sends (the stub checks none). */
  private static final String BEARER = "Bearer bench-token";

  final String pathAndQuery;
  final String body;
  final String contentType;
  final String headerName;
  final String headerValue;
  final int status;

  FloorWire(
      String pathAndQuery,
      String body,
      String contentType,
      String headerName,
      String headerValue,
      int status) {
    this.pathAndQuery = pathAndQuery;
    this.body = body;
    this.contentType = contentType;
    this.headerName = headerName;
    this.headerValue = headerValue;
    this.status = status;
  }

  /** Returns the Authorization header: ONTAP's basic credentials, else a bearer token. */
  String authorization() {
    if (this != ONTAP) {
      return BEARER;
    }
    byte[] user = "admin:bench-admin-password".getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(user);
  }
}
