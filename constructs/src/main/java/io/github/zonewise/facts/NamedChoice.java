package io.github.zonewise.facts;

/**
 * A choice written by name in the landscape file ({@code perAz}, {@code topologyAware}, …): the
 * common part of the choice types, which are equal when they are of one type and have one name.
 */
public abstract class NamedChoice {

  /** The name, as the landscape file writes it. */
  protected final String name;

  /**
   * A choice of a name.
   *
   * @param name the landscape-file name
   */
  protected NamedChoice(String name) {
    this.name = java.util.Objects.requireNonNull(name);
  }

  /** {@return the landscape-file name of this choice} */
  public String name() {
    return name;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((NamedChoice) o).name.equals(name);
  }

  @Override
  public final int hashCode() {
    return name.hashCode();
  }

  @Override
  public final String toString() {
    return name;
  }
}
