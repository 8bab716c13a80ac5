package io.github.zonewise.cost;

import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.cost.Design.Cluster;
import io.github.zonewise.cost.Design.InterfaceEndpoint;
import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.synth.LoadBalancing;
import io.github.zonewise.cost.Design.Link;
import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.cost.Design.OtherVpc;
import io.github.zonewise.cost.Design.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built designs and traffic for the cost model's tests. */
final class Fixtures {

  private Fixtures() {
  }

  /** The day the EKS calendar is read at in these tests: 1.35 in standard support, 1.32 in extended. */
  static final java.time.LocalDate DAY = java.time.LocalDate.parse("2026-11-27");

  /** A mutable design under construction (test code only). */
  static final class DesignBuilder {
    int zones = 3;
    Nat nat = new Nat("perAz", 3, 3, 0, true);
    final Map<String, Double> gateway = new LinkedHashMap<>();
    final Map<String, InterfaceEndpoint> iface = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final List<LoadBalancer> lbs = new ArrayList<>();
    final Map<String, Link> peers = new LinkedHashMap<>();
    int attachments;
    int peerings;
    final Map<String, Link> regions = new LinkedHashMap<>();
    final List<String> remote = new ArrayList<>();
    final Set<String> replicated = new LinkedHashSet<>();
    final List<Cluster> clusters = new ArrayList<>();
    final List<OtherVpc> others = new ArrayList<>();
    Design.FlowLog flowLog;

    DesignBuilder zones(int n) {
      zones = n;
      return this;
    }

    DesignBuilder nat(Nat n) {
      nat = n;
      return this;
    }

    DesignBuilder gateway(String service, double coverage) {
      gateway.put(service, coverage);
      return this;
    }

    DesignBuilder endpoint(String service, int azs, boolean dns) {
      iface.put(service, new InterfaceEndpoint(service, azs, dns));
      return this;
    }

    DesignBuilder service(String name, int replicas, Routing routing) {
      services.put(name, Service.of(name, "shop", replicas, Math.min(replicas, zones), routing, null, zones, "test"));
      return this;
    }

    DesignBuilder service(Service s) {
      services.put(s.name(), s);
      return this;
    }

    DesignBuilder alb(String service, boolean ip) {
      lbs.add(new LoadBalancer(service, LoadBalancing.Kind.ALB, ip, true, zones, true, false, List.of(service), "test"));
      return this;
    }

    DesignBuilder nlb(String service, boolean ip, boolean crossZone, boolean local) {
      lbs.add(new LoadBalancer(service, LoadBalancing.Kind.NLB, ip, true, zones, crossZone, local, List.of(service),
          "test"));
      return this;
    }

    DesignBuilder peer(String name, LinkKind kind) {
      peers.put(name, new Link(kind, kind == LinkKind.PEERING ? (zones - 1) / (double) zones : 0));
      return this;
    }

    DesignBuilder attachments(int n) {
      attachments = n;
      return this;
    }

    DesignBuilder peerings(int n) {
      peerings = n;
      return this;
    }

    DesignBuilder region(String region, LinkKind kind) {
      regions.put(region, new Link(kind, 0));
      return this;
    }

    DesignBuilder remote(String region, boolean replicate) {
      remote.add(region);
      if (replicate) {
        replicated.add(region);
      }
      return this;
    }

    DesignBuilder cluster(String version) {
      clusters.add(new Cluster("shop", version, KubernetesVersions.billedAsExtended(version, DAY)));
      return this;
    }

    DesignBuilder cluster(String version, List<String> logTypes) {
      clusters.add(new Cluster("shop", version, KubernetesVersions.billedAsExtended(version, DAY), logTypes));
      return this;
    }

    DesignBuilder flowLog(String destination, boolean parquet, int aggregationSeconds) {
      flowLog = new Design.FlowLog(destination, parquet, aggregationSeconds);
      return this;
    }

    DesignBuilder other(OtherVpc v) {
      others.add(v);
      return this;
    }

    Design build() {
      return new Design("generated", zones, nat, gateway, iface, services, lbs, peers, attachments, peerings, regions,
          remote, replicated, clusters, others, List.of("hand-built"), java.util.Optional.ofNullable(flowLog));
    }
  }

  static DesignBuilder design() {
    return new DesignBuilder();
  }

  /** A flow by index, with each end's kind given. */
  static Flow flow(int index, String from, Flow.End fromKind, String to, Flow.End toKind, double gb) {
    return new Flow(index, from, fromKind, to, toKind, gb);
  }

  static TrafficProfile traffic(Flow... flows) {
    return new TrafficProfile(List.of(flows), false);
  }

  static final Flow.End SERVICE = Flow.End.SERVICE;
  static final Flow.End INTERNET = Flow.End.INTERNET;
  static final Flow.End AWS = Flow.End.AWS;
  static final Flow.End PEER = Flow.End.PEER;
  static final Flow.End REGION = Flow.End.REGION;
}
