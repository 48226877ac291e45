package dev.switchboard.core.webhook.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network in CIDR form; a bare address is a network of one. */
public final class Cidr {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code address} or {@code address/prefix}.
   *
   * @param text the network
   * @return the network
   * @throws IllegalArgumentException when it is not an IP address or network
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String addressPart = slash < 0 ? text : text.substring(0, slash);
    InetAddress address =
        address(addressPart)
            .orElseThrow(
                () -> new IllegalArgumentException("Not an IP address or CIDR network: " + text));
    byte[] bytes = address.getAddress();
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("Not a valid CIDR prefix length: " + text);
      }
    }
    return new Cidr(bytes, prefix, text);
  }

  /**
   * Reads an IP literal without ever resolving a host name.
   *
   * @param text an IPv4 or IPv6 literal, IPv6 possibly in brackets or with a zone
   * @return the address, or empty when the text is not an IP literal
   */
  public static Optional<InetAddress> address(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    String literal;
    if (IPV4.matcher(s).matches()) {
      for (String octet : s.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
      }
      literal = s;
    } else if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
      literal = "[" + s + "]"; // brackets: parsed as an IPv6 literal, never looked up
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether an address lies in this network (an IPv4 address never lies in an IPv6 network).
   *
   * @param address the address
   * @return whether it is inside
   */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
