package io.github.zonewise.k8s;

import io.github.zonewise.cluster.KarpenterNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * Karpenter v1 capacity pinned to zones: one {@code EC2NodeClass} ({@code karpenter.k8s.aws/v1})
 * and one {@code NodePool} ({@code karpenter.sh/v1}) per AZ, each with a
 * {@code topology.kubernetes.io/zone In [<zone>]} requirement, so capacity is provisioned in the
 * zone whose pods need it and a zone's pressure never launches nodes in another zone.
 *
 * <p>The EC2NodeClass finds the private subnets and the cluster security group by the discovery
 * tag ({@link KarpenterNames#DISCOVERY_TAG}), gives nodes the role
 * {@link KarpenterNames#nodeRoleName(String)}, requires IMDSv2 (hop limit 1: pods cannot reach the
 * node's credentials), launches without public IPv4 addresses (no $0.005/hour per node) and boots
 * a pinned AMI ({@link NodeAmi}). Each NodePool consolidates empty and under-used nodes after a
 * minute (at most 10% of its nodes at a time), replaces nodes after 30 days, and stops at
 * {@link ZonalNodePoolsProps#cpuLimit()} vCPUs.
 */
public class ZonalNodePools extends Construct {

  /** Karpenter's NodePool API version. */
  public static final String NODE_POOL_API = "karpenter.sh/v1";

  /** The name of the chart (and of its {@code <chart>.k8s.yaml} manifest) a landscape's node pools are in. */
  public static final String CHART = "nodepools";
  /** Karpenter's EC2NodeClass API version. */
  public static final String NODE_CLASS_API = "karpenter.k8s.aws/v1";

  private final ZonalNodePoolsProps props;
  private final ApiObject nodeClass;
  private final Map<String, ApiObject> nodePools = new LinkedHashMap<>();

  /**
   * Creates the EC2NodeClass and the NodePools.
   *
   * @param scope the parent, inside a cdk8s chart
   * @param id    the construct id
   * @param props the properties
   */
  public ZonalNodePools(Construct scope, String id, ZonalNodePoolsProps props) {
    super(scope, id);
    this.props = props;
    this.nodeClass = ApiObjects.create(this, "NodeClass", NODE_CLASS_API, "EC2NodeClass", props.name(), null,
        Map.of(), Map.of(), Map.of("spec", nodeClassSpec(props)));
    for (String zone : props.zones()) {
      nodePools.put(zone, ApiObjects.create(this, zone, NODE_POOL_API, "NodePool",
          ZonalNodePoolsProps.nodePoolName(props.name(), zone), null, Map.of(), Map.of(),
          Map.of("spec", nodePoolSpec(props, zone))));
    }
  }

  private static Map<String, Object> nodeClassSpec(ZonalNodePoolsProps props) {
    Map<String, Object> discovery = Map.of("tags", Map.of(KarpenterNames.DISCOVERY_TAG,
        KarpenterNames.discoveryValue(props.clusterName())));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("role", KarpenterNames.nodeRoleName(props.clusterName()));
    spec.put("amiSelectorTerms", List.of(props.ami().selectorTerm()));
    if (props.ami().isCustom()) {
      spec.put("amiFamily", props.ami().family());
    }
    spec.put("subnetSelectorTerms", List.of(discovery));
    spec.put("securityGroupSelectorTerms", List.of(discovery));
    spec.put("associatePublicIPAddress", false);
    spec.put("metadataOptions", ApiObjects.ordered("httpEndpoint", "enabled", "httpProtocolIPv6", "disabled",
        "httpPutResponseHopLimit", 1, "httpTokens", "required"));
    return spec;
  }

  private static Map<String, Object> nodePoolSpec(ZonalNodePoolsProps props, String zone) {
    List<Object> requirements = new ArrayList<>();
    requirements.add(requirement(ZonalDeployment.ZONE_KEY, "In", List.of(zone)));
    requirements.add(requirement("karpenter.sh/capacity-type", "In", props.capacityTypes()));
    requirements.add(requirement("karpenter.k8s.aws/instance-category", "In", props.instanceCategories()));
    requirements.add(requirement("karpenter.k8s.aws/instance-generation", "Gt", List.of("2")));
    requirements.add(requirement("kubernetes.io/arch", "In", props.architectures()));
    requirements.add(requirement("kubernetes.io/os", "In", List.of("linux")));
    Map<String, Object> templateSpec = new LinkedHashMap<>();
    templateSpec.put("nodeClassRef", ApiObjects.ordered("group", "karpenter.k8s.aws", "kind", "EC2NodeClass",
        "name", props.name()));
    templateSpec.put("requirements", requirements);
    templateSpec.put("expireAfter", "720h");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("template", Map.of("spec", templateSpec));
    spec.put("disruption", ApiObjects.ordered("consolidationPolicy", "WhenEmptyOrUnderutilized",
        "consolidateAfter", "1m", "budgets", List.of(Map.of("nodes", "10%"))));
    spec.put("limits", Map.of("cpu", props.cpuLimit()));
    return spec;
  }

  private static Map<String, Object> requirement(String key, String operator, List<String> values) {
    return ApiObjects.ordered("key", key, "operator", operator, "values", values);
  }

  /** {@return the props this was built with} */
  public ZonalNodePoolsProps props() {
    return props;
  }

  /** {@return the EC2NodeClass object} */
  public ApiObject nodeClass() {
    return nodeClass;
  }

  /** {@return the NodePool objects by zone, in the order of {@link ZonalNodePoolsProps#zones()}} */
  public Map<String, ApiObject> nodePools() {
    return Collections.unmodifiableMap(nodePools);
  }
}
