/**
 * The one reader of what a synth produced, used by the cost model and the cost lint: a cloud
 * assembly's CloudFormation templates and the Kubernetes manifests, read as files (plain Java over
 * Jackson and SnakeYAML; nothing here calls into jsii or imports a construct).
 *
 * <ul>
 *   <li>{@link io.github.zonewise.synth.Assembly}: the templates of {@code manifest.json} (nested
 *       assemblies, nested stacks) and of template files (JSON, or YAML with CloudFormation's short-form
 *       tags), with the exports between stacks; {@link io.github.zonewise.synth.Template},
 *       {@link io.github.zonewise.synth.Resource} and {@link io.github.zonewise.synth.Value} (intrinsic
 *       functions, resolved as far as they can be before deployment);</li>
 *   <li>{@link io.github.zonewise.synth.RouteTables} and {@link io.github.zonewise.synth.Route}: subnet
 *       → route table (or the VPC's main table) → routes; {@link io.github.zonewise.synth.Zone}: the zone
 *       of a subnet or an endpoint;</li>
 *   <li>{@link io.github.zonewise.synth.KubernetesObject}: one namespace rule (namespaced kinds default
 *       to {@code default}, cluster-scoped kinds have none), from {@link io.github.zonewise.synth.ManifestFiles}
 *       (streamed, Kustomize patches and fragments set aside) and from
 *       {@link io.github.zonewise.synth.AppliedManifest}s (templates' EKS manifests);
 *       {@link io.github.zonewise.synth.Manifests} holds them all for a whole design;</li>
 *   <li>{@link io.github.zonewise.synth.ServiceRouting}: the one decoding of a Service's routing;
 *       {@link io.github.zonewise.synth.LoadBalancing}: of a load balancer's kind, target mode, scheme and
 *       cross-zone setting, with the {@link io.github.zonewise.synth.KubernetesContext} it needs;</li>
 *   <li>{@link io.github.zonewise.synth.Note}: what could not be read, or was set aside, and why.</li>
 * </ul>
 */
package io.github.zonewise.synth;
