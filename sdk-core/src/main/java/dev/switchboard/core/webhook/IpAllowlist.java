package dev.switchboard.core.webhook;

import dev.switchboard.core.webhook.internal.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accepts deliveries only from listed networks (CIDR, IPv4 and IPv6). The client's address is the
 * TCP peer's, unless the peer is one of the trusted proxies: then {@code X-Forwarded-For} is read
 * from the right, skipping trusted proxies, and the first other address is the client's. A forged
 * {@code X-Forwarded-For} from anyone else is ignored.
 */
public final class IpAllowlist {

  private final List<Cidr> allowed;
  private final List<Cidr> trustedProxies;

  private IpAllowlist(List<Cidr> allowed, List<Cidr> trustedProxies) {
    this.allowed = allowed;
    this.trustedProxies = trustedProxies;
  }

  /**
   * Parses an allowlist.
   *
   * @param allowed networks such as {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a single
   *     address; at least one
   * @param trustedProxies addresses or networks of reverse proxies whose {@code X-Forwarded-For} is
   *     believed; may be empty
   * @return the allowlist
   * @throws WebhookConfigurationException when an entry is not an IP address or network
   */
  public static IpAllowlist of(List<String> allowed, List<String> trustedProxies) {
    List<Cidr> a = parse(allowed);
    if (a.isEmpty()) {
      throw new WebhookConfigurationException("An IP allowlist needs at least one network");
    }
    return new IpAllowlist(a, parse(trustedProxies));
  }

  private static List<Cidr> parse(List<String> entries) {
    List<Cidr> result = new ArrayList<>();
    if (entries != null) {
      for (String entry : entries) {
        if (entry != null && !entry.isBlank()) {
          try {
            result.add(Cidr.parse(entry.trim()));
          } catch (IllegalArgumentException e) {
            throw new WebhookConfigurationException(e.getMessage());
          }
        }
      }
    }
    return List.copyOf(result);
  }

  /**
   * Finds the client's address.
   *
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order; may be empty
   * @return the client's address, or empty when an address cannot be read
   */
  public Optional<InetAddress> clientAddress(String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = Cidr.address(peer);
    if (peerAddress.isEmpty() || !trusted(peerAddress.get()) || forwardedFor.isEmpty()) {
      return peerAddress;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    InetAddress client = peerAddress.get();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = Cidr.address(hops.get(i));
      if (hop.isEmpty()) {
        return Optional.empty();
      }
      client = hop.get();
      if (!trusted(client)) {
        return hop;
      }
    }
    return Optional.of(client);
  }

  /**
   * Decides whether a request's client is on the list.
   *
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header value; may be empty
   * @return whether the client is allowed
   */
  public boolean permits(String peer, List<String> forwardedFor) {
    return clientAddress(peer, forwardedFor)
        .map(address -> allowed.stream().anyMatch(c -> c.contains(address)))
        .orElse(false);
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(c -> c.contains(address));
  }

  @Override
  public String toString() {
    return "IpAllowlist" + allowed + " trusting " + trustedProxies;
  }
}
