package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go: the embedded default's rules, and production's. */
class TargetPolicyTest {

    private final TargetPolicy embedded = new TargetPolicy(false, false, List.of());
    private final TargetPolicy production = new TargetPolicy(true, true, List.of("Hooks.Internal.Example"));

    @Test
    void theEmbeddedDefaultTakesHttpAndHttpsToAnyHost() {
        assertThat(embedded.refusal("http://localhost:9000/hooks")).isEmpty();
        assertThat(embedded.refusal("http://127.0.0.1:9000/hooks")).isEmpty();
        assertThat(embedded.refusal("https://10.1.2.3/hooks")).isEmpty();
    }

    @Test
    void everyPolicyRefusesWhatIsNoHttpUrl() {
        for (TargetPolicy policy : List.of(embedded, production)) {
            assertThat(policy.refusal(null)).contains("is required");
            assertThat(policy.refusal("  ")).contains("is required");
            assertThat(policy.refusal("/hooks")).get().asString().startsWith("must be an absolute");
            assertThat(policy.refusal("ftp://example.com/hooks")).get().asString().startsWith("must be an absolute");
            assertThat(policy.refusal("https://user:secret@example.com/hooks")).contains("must not carry credentials");
            assertThat(policy.refusal("https://example.com/hooks#part")).contains("must not have a fragment");
            assertThat(policy.refusal("https:///hooks")).isPresent();
            assertThat(policy.refusal("https://example.com/" + "a".repeat(2000))).get().asString().contains("2000");
        }
    }

    @Test
    void productionTakesOnlyHttps() {
        assertThat(production.refusal("http://hooks.internal.example/hooks")).contains("must use https");
        assertThat(production.formRefusal("https://hooks.internal.example/hooks")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://localhost/hooks", "https://[::1]/hooks",
            "https://10.0.0.5/hooks", "https://172.16.3.4/hooks", "https://192.168.1.10/hooks",
            "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/hooks", "https://[fd00::1]/hooks",
            "https://[fe80::1]/hooks", "https://[::ffff:127.0.0.1]/hooks", "https://100.64.0.1/hooks",
            "https://224.0.0.1/hooks"})
    void productionRefusesLoopbackPrivateAndLinkLocalTargets(String url) {
        assertThat(production.refusal(url)).get().asString().contains("loopback, private or link-local");
    }

    @Test
    void productionTakesPublicAddressesAndTheAllowedHosts() {
        assertThat(production.refusal("https://93.184.215.14/hooks")).isEmpty();
        assertThat(production.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks")).isEmpty();
        assertThat(production.checksAddresses("hooks.internal.example")).isFalse();
        assertThat(production.checksAddresses("HOOKS.internal.example.")).isFalse();
        assertThat(production.checksAddresses("other.internal.example")).isTrue();
        assertThat(embedded.checksAddresses("localhost")).isFalse();
    }

    @Test
    void anAddressIsPublicOnlyOutsideTheSpecialRanges() throws UnknownHostException {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("127.10.0.1"))).isFalse();
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("64:ff9b::a00:1"))).as("NAT64 of 10.0.0.1").isFalse();
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("::10.0.0.1"))).as("IPv4-compatible").isFalse();
        assertThat(TargetPolicy.isPublic(InetAddress.getByName("255.255.255.255"))).isFalse();
    }
}
