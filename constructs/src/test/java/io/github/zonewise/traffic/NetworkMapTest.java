package io.github.zonewise.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The network map from YAML, the pod inventory from kubectl's JSON, and their bad input. */
class NetworkMapTest {

  static final String MAP = """
      region: eu-west-1
      interconnect: peering
      vpcs:
        - {name: shop, cidr: 10.0.0.0/16, role: cluster, id: vpc-shop}
        - {name: analytics, cidr: 10.1.0.0/16, role: peer}
      subnets:
        - {vpc: shop, cidr: 10.0.0.0/19, az: eu-west-1a, azId: euw1-az1, tier: private, id: subnet-pa}
        - {vpc: shop, cidr: 10.0.192.0/22, az: eu-west-1a, azId: euw1-az1, tier: public}
      natGateways:
        - {subnet: 10.0.192.0/22, privateIp: 10.0.192.10}
      interfaceEndpoints:
        - {service: sts, subnets: [subnet-pa], addresses: [10.0.0.200]}
      """;

  static NetworkMap read(String yaml) throws Exception {
    Path f = Files.createTempFile("network", ".yaml");
    Files.writeString(f, yaml);
    return NetworkMap.read(f);
  }

  static String readError(String yaml) throws Exception {
    Path f = Files.createTempFile("network", ".yaml");
    Files.writeString(f, yaml);
    try {
      NetworkMap.read(f);
      throw new AssertionError("no error");
    } catch (TrafficInputException e) {
      return e.getMessage().substring(("network map " + f + ": ").length());
    }
  }

  @Test
  void aMapReadsFromYaml() throws Exception {
    NetworkMap map = read(MAP);
    assertThat(map.region()).isEqualTo("eu-west-1");
    assertThat(map.vpcs()).extracting(NetworkMap.Vpc::name).containsExactly("shop", "analytics");
    assertThat(map.subnet("subnet-pa").orElseThrow().zone()).isEqualTo("euw1-az1");
    assertThat(map.subnet("10.0.192.0/22").orElseThrow().tier()).isEqualTo(NetworkMap.SubnetTier.PUBLIC);
    assertThat(map.natGateways().get(0).privateIp()).isEqualTo("10.0.192.10");
    assertThat(map.interfaceEndpoints().get(0).addresses()).containsExactly("10.0.0.200");
  }

  @Test
  void overlappingVpcsAreRefusedNamingBoth() throws Exception {
    assertThat(readError(MAP.replace("10.1.0.0/16", "10.0.128.0/17"))).isEqualTo("vpcs[1].cidr: 10.0.128.0/17 of"
        + " analytics overlaps 10.0.0.0/16 of shop; an address must belong to one VPC");
  }

  @Test
  void aSubnetOfAnUnknownVpcIsRefused() throws Exception {
    assertThat(readError(MAP.replace("{vpc: shop, cidr: 10.0.0.0/19", "{vpc: shp, cidr: 10.0.0.0/19")))
        .isEqualTo("subnets[0].vpc: 'shp' is not a VPC of the map; use one of [shop, analytics]");
  }

  @Test
  void aSubnetOutsideItsVpcIsRefused() throws Exception {
    assertThat(readError(MAP.replace("cidr: 10.0.0.0/19", "cidr: 10.2.0.0/19")))
        .isEqualTo("subnets[0].cidr: 10.2.0.0/19 is not inside 10.0.0.0/16 of VPC shop");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKnownOnes() throws Exception {
    assertThat(readError(MAP.replace("interconnect: peering", "interconect: peering")))
        .isEqualTo("interconect: unknown key; known keys: region, interconnect, vpcs, subnets, natGateways,"
            + " interfaceEndpoints");
  }

  @Test
  void anUnknownRoleIsRefused() throws Exception {
    assertThat(readError(MAP.replace("role: peer", "role: partner")))
        .isEqualTo("vpcs[1].role: 'partner' is not one of [cluster, peer, other]");
  }

  @Test
  void aNatGatewayAddressOutsideItsSubnetIsRefused() throws Exception {
    assertThat(readError(MAP.replace("privateIp: 10.0.192.10", "privateIp: 10.0.1.10")))
        .isEqualTo("natGateways[0].privateIp: '10.0.1.10' is not an address of subnet 10.0.192.0/22");
  }

  @Test
  void aMissingMapSaysHowToWriteOne() throws Exception {
    Path missing = Path.of("no-such-network.yaml");
    assertThatThrownBy(() -> NetworkMap.read(missing)).hasMessage("network map no-such-network.yaml: does not exist;"
        + " write the network as YAML (see README, 'zonewise traffic') or pass --assembly cdk.out");
  }

  @Test
  void podsAreNamedByTheirServiceElseTheirDeployment() throws Exception {
    Path dir = Files.createTempDirectory("pods");
    PodInventory pods = FlowLogFixture.pods(dir);
    assertThat(pods.pod("10.0.1.10").orElseThrow().end()).isEqualTo("orders");
    assertThat(pods.pod("10.0.1.10").orElseThrow().workload()).isEqualTo("Deployment/orders");
    assertThat(pods.pod("10.0.1.99")).as("host network: the node's address").isEmpty();
    assertThat(pods.nodes()).containsEntry("10.0.1.99", "node-a1");
    Files.writeString(dir.resolve("pods.json"), FlowLogFixture.podsJson());
    PodInventory noServices = PodInventory.read(dir.resolve("pods.json"), null);
    assertThat(noServices.pod("10.0.65.20").orElseThrow().end()).isEqualTo("graphql");
    assertThat(noServices.pod("10.0.65.20").orElseThrow().service()).isNull();
  }

  @Test
  void aFileThatIsNotKubectlOutputIsRefused() throws Exception {
    Path f = Files.createTempFile("pods", ".json");
    Files.writeString(f, "{\"kind\": \"Pod\"}");
    assertThatThrownBy(() -> PodInventory.read(f, null)).hasMessage(f + ": is not the output of kubectl get pods -A"
        + " -o json (no list 'items')");
  }
}
