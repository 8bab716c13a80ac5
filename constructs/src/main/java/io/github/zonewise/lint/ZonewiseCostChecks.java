package io.github.zonewise.lint;

import io.github.cdklabs.cdknag.IApplyRule;
import io.github.cdklabs.cdknag.NagMessageLevel;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagRuleCompliance;
import io.github.zonewise.synth.AppliedManifest;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ISynthesisSession;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssemblyBuilder;
import software.amazon.jsii.Kernel;
import software.amazon.jsii.NativeType;
import software.constructs.IConstruct;

/**
 * The cost lint as a cdk-nag rule pack: the rules of {@link CostRules} on every CloudFormation
 * resource of an app, and on every Kubernetes object the app applies through aws-cdk-lib's EKS
 * modules ({@code addManifest}, {@code addCdk8sChart}).
 *
 * <pre>{@code
 * Aspects.of(app).add(new ZonewiseCostChecks());
 * }</pre>
 *
 * <p>Findings are cdk-nag annotations ({@code ZW-NAT1: ...}; errors fail {@code cdk synth}), each
 * rule's results land in cdk-nag's report ({@code cdk.out/ZW-<stack>-NagReport.csv}, one for every
 * stack, empty but for its header when no rule applies to the stack's resources), and cdk-nag
 * suppressions work as for its own packs:
 * {@code NagSuppressions.addResourceSuppressions(vpc, List.of(NagPackSuppression.builder().id("ZW-VPCE2")
 * .reason("nothing in this VPC uses DynamoDB").build()), true)}. A Kubernetes finding names its object
 * ({@code ZW-SVC1[Service/shop/orders]}), which a suppression's {@code appliesTo} can list.
 *
 * <p>Each stack is rendered once, when its first relevant resource is visited, and the rules run in
 * plain Java over that rendering; a rule that applies crosses into cdk-nag once per resource. Like
 * cdk-nag's own rules, the pack sees the app as it is when aspects run: values changed by aspects that
 * run after it are not seen.
 */
public class ZonewiseCostChecks extends NagPack {

  private final Evaluator evaluator;
  private final Map<Stack, StackView> stacks = new IdentityHashMap<>();
  /** The stacks whose report this aspect pass has started (a rule applied to one of their resources). */
  private final java.util.Set<Stack> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** The pack with cdk-nag's defaults (CSV report, terse messages), Kubernetes versions as of today. */
  public ZonewiseCostChecks() {
    this(NagPackProps.builder().build());
  }

