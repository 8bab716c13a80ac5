package io.github.zonewise.cluster;

import software.amazon.awscdk.services.eks.CfnPodIdentityAssociation;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * An IAM role for one Kubernetes service account through EKS Pod Identity: the role trusts
 * {@code pods.eks.amazonaws.com} ({@code sts:AssumeRole}, {@code sts:TagSession}) and an
 * {@code AWS::EKS::PodIdentityAssociation} binds it to the service account; the cluster's
 * {@code eks-pod-identity-agent} add-on hands out the credentials.
 *
 * <p>The service account itself is created by the controller's Helm chart. It carries no
 * {@code eks.amazonaws.com/role-arn} annotation (which aws-eks-v2's {@code ServiceAccount} adds even
 * for Pod Identity): with that annotation EKS would also inject IRSA web-identity variables, which
 * the AWS SDKs try before Pod Identity and which fail on a cluster without an OIDC provider.
 */
public final class PodIdentity extends Construct {

  private final Role role;
  private final CfnPodIdentityAssociation association;

  /**
   * Creates the role and the association.
   *
   * @param scope          the parent
   * @param id             the construct id
   * @param cluster        the cluster
   * @param namespace      the service account's namespace
   * @param serviceAccount the service account's name
   */
  PodIdentity(Construct scope, String id, Cluster cluster, String namespace, String serviceAccount) {
    super(scope, id);
    this.role = Role.Builder.create(this, "Role")
        .description("EKS Pod Identity role of " + namespace + "/" + serviceAccount)
        .assumedBy(new ServicePrincipal("pods.eks.amazonaws.com").withSessionTags())
        .build();
    this.association = CfnPodIdentityAssociation.Builder.create(this, "Association")
        .clusterName(cluster.getClusterName())
        .namespace(namespace)
        .serviceAccount(serviceAccount)
        .roleArn(role.getRoleArn())
        .build();
    association.getNode().addDependency(cluster.getEksPodIdentityAgent());
  }

  /** {@return the role the service account's pods assume} */
  public Role role() {
    return role;
  }

  /** {@return the association} */
  public CfnPodIdentityAssociation association() {
    return association;
  }
}
