package io.github.zonewise.k8s;

import io.github.zonewise.k8s.ZonalRouting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the {@code services} and {@code nodePools} sections fails in the validator
 * with one exact message; the warnings of the sections are raised, and nothing is written for a
 * bad landscape.
 */
class WorkloadBadInputTest {

  private static final String HEAD = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
      """;
  private static final String ISTIO = "cluster: {mesh: istio}\n";
  private static final String ORDERS = "services:\n  - {name: orders, namespace: ecommerce, image: orders:1.4.2,"
      + " port: 3003, ";
  private static final String AZS = "[eu-west-1a, eu-west-1b, eu-west-1c]";
  private static final String LABEL = "is not a DNS-1123 label; use at most 63 lower-case letters, digits and '-',"
      + " starting and ending with a letter or digit";
  private static final String LONG = "a".repeat(60);
  private static final String POOL = "b".repeat(53);
  private static final String CATEGORIES = "a, c, d, dl, f, g, gr, h, hpc, i, im, inf, is, m, p, r, t, trn, u, vt, x, z";
  private static final String IMAGE_FIX = "write [registry[:port]/]repository[:tag][@digest], e.g. orders:1.4.2 or"
      + " public.ecr.aws/nginx/nginx:1.27";

  private static ValidatedLandscape validate(String body) {
    return LandscapeValidator.validate(LandscapeReader.parse(HEAD + body, "test"), "test");
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("service entry empty", "services:\n  -\n",
            "services[0]: is empty; give at least name, image and port (line 5, column 4)"),
        Arguments.of("service name missing", "services:\n  - {image: orders:1.4.2, port: 3003}\n",
            "services[0].name: is missing; it is required (see the landscape format in README.md) (line 5, column 5)"),
        Arguments.of("service name not a DNS-1123 label", ORDERS.replace("orders,", "Orders,") + "}\n",
            "services[0].name: 'Orders' " + LABEL + " (line 5, column 12)"),
        Arguments.of("service name starting with a digit", ORDERS.replace("name: orders", "name: 1orders") + "}\n",
            "services[0].name: '1orders' does not start with a letter; a Kubernetes Service name is a DNS-1035 label:"
                + " start it with a letter (line 5, column 12)"),
        Arguments.of("namespace not a DNS-1123 label", ORDERS.replace("ecommerce", "e_commerce") + "}\n",
            "services[0].namespace: 'e_commerce' " + LABEL + " (line 5, column 31)"),
        Arguments.of("two services with the same namespace and name", ORDERS + "}\n"
                + "  - {name: orders, namespace: ecommerce, image: orders:1.4.3, port: 3004}\n",
            "services[1].name: 'orders' is already the name of services[0] in namespace ecommerce; give each service a"
                + " unique name in its namespace (line 6, column 12)"),
        Arguments.of("image missing", "services:\n  - {name: orders, port: 3003}\n",
            "services[0].image: is missing; it is required (see the landscape format in README.md) (line 5, column 5)"),
        Arguments.of("image with a space", "services:\n  - {name: orders, image: 'orders 1.4.2', port: 3003}\n",
            "services[0].image: 'orders 1.4.2' is not an image reference: it holds whitespace; " + IMAGE_FIX
                + " (line 5, column 27)"),
        Arguments.of("port missing", "services:\n  - {name: orders, image: orders:1.4.2}\n",
            "services[0].port: is missing; give the port the service listens on (1–65535) (line 5, column 5)"),
        Arguments.of("port 0", "services:\n  - {name: orders, image: orders:1.4.2, port: 0}\n",
            "services[0].port: 0 is not a port; use 1–65535 (line 5, column 47)"),
        Arguments.of("port above 65535", "services:\n  - {name: orders, image: orders:1.4.2, port: 65536}\n",
            "services[0].port: 65536 is not a port; use 1–65535 (line 5, column 47)"),
        Arguments.of("replicas below 1", ORDERS + "replicas: 0}\n",
            "services[0].replicas: 0 is below 1; run at least one replica (one per AZ for zonal routing) (line 5, column 85)"),
        Arguments.of("routing unknown", ORDERS + "routing: topologyaware}\n",
            "services[0].routing: 'topologyaware' is not a routing mode; did you mean 'topologyAware'? use one of"
                + " topologyAware, preferSameZone, preferSameNode, nodeLocal, cluster (line 5, column 84)"),
        Arguments.of("routing the Kubernetes version does not support",
            "cluster: {version: \"1.33\"}\n" + ORDERS + "routing: preferSameNode}\n",
            "services[0].routing: 'preferSameNode' needs Kubernetes 1.34 or newer (before that it is alpha, off by"
                + " default) and the cluster runs 1.33; set cluster.version to \"1.34\" or newer, or use"
                + " topologyAware (line 6, column 84)"),
        Arguments.of("expose unknown", ORDERS + "expose: elb}\n",
            "services[0].expose: 'elb' is not an exposure; did you mean 'alb'? use one of none, nlb, alb (line 5, column 83)"),
        Arguments.of("certificate without an ALB", ORDERS + "expose: nlb, certificateArn: " + CERTIFICATE + "}\n",
            "services[0].certificateArn: '" + CERTIFICATE + "' is set but expose is 'nlb'; a certificate is for the"
            + " HTTPS listener of expose: alb (an NLB passes TCP through to the pods): set expose: alb, or remove"
            + " certificateArn (line 5, column 104)"),
        Arguments.of("certificate ARN of IAM", ORDERS + "expose: alb, certificateArn: arn:aws:iam::123456789012:"
            + "server-certificate/web}\n",
            "services[0].certificateArn: 'arn:aws:iam::123456789012:server-certificate/web' is not an ACM certificate"
            + " ARN; write it as arn:aws:acm:<region>:<account>:certificate/<id> (the id a UUID), as the ACM console or"
            + " `aws acm list-certificates` shows it (line 5, column 104)"),
        Arguments.of("certificate of another region", ORDERS + "expose: alb, certificateArn: "
            + CERTIFICATE.replace("eu-west-1", "us-east-1") + "}\n",
            "services[0].certificateArn: '" + CERTIFICATE.replace("eu-west-1", "us-east-1") + "' is a certificate of"
            + " us-east-1, and an ALB in eu-west-1 can only use a certificate of its own region; request or import the"
            + " certificate in ACM in eu-west-1 and give its ARN (line 5, column 104)"),
        Arguments.of("scheme unknown", ORDERS + "expose: nlb, scheme: public}\n",
            "services[0].scheme: 'public' is not a load balancer scheme; use one of internal, internet-facing (line 5, column 96)"),
        Arguments.of("scheme without exposure", ORDERS + "scheme: internal}\n",
            "services[0].scheme: 'internal' is set but expose is 'none'; set expose: nlb or alb, or remove scheme (line 5, column 83)"),
        Arguments.of("name too long for an NLB", ORDERS.replace("name: orders", "name: " + LONG) + "expose: nlb}\n",
            "services[0].name: '" + LONG + "' is too long for expose: nlb (its load balancer Service is named " + LONG
                + "-nlb, at most 63 characters); use at most 59 characters (line 5, column 12)"),
        Arguments.of("colocateWith an unknown service", ORDERS + "}\n"
                + "  - {name: graphql, namespace: ecommerce, image: graphql:2.7.0, port: 4000, colocateWith: order}\n",
            "services[1].colocateWith: 'order' names no service of the landscape; did you mean 'orders'? use one of"
                + " [orders] (line 6, column 91)"),
        Arguments.of("colocateWith itself", ORDERS + "colocateWith: orders}\n",
            "services[0].colocateWith: 'orders' is the service itself; name the service its pods should share nodes"
                + " with (line 5, column 89)"),
        Arguments.of("colocateWith a name in several namespaces", """
            services:
              - {name: orders, namespace: eu, image: orders:1.4.2, port: 3003}
              - {name: orders, namespace: us, image: orders:1.4.2, port: 3003}
              - {name: graphql, namespace: web, image: graphql:2.7.0, port: 4000, colocateWith: orders}
            """,
            "services[2].colocateWith: 'orders' names services in several namespaces [eu/orders, us/orders]; write"
                + " namespace/name, e.g. 'eu/orders' (line 7, column 85)"),
        Arguments.of("locality when the mesh is none", "cluster: {mesh: none}\n" + ORDERS
                + "locality: {failover: [{from: eu-west-1, to: eu-central-1}]}}\n",
            "services[0].locality: is set but cluster.mesh is 'none', and locality load balancing is done by Istio;"
                + " set cluster.mesh: istio, or remove locality (line 6, column 85)"),
        Arguments.of("locality with distribute and failover", ISTIO + ORDERS + "locality: {distribute: {eu-west-1a:"
                + " {eu-west-1a: 100}}, failover: [{from: eu-west-1, to: eu-central-1}]}}\n",
            "services[0].locality: sets both distribute and failover, which Istio rejects; keep one (line 6, column 85)"),
        Arguments.of("locality with neither", ISTIO + ORDERS + "locality: {}}\n",
            "services[0].locality: sets neither distribute nor failover; give distribute weights per zone, or failover"
                + " regions (line 6, column 85)"),
        Arguments.of("distribute empty", ISTIO + ORDERS + "locality: {distribute: {}}}\n",
            "services[0].locality.distribute: is empty; give the weights of at least one from-zone (line 6, column 98)"),
        Arguments.of("distribute from a zone that is not an AZ", ISTIO + ORDERS
                + "locality: {distribute: {eu-west-1d: {eu-west-1a: 100}}}}\n",
            "services[0].locality.distribute.eu-west-1d: 'eu-west-1d' is not one of the landscape's AZs; use one of "
                + AZS + " (line 6, column 111)"),
        Arguments.of("distribute to a zone that is not an AZ", ISTIO + ORDERS
                + "locality: {distribute: {eu-west-1a: {eu-west-1a: 90, eu-west-2a: 10}}}}\n",
            "services[0].locality.distribute.eu-west-1a.eu-west-2a: 'eu-west-2a' is not one of the landscape's AZs;"
                + " use one of " + AZS + " (line 6, column 140)"),
        Arguments.of("weight below 1", ISTIO + ORDERS
                + "locality: {distribute: {eu-west-1a: {eu-west-1a: 100, eu-west-1b: 0}}}}\n",
            "services[0].locality.distribute.eu-west-1a.eu-west-1b: 0 is not a weight; use 1–100 (leave a zone out to"
                + " send it nothing) (line 6, column 141)"),
        Arguments.of("weight above 100", ISTIO + ORDERS
                + "locality: {distribute: {eu-west-1a: {eu-west-1a: 101}}}}\n",
            "services[0].locality.distribute.eu-west-1a.eu-west-1a: 101 is not a weight; use 1–100 (leave a zone out"
                + " to send it nothing) (line 6, column 124)"),
        Arguments.of("weights of a from-zone not totalling 100", ISTIO + ORDERS
                + "locality: {distribute: {eu-west-1a: {eu-west-1a: 70, eu-west-1b: 20}}}}\n",
            "services[0].locality.distribute.eu-west-1a: weights 70 + 20 total 90, not 100; make the weights of each"
                + " from-zone total exactly 100 (Istio rejects the rule otherwise) (line 6, column 111)"),
        Arguments.of("failover empty", ISTIO + ORDERS + "locality: {failover: []}}\n",
            "services[0].locality.failover: is empty; give at least one from-region and to-region (line 6, column 96)"),
        Arguments.of("failover to something that is not a region", ISTIO + ORDERS
                + "locality: {failover: [{from: eu-west-1, to: mars-1}]}}\n",
            "services[0].locality.failover[0].to: 'mars-1' is not an AWS region; use one of "
                + LandscapeException.render(AwsRegions.names()) + " (line 6, column 119)"),
        Arguments.of("failover to the same region", ISTIO + ORDERS
                + "locality: {failover: [{from: eu-west-1, to: eu-west-1}]}}\n",
            "services[0].locality.failover[0].to: 'eu-west-1' is the from region; fail over to another region (line 6, column 119)"),
        Arguments.of("node pool entry empty", "nodePools:\n  -\n",
            "nodePools[0]: is empty; give at least a name (line 5, column 4)"),
        Arguments.of("node pool name missing", "nodePools:\n  - {zones: each}\n",
            "nodePools[0].name: is missing; it is required (see the landscape format in README.md) (line 5, column 5)"),
        Arguments.of("node pool name not a DNS-1123 label", "nodePools:\n  - {name: General}\n",
            "nodePools[0].name: 'General' " + LABEL + " (line 5, column 12)"),
        Arguments.of("two node pools with the same name", "nodePools:\n  - {name: general}\n  - {name: general}\n",
            "nodePools[1].name: 'general' is listed twice; give each node pool a unique name (line 6, column 12)"),
        Arguments.of("node pool name too long for its NodePools", "nodePools:\n  - {name: " + POOL + "}\n",
            "nodePools[0].name: '" + POOL + "' is too long: each zone's NodePool is named " + POOL + "-<zone>, at most"
                + " 63 characters; use at most 52 characters (line 5, column 12)"),
        Arguments.of("zones neither each nor a list", "nodePools:\n  - {name: general, zones: all}\n",
            "nodePools[0].zones: 'all' is neither 'each' nor a list of AZs; write each, or a list such as " + AZS
                + " (line 5, column 28)"),
        Arguments.of("zones empty", "nodePools:\n  - {name: general, zones: []}\n",
            "nodePools[0].zones: [] has no AZ; write each, or list the AZs the pool serves (line 5, column 28)"),
        Arguments.of("zone that is not an AZ", "nodePools:\n  - {name: general, zones: [eu-west-1a, eu-west-1d]}\n",
            "nodePools[0].zones[1]: 'eu-west-1d' is not one of the landscape's AZs; use one of " + AZS
                + " (line 5, column 41)"),
        Arguments.of("zone listed twice", "nodePools:\n  - {name: general, zones: [eu-west-1a, eu-west-1a]}\n",
            "nodePools[0].zones[1]: 'eu-west-1a' is listed twice; list each AZ once (line 5, column 41)"),
        Arguments.of("instance categories empty", "nodePools:\n  - {name: general, instanceCategories: []}\n",
            "nodePools[0].instanceCategories: [] is empty; list at least one, e.g. [c, m, r] (line 5, column 41)"),
        Arguments.of("instance category that is not one", "nodePools:\n  - {name: general, instanceCategories: [C5]}\n",
            "nodePools[0].instanceCategories[0]: 'C5' is not an EC2 instance category Karpenter knows (the letters"
                + " before the generation, as c in c7i.large); did you mean 'c'? use one of " + CATEGORIES
                + " (line 5, column 42)"),
        Arguments.of("capacity types empty", "nodePools:\n  - {name: general, capacityTypes: []}\n",
            "nodePools[0].capacityTypes: [] is empty; list at least one, e.g. [on-demand] (line 5, column 36)"),
        Arguments.of("capacity type unknown", "nodePools:\n  - {name: general, capacityTypes: [spots]}\n",
            "nodePools[0].capacityTypes[0]: 'spots' is not a capacity type; did you mean 'spot'? use one of on-demand,"
                + " spot, reserved (line 5, column 37)"),
        Arguments.of("capacity type twice", "nodePools:\n  - {name: general, capacityTypes: [spot, spot]}\n",
            "nodePools[0].capacityTypes[1]: 'spot' is listed twice; list each capacity type once (line 5, column 43)"),
        Arguments.of("architecture unknown", "nodePools:\n  - {name: general, architectures: [x86_64]}\n",
            "nodePools[0].architectures[0]: 'x86_64' is not a CPU architecture; use one of amd64, arm64 (line 5, column 37)"),
        Arguments.of("cpu limit below 1", "nodePools:\n  - {name: general, cpuLimit: 0}\n",
            "nodePools[0].cpuLimit: 0 is below 1; give the vCPUs each NodePool may launch (line 5, column 31)"),
        Arguments.of("ami with no choice", "nodePools:\n  - {name: general, ami: {}}\n",
            "nodePools[0].ami: sets none of alias, id, ssmParameter; set exactly one (line 5, column 26)"),
        Arguments.of("ami with two choices", "nodePools:\n  - {name: general, ami: {alias: al2023@v20260818,"
                + " id: ami-0123456789abcdef0}}\n",
            "nodePools[0].ami: sets alias and id of alias, id, ssmParameter; set exactly one (line 5, column 26)"),
        Arguments.of("ami alias at latest", "nodePools:\n  - {name: general, ami: {alias: al2023@latest}}\n",
            "nodePools[0].ami.alias: 'al2023@latest' drifts to every new AMI release (and replaces every node); pin a"
                + " release, e.g. al2023@v20260818 (line 5, column 34)"),
        Arguments.of("ami alias of a family that cannot be pinned", "nodePools:\n  - {name: general, ami: {alias:"
                + " windows2022@v1}}\n",
            "nodePools[0].ami.alias: 'windows2022@v1' is not a pinnable AMI family; use one of [al2023, bottlerocket],"
                + " e.g. al2023@v20260818 (line 5, column 34)"),
        Arguments.of("ami alias without version", "nodePools:\n  - {name: general, ami: {alias: al2023}}\n",
            "nodePools[0].ami.alias: 'al2023' is not a Karpenter alias; write family@version, e.g. al2023@v20260818 (line 5, column 34)"),
        Arguments.of("ami alias with a malformed version", "nodePools:\n  - {name: general, ami: {alias:"
                + " al2023@20260818}}\n",
            "nodePools[0].ami.alias: 'al2023@20260818' has no release version; pin one, e.g. al2023@v20260818 (line 5, column 34)"),
        Arguments.of("ami id malformed", "nodePools:\n  - {name: general, ami: {id: ami-xyz}}\n",
            "nodePools[0].ami.id: 'ami-xyz' is not an AMI id; write ami- followed by 8 or 17 hex digits (line 5, column 31)"),
        Arguments.of("ami ssm parameter malformed", "nodePools:\n  - {name: general, ami: {ssmParameter: 'my ami'}}\n",
            "nodePools[0].ami.ssmParameter: 'my ami' is not an SSM parameter name; write its name (e.g."
                + " /images/orders-node/ami-id) or ARN (line 5, column 41)"),
        Arguments.of("ami family with an alias", "nodePools:\n  - {name: general, ami: {alias: al2023@v20260818,"
                + " family: AL2023}}\n",
            "nodePools[0].ami.family: 'AL2023' is set with an alias, which names its family; remove family (line 5, column 60)"),
        Arguments.of("ami family unknown", "nodePools:\n  - {name: general, ami: {id: ami-0123456789abcdef0,"
                + " family: Ubuntu}}\n",
            "nodePools[0].ami.family: 'Ubuntu' is not an AMI family Karpenter boots custom AMIs of; use one of AL2023,"
                + " Bottlerocket (line 5, column 62)"));
  }

  /** Values the old checks let through and that Kubernetes, Karpenter or Istio refuse, or that never schedule. */
  static Stream<Arguments> valuesThatWouldNotWork() {
    String pair = "services:\n  - {name: orders, image: orders:1.4.2, port: 3003, colocateWith: graphql}\n"
        + "  - {name: graphql, image: graphql:2.7.0, port: 4000, colocateWith: orders}\n";
    return Stream.of(
        Arguments.of("image with an upper-case repository", ORDERS.replace("orders:1.4.2", "Nginx:1.27") + "}\n",
            "services[0].image: 'Nginx:1.27' is not an image reference: the repository 'Nginx' has upper-case letters,"
                + " and repository names are lower case; write 'nginx' (line 5, column 49)"),
        Arguments.of("image with an empty tag", ORDERS.replace("orders:1.4.2", "'nginx:'") + "}\n",
            "services[0].image: 'nginx:' is not an image reference: the tag after ':' is empty; write a tag, e.g."
                + " nginx:1.0.0, or leave out the ':' (line 5, column 49)"),
        Arguments.of("image with a tag starting with a dash", ORDERS.replace("orders:1.4.2", "'nginx:-rc1'") + "}\n",
            "services[0].image: 'nginx:-rc1' is not an image reference: '-rc1' is not a tag; a tag is 1 to 128 letters,"
                + " digits, '_', '.' and '-', not starting with '.' or '-' (line 5, column 49)"),
        Arguments.of("image with a digest too short", ORDERS.replace("orders:1.4.2", "'nginx@sha256:abc'") + "}\n",
            "services[0].image: 'nginx@sha256:abc' is not an image reference: 'sha256:abc' after '@' is not a digest;"
                + " write algorithm:hex, e.g. @sha256: and its 64 hex digits (line 5, column 49)"),
        Arguments.of("image with a path component starting with a dash", ORDERS.replace("orders:1.4.2",
                "'team/-app:1'") + "}\n",
            "services[0].image: 'team/-app:1' is not an image reference: '-app' is not a repository name: lower-case"
                + " letters and digits, separated by '.', '_', '__' or '-'; " + IMAGE_FIX + " (line 5, column 49)"),
        Arguments.of("image with an empty path component", ORDERS.replace("orders:1.4.2", "'team//app:1'") + "}\n",
            "services[0].image: 'team//app:1' is not an image reference: its repository path has an empty component (a"
                + " '/' at the start or end, or '//'); " + IMAGE_FIX + " (line 5, column 49)"),
        Arguments.of("two services that colocate with each other", pair,
            "services[0].colocateWith: 'graphql' closes a circle of required pod affinity default/orders →"
                + " default/graphql → default/orders: each pod needs a node that already runs the next, so no pod of"
                + " any of them can ever schedule; remove colocateWith from one of them (line 5, column 67)"),
        Arguments.of("three services that colocate in a circle", "services:\n"
                + "  - {name: edge, image: edge:1.0.0, port: 443}\n"
                + "  - {name: a, namespace: x, image: a:1, port: 80, colocateWith: y/b}\n"
                + "  - {name: b, namespace: y, image: b:1, port: 80, colocateWith: c}\n"
                + "  - {name: c, namespace: y, image: c:1, port: 80, colocateWith: x/a}\n",
            "services[1].colocateWith: 'y/b' closes a circle of required pod affinity x/a → y/b → y/c → x/a: each pod"
                + " needs a node that already runs the next, so no pod of any of them can ever schedule; remove"
                + " colocateWith from one of them (line 6, column 65)"),
        Arguments.of("failover from another region than the landscape's", ISTIO + ORDERS
                + "locality: {failover: [{from: us-east-1, to: eu-central-1}]}}\n",
            "services[0].locality.failover[0].from: 'us-east-1' is not the landscape's region eu-west-1, where the"
                + " service's pods run and so where Istio fails over from; write from: eu-west-1 (line 6, column 104)"),
        Arguments.of("two failovers from the landscape's region", ISTIO + ORDERS
                + "locality: {failover: [{from: eu-west-1, to: eu-central-1}, {from: eu-west-1, to: us-east-1}]}}\n",
            "services[0].locality.failover[1].from: 'eu-west-1' is also the from region of"
                + " services[0].locality.failover[0]; Istio fails over from one region to one other: keep one failover"
                + " entry (line 6, column 141)"),
        Arguments.of("instance category Karpenter does not know", "nodePools:\n  - {name: general,"
                + " instanceCategories: [c, q]}\n",
            "nodePools[0].instanceCategories[1]: 'q' is not an EC2 instance category Karpenter knows (the letters"
                + " before the generation, as c in c7i.large); use one of " + CATEGORIES + " (line 5, column 45)"),
        Arguments.of("instance family written as a category", "nodePools:\n  - {name: general,"
                + " instanceCategories: [m7i]}\n",
            "nodePools[0].instanceCategories[0]: 'm7i' is not an EC2 instance category Karpenter knows (the letters"
                + " before the generation, as c in c7i.large); did you mean 'm'? use one of " + CATEGORIES
                + " (line 5, column 42)"),
        Arguments.of("instance category twice", "nodePools:\n  - {name: general, instanceCategories: [c, m, c]}\n",
            "nodePools[0].instanceCategories[2]: 'c' is listed twice; list each instance category once (line 5, column 48)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesThatWouldNotWork")
  void aValueThatWouldNotWorkFailsWithOneExactMessage(String what, String body, String message) {
    assertThatThrownBy(() -> validate(body)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  /** A traffic end names one thing: a service may not be named like another kind of end, or a peer VPC. */
  static Stream<Arguments> ambiguousNames() {
    return Stream.of(
        Arguments.of("a service named like an AWS service", ORDERS.replace("name: orders", "name: s3") + "}\n",
            "services[0].name: 's3' is also the traffic end of the AWS service s3, so a flow naming s3 could not tell"
                + " the two apart; give the service another name (line 5, column 12)"),
        Arguments.of("a service named like the logs endpoint", ORDERS.replace("name: orders", "name: logs") + "}\n",
            "services[0].name: 'logs' is also the traffic end of the AWS service logs, so a flow naming logs could not"
                + " tell the two apart; give the service another name (line 5, column 12)"),
        Arguments.of("a service named internet", ORDERS.replace("name: orders", "name: internet") + "}\n",
            "services[0].name: 'internet' is also the traffic end of the internet, so a flow naming internet could not"
                + " tell the two apart; give the service another name (line 5, column 12)"),
        Arguments.of("a service named like a region", ORDERS.replace("name: orders", "name: us-east-1") + "}\n",
            "services[0].name: 'us-east-1' is also the traffic end of the region us-east-1, so a flow naming us-east-1"
                + " could not tell the two apart; give the service another name (line 5, column 12)"),
        Arguments.of("a service named like a peer VPC", "interconnect:\n  vpcs: [{name: payments, cidr: 10.1.0.0/16}]\n"
                + ORDERS.replace("name: orders", "name: payments") + "}\n",
            "services[0].name: 'payments' is also the name of the peer VPC interconnect.vpcs[0], so a flow naming"
                + " payments could not tell the two apart; give the service or the peer VPC another name (line 7, column 12)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousNames")
  void anAmbiguousNameFailsWithOneExactMessage(String what, String body, String message) {
    assertThatThrownBy(() -> validate(body)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputFailsWithOneExactMessage(String what, String body, String message) {
    assertThatThrownBy(() -> validate(body)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @Test
  void localityWithoutAClusterSectionIsAllowed() {
    ValidatedLandscape landscape = validate(ORDERS + "locality: {failover: [{from: eu-west-1, to: eu-central-1}]}}\n");
    assertThat(landscape.spec().services().get(0).locality().orElseThrow().failover()).hasSize(1);
  }

  @Test
  void defaultsAreFilledIn() {
    ValidatedLandscape landscape = validate("services:\n  - {name: web, image: nginx:1.27, port: 80}\n");
    var web = landscape.spec().services().get(0);
    assertThat(web.namespace()).isEqualTo("default");
    assertThat(web.replicas()).isEqualTo(3);
    assertThat(web.routing()).isEqualTo(ZonalRouting.topologyAware());
    assertThat(web.exposure()).isEmpty();
    var pool = landscape.spec().nodePools().get(0);
    assertThat(pool.name()).isEqualTo("general");
    assertThat(pool.zones()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    assertThat(pool.instanceCategories()).containsExactly("c", "m", "r");
    assertThat(pool.capacityTypes()).containsExactly("on-demand");
    assertThat(pool.architectures()).containsExactly("amd64");
    assertThat(pool.cpuLimit()).isEqualTo(1000);
    assertThat(pool.ami()).isEqualTo(NodeAmi.defaultAlias());
  }

  @Test
  void colocateWithIsResolvedToNamespaceAndName() {
    ValidatedLandscape landscape = validate(ORDERS + "}\n"
        + "  - {name: graphql, namespace: ecommerce, image: graphql:2.7.0, port: 4000, colocateWith: orders}\n"
        + "  - {name: edge, namespace: web, image: edge:1.0.0, port: 443, colocateWith: orders}\n");
    assertThat(landscape.spec().services()).extracting(s -> String.valueOf(s.colocateWith().orElse(null)))
        .containsExactly("null", "ecommerce/orders", "ecommerce/orders");
  }

  @Test
  void zoneWithoutEndpointsForZonalRoutingIsAWarning() {
    ValidatedLandscape landscape = validate(ORDERS + "replicas: 2, routing: preferSameZone}\n");
    assertThat(landscape.warnings()).containsExactly("services[0].replicas: 2 replicas leave 1 of the 3 zones without"
        + " an endpoint of orders, so preferSameZone routing sends that zone's traffic across AZs; run at least 3"
        + " replicas");
  }

  @Test
  void zonesAreThoseOfTheNodePoolsWhenThereAreAny() {
    ValidatedLandscape landscape = validate(ORDERS + "replicas: 2}\nnodePools:\n  - {name: general, zones:"
        + " [eu-west-1a, eu-west-1b]}\n");
    assertThat(landscape.warnings()).isEmpty();
  }

  @Test
  void clusterRoutingNeedsNoEndpointPerZone() {
    assertThat(validate(ORDERS + "replicas: 1, routing: cluster}\n").warnings()).isEmpty();
  }

  static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

  @Test
  void anInternetFacingAlbWithoutACertificateIsOneWarningNamingTheField() {
    ValidatedLandscape landscape = validate(ORDERS + "expose: alb, scheme: internet-facing}\n"
        + "  - {name: admin, namespace: ecommerce, image: admin:1.0.0, port: 8080, expose: alb}\n"
        + "  - {name: shop, namespace: web, image: shop:1.0.0, port: 8080, expose: alb, scheme: internet-facing,"
        + " certificateArn: " + CERTIFICATE + "}\n");
    // the internal ALB (admin) and the one with a certificate (shop) are not warned about
    assertThat(landscape.warnings()).containsExactly("services[0].certificateArn: not set, so the internet-facing ALB"
        + " of orders listens on HTTP only (port 80) and its requests and responses cross the internet unencrypted;"
        + " set certificateArn to the ARN of an ACM certificate in eu-west-1 for its domain (the ALB then gets an"
        + " HTTPS listener on 443 and redirects HTTP to it)");
    assertThat(landscape.spec().services().get(2).exposure().orElseThrow().certificateArn()).contains(CERTIFICATE);
  }

  @Test
  void nodeLocalWithoutCoLocatedPeerIsAWarning() {
    ValidatedLandscape landscape = validate(ORDERS + "routing: nodeLocal}\n");
    assertThat(landscape.warnings()).containsExactly("services[0].routing: nodeLocal (internalTrafficPolicy: Local)"
        + " has no co-located peer: no service sets colocateWith: orders, so a client on a node without a orders pod"
        + " has its traffic dropped; add colocateWith: orders to its clients, or use preferSameNode");
  }

  @Test
  void nodeLocalWithACoLocatedPeerIsFine() {
    ValidatedLandscape landscape = validate(ORDERS + "routing: nodeLocal}\n"
        + "  - {name: graphql, namespace: ecommerce, image: graphql:2.7.0, port: 4000, colocateWith: orders}\n");
    assertThat(landscape.warnings()).isEmpty();
  }

  @Test
  void badLandscapeWritesNoManifest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("landscape.yaml");
    Files.writeString(file, HEAD + ORDERS + "replicas: 0}\n");
    Path dist = dir.resolve("dist");
    var app = LandscapeApp.app(dir.resolve("cdk.out"), Map.of(LandscapeApp.LANDSCAPE_CONTEXT, file.toString(),
        LandscapeApp.MANIFESTS_CONTEXT, dist.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = LandscapeApp.run(app, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("zonewise: error: services[0].replicas: 0 is below 1");
    assertThat(dist).doesNotExist();
  }
}
