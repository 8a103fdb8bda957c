package app;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/** A Spring Boot application with Rekey's key rotation as a bean. */
@SpringBootApplication
public class Application {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }

  /** A fixed token (an application would use azure-identity's DefaultAzureCredential). */
  @Bean
  TokenCredential tokenCredential() {
    return context -> Mono.just(new AccessToken("app-token", OffsetDateTime.now().plusHours(1)));
  }

  @Bean
  KeyRotation keyRotation(
      TokenCredential credential, @Value("${azure.subscription-id}") String subscription) {
    return new KeyRotation(credential, subscription);
  }
}
