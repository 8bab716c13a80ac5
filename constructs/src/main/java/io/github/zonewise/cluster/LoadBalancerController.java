package io.github.zonewise.cluster;

import io.github.zonewise.facts.JsonObjects;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.HelmChart;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * The AWS Load Balancer Controller: the Helm chart {@value #CHART_VERSION} (controller
 * {@value #APP_VERSION}) in {@code kube-system}, its service account bound through EKS Pod Identity
 * to a role with the controller's own IAM policy for that version (elastic load balancing and
 * security-group actions, write actions conditioned on the {@code elbv2.k8s.aws/cluster} tag the
 * controller puts on what it creates). It turns the locality layer's Services
 * ({@code aws-load-balancer-type: external}, target type {@code ip}) into NLBs and its Ingresses
 * into ALBs that send traffic straight to pod IPs. Created by {@link ZonalCluster}.
 *
 * <p>The controller image comes from the chart's default registry ({@code public.ecr.aws}), pulled
 * once per node through the NAT gateway.
 */
public final class LoadBalancerController extends Construct {

  /** The controller version. */
  public static final String APP_VERSION = "v3.2.2";

  /** The Helm chart version installed (pinned). */
  public static final String CHART_VERSION = "3.2.2";

  /** The Helm chart repository. */
  public static final String CHART_REPOSITORY = "https://aws.github.io/eks-charts";

  /** The service account (and release) name. */
  public static final String SERVICE_ACCOUNT = "aws-load-balancer-controller";

  private static final String POLICY_RESOURCE = "load-balancer-controller-iam-policy-" + APP_VERSION + ".json";

  private final PodIdentity podIdentity;
  private final HelmChart chart;

  /**
   * Installs the controller.
   *
   * @param scope       the parent
   * @param id          the construct id
   * @param cluster     the cluster
   * @param clusterName the cluster's name (a plain string, not a token)
   * @param capacity    what must exist before the chart is installed (the system nodes)
   */
  LoadBalancerController(Construct scope, String id, Cluster cluster, String clusterName, List<IDependable> capacity) {
    super(scope, id);
    this.podIdentity = new PodIdentity(this, "PodIdentity", cluster, "kube-system", SERVICE_ACCOUNT);
    Policy policy = Policy.Builder.create(this, "ControllerPolicy")
        .document(PolicyDocument.fromJson(policy()))
        .roles(List.of(podIdentity.role()))
        .build();
    NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
        .reason("The AWS Load Balancer Controller's own IAM policy for " + APP_VERSION + ": load balancers, target"
            + " groups, listeners and security groups are created at run time with generated names, so they are"
            + " matched by wildcard; every write is conditioned on the elbv2.k8s.aws/cluster tag the controller"
            + " sets, and Describe/Get actions take no resource-level permissions")
        .build()));

    this.chart = HelmChart.Builder.create(this, "Resource")
        .cluster(cluster)
        .chart("aws-load-balancer-controller")
        .repository(CHART_REPOSITORY)
        .version(CHART_VERSION)
        .release(SERVICE_ACCOUNT)
        .namespace("kube-system")
        .createNamespace(false)
        .wait(true)
        .timeout(Duration.minutes(15))
        .values(JsonObjects.of(
            "clusterName", clusterName,
            "region", Aws.REGION,
            "vpcId", cluster.getVpc().getVpcId(),
            "serviceAccount", JsonObjects.of("create", true, "name", SERVICE_ACCOUNT)))
        .build();
    chart.getNode().addDependency(podIdentity, policy);
    capacity.forEach(c -> chart.getNode().addDependency(c));
  }

  /**
   * The controller's IAM policy document for {@link #APP_VERSION}, with the partition of the stack.
   *
   * @return the policy document as JSON objects
   */
  static Map<String, Object> policy() {
    try (InputStream in = LoadBalancerController.class.getResourceAsStream(POLICY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + POLICY_RESOURCE);
      }
      Map<String, Object> document = new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
      return withPartition(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T withPartition(T node) {
    if (node instanceof String s) {
      return (T) s.replace("arn:aws:", "arn:" + Aws.PARTITION + ":");
    }
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, withPartition(v)));
      return (T) copy;
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(withPartition(v)));
      return (T) copy;
    }
    return node;
  }

  /** {@return the controller's EKS Pod Identity: its role is the controller role} */
  public PodIdentity podIdentity() {
    return podIdentity;
  }

  /** {@return the Helm release} */
  public HelmChart chart() {
    return chart;
  }
}
