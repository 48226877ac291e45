package dev.switchboard.benchmarks.lead;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The minimal lead endpoint both clients talk to: reads the whole request body and answers {@code
 * 201} with a small JSON receipt. Started in its own JVM; prints {@code PORT <n>} once listening
 * and stops when its standard input closes.
 */
public final class StubServer {

  private StubServer() {}

  /**
   * Starts the stub on a free loopback port.
   *
   * @param args unused
   * @throws IOException when it cannot listen
   */
  public static void main(String[] args) throws IOException {
    AtomicLong count = new AtomicLong();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          byte[] answer =
              ("{\"leadId\":\"L-" + count.incrementAndGet() + "\",\"status\":\"queued\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(201, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    // The harness holds our standard input open; when it exits or closes it, we stop.
    while (System.in.read() >= 0) {
      // keep reading until end of input
    }
    System.err.println("stub served " + count.get() + " requests");
    server.stop(0);
    System.exit(0);
  }
}
