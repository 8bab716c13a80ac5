package io.github.zonewise.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which pod, workload and Service an address belongs to: the output of {@code kubectl get pods -A -o
 * json} (pod IPs, owners, labels, nodes) and optionally {@code kubectl get services -A -o json}
 * (selectors). A pod's flow-end name is the Service that selects it (the first by name when several
 * do), else its workload: a Deployment (the owning ReplicaSet's name without its
 * {@code pod-template-hash}), StatefulSet, DaemonSet or Job, else the pod's name. Host-network pods
 * share their node's address and are left to the node.
 *
 * @param pods  pod address → pod
 * @param nodes node address → node name
 */
public record PodInventory(Map<String, Pod> pods, Map<String, String> nodes) {

  /** No pods known. */
  public static final PodInventory EMPTY = new PodInventory(Map.of(), Map.of());

  /**
   * A pod.
   *
   * @param namespace its namespace
   * @param name      its name
   * @param workload  its workload, e.g. {@code Deployment/orders}, or null
   * @param service   the Service selecting it, or null
   * @param node      its node, or null
   */
  public record Pod(String namespace, String name, String workload, String service, String node) {
    /**
     * Checks the required values.
     *
     * @param namespace its namespace; not null
     * @param name      its name; not null
     * @param workload  its workload, e.g. {@code Deployment/orders}, or null
     * @param service   the Service selecting it, or null
     * @param node      its node, or null
     */
    public Pod {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }

    /** {@return the flow-end name: the Service, else the workload's name, else the pod's} */
    public String end() {
      if (service != null) {
        return service;
      }
      if (workload != null) {
        return workload.substring(workload.indexOf('/') + 1);
      }
      return name;
    }
  }

  /**
   * A Service's selector.
   *
   * @param namespace its namespace
   * @param name      its name
   * @param selector  label → value
   */
  public record Service(String namespace, String name, Map<String, String> selector) {
    /**
     * Copies the selector, sorted by label.
     *
     * @param namespace its namespace
     * @param name      its name
     * @param selector  label → value; empty selects no pod
     */
    public Service {
      selector = Collections.unmodifiableMap(new TreeMap<>(selector));
    }

    /**
     * Whether the Service selects a pod.
     *
     * @param namespace the pod's namespace
     * @param labels    the pod's labels
     * @return true when every selector label matches
     */
    public boolean selects(String namespace, Map<String, String> labels) {
      return this.namespace.equals(namespace) && !selector.isEmpty()
          && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
  }

  /**
   * Copies the maps in their order.
   *
   * @param pods  pod address → pod
   * @param nodes node address → node name
   */
  public PodInventory {
    pods = Collections.unmodifiableMap(new LinkedHashMap<>(pods));
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /**
   * The pod of an address.
   *
   * @param address an IP address
   * @return the pod, if one has it
   */
  public Optional<Pod> pod(String address) {
    return Optional.ofNullable(pods.get(address));
  }

  /**
   * Reads the kubectl output.
   *
   * @param podsFile     {@code kubectl get pods -A -o json}
   * @param servicesFile {@code kubectl get services -A -o json}, or null
   * @return the inventory
   * @throws TrafficInputException when a file is missing or not that output
   */
  public static PodInventory read(Path podsFile, Path servicesFile) {
    List<Service> services = servicesFile == null ? List.of() : services(items(servicesFile, "services"), servicesFile);
    return of(items(podsFile, "pods"), services, podsFile);
  }

  private static List<JsonNode> items(Path file, String kind) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new TrafficInputException(file + ": does not exist; write it with kubectl get " + kind + " -A -o json > "
          + file.getFileName());
    } catch (IOException e) {
      throw new TrafficInputException(file + ": is not JSON; write it with kubectl get " + kind + " -A -o json");
    }
    JsonNode items = root == null ? null : root.get("items");
    if (items == null || !items.isArray()) {
      throw new TrafficInputException(file + ": is not the output of kubectl get " + kind
          + " -A -o json (no list 'items')");
    }
    List<JsonNode> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  private static List<Service> services(List<JsonNode> items, Path file) {
    List<Service> out = new ArrayList<>();
    for (JsonNode item : items) {
      JsonNode meta = item.path("metadata");
      Map<String, String> selector = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = item.path("spec").path("selector").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        selector.put(e.getKey(), e.getValue().asText());
      }
      if (!meta.hasNonNull("name")) {
        throw new TrafficInputException(file + ": an item has no metadata.name; is it kubectl get services -A -o json?");
      }
      out.add(new Service(meta.path("namespace").asText("default"), meta.path("name").asText(), selector));
    }
    out.sort((a, b) -> (a.namespace() + "/" + a.name()).compareTo(b.namespace() + "/" + b.name()));
    return out;
  }

  private static PodInventory of(List<JsonNode> items, List<Service> services, Path file) {
    Map<String, Pod> pods = new LinkedHashMap<>();
    Map<String, String> nodes = new LinkedHashMap<>();
    for (JsonNode item : items) {
      JsonNode meta = item.path("metadata");
      if (!meta.hasNonNull("name")) {
        throw new TrafficInputException(file + ": an item has no metadata.name; is it kubectl get pods -A -o json?");
      }
      String namespace = meta.path("namespace").asText("default");
      String name = meta.path("name").asText();
      Map<String, String> labels = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("labels").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        labels.put(e.getKey(), e.getValue().asText());
      }
      String node = item.path("spec").path("nodeName").asText(null);
      String hostIp = item.path("status").path("hostIP").asText(null);
      if (hostIp != null && node != null) {
        nodes.putIfAbsent(hostIp, node);
      }
      boolean hostNetwork = item.path("spec").path("hostNetwork").asBoolean(false);
      List<String> ips = new ArrayList<>();
      item.path("status").path("podIPs").forEach(p -> ips.add(p.path("ip").asText()));
      if (ips.isEmpty() && item.path("status").hasNonNull("podIP")) {
        ips.add(item.path("status").path("podIP").asText());
      }
      if (hostNetwork || ips.isEmpty()) {
        continue;
      }
      String service = services.stream().filter(s -> s.selects(namespace, labels)).map(Service::name).findFirst()
          .orElse(null);
      Pod pod = new Pod(namespace, name, workload(meta, labels), service, node);
      for (String ip : ips) {
        if (!ip.equals(hostIp)) {
          pods.put(ip, pod);
        }
      }
    }
    return new PodInventory(pods, nodes);
  }

  private static String workload(JsonNode meta, Map<String, String> labels) {
    for (JsonNode owner : meta.path("ownerReferences")) {
      String kind = owner.path("kind").asText();
      String name = owner.path("name").asText();
      if (kind.equals("ReplicaSet")) {
        String hash = labels.get("pod-template-hash");
        if (hash != null && name.endsWith("-" + hash)) {
          return "Deployment/" + name.substring(0, name.length() - hash.length() - 1);
        }
        int dash = name.lastIndexOf('-');
        return dash > 0 ? "Deployment/" + name.substring(0, dash) : "ReplicaSet/" + name;
      }
      if (!kind.isEmpty()) {
        return kind + "/" + name;
      }
    }
    return null;
  }
}
