package dev.rekey.testkit.archfixture;

import java.util.List;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import tools.jackson.core.JsonParser;

/** Test-only: each way a library type shows in a public signature, and ways it stays hidden. */
public final class Exposes {
  private Exposes() {}

  /** A public method returning an OkHttp type. */
  public static final class ReturnsHttpUrl {
    /** Returns a URL. */
    public HttpUrl url() {
      return HttpUrl.get("http://127.0.0.1/");
    }
  }

  /** A public constructor taking a Jackson type. */
  public static final class TakesJsonParser {
    /** Reads nothing. */
    public TakesJsonParser(JsonParser parser) {}
  }

  /** A public type extending an OkHttp type. */
  public static class ExtendsEventListener extends EventListener {}

  /** A protected method of an extensible class naming an OkHttp type in a type argument. */
  public static class ProtectedListOfHttpUrl {
    /** Returns no URL. */
    protected List<HttpUrl> urls() {
      return List.of();
    }
  }

  /** Library types only where a user cannot see them. */
  public static final class Hidden {
    private HttpUrl url = HttpUrl.get("http://127.0.0.1/");

    HttpUrl packageUrl() {
      return url;
    }

    /** Returns the URL as text. */
    public String text() {
      return url.toString();
    }
  }

  static final class PackagePrivate {
    public HttpUrl url() {
      return HttpUrl.get("http://127.0.0.1/");
    }
  }
}
