package dev.switchboard.benchmarks.floor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.HttpRequestHandler;

/** The floor's beans, one type per SDK bean type, each holding what it was built from. */
public final class FloorBeans {

  private FloorBeans() {}

  /**
   * Stands in for the field mappings.
   *
   * @param source what it was built from
   */
  public record Mappings(Object source) {}

  /**
   * Stands in for a webhook receiver: answers every request with 200.
   *
   * @param path the path it is mapped to
   * @param properties its properties
   */
  public record Endpoint(String path, Object properties) implements HttpRequestHandler {
    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) {
      response.setStatus(200);
    }
  }

  /**
   * Stands in for the WorkFlux client.
   *
   * @param properties its properties
   */
  public record Client(Object properties) {}

  /**
   * Stands in for the WorkFlux webhook verifier.
   *
   * @param properties its properties
   */
  public record Verifier(Object properties) {}

  /**
   * Stands in for the WorkFlux subscriber (its condition does not match, as the SDK's does not).
   *
   * @param client the client
   */
  public record Subscriber(Client client) {}

  /**
   * Stands in for the delivery store.
   *
   * @param properties its properties
   */
  public record Store(Object properties) {}

  /**
   * Stands in for the lead client.
   *
   * @param properties its properties
   */
  public record LeadClient(Object properties) {}
}
