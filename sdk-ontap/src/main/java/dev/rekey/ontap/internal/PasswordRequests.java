package dev.rekey.ontap.internal;

import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiRequest.Repeatability;
import dev.rekey.ontap.model.PasswordChangeRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/** The HTTP requests of the password flow: the change itself and the login check. */
final class PasswordRequests {
  static final String HAL_JSON = "application/hal+json";
  private static final String OPERATION = "ONTAP changePassword";

  private PasswordRequests() {}

  /**
   * Returns the POST that changes the password: never re-sent by the pipeline once it may have
   * landed.
   */
  static ApiRequest change(HttpUrl base, PasswordChangeRequest r) {
    HttpUrl.Builder url = base.newBuilder().addPathSegments("api/security/authentication/password");
    r.returnRecords().ifPresent(v -> url.addQueryParameter("return_records", v.toString()));
    ApiRequest.Builder b =
        ApiRequest.post(url.build(), Codecs.writeJson(body(r)), "application/json")
            .header("Accept", HAL_JSON)
            .repeatability(Repeatability.NOT_REPEATABLE)
            .operationName(OPERATION);
    r.targetSvmName().ifPresent(n -> b.header("X-Dot-SVM-Name", n));
    r.targetSvmUuid().ifPresent(u -> b.header("X-Dot-SVM-UUID", u));
    return b.build();
  }

  /**
   * Returns ONTAP's body: {@code {name, password, owner:{name, uuid}, password_hash_algorithm}}.
   */
  static Map<String, Object> body(PasswordChangeRequest r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", r.name());
    body.put("password", r.password());
    Map<String, Object> owner = new LinkedHashMap<>();
    r.ownerName().ifPresent(n -> owner.put("name", n));
    r.ownerUuid().ifPresent(u -> owner.put("uuid", u));
    if (!owner.isEmpty()) {
      body.put("owner", owner);
    }
    r.passwordHashAlgorithm().ifPresent(a -> body.put("password_hash_algorithm", a.value()));
    return body;
  }

  /** Returns the cheap read a login check makes: {@code GET /api/cluster?fields=version}. */
  static ApiRequest loginCheck(HttpUrl base) {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("api/cluster")
            .addQueryParameter("fields", "version")
            .build();
    return ApiRequest.get(url)
        .header("Accept", HAL_JSON)
        .carriesNoSecrets()
        .operationName("ONTAP login check")
        .build();
  }
}
