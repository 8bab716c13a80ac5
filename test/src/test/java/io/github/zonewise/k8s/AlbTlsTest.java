package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.zonewise.facts.InvalidValue;
import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code expose: alb} with {@code certificateArn}: the Ingress asks the AWS Load Balancer Controller for
 * an HTTPS listener on 443 with the certificate and a TLS 1.3/1.2 policy, and redirects HTTP to it; an
 * internet-facing ALB without a certificate keeps its HTTP listener and the synth warns once.
 */
class AlbTlsTest {

  static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

  static Synth.Synthesized synth;
  static Map<String, JsonNode> ingresses = new LinkedHashMap<>();

  @BeforeAll
  static void synthesize() throws IOException {
    synth = Synth.landscape("""
        name: shop
        region: eu-west-1
        availabilityZones: [eu-west-1a, eu-west-1b]
        services:
          - {name: web, namespace: shop, image: web:1.0.0, port: 8080, replicas: 2, expose: alb,
             scheme: internet-facing, certificateArn: %s}
          - {name: api, namespace: shop, image: api:1.0.0, port: 9000, replicas: 2, expose: alb,
             scheme: internet-facing}
          - {name: admin, namespace: shop, image: admin:1.0.0, port: 9100, replicas: 2, expose: alb}
        nodePools: []
        """.formatted(CERTIFICATE));
    try (var parser = new YAMLFactory().createParser(synth.dist().resolve("workloads-shop.k8s.yaml").toFile())) {
      new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(o -> {
        if (o.path("kind").asText().equals("Ingress")) {
          ingresses.put(o.path("metadata").path("name").asText(), o.path("metadata").path("annotations"));
        }
      });
    }
  }

  static Map<String, String> annotations(String name) {
    Map<String, String> found = new TreeMap<>();
    ingresses.get(name).fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asText()));
    return found;
  }

  @Test
  void anAlbWithACertificateListensOnHttpsAndRedirectsHttpToIt() {
    assertThat(annotations("web")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "alb.ingress.kubernetes.io/certificate-arn", CERTIFICATE,
        "alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]",
        "alb.ingress.kubernetes.io/scheme", "internet-facing",
        "alb.ingress.kubernetes.io/ssl-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "alb.ingress.kubernetes.io/ssl-redirect", "443",
        "alb.ingress.kubernetes.io/target-type", "ip")));
  }

  @Test
  void albsWithoutACertificateListenOnHttpAndOnlyTheInternetFacingOneIsWarnedAboutOnce() {
    assertThat(annotations("api")).containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": 80}]")
        .doesNotContainKeys("alb.ingress.kubernetes.io/certificate-arn", "alb.ingress.kubernetes.io/ssl-redirect");
    assertThat(annotations("admin")).containsEntry("alb.ingress.kubernetes.io/scheme", "internal")
        .doesNotContainKey("alb.ingress.kubernetes.io/certificate-arn");
    assertThat(synth.output().lines().filter(l -> l.contains("certificateArn"))).containsExactly("zonewise: warning:"
        + " services[1].certificateArn: not set, so the internet-facing ALB of api listens on HTTP only (port 80) and"
        + " its requests and responses cross the internet unencrypted; set certificateArn to the ARN of an ACM"
        + " certificate in eu-west-1 for its domain (the ALB then gets an HTTPS listener on 443 and redirects HTTP to"
        + " it)");
  }

  @Test
  void theConstructsRuleChecksTheArnsFormAndRegion() {
    assertThatThrownBy(() -> IpModeLoadBalancerProps.checkCertificateArn("certificateArn", "arn:aws:acm:eu-west-1:1:x",
        null)).isInstanceOf(InvalidValue.class).hasMessage("certificateArn: 'arn:aws:acm:eu-west-1:1:x' is not an ACM"
        + " certificate ARN; write it as arn:aws:acm:<region>:<account>:certificate/<id> (the id a UUID), as the ACM"
        + " console or `aws acm list-certificates` shows it");
    assertThat(IpModeLoadBalancerProps.checkCertificateArn("certificateArn", CERTIFICATE, "eu-west-1"))
        .isEqualTo(CERTIFICATE);
    assertThatThrownBy(() -> IpModeLoadBalancerProps.checkCertificateArn("certificateArn", CERTIFICATE, "us-east-1"))
        .hasMessage("certificateArn: '" + CERTIFICATE + "' is a certificate of eu-west-1, and an ALB in us-east-1 can"
        + " only use a certificate of its own region; request or import the certificate in ACM in us-east-1 and give"
        + " its ARN");
  }
}