  /**
   * The pack with cdk-nag options, Kubernetes versions as of today.
   *
   * @param props cdk-nag's options (verbose messages, report formats, ...)
   */
  public ZonewiseCostChecks(NagPackProps props) {
    this(props, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * The pack with cdk-nag options, judging EKS support dates as of a day.
   *
   * @param props cdk-nag's options
   * @param day   the day ZW-EKS2 judges standard support on
   */
  public ZonewiseCostChecks(NagPackProps props, LocalDate day) {
    super(props);
    setPackName(CostRules.PACK);
    this.evaluator = new Evaluator(CostRules.all(), day);
  }

  /** A rendered stack and the Kubernetes objects its manifests apply. */
  private record StackView(Template template, KubernetesContext context) {
  }

  @Override
  public void visit(IConstruct node) {
    if (node instanceof Stack stack) {
      stacks.remove(stack);   // a new aspect pass (a synth again): render the stack again
      reported.remove(stack);
      return;
    }
    if (!(node instanceof CfnResource resource)) {
      return;
    }
    Stack stack = Stack.of(resource);
    if (!evaluator.relevant(typeOf(resource))) {
      if (reported.add(stack)) {
        // a stack no rule applies to still gets its report, empty: cdk-nag starts one on "not applicable"
        applyRule(new NotApplicable(resource));
      }
      return;
    }
    reported.add(stack);
    StackView view = stacks.computeIfAbsent(stack, ZonewiseCostChecks::render);
    Resource r = view.template().resource(stack.getLogicalId(resource)).orElse(null);
    if (r == null) {
      return;   // not synthesized (shouldSynthesize false)
    }
    for (Evaluator.Result result : evaluator.evaluate(r, view.context())) {
      applyRule(new AppliedRule(result, resource));
    }
  }

  /**
   * A resource's CloudFormation type: from the L1 class's {@code CFN_RESOURCE_TYPE_NAME} when the
   * visited object is one (no call into jsii), else asked.
   */
  private String typeOf(CfnResource resource) {
    String type = L1_TYPES.computeIfAbsent(resource.getClass(), ZonewiseCostChecks::declaredType);
    return type.isEmpty() ? resource.getCfnResourceType() : type;
  }

  private static final Map<Class<?>, String> L1_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

  private static String declaredType(Class<?> type) {
    try {
      java.lang.reflect.Field field = type.getField("CFN_RESOURCE_TYPE_NAME");
      Object value = java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? field.get(null) : null;
      return value instanceof String s ? s : "";
    } catch (ReflectiveOperationException e) {
      return "";
    }
  }

  /**
   * Renders a stack's template the way synthesis does (its synthesizer's {@code synthesizeTemplate},
   * into a scratch directory) and reads it once, on its own (the pack sees one stack at a time).
   */
  private static StackView render(Stack stack) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("zonewise-lint");
      Path outdir = dir;
      CloudAssemblyBuilder builder = new CloudAssemblyBuilder(outdir.toString());
      Kernel.call(stack.getSynthesizer(), "synthesizeTemplate", NativeType.forClass(Object.class),
          new Session(outdir.toString(), builder));
      Template view = Template.read(outdir.resolve(stack.getTemplateFile()), stack.getStackName(), null);
      KubernetesContext context = new KubernetesContext();
      for (Resource r : view.ofType(AppliedManifest.KUBERNETES_RESOURCE)) {
        view.manifest(r).objects().forEach(context::add);
      }
      return new StackView(view, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render stack " + stack.getStackName() + " for the cost lint", e);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch directory left in the temporary directory
    }
  }

  /** The synthesis session the stack's template is rendered into. */
  private static final class Session implements ISynthesisSession {
    private final String outdir;
    private final CloudAssemblyBuilder assembly;

    Session(String outdir, CloudAssemblyBuilder assembly) {
      this.outdir = outdir;
      this.assembly = assembly;
    }

    @Override
    public String getOutdir() {
      return outdir;
    }

    @Override
    public void setOutdir(String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CloudAssemblyBuilder getAssembly() {
      return assembly;
    }

    @Override
    public void setAssembly(CloudAssemblyBuilder value) {
      throw new UnsupportedOperationException();
    }
  }

  /** The first resource of a stack no rule applies to: starts the stack's (empty) report. */
  private static final class NotApplicable implements IApplyRule {
    private final CfnResource node;

    NotApplicable(CfnResource node) {
      this.node = node;
    }

    @Override
    public Object rule(CfnResource resource) {
      return NagRuleCompliance.NOT_APPLICABLE;
    }

    @Override
    public String getRuleSuffixOverride() {
      return CostRules.all().get(0).suffix();
    }

    @Override
    public String getInfo() {
      return "no cost rule applies to this stack's resources";
    }

    @Override
    public void setInfo(String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getExplanation() {
      return getInfo();
    }

    @Override
    public void setExplanation(String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public NagMessageLevel getLevel() {
      return NagMessageLevel.WARN;
    }

    @Override
    public void setLevel(NagMessageLevel value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CfnResource getNode() {
      return node;
    }

    @Override
    public void setNode(CfnResource value) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * One rule's result on one resource, handed to cdk-nag's {@code applyRule}: the rule callback
   * returns the result computed in Java (granular findings for Kubernetes objects).
   */
  private static final class AppliedRule implements IApplyRule {
    private final Evaluator.Result result;
    private final CfnResource node;

    AppliedRule(Evaluator.Result result, CfnResource node) {
      this.result = result;
      this.node = node;
    }

    @Override
    public Object rule(CfnResource resource) {
      if (result.unreadable() != null) {
        throw new IllegalStateException("the Kubernetes objects of this resource cannot be checked: "
            + result.unreadable());
      }
      List<Outcome> violations = result.violations();
      if (violations.isEmpty()) {
        return NagRuleCompliance.COMPLIANT;
      }
      if (result.rule().checksKubernetes() && !violations.get(0).findingId().isEmpty()) {
        return violations.stream().map(Outcome::findingId).distinct().toList();
      }
      return NagRuleCompliance.NON_COMPLIANT;
    }

    @Override
    public String getRuleSuffixOverride() {
      return result.rule().suffix();
    }

    @Override
    public String getInfo() {
      return result.rule().info();
    }

    @Override
    public void setInfo(String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getExplanation() {
      return result.rule().explanation() + " Fix: " + result.rule().fix();
    }

    @Override
    public void setExplanation(String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public NagMessageLevel getLevel() {
      return result.rule().level() == Level.ERROR ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
    }

    @Override
    public void setLevel(NagMessageLevel value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CfnResource getNode() {
      return node;
    }

    @Override
    public void setNode(CfnResource value) {
      throw new UnsupportedOperationException();
    }
  }
}
