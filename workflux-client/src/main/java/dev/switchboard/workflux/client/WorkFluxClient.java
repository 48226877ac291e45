package dev.switchboard.workflux.client;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * The WorkFlux REST API: agents, conversations and webhook subscriptions, plus a raw request for
 * any other endpoint. Every call obtains and caches an OAuth 2.0 access token (client credentials),
 * sends it as {@code Authorization: Bearer}, retries what is safe, and fails with the {@link
 * ApiException} family; neither the client secret nor a token ever appears in a message or log.
 *
 * <p>List methods pass paging parameters through as query parameters and answer one {@link Page};
 * the {@code stream...} methods walk every page lazily, following the {@link PagingStyle} each
 * answer shows.
 *
 * <p>Inject it in Spring Boot (set {@code workflux.client-id} and {@code workflux.client-secret}),
 * or build one with {@link #builder()}. Thread-safe.
 */
public interface WorkFluxClient {

  /**
   * Starts a builder for use without Spring Boot.
   *
   * @return a builder
   */
  static WorkFluxClientBuilder builder() {
    return new WorkFluxClientBuilder();
  }

  /**
   * Lists agents: {@code GET /agents}.
   *
   * @param params query parameters passed through as they are (paging, filters), or an empty map
   * @return the first page asked for
   * @throws ApiException when the call failed
   */
  Page<Agent> listAgents(Map<String, ?> params);

  /**
   * Walks every agent, page after page, lazily.
   *
   * @param params query parameters for the first page
   * @return the agents
   */
  Stream<Agent> streamAgents(Map<String, ?> params);

  /**
   * Reads an agent: {@code GET /agents/{id}}.
   *
   * @param id the agent's id
   * @return the agent
   * @throws dev.switchboard.core.http.NotFoundException when there is none
   */
  Agent getAgent(String id);

  /**
   * Creates an agent: {@code POST /agents} with the fields as the JSON body.
   *
   * @param fields the agent's fields, under their JSON names
   * @return the agent as created
   */
  Agent createAgent(Map<String, ?> fields);

  /**
   * Changes an agent: {@code PATCH /agents/{id}} with the fields to change.
   *
   * @param id the agent's id
   * @param fields the fields to change, under their JSON names
   * @return the agent as changed
   */
  Agent updateAgent(String id, Map<String, ?> fields);

  /**
   * Deletes an agent: {@code DELETE /agents/{id}}.
   *
   * @param id the agent's id
   */
  void deleteAgent(String id);

  /**
   * Lists conversations: {@code GET /conversations}.
   *
   * @param params query parameters passed through as they are, or an empty map
   * @return the first page asked for
   */
  Page<Conversation> listConversations(Map<String, ?> params);

  /**
   * Walks every conversation, page after page, lazily.
   *
   * @param params query parameters for the first page
   * @return the conversations
   */
  Stream<Conversation> streamConversations(Map<String, ?> params);

  /**
   * Reads a conversation: {@code GET /conversations/{id}}.
   *
   * @param id the conversation's id
   * @return the conversation
   */
  Conversation getConversation(String id);

  /**
   * Creates a conversation: {@code POST /conversations}.
   *
   * @param fields the conversation's fields, under their JSON names
   * @return the conversation as created
   */
  Conversation createConversation(Map<String, ?> fields);

  /**
   * Changes a conversation: {@code PATCH /conversations/{id}}.
   *
   * @param id the conversation's id
   * @param fields the fields to change
   * @return the conversation as changed
   */
  Conversation updateConversation(String id, Map<String, ?> fields);

  /**
   * Deletes a conversation: {@code DELETE /conversations/{id}}.
   *
   * @param id the conversation's id
   */
  void deleteConversation(String id);

  /**
   * Subscribes to events: {@code POST /webhooks} with {@code url}, {@code events} and {@code
   * secret}. WorkFlux signs each delivery with the secret; configure the same value as {@code
   * workflux.webhook.secret} to verify them.
   *
   * @param url where WorkFlux should deliver, an https URL
   * @param events the event names, such as {@code conversation.completed}
   * @param secret the signing secret (never logged)
   * @return the subscription
   */
  WebhookSubscription createWebhook(String url, List<String> events, String secret);

  /**
   * Lists webhook subscriptions: {@code GET /webhooks}.
   *
   * @param params query parameters passed through, or an empty map
   * @return the first page asked for
   */
  Page<WebhookSubscription> listWebhooks(Map<String, ?> params);

  /**
   * Walks every webhook subscription, page after page, lazily.
   *
   * @param params query parameters for the first page
   * @return the subscriptions
   */
  Stream<WebhookSubscription> streamWebhooks(Map<String, ?> params);

  /**
   * Reads a webhook subscription: {@code GET /webhooks/{id}}.
   *
   * @param id the subscription's id
   * @return the subscription
   */
  WebhookSubscription getWebhook(String id);

  /**
   * Deletes a webhook subscription: {@code DELETE /webhooks/{id}}.
   *
   * @param id the subscription's id
   */
  void deleteWebhook(String id);

  /**
   * Asks WorkFlux to send a test event to a subscription: {@code POST /webhooks/{id}/test}.
   *
   * @param id the subscription's id
   * @return the platform's answer, as raw JSON
   */
  ApiResponse sendTestEvent(String id);

  /**
   * Calls any endpoint (custom workflow triggers, data export, reporting, or a future one) with the
   * same token, retries, errors and masking.
   *
   * @param method the HTTP method
   * @param path the path relative to the base URL, starting with {@code /}; may carry a query
   * @param body the JSON body (an object, a JSON string or bytes), or {@code null}
   * @return the answer, as raw JSON
   * @throws ApiException when the call failed
   */
  ApiResponse request(HttpMethod method, String path, Object body);

  /**
   * Calls any endpoint and reads the answer into a type of your own.
   *
   * @param method the HTTP method
   * @param path the path relative to the base URL, starting with {@code /}
   * @param body the JSON body, or {@code null}
   * @param type the type to read the answer into (unknown fields are ignored)
   * @param <T> the type
   * @return the answer, or {@code null} when it had no body
   */
  default <T> T request(HttpMethod method, String path, Object body, Class<T> type) {
    return request(method, path, body).bodyAs(type);
  }

  /**
   * Checks that WorkFlux can be reached with these credentials: obtains a token and makes one cheap
   * call ({@code GET /agents?limit=1}) within the connectivity time-out, without retries. Never
   * throws.
   *
   * @return the outcome and its latency
   */
  ConnectivityReport checkConnectivity();
}
