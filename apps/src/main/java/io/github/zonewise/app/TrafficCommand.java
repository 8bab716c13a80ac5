package io.github.zonewise.app;

import io.github.zonewise.facts.FlowLogQuery;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.PriceFile;
import io.github.zonewise.traffic.AssemblyNetwork;
import io.github.zonewise.traffic.FlowLogSql;
import io.github.zonewise.traffic.NetworkMap;
import io.github.zonewise.traffic.PodInventory;
import io.github.zonewise.traffic.Progress;
import io.github.zonewise.traffic.TrafficAnalysis;
import io.github.zonewise.traffic.TrafficBill;
import io.github.zonewise.traffic.TrafficInputException;
import io.github.zonewise.traffic.TrafficMeasurement;
import io.github.zonewise.traffic.TrafficReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zonewise traffic}: measures VPC flow logs — the month of cross-AZ, NAT gateway, interface
 * endpoint, Transit Gateway and peering, inter-region and internet bytes, priced with the price
 * book — and writes the traffic profile they show in the landscape's format ({@code traffic:}).
 * Exits 0 when the report is written (also for an empty window, whose totals are zero), 2 for input
 * it cannot read (the message names the file, the line or the missing fields) or bad usage.
 */
@Command(name = "traffic", mixinStandardHelpOptions = true,
    description = {"Measures VPC flow logs: the month of cross-AZ, NAT, endpoint, peering and internet bytes, priced,"
        + " and the traffic profile they show, in the landscape's format.",
        "Exit codes: 0 report written (an empty window too: zero totals), 2 unreadable input or bad usage."})
final class TrafficCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILES|DIRS", arity = "1..*",
      description = "Flow-log files as AWS writes them to S3 (text with a header line, gzip or not; Parquet), or"
          + " directories of them (read recursively).")
  private List<Path> inputs = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Network network;

  /** Where the network map comes from: one of the two. */
  static final class Network {
    @Option(names = "--network", paramLabel = "NETWORK.yaml", required = true,
        description = "The network as YAML: region, vpcs, subnets, natGateways, interfaceEndpoints (README).")
    Path file;

    @Option(names = "--assembly", paramLabel = "cdk.out", required = true,
        description = "A synthesized cloud assembly (cdk.out of any CDK app) to read the network from: subnet CIDRs"
            + " → AZ and tier, VPC CIDRs → peers, NAT gateways, interface endpoints.")
    Path assembly;
  }

  @Option(names = "--pods", paramLabel = "pods.json",
      description = "kubectl get pods -A -o json: names pod addresses by their Service or workload.")
  private Path pods;

  @Option(names = "--services", paramLabel = "services.json",
      description = "kubectl get services -A -o json: the Services that select the pods (with --pods).")
  private Path services;

  @Option(names = "--prices", paramLabel = "FILE",
      description = "A YAML map of price key → USD overriding the price book (as -c prices=FILE for the synth).")
  private Path prices;

  @Option(names = "--out", paramLabel = "traffic.yaml",
      description = "Write the traffic profile here (default: after the report, on stdout).")
  private Path out;

  @Option(names = "--explain", description = "Also print how the bytes were counted and attributed, rule by rule.")
  private boolean explain;

  @Option(names = "--progress", description = "Draw a progress bar on stderr (default: when stderr is a terminal).")
  private boolean progress;

  @Option(names = "--query", paramLabel = "NAME",
      description = "Run one of the Athena named queries locally with DuckDB and print its rows instead: ${COMPLETION-CANDIDATES}.",
      completionCandidates = QueryNames.class)
  private String query;

  @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: the processors).")
  private int threads = Runtime.getRuntime().availableProcessors();

  /** The query names, for the help. */
  static final class QueryNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    QueryNames() {
      super(FlowLogQuery.names());
    }
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      if (services != null && pods == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--services needs --pods (the pods it names)");
      }
      NetworkMap map;
      if (network.file != null) {
        map = NetworkMap.read(network.file);
      } else {
        AssemblyNetwork read = AssemblyNetwork.read(network.assembly);
        map = read.map();
        stderr.println("zonewise traffic: --assembly " + network.assembly + ": " + map.vpcs().size() + " VPCs, "
            + map.subnets().size() + " subnets, " + map.natGateways().size() + " NAT gateways, "
            + map.interfaceEndpoints().size() + " interface endpoints");
        read.notes().forEach(n -> stderr.println("zonewise traffic: note: " + n));
        stderr.flush();
      }
      PodInventory inventory = pods == null ? PodInventory.EMPTY : PodInventory.read(pods, services);
      PriceBook book = prices == null ? PriceBook.defaults()
          : PriceBook.defaults().withOverrides(PriceFile.read(prices), prices.toString());
      Progress bar = progress || System.console() != null ? Progress.bar(System.err) : Progress.NONE;
      TrafficMeasurement m = TrafficAnalysis.measure(inputs, map, inventory, Math.max(1, threads), bar);
      if (query != null) {
        return query(stdout, m);
      }
      TrafficBill bill = TrafficBill.of(m, book);
      stdout.print(TrafficReport.render(m, bill, explain));
      String profile = TrafficReport.profile(m, bill);
      if (out != null) {
        Files.writeString(out, profile, StandardCharsets.UTF_8);
        stdout.println("traffic profile: " + m.profile().size() + " flows written to " + out);
      } else {
        stdout.print(profile);
      }
      stdout.flush();
      return 0;
    } catch (TrafficInputException | LandscapeException e) {
      stderr.println("zonewise traffic: " + e.getMessage());
      stderr.flush();
      return 2;
    } catch (IllegalArgumentException e) {
      stderr.println("zonewise traffic: --prices " + prices + ": " + e.getMessage());
      stderr.flush();
      return 2;
    } catch (IOException e) {
      stderr.println("zonewise traffic: --out " + out + ": cannot be written (" + e.getMessage() + ")");
      stderr.flush();
      return 2;
    }
  }

  private int query(PrintWriter stdout, TrafficMeasurement m) {
    FlowLogQuery q = FlowLogQuery.of(query).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "--query: '" + query + "' is not a query; use one of " + String.join(", ", FlowLogQuery.names())));
    try (FlowLogSql sql = FlowLogSql.open(inputs)) {
      FlowLogSql.Result result = sql.run(q, m.endpointInterfaces());
      stdout.println(String.join("\t", result.columns()));
      for (List<Object> row : result.rows()) {
        stdout.println(String.join("\t", row.stream().map(String::valueOf).toList()));
      }
    }
    stdout.flush();
    return 0;
  }

  /**
   * Runs the command on its own, as {@code zonewise traffic ARGS}.
   *
   * @param args the arguments after {@code traffic}
   * @param out  where results go
   * @param err  where errors go
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String[] all = new String[args.length + 1];
    all[0] = "traffic";
    System.arraycopy(args, 0, all, 1, args.length);
    return ZonewiseCli.run(all, out, err);
  }
}
