package dev.switchboard.workflux.client;

/**
 * How a list answer points to the next page. WorkFlux does not document paging, so the client
 * follows whichever style an answer shows, checked in this order.
 */
public enum PagingStyle {
  /**
   * A cursor: {@code next_cursor} (with an optional {@code has_more}); the next page is asked for
   * with the same parameters plus {@code cursor=<next_cursor>}.
   */
  CURSOR,
  /**
   * A link: {@code next} holds the next page's URL or path, followed as given (only to the
   * configured base URL's host).
   */
  NEXT_LINK,
  /**
   * Page numbers: {@code page} and {@code total_pages}; the next page is asked for with the same
   * parameters plus {@code page=<page + 1>}.
   */
  PAGE_NUMBER,
  /** No paging fields: the answer is the only page. */
  NONE
}
