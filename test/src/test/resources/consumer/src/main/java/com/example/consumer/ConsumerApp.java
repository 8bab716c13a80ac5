package com.example.consumer;

import io.github.zonewise.landscape.Landscape;
import io.github.zonewise.landscape.LandscapeProps;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** A CDK app with a Zonewise landscape and a stack of its own that uses a ZonalVpc. */
public final class ConsumerApp {

  private ConsumerApp() {
  }

  /**
   * Synthesizes into a cloud assembly and a manifests directory.
   *
   * @param args the cloud assembly directory and the manifests directory
   */
  public static void main(String[] args) {
    // the context the README asks a consumer app for (in its cdk.json when run by the CDK CLI)
    App app = new App(AppProps.builder().outdir(args[0]).context(Map.of(
        "@aws-cdk/core:defaultCrossStackReferences", "strong")).build());
    ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.parse(
        "name: tiny\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\nservices:\n"
        + "  - {name: web, image: web:1.0.0, port: 8080, replicas: 2}\n", "tiny.yaml"), "tiny.yaml");
    Landscape landscape = new Landscape(app, "tiny", LandscapeProps.builder().landscape(checked)
        .manifestsDir(Path.of(args[1])).build());
    Stack own = new Stack(app, "own-vpc", StackProps.builder()
        .env(Environment.builder().region("eu-west-1").build()).build());
    new ZonalVpc(own, "Vpc", ZonalVpcProps.builder().availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build());
    app.synth();
    System.out.println("consumer: " + landscape.stacks().size() + " landscape stacks, "
        + landscape.writeManifests().size() + " manifests");
  }
}
