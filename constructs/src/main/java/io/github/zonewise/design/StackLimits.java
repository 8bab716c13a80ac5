package io.github.zonewise.design;

import io.github.zonewise.facts.FlowLogQuery;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.NodePoolSpec;
import io.github.zonewise.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CloudFormation's limits on one stack, checked against the stacks a design will synthesize, in
 * plain Java before anything is built: at most {@value #MAX_RESOURCES} resources, a template of at
 * most {@value #MAX_TEMPLATE_BYTES} bytes (uploaded through the bootstrap bucket), {@value #MAX_OUTPUTS}
 * outputs and {@value #MAX_PARAMETERS} parameters. The resource counts follow the constructs one for
 * one (a test holds each estimate equal to the synthesized template); sizes are upper estimates.
 */
public final class StackLimits {

  /** Resources in one stack. */
  public static final int MAX_RESOURCES = 500;
  /** Bytes of one template body (through S3). */
  public static final int MAX_TEMPLATE_BYTES = 1_048_576;
  /** Outputs of one stack. */
  public static final int MAX_OUTPUTS = 200;
  /** Parameters of one stack. */
  public static final int MAX_PARAMETERS = 200;

  /** Bytes a network resource takes at most in a synthesized template (measured: about 400). */
  static final int NETWORK_BYTES_PER_RESOURCE = 600;
  /** Bytes of the cluster stack without its manifests (measured: about 70,000 for the default). */
  static final int CLUSTER_BASE_BYTES = 90_000;
  /** Bytes a Kubernetes object takes at most inside a manifest resource (JSON, escaped). */
  static final int BYTES_PER_KUBERNETES_OBJECT = 1_500;

  private StackLimits() {
  }

  /**
   * What one stack will hold.
   *
   * @param stack      the stack's name
   * @param resources  its resources
   * @param bytes      an upper estimate of its template's size
   * @param outputs    its outputs
   * @param parameters its parameters
   */
  public record Estimate(String stack, int resources, long bytes, int outputs, int parameters) {
  }

  /**
   * The estimates of every stack of a design.
   *
   * @param design the design
   * @return one estimate per stack, the network stack first
   */
  public static List<Estimate> estimate(LandscapeDesign design) {
    LandscapeSpec spec = design.landscape().spec();
    List<Estimate> out = new ArrayList<>();
    int network = networkResources(design);
    boolean cluster = spec.cluster().isPresent();
    int zones = spec.availabilityZones().size();
    // exports to the cluster stack: the VPC and its private subnets
    out.add(new Estimate(spec.name() + "-network", network, (long) network * NETWORK_BYTES_PER_RESOURCE,
        cluster ? 1 + zones : 0, 1));
    spec.registry().ifPresent(r -> {
      out.add(new Estimate(spec.name() + "-registry", r.repositories().size() + 1,
          (r.repositories().size() + 2L) * NETWORK_BYTES_PER_RESOURCE, 0, 1));
      r.replicateTo().forEach(region -> out.add(new Estimate(spec.name() + "-registry-" + region,
          r.repositories().size() + 1, (r.repositories().size() + 1L) * NETWORK_BYTES_PER_RESOURCE, 0, 1)));
    });
    spec.cluster().ifPresent(c -> {
      boolean applied = c.manifests() != io.github.zonewise.spec.ManifestDelivery.GITOPS;
      int charts = applied ? charts(spec) : 0;
      int resources = 36 + zones + charts + (c.mesh() == io.github.zonewise.cluster.ServiceMesh.ISTIO ? 2 : 0);
      out.add(new Estimate(spec.name() + "-cluster", resources,
          CLUSTER_BASE_BYTES + (applied ? (long) kubernetesObjects(spec) * BYTES_PER_KUBERNETES_OBJECT : 0), 0, 1 + 2));
    });
    return out;
  }

  /**
   * The network stack's resources: the cluster VPC, the created peers and the interconnect, as
   * {@code ZonalVpc}, {@code VpcInterconnect}, {@code VpcPeering} and {@code TransitGateway} build them.
   *
   * @param design the design
   * @return the resources
   */
  public static int networkResources(LandscapeDesign design) {
    LandscapeSpec spec = design.landscape().spec();
    int z = spec.availabilityZones().size();
    boolean s3 = spec.network().flowLogDestination().isS3();
    int total = clusterVpc(design) + flowLogArchive(spec);
    if (spec.interconnect().isEmpty()) {
      return total;
    }
    List<PeerVpc> peers = spec.interconnect().get().vpcs();
    boolean tgw = design.interconnectMode().map(Interconnect::isTransitGateway).orElse(false);
    for (PeerVpc peer : peers) {
      if (!peer.isExisting()) {
        total += vpc(z, false, NatStrategy.none(), VpcEndpoints.DEFAULT_GATEWAY.size(), 0, tgw, s3);
      }
    }
    if (tgw) {
      total += 2;   // the gateway and its route table
      int vpcs = peers.size() + 1;
      total += 3 * vpcs;   // per VPC: attachment, association, propagation
      List<Integer> tables = new ArrayList<>(List.of(z));
      peers.forEach(p -> tables.add(p.isExisting() ? p.routeTableIds().size() : z));
      for (int tablesOfOne : tables) {
        total += tablesOfOne * (vpcs - 1);   // a route to each other VPC in each of its route tables
      }
    } else {
      for (PeerVpc peer : peers) {
        total += 1 + z + (peer.isExisting() ? peer.routeTableIds().size() : z);   // connection, routes both ways
      }
    }
    return total;
  }

  /** The cluster VPC's resources. */
  private static int clusterVpc(LandscapeDesign design) {
    LandscapeSpec spec = design.landscape().spec();
    return vpc(spec.availabilityZones().size(), true, design.nat(), spec.network().gatewayEndpoints().size(),
        design.interfaceEndpoints().size(), design.transitSubnets(), spec.network().flowLogDestination().isS3());
  }

  /**
   * With flow logs to S3, the landscape's one archive (bucket and policy) and Athena over it: the Glue
   * database and table, the workgroup, its results bucket and policy, and a named query per flow-log
   * question; none with CloudWatch Logs.
   */
  private static int flowLogArchive(LandscapeSpec spec) {
    return spec.network().flowLogDestination().isS3() ? 2 + 5 + FlowLogQuery.values().length : 0;
  }

  /** A {@code ZonalVpc}'s resources. */
  private static int vpc(int z, boolean publicSubnets, NatStrategy nat, int gatewayEndpoints, int interfaceEndpoints,
      boolean transit, boolean s3FlowLogs) {
    int n = 1;                                  // the VPC
    if (publicSubnets) {
      n += 2 + 4 * z;                           // gateway and attachment; subnet, table, association, route
    }
    n += 3 * z;                                 // private subnet, table, association
    if (transit) {
      n += 2 * z;                               // transit subnet and its association
    }
    int gateways = nat.billedGateways(z);
    if (gateways > 0) {
      boolean regional = nat.name().equals(NatStrategy.regional().name());
      n += gateways * (regional ? 1 : 2) + z;   // gateways (zonal ones with their EIP), a default route per AZ
    }
    n += gatewayEndpoints;
    if (interfaceEndpoints > 0) {
      n += 1 + interfaceEndpoints;              // their security group
    }
    // the flow log, delivered to the landscape's archive, or with a log group and a role of its own
    return n + (s3FlowLogs ? 1 : 3);
  }

  private static int charts(LandscapeSpec spec) {
    Set<String> namespaces = new LinkedHashSet<>();
    spec.services().forEach(s -> namespaces.add(s.namespace()));
    return namespaces.size() + (spec.nodePools().isEmpty() ? 0 : 1);
  }

  private static int kubernetesObjects(LandscapeSpec spec) {
    int n = charts(spec);   // namespaces, at most one a chart
    for (ServiceSpec s : spec.services()) {
      n += 2 + (s.exposure().isPresent() ? 1 : 0) + (s.locality().isPresent() ? 1 : 0);
    }
    for (NodePoolSpec p : spec.nodePools()) {
      n += 1 + p.zones().size();
    }
    return n;
  }

  /**
   * Fails when a stack of the design is over one of CloudFormation's limits, naming the landscape field
   * that grew it and the fix.
   *
   * @param design the design
   * @throws LandscapeException for the first stack over a limit
   */
  public static void check(LandscapeDesign design) {
    LandscapeSpec spec = design.landscape().spec();
    for (Estimate e : estimate(design)) {
      if (e.resources() > MAX_RESOURCES) {
        throw overResources(design, e);
      }
      if (e.bytes() > MAX_TEMPLATE_BYTES) {
        throw new LandscapeException("services", spec.services().size() + " services", "make the template of "
            + e.stack() + " about " + e.bytes() / 1024 + " KiB with the manifests it applies, over CloudFormation's"
            + " limit of 1 MiB a template; set cluster.manifests: gitops (the manifests stay in the manifests"
            + " directory for a GitOps tool and out of the stack), or split the services over landscapes");
      }
      if (e.outputs() > MAX_OUTPUTS || e.parameters() > MAX_PARAMETERS) {
        throw new LandscapeException("availabilityZones", spec.availabilityZones(), "give " + e.stack() + " "
            + e.outputs() + " outputs and " + e.parameters() + " parameters, over CloudFormation's limit of 200 each;"
            + " list fewer AZs");
      }
    }
  }

  private static LandscapeException overResources(LandscapeDesign design, Estimate e) {
    LandscapeSpec spec = design.landscape().spec();
    int z = spec.availabilityZones().size();
    if (!e.stack().endsWith("-network")) {
      String field = e.stack().endsWith("-cluster") ? "services" : "registry.repositories";
      return new LandscapeException(field, e.stack(), "would hold about " + e.resources() + " CloudFormation"
          + " resources, over the limit of " + MAX_RESOURCES + " a stack; list fewer, or split them over landscapes");
    }
    int clusterVpc = clusterVpc(design);
    int archive = flowLogArchive(spec);
    int rest = e.resources() - clusterVpc - archive;
    List<PeerVpc> peers = spec.interconnect().map(i -> i.vpcs()).orElse(List.of());
    String limit = "make the network stack " + e.stack() + " " + e.resources() + " CloudFormation resources, over"
        + " CloudFormation's limit of " + MAX_RESOURCES + " a stack (the cluster VPC " + clusterVpc
        + (archive == 0 ? "" : ", the flow-log archive and its Athena queries " + archive)
        + (peers.isEmpty() ? "" : ", the " + peers.size() + " peer VPCs and their " + design.interconnectMode()
        .map(Object::toString).orElse("interconnect") + " " + rest) + ")";
    if (rest > clusterVpc) {
      return new LandscapeException("interconnect.vpcs", peers.stream().map(PeerVpc::name).toList(), "with "
          + z + " AZs " + limit + "; list fewer peers, or build the created peers in a landscape of their own and"
          + " list them here with their vpcId (an existing peer adds no VPC to this stack)");
    }
    return new LandscapeException("availabilityZones", spec.availabilityZones(), limit + "; list fewer AZs (each"
        + " adds about " + Math.max(1, (e.resources() - 1) / z) + " resources to this stack)");
  }
}
