package dev.switchboard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny webhook receiver: records what arrives, answers with the statuses it is told to. */
final class TestReceiver implements AutoCloseable {

  record Received(String path, Headers headers, byte[] body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();

  TestReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                new Received(
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          }
        });
    server.start();
  }

  /** Answers the next deliveries with these statuses, then 200. */
  TestReceiver answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  URI uri(String path) {
    return URI.create(url(path));
  }

  /** Waits for the next delivery; fails when none comes in 20 seconds (it should come at once). */
  Received next() throws InterruptedException {
    Received next = received.poll(20, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("No delivery arrived");
    }
    return next;
  }

  List<Received> next(int count) throws InterruptedException {
    List<Received> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(next());
    }
    return all;
  }

  /** What arrived and was not taken yet. */
  List<Received> drain() {
    List<Received> rest = new ArrayList<>();
    received.drainTo(rest);
    return rest;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
