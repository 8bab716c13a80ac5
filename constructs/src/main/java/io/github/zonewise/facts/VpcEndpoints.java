package io.github.zonewise.facts;

import java.util.List;

/**
 * The endpoint names a landscape may ask for, as in AWS service names
 * ({@code com.amazonaws.<region>.<name>}).
 */
public final class VpcEndpoints {

  /** Gateway endpoints: free, no hourly and no per-GB charge. */
  public static final List<String> GATEWAY = List.of("s3", "dynamodb");

  /** The gateway endpoints created by default: both. */
  public static final List<String> DEFAULT_GATEWAY = GATEWAY;

  /**
   * Interface endpoints Zonewise knows: $0.01 per endpoint-hour per AZ ($7.30/month per AZ) and
   * $0.01/GB processed, instead of the NAT's $0.045/GB.
   */
  public static final List<String> INTERFACE = List.of(
      "ecr.api", "ecr.dkr", "sts", "logs", "eks", "eks-auth", "ec2", "elasticloadbalancing",
      "autoscaling", "ssm", "ssmmessages", "ec2messages", "kms", "secretsmanager", "sqs", "sns",
      "monitoring", "xray", "s3", "dynamodb", "events", "lambda", "kinesis-streams", "execute-api",
      "elasticfilesystem", "aps-workspaces", "cloudformation", "servicediscovery", "appmesh-envoy-management");

  /**
   * The interface endpoints created by default: what an EKS cluster in private subnets needs to
   * pull images (ECR API and Docker, whose layers come from S3 through the gateway endpoint),
   * assume roles (STS, EKS Pod Identity's EKS Auth) and ship logs.
   */
  public static final List<String> DEFAULT_INTERFACE = List.of("ecr.api", "ecr.dkr", "sts", "logs", "eks-auth");

  private VpcEndpoints() {
  }
}
