package io.github.zonewise.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code zonewise} command line. {@code zonewise lint cdk.out [--manifests dist/]} runs the cost
 * lint ({@link LintCommand}). It needs no CDK and no Node.js: run it from the built jar,
 * {@code java -jar apps/target/zonewise.jar lint cdk.out}.
 */
@Command(name = "zonewise", mixinStandardHelpOptions = true, version = "zonewise 0.1.0",
    description = "Zonewise: cost-optimized EKS networking landscapes.",
    subcommands = {LintCommand.class, TrafficCommand.class})
public final class ZonewiseCli implements Runnable {

  @Spec
  private CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments, e.g. {@code lint cdk.out --manifests dist}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   * @param out  where results go
   * @param err  where errors go
   * @return the exit code: 0 clean, 1 errors found, 2 unreadable input or bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new ZonewiseCli());
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'zonewise lint cdk.out'");
  }
}
