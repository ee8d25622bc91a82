package dev.hookguard.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot receiver of the sample Stripe, GitHub and Shopify webhooks: {@link Webhooks}
 * declares the endpoints, {@code application.properties} the store, the key and the secrets.
 */
@SpringBootApplication
public class SampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
