package dev.switchboard.workflux.client;

import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.workflux.internal.JsonMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list answer ({@code {"data": [...], ...}}): the items, and every other field of the
 * answer, where the platform's paging fields are.
 *
 * <p>Paging fields are looked up at the top of the answer first, then inside a {@code meta}, {@code
 * pagination} or {@code paging} object.
 *
 * @param data the items of this page
 * @param paging every field of the answer other than {@code data}, as sent
 * @param <T> the item type
 */
public record Page<T>(List<T> data, Map<String, Object> paging) {

  private static final String[] NESTS = {"meta", "pagination", "paging"};

  /** Never null collections. */
  public Page {
    data = data == null ? List.of() : List.copyOf(data);
    paging = paging == null ? Map.of() : JsonFields.copy(paging);
  }

  /**
   * The paging style this answer shows.
   *
   * @return the style
   */
  public PagingStyle style() {
    if (has("next_cursor")) {
      return PagingStyle.CURSOR;
    }
    if (has("next")) {
      return PagingStyle.NEXT_LINK;
    }
    if (has("total_pages") && has("page")) {
      return PagingStyle.PAGE_NUMBER;
    }
    return PagingStyle.NONE;
  }

  /**
   * Whether the answer says there is a page after this one.
   *
   * @return whether to ask for more
   */
  public boolean hasNextPage() {
    return switch (style()) {
      case CURSOR -> nextCursor().isPresent() && hasMore().orElse(true);
      case NEXT_LINK -> next().isPresent();
      case PAGE_NUMBER ->
          page().isPresent()
              && totalPages().isPresent()
              && page().getAsLong() < totalPages().getAsLong();
      case NONE -> false;
    };
  }

  /**
   * The {@code next_cursor} field.
   *
   * @return the cursor, when present and not blank
   */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(text("next_cursor")).filter(s -> !s.isBlank());
  }

  /**
   * The {@code has_more} field.
   *
   * @return its value, when present as a boolean or {@code "true"}/{@code "false"}
   */
  public Optional<Boolean> hasMore() {
    String value = text("has_more");
    return value == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(value.trim()));
  }

  /**
   * The {@code next} field: the next page's URL or path.
   *
   * @return the link, when present and not blank
   */
  public Optional<String> next() {
    return Optional.ofNullable(text("next")).filter(s -> !s.isBlank());
  }

  /**
   * The {@code page} field.
   *
   * @return this page's number, when present as a number
   */
  public OptionalLong page() {
    return number("page");
  }

  /**
   * The {@code total_pages} field.
   *
   * @return the number of pages, when present as a number
   */
  public OptionalLong totalPages() {
    return number("total_pages");
  }

  /**
   * The {@code total} field.
   *
   * @return the number of items in all pages, when present as a number
   */
  public OptionalLong total() {
    return number("total");
  }

  private boolean has(String name) {
    if (paging.containsKey(name)) {
      return true;
    }
    for (String nest : NESTS) {
      Map<String, Object> nested = JsonMaps.object(paging, nest);
      if (nested != null && nested.containsKey(name)) {
        return true;
      }
    }
    return false;
  }

  private String text(String name) {
    String value = JsonMaps.text(paging, name);
    for (int i = 0; value == null && i < NESTS.length; i++) {
      value = JsonMaps.text(JsonMaps.object(paging, NESTS[i]), name);
    }
    return value;
  }

  private OptionalLong number(String name) {
    String value = text(name);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
