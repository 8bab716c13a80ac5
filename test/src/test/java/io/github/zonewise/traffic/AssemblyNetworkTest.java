package io.github.zonewise.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.test.Synth;
import io.github.zonewise.traffic.NetworkMap.SubnetTier;
import io.github.zonewise.traffic.NetworkMap.VpcRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code zonewise traffic --assembly cdk.out}: the network map read from the default landscape's cloud
 * assembly with the synth reader (subnet CIDRs → AZ and tier, VPC CIDRs → peers, NAT subnets,
 * interface endpoints), and the same measurement as with a network file.
 */
class AssemblyNetworkTest {

  static Synth.Synthesized synth;
  static AssemblyNetwork read;
  static NetworkMap map;

  @BeforeAll
  static void read() {
    synth = Synth.defaultLandscape();
    read = AssemblyNetwork.read(synth.outdir());
    map = read.map();
  }

  @Test
  void theClusterVpcIsTheClustersAndThePeersAreNamedAsTheLandscapeNamesThem() {
    assertThat(map.region()).isEqualTo("eu-west-1");
    assertThat(map.vpcs()).extracting(v -> v.name() + " " + v.cidr() + " " + v.role())
        .containsExactlyInAnyOrder("shop 10.0.0.0/16 CLUSTER", "payments 10.1.0.0/16 PEER",
            "analytics 10.2.0.0/16 PEER");
    assertThat(map.interconnect()).isEqualTo("peering");
  }

  @Test
  void subnetsCarryTheirAzAndTierFromTheTemplate() {
    assertThat(map.subnet("10.0.0.0/19")).get().satisfies(s -> {
      assertThat(s.vpc()).isEqualTo("shop");
      assertThat(s.az()).isEqualTo("eu-west-1a");
      assertThat(s.tier()).isEqualTo(SubnetTier.PRIVATE);
    });
    assertThat(map.subnet("10.0.196.0/22")).get().satisfies(s -> {
      assertThat(s.az()).isEqualTo("eu-west-1b");
      assertThat(s.tier()).isEqualTo(SubnetTier.PUBLIC);
    });
    assertThat(map.subnets()).filteredOn(s -> s.vpc().equals("shop") && s.tier() == SubnetTier.PRIVATE)
        .extracting(NetworkMap.Subnet::az).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
  }

  @Test
  void natGatewaysAreInTheirAzsPublicSubnets() {
    assertThat(map.natGateways()).extracting(NetworkMap.NatGateway::subnet)
        .containsExactly("10.0.192.0/22", "10.0.196.0/22", "10.0.200.0/22");
  }

  @Test
  void theInterfaceEndpointsAreThoseTheDesignDecided() {
    assertThat(map.interfaceEndpoints()).extracting(NetworkMap.InterfaceEndpoint::service)
        .containsExactlyElementsOf(synth.landscape().design().interfaceEndpoints());
  }

  @Test
  void theCommandMeasuresTheSameCrossAzBytesAsWithANetworkFile() throws Exception {
    Path dir = Files.createTempDirectory("zonewise-traffic-assembly");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("flows.log"), FlowLogFormat.ZONEWISE.header() + "\n"
        + TrafficCommandTest.record("eni-web", "i-1", "subnet-a", "euw1-az1", "10.0.1.5", "10.0.33.5", "egress", "1",
            1L << 30) + "\n"
        + TrafficCommandTest.record("eni-api", "i-2", "subnet-b", "euw1-az2", "10.0.1.5", "10.0.33.5", "ingress", "-",
            1L << 30) + "\n"
        + TrafficCommandTest.record("eni-api", "i-2", "subnet-b", "euw1-az2", "10.0.33.5", "10.0.1.5", "egress", "1",
            1L << 20) + "\n"
        + TrafficCommandTest.record("eni-web", "i-1", "subnet-a", "euw1-az1", "10.0.33.5", "10.0.1.5", "ingress", "-",
            1L << 20) + "\n");
    Path network = dir.resolve("network.yaml");
    Files.writeString(network, """
        region: eu-west-1
        vpcs:
          - {name: shop, cidr: 10.0.0.0/16, role: cluster}
        subnets:
          - {vpc: shop, cidr: 10.0.0.0/19, az: eu-west-1a, tier: private}
          - {vpc: shop, cidr: 10.0.32.0/19, az: eu-west-1b, tier: private}
        """);
    Path pods = dir.resolve("pods.json");
    Files.writeString(pods, """
        {"items": [
          {"metadata": {"name": "web-6d5f-a", "namespace": "shop", "labels": {"app": "web", "pod-template-hash": "6d5f"},
            "ownerReferences": [{"kind": "ReplicaSet", "name": "web-6d5f"}]}, "status": {"podIP": "10.0.1.5"}},
          {"metadata": {"name": "api-0", "namespace": "shop", "labels": {"app": "api"},
            "ownerReferences": [{"kind": "StatefulSet", "name": "api"}]}, "status": {"podIP": "10.0.33.5"}}
        ]}""");
    TrafficCommandTest.Run fromAssembly = TrafficCommandTest.traffic(logs.toString(), "--assembly",
        synth.outdir().toString(), "--pods", pods.toString());
    TrafficCommandTest.Run fromFile = TrafficCommandTest.traffic(logs.toString(), "--network", network.toString(),
        "--pods", pods.toString());
    assertThat(fromAssembly.code()).as(fromAssembly.err()).isZero();
    assertThat(fromAssembly.err()).startsWith("zonewise traffic: --assembly " + synth.outdir() + ": 3 VPCs, ");
    String crossAz = "cross-AZ hops (in a VPC, to a NAT gateway, over peering)";
    assertThat(line(fromAssembly.out(), crossAz)).isEqualTo(line(fromFile.out(), crossAz)).contains("4,384.28 GB");
    assertThat(fromAssembly.out()).endsWith(fromFile.out().substring(fromFile.out().indexOf("traffic:\n")));
  }

  static String line(String out, String start) {
    return out.lines().filter(l -> l.trim().startsWith(start)).findFirst().orElse("no line " + start + " in " + out);
  }
}
