package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowlistTest {

  @Test
  void matchesIpv4AndIpv6Networks() {
    IpAllowlist list =
        IpAllowlist.of(List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7"), List.of());
    assertThat(list.permits("203.0.113.200", List.of())).isTrue();
    assertThat(list.permits("203.0.114.1", List.of())).isFalse();
    assertThat(list.permits("198.51.100.7", List.of())).isTrue();
    assertThat(list.permits("198.51.100.8", List.of())).isFalse();
    assertThat(list.permits("2001:db8:1234::1", List.of())).isTrue();
    assertThat(list.permits("2001:db9::1", List.of())).isFalse();
    assertThat(list.permits("not-an-address", List.of())).isFalse();
  }

  @Test
  void oddPrefixLengthsMaskTheRightBits() {
    IpAllowlist list = IpAllowlist.of(List.of("10.0.0.0/13", "fe80::/10"), List.of());
    assertThat(list.permits("10.7.255.255", List.of())).isTrue();
    assertThat(list.permits("10.8.0.0", List.of())).isFalse();
    assertThat(list.permits("febf::1", List.of())).isTrue();
    assertThat(list.permits("fec0::1", List.of())).isFalse();
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    IpAllowlist untrusting = IpAllowlist.of(List.of("203.0.113.0/24"), List.of());
    assertThat(untrusting.permits("127.0.0.1", List.of("203.0.113.5"))).isFalse();

    IpAllowlist trusting =
        IpAllowlist.of(List.of("203.0.113.0/24"), List.of("127.0.0.1", "10.0.0.0/8"));
    assertThat(trusting.permits("127.0.0.1", List.of("203.0.113.5"))).isTrue();
    assertThat(trusting.permits("127.0.0.1", List.of("198.51.100.1"))).isFalse();
    // a client cannot smuggle an allowed address in front of its own: read from the right
    assertThat(trusting.permits("127.0.0.1", List.of("203.0.113.5, 198.51.100.1"))).isFalse();
    // trusted hops on the right are skipped
    assertThat(trusting.permits("127.0.0.1", List.of("198.51.100.1, 203.0.113.5", "10.1.1.1")))
        .isTrue();
    assertThat(trusting.permits("127.0.0.1", List.of("garbage"))).isFalse();
  }

  @Test
  void ipv6PeersAndBracketsAreRead() {
    IpAllowlist list = IpAllowlist.of(List.of("::1/128"), List.of());
    assertThat(list.permits("0:0:0:0:0:0:0:1", List.of())).isTrue();
    assertThat(list.permits("[::1]", List.of())).isTrue();
  }

  @Test
  void rejectsEntriesThatAreNotNetworks() {
    assertThatThrownBy(() -> IpAllowlist.of(List.of("example.com"), List.of()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("example.com");
    assertThatThrownBy(() -> IpAllowlist.of(List.of("10.0.0.0/33"), List.of()))
        .isInstanceOf(WebhookConfigurationException.class);
    assertThatThrownBy(() -> IpAllowlist.of(List.of("300.1.1.1"), List.of()))
        .isInstanceOf(WebhookConfigurationException.class);
    assertThatThrownBy(() -> IpAllowlist.of(List.of(), List.of()))
        .isInstanceOf(WebhookConfigurationException.class);
  }
}
