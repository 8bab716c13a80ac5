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
    subcommands = {CheckCommand.class, CostCommand.class, LintCommand.class, TrafficCommand.class})
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
   * @return the exit code: 0 clean, 1 errors found, 2 nothing readable, bad usage or a failure of the
   *         command itself (never 1 but for findings)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter errors = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      CommandLine cli = new CommandLine(new ZonewiseCli());
      cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
      cli.setErr(errors);
      cli.setExecutionExceptionHandler((e, command, parsed) -> {
        errors.println("zonewise " + command.getCommandName() + ": failed: " + describe(e));
        return 2;
      });
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      errors.println("zonewise: out of memory; give the JVM more (java -Xmx2g -jar ...)");
      return 2;
    } catch (StackOverflowError e) {
      errors.println("zonewise: stack overflow (an input nests too deeply)");
      return 2;
    }
  }

  /** An unexpected exception in words: its message, else its type. */
  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'zonewise lint cdk.out'");
  }
}
