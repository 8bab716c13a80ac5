/**
 * The Kubernetes locality layer, as cdk8s constructs: {@link io.github.zonewise.k8s.ZonalDeployment}
 * (zone spread and co-location), {@link io.github.zonewise.k8s.LocalityService} (zonal routing, a
 * {@link io.github.zonewise.k8s.ZonalRouting}), {@link io.github.zonewise.k8s.IpModeLoadBalancer}
 * (NLB or ALB straight to pod IPs), {@link io.github.zonewise.k8s.ZonalNodePools} (Karpenter v1
 * NodePools pinned per zone) and {@link io.github.zonewise.k8s.LocalityDestinationRule} (Istio
 * locality load balancing). A landscape's composition root builds them from its checked spec.
 */
package io.github.zonewise.k8s;
