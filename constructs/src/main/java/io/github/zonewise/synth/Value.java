package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A value of a template, to be resolved there: a literal, or an intrinsic function. The reader
 * evaluates what can be known before deployment and nothing else:
 * <ul>
 *   <li>{@code Ref} of a resource, {@code Fn::GetAtt} (list or dotted form) and {@code Fn::ImportValue}
 *       of another stack's export name the resource they stand for ({@link #resource()}); so do a
 *       nested stack's parameter (through the value its parent passes) and its {@code Outputs.X}
 *       (through the nested template's output);</li>
 *   <li>{@link #text()} evaluates {@code Fn::Join}, {@code Fn::Sub}, {@code Fn::Select},
 *       {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::If} and the condition functions (when
 *       their condition can be decided), {@code Fn::Base64}, {@code Fn::Length}, exports, and the
 *       pseudo parameters the stack's environment fixes ({@code AWS::Region}, {@code AWS::AccountId},
 *       {@code AWS::Partition}, {@code AWS::URLSuffix}, {@code AWS::StackName});</li>
 *   <li>what is only known at deploy time (a resource's id or attribute, a parameter, the region of
 *       an environment-agnostic stack, {@code Fn::GetAZs}, {@code Fn::Cidr}, ...) reads as a
 *       placeholder between guillemets, e.g. {@code «Cluster.Arn»}, {@code «Ref Replicas»} or
 *       {@code «AZ 0»} for {@code Fn::Select [0, Fn::GetAZs ""]}; {@link #unresolved(String)} tells
 *       such text apart;</li>
 *   <li>a parameter is a deploy-time value: {@link #text()} never assumes its {@code Default};
 *       {@link #textWithDefaults()} does, for estimates of the default deployment (the cost model).</li>
 * </ul>
 *
 * @param template the template the value is written in
 * @param node     the value as written (a missing node when absent)
 */
public record Value(Template template, JsonNode node) {

  /** Opens a placeholder for a value only known at deploy time. */
  public static final char UNRESOLVED_OPEN = '\u00ab';
  /** Closes a placeholder. */
  public static final char UNRESOLVED_CLOSE = '\u00bb';

  /** {@return whether the value is written (not absent and not {@code null})} */
  public boolean isPresent() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }

  /**
   * The value as text, deploy-time parts as placeholders.
   *
   * @return the text, or empty when the value is absent (or {@code Ref AWS::NoValue})
   */
  public Optional<String> text() {
    return Resolver.text(template, node, false, 0);
  }

  /**
   * The value as text assuming every parameter keeps its {@code Default}: the default deployment.
   *
   * @return the text, or empty when the value is absent
   */
  public Optional<String> textWithDefaults() {
    return Resolver.text(template, node, true, 0);
  }

  /**
   * The value as text when all of it is known before deployment.
   *
   * @return the text, or empty when absent or when any part is only known at deploy time
   */
  public Optional<String> knownText() {
    return text().filter(t -> !unresolved(t));
  }

  /**
   * The resource the value refers to, in this template or another of the assembly.
   *
   * @return the resource, or empty when the value does not name one the reader has
   */
  public Optional<Resource> resource() {
    return Resolver.resource(template, node, 0);
  }

  /**
   * A key by which two values naming the same thing compare equal across the assembly: the
   * resource's {@link Resource#key()}, else the text (a literal id such as {@code vpc-0abc...}).
   *
   * @return the key, or null when the value is absent
   */
  public String key() {
    Optional<Resource> r = resource();
    return r.isPresent() ? r.get().key() : text().orElse(null);
  }

  /**
   * The items of a list value: a literal list, or an {@code Fn::Split}, {@code Fn::If}, nested-stack
   * parameter or export that evaluates to one.
   *
   * @return the items, or empty when the value is not a list the reader can evaluate (an absent value
   *         is an empty list)
   */
  public Optional<List<Value>> list() {
    return Resolver.items(template, node, false, 0);
  }

  /** {@return the items of {@link #list()}, none when it cannot be evaluated} */
  public List<Value> items() {
    return list().orElse(List.of());
  }

  /**
   * The value as a CloudFormation boolean: {@code true}/{@code false}, their strings, or a condition
   * function that can be decided.
   *
   * @param whenAbsent what an absent value means
   * @return the boolean, or null when it is only known at deploy time
   */
  public Boolean bool(boolean whenAbsent) {
    if (!isPresent()) {
      return whenAbsent;
    }
    return Resolver.condition(template, node, false, 0);
  }

  /**
   * Whether a text holds a part only known at deploy time.
   *
   * @param text a text from {@link #text()} (may be null)
   * @return true when it holds a placeholder
   */
  public static boolean unresolved(String text) {
    return text != null && text.indexOf(UNRESOLVED_OPEN) >= 0;
  }
}
