package io.github.zonewise.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of ARCHITECTURE.md, enforced on the compiled main classes of the library and the
 * apps: data flows one way (landscape file → spec → design → constructs → synth → read → cost / lint),
 * packages form no cycle, construct packages never see the spec, and the plain-Java layers never
 * cross into aws-cdk-lib or cdk8s.
 */
class ArchitectureTest {

  static final String ROOT = "io.github.zonewise";

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    // the rules must see the real code, not pass on an empty import
    for (String layer : new String[] {"facts", "network", "spec", "design", "cost", "lint", "landscape", "app"}) {
      assertThat(classes.stream().filter(c -> c.getPackageName().equals(ROOT + "." + layer)).count())
          .as("main classes of package " + layer).isPositive();
    }
  }

  /**
   * The layers and what each may use, under a root package.
   *
   * @param root e.g. {@code io.github.zonewise}
   * @return the rule
   */
  static ArchRule layers(String root) {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("facts").definedBy(root + ".facts..")
        .layer("constructs").definedBy(root + ".network..", root + ".interconnect..", root + ".registry..",
            root + ".cluster..", root + ".k8s..")
        .layer("spec").definedBy(root + ".spec..")
        .layer("design").definedBy(root + ".design..")
        .layer("read").definedBy(root + ".synth..")
        .layer("cost").definedBy(root + ".cost..")
        .layer("lint").definedBy(root + ".lint..")
        .layer("traffic").definedBy(root + ".traffic..")
        .layer("composition").definedBy(root + ".landscape..")
        .layer("app").definedBy(root + ".app..")
        .whereLayer("facts").mayNotAccessAnyLayer()
        .whereLayer("constructs").mayOnlyAccessLayers("facts", "constructs")
        .whereLayer("spec").mayOnlyAccessLayers("facts", "constructs")
        .whereLayer("design").mayOnlyAccessLayers("facts", "constructs", "spec", "cost", "read")
        .whereLayer("read").mayOnlyAccessLayers("facts")
        .whereLayer("cost").mayOnlyAccessLayers("facts", "read")
        .whereLayer("lint").mayOnlyAccessLayers("facts", "read")
        .whereLayer("traffic").mayOnlyAccessLayers("facts", "read", "cost")
        .whereLayer("composition").mayOnlyBeAccessedByLayers("app")
        .whereLayer("app").mayNotBeAccessedByAnyLayer();
  }

  /** Packages free of cycles. */
  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** The layers that are plain Java: no aws-cdk-lib, cdk8s, constructs or jsii class in them. */
  static ArchRule plainJava(String root) {
    return noClasses().that().resideInAnyPackage(root + ".facts..", root + ".spec..", root + ".design..",
            root + ".synth..", root + ".cost..", root + ".traffic..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awscdk..", "org.cdk8s..",
            "software.amazon.jsii..", "software.constructs..", "io.github.cdklabs..")
        .allowEmptyShould(true);
  }

  @Test
  void dataFlowsOneWayThroughTheLayers() {
    layers(ROOT).check(classes);
  }

  @Test
  void noPackageCycle() {
    noCycles(ROOT).check(classes);
  }

  @Test
  void specDesignCostAndFactsArePlainJava() {
    plainJava(ROOT).check(classes);
  }

  @Test
  void thePlantedViolationsAreFound() {
    // fixture.facts.PlantedFact imports fixture.spec.PlantedSpec, which imports it back and uses jsii
    String fixture = ROOT + ".architecture.fixture";
    JavaClasses planted = new ClassFileImporter().importPackages(fixture);
    assertThatThrownBy(() -> layers(fixture).check(planted)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedFact").hasMessageContaining("PlantedSpec");
    assertThatThrownBy(() -> noCycles(fixture).check(planted)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
    assertThatThrownBy(() -> plainJava(fixture).check(planted)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("software.amazon.jsii");
  }
}
