/**
 * The cost lint: the EKS network-cost guide's anti-patterns, found in any CDK app's CloudFormation
 * and in Kubernetes manifests.
 *
 * <p>One rule set ({@link io.github.zonewise.lint.CostRules}), two forms:
 * <ul>
 *   <li>{@link io.github.zonewise.lint.ZonewiseCostChecks}, a cdk-nag {@code NagPack} for CDK apps
 *       ({@code Aspects.of(app).add(new ZonewiseCostChecks())}), with cdk-nag's suppressions and reports;</li>
 *   <li>{@link io.github.zonewise.lint.Linter}, a plain-Java checker over a synthesized cloud assembly,
 *       CloudFormation templates and Kubernetes YAML, which the {@code zonewise lint} command runs.</li>
 * </ul>
 * Rules are small pure functions over what {@code io.github.zonewise.synth} reads: a resource (its
 * type, logical id, construct path, properties resolved through its template and assembly) or a
 * Kubernetes object (with the reader's one decoding of a Service's routing and of a load balancer);
 * nothing in the analysis calls into jsii.
 */
package io.github.zonewise.lint;
