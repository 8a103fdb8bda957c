package dev.rekey.core.archfixture;

import dev.rekey.azure.AzureCloud;

/** Test-only: a core class that uses an Azure type, which the core rule refuses. */
public final class KnowsAzure {
  private KnowsAzure() {}

  static String name(AzureCloud cloud) {
    return cloud.toString();
  }
}
