package dev.switchboard.workflux.internal;

import dev.switchboard.core.SwitchboardException;
import dev.switchboard.workflux.client.Page;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.web.util.UriUtils;

/** Builds list paths with query parameters, and walks every page of a list lazily. */
public final class PageWalker {

  private PageWalker() {}

  /**
   * Appends query parameters to a path; a collection value gives one parameter per element, a
   * {@code null} value none.
   *
   * @param path the encoded path
   * @param params the parameters, or {@code null}
   * @return the path with its query
   */
  public static String withQuery(String path, Map<String, ?> params) {
    if (params == null || params.isEmpty()) {
      return path;
    }
    StringBuilder out = new StringBuilder(path);
    char sep = path.contains("?") ? '&' : '?';
    for (Map.Entry<String, ?> e : params.entrySet()) {
      Object value = e.getValue();
      List<Object> values =
          value instanceof Collection<?> c ? new ArrayList<>(c) : java.util.Arrays.asList(value);
      for (Object v : values) {
        if (v == null) {
          continue;
        }
        out.append(sep)
            .append(UriUtils.encodeQueryParam(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(UriUtils.encodeQueryParam(v.toString(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return out.toString();
  }

  /**
   * The request for the page after this one, following the page's paging style.
   *
   * @param page the page just read
   * @param path the list's path without query
   * @param params the parameters the page was asked for with
   * @param baseUrl the client's base URL, which a {@code next} link must stay on
   * @return the next request's path and query, or {@code null} when this was the last page
   */
  public static String nextRequest(Page<?> page, String path, Map<String, ?> params, URI baseUrl) {
    if (!page.hasNextPage()) {
      return null;
    }
    Map<String, Object> next = new LinkedHashMap<>(params == null ? Map.of() : params);
    return switch (page.style()) {
      case CURSOR -> {
        next.put("cursor", page.nextCursor().orElseThrow());
        yield withQuery(path, next);
      }
      case PAGE_NUMBER -> {
        next.put("page", page.page().getAsLong() + 1);
        yield withQuery(path, next);
      }
      case NEXT_LINK -> link(page.next().orElseThrow(), path, baseUrl);
      case NONE -> null;
    };
  }

  /**
   * Resolves a {@code next} link to a path relative to the base URL.
   *
   * @param link the link: an absolute URL on the base URL's host, a path, or a query
   * @param path the list's path, for a link that is only a query
   * @param baseUrl the base URL
   * @return the path and query relative to the base URL
   * @throws SwitchboardException when the link points to another host or is not a URL
   */
  static String link(String link, String path, URI baseUrl) {
    String value = link.trim();
    if (value.startsWith("?")) {
      return path + value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new SwitchboardException(
          "workflux: the list answer's next link is not a URL (" + e.getReason() + ")", e);
    }
    if (uri.isAbsolute()) {
      if (!uri.getScheme().equalsIgnoreCase(baseUrl.getScheme())
          || uri.getHost() == null
          || !uri.getHost().equalsIgnoreCase(baseUrl.getHost())
          || port(uri) != port(baseUrl)) {
        throw new SwitchboardException(
            "workflux: the list answer's next link points to another host ("
                + uri.getHost()
                + "); the access token is only sent to "
                + baseUrl.getHost());
      }
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!rawPath.startsWith("/")) {
      rawPath = "/" + rawPath;
    }
    String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    if (!basePath.isEmpty() && !basePath.equals("/") && rawPath.startsWith(basePath + "/")) {
      rawPath = rawPath.substring(basePath.length());
    }
    return rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * Walks every item of every page lazily: a page is requested only when the items before it were
   * consumed. Stops at the last page, at an empty page, and when an answer points back to a page
   * already read.
   *
   * @param first the request for the first page
   * @param fetch reads the page a request (path and query) answers
   * @param next the request after a page, or {@code null} for none
   * @param <T> the item type
   * @return the items
   */
  public static <T> Stream<T> stream(
      String first, Function<String, Page<T>> fetch, Function<Page<T>, String> next) {
    Objects.requireNonNull(first, "first");
    Iterator<T> items =
        new Iterator<>() {
          private final Set<String> seen = new HashSet<>();
          private Page<T> last;
          private boolean done;
          private Iterator<T> current = List.<T>of().iterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext()) {
              if (done) {
                return false;
              }
              String request = last == null ? first : next.apply(last);
              if (request == null || !seen.add(request)) {
                done = true;
                return false;
              }
              last = fetch.apply(request);
              current = last.data().iterator();
              done = last.data().isEmpty();
            }
            return true;
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
