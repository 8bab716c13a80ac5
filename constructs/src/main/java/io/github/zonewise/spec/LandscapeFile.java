package io.github.zonewise.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The landscape file bound as written: every field is nullable (absent in the file), names are the
 * file's own ({@code perAz}, {@code topologyAware}, …) and nothing is checked yet. The YAML binding
 * only: {@link LandscapeValidator} checks it and turns it into the typed {@link LandscapeSpec}. Sections
 * are described field by field in README.md and in {@code landscape.schema.json}, which a test keeps in
 * step with these records.
 *
 * @param name              the landscape's name
 * @param region            the home AWS region
 * @param account           the AWS account id
 * @param availabilityZones the AZs
 * @param singleAz          opt-in to one AZ
 * @param network           the cluster VPC
 * @param interconnect      other VPCs the cluster VPC talks to
 * @param registry          ECR repositories and their replication
 * @param cluster           the EKS cluster and its controllers
 * @param services          the workloads and how they route
 * @param nodePools         Karpenter node pools
 * @param traffic           the monthly traffic profile
 * @param prices            price-book overrides, by price key
 * @param positions         where each value is written in the file ({@link SourcePositions#none()} for a
 *                          landscape built in code); not a key of the file
 */
@JsonPropertyOrder({"name", "region", "account", "availabilityZones", "singleAz", "network", "interconnect",
    "registry", "cluster", "services", "nodePools", "traffic", "prices"})
public record LandscapeFile(
    String name,
    String region,
    String account,
    List<String> availabilityZones,
    Boolean singleAz,
    Network network,
    Interconnect interconnect,
    Registry registry,
    Cluster cluster,
    List<Service> services,
    List<NodePool> nodePools,
    List<Flow> traffic,
    Map<String, Double> prices,
    @JsonIgnore SourcePositions positions) {

  /**
   * A landscape without positions is one built in code.
   *
   * @param name              the landscape's name, or null when absent
   * @param region            the home AWS region, or null
   * @param account           the AWS account id, or null
   * @param availabilityZones the AZs, or null
   * @param singleAz          opt-in to one AZ, or null
   * @param network           the {@code network} section, or null
   * @param interconnect      the {@code interconnect} section, or null
   * @param registry          the {@code registry} section, or null
   * @param cluster           the {@code cluster} section, or null
   * @param services          the {@code services}, or null
   * @param nodePools         the {@code nodePools}, or null
   * @param traffic           the {@code traffic} flows, or null
   * @param prices            the {@code prices} overrides, or null
   * @param positions         where each value is written; null means {@link SourcePositions#none()}
   */
  public LandscapeFile {
    positions = positions == null ? SourcePositions.none() : positions;
  }

  /**
   * A landscape as written, built in code (no positions).
   *
   * @param name              the landscape's name
   * @param region            the home AWS region
   * @param account           the AWS account id
   * @param availabilityZones the AZs
   * @param singleAz          opt-in to one AZ
   * @param network           the cluster VPC
   * @param interconnect      other VPCs the cluster VPC talks to
   * @param registry          ECR repositories and their replication
   * @param cluster           the EKS cluster and its controllers
   * @param services          the workloads and how they route
   * @param nodePools         Karpenter node pools
   * @param traffic           the monthly traffic profile
   * @param prices            price-book overrides, by price key
   */
  public LandscapeFile(String name, String region, String account, List<String> availabilityZones, Boolean singleAz,
      Network network, Interconnect interconnect, Registry registry, Cluster cluster, List<Service> services,
      List<NodePool> nodePools, List<Flow> traffic, Map<String, Double> prices) {
    this(name, region, account, availabilityZones, singleAz, network, interconnect, registry, cluster, services,
        nodePools, traffic, prices, SourcePositions.none());
  }

  /** The same landscape, with where its values are written. */
  LandscapeFile located(SourcePositions where) {
    return new LandscapeFile(name, region, account, availabilityZones, singleAz, network, interconnect, registry,
        cluster, services, nodePools, traffic, prices, where);
  }

  /**
   * The {@code network} section.
   *
   * @param cidr                 the VPC CIDR
   * @param nat                  the NAT strategy's name
   * @param gatewayEndpoints     gateway endpoint names
   * @param interfaceEndpoints   interface endpoint names
   * @param flowLogs             the VPC flow logs
   */
  public record Network(String cidr, String nat, List<String> gatewayEndpoints, List<String> interfaceEndpoints,
      FlowLogs flowLogs) {
  }

  /**
   * The {@code network.flowLogs} section.
   *
   * @param destination   the destination's name ({@code s3} or {@code cloudwatch})
   * @param retentionDays days the flow logs are kept
   */
  public record FlowLogs(String destination, Integer retentionDays) {
  }

  /**
   * The {@code interconnect} section.
   *
   * @param mode the interconnect mode's name
   * @param vpcs the peer VPCs
   */
  public record Interconnect(String mode, List<PeerVpc> vpcs) {
  }

  /**
   * One peer VPC.
   *
   * @param name          its name
   * @param cidr          its CIDR
   * @param vpcId         an existing VPC's id
   * @param routeTableIds an existing VPC's route tables
   * @param subnetIds     an existing VPC's subnets
   */
  public record PeerVpc(String name, String cidr, String vpcId, List<String> routeTableIds, List<String> subnetIds) {
  }

  /**
   * The {@code registry} section.
   *
   * @param repositories repository names
   * @param replicateTo  replica regions
   */
  public record Registry(List<String> repositories, List<String> replicateTo) {
  }

  /**
   * The {@code cluster} section.
   *
   * @param version                 the Kubernetes version (quote it in YAML)
   * @param endpoint                the endpoint access's name
   * @param publicCidrs             CIDRs allowed to reach the public endpoint
   * @param allowOpenPublicEndpoint opt-in to a public endpoint open to 0.0.0.0/0
   * @param mesh                    the service mesh's name
   * @param manifests               how the manifests are delivered
   * @param systemNodes             the managed node group that runs the controllers
   */
  public record Cluster(String version, String endpoint, List<String> publicCidrs, Boolean allowOpenPublicEndpoint,
      String mesh, String manifests, SystemNodes systemNodes) {
  }

  /**
   * The system node group.
   *
   * @param instanceType EC2 instance type
   * @param perAz        nodes in each AZ
   */
  public record SystemNodes(String instanceType, Integer perAz) {
  }

  /**
   * One entry of {@code services}.
   *
   * @param name         its name
   * @param namespace    its namespace
   * @param image        container image or registry repository
   * @param port         the service port
   * @param replicas     replica count
   * @param routing      the routing mode's name
   * @param colocateWith another service, {@code name} or {@code namespace/name}
   * @param expose       the load balancer type's name, or {@code none}
   * @param locality     Istio locality load balancing
   * @param scheme       the load balancer scheme's name
   * @param certificateArn the ACM certificate of an ALB's HTTPS listener
   */
  public record Service(String name, String namespace, String image, Integer port, Integer replicas, String routing,
      String colocateWith, String expose, Locality locality, String scheme, String certificateArn) {
  }

  /**
   * Istio {@code localityLbSetting}.
   *
   * @param distribute from-zone → (to-zone → weight)
   * @param failover   from-region → to-region
   */
  public record Locality(Map<String, Map<String, Integer>> distribute, List<Failover> failover) {
  }

  /**
   * One failover rule.
   *
   * @param from a region
   * @param to   another region
   */
  public record Failover(String from, String to) {
  }

  /**
   * One entry of {@code nodePools}.
   *
   * @param name               its name
   * @param zones              {@code each} or a list of AZs
   * @param instanceCategories EC2 instance categories
   * @param capacityTypes      on-demand and/or spot
   * @param cpuLimit           vCPU limit per NodePool
   * @param ami                the AMI the nodes boot
   * @param architectures      amd64 and/or arm64
   */
  public record NodePool(String name, JsonNode zones, List<String> instanceCategories, List<String> capacityTypes,
      Integer cpuLimit, Ami ami, List<String> architectures) {
  }

  /**
   * A node pool's AMI.
   *
   * @param alias        a Karpenter alias
   * @param id           an AMI id
   * @param ssmParameter an SSM parameter holding an AMI id
   * @param family       the family a custom AMI is built on
   */
  public record Ami(String alias, String id, String ssmParameter, String family) {
  }

  /**
   * One entry of {@code traffic}.
   *
   * @param from one end
   * @param to   the other end
   * @param gb   gigabytes per month
   */
  public record Flow(String from, String to, Double gb) {
  }
}
