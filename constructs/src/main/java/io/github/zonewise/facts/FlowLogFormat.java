package io.github.zonewise.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A custom flow-log record format: which {@link FlowLogField}s a flow log writes, in order.
 *
 * <p>{@link #ZONEWISE} is the one format of the project: {@code ZonalVpc} creates its flow logs with
 * it, {@code FlowLogAnalytics} declares its Glue table's columns from it, and {@code zonewise
 * traffic} expects it (it reads any format whose header names the fields a question needs).
 *
 * @param fields the fields, in record order
 */
public record FlowLogFormat(List<FlowLogField> fields) {

  /**
   * The fields the traffic analysis needs, and no more (every field costs log volume, billed per
   * GB delivered): the version 2 fields (addresses, ports, bytes, the window, action and status),
   * where the interface is ({@code vpc-id}, {@code subnet-id}, {@code instance-id}, {@code az-id}),
   * the addresses past a NAT gateway or Transit Gateway ({@code pkt-srcaddr}, {@code pkt-dstaddr}),
   * and which way and path the bytes go ({@code flow-direction}, {@code traffic-path},
   * {@code pkt-src-aws-service}, {@code pkt-dst-aws-service}). Version 5.
   */
  public static final FlowLogFormat ZONEWISE = new FlowLogFormat(List.of(
      FlowLogField.VERSION, FlowLogField.ACCOUNT_ID, FlowLogField.INTERFACE_ID, FlowLogField.SRCADDR,
      FlowLogField.DSTADDR, FlowLogField.SRCPORT, FlowLogField.DSTPORT, FlowLogField.PROTOCOL,
      FlowLogField.PACKETS, FlowLogField.BYTES, FlowLogField.START, FlowLogField.END, FlowLogField.ACTION,
      FlowLogField.LOG_STATUS, FlowLogField.VPC_ID, FlowLogField.SUBNET_ID, FlowLogField.INSTANCE_ID,
      FlowLogField.AZ_ID, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR, FlowLogField.FLOW_DIRECTION,
      FlowLogField.TRAFFIC_PATH, FlowLogField.PKT_SRC_AWS_SERVICE, FlowLogField.PKT_DST_AWS_SERVICE));

  /** The default format of AWS (version 2): what a flow log without a custom format writes. */
  public static final FlowLogFormat AWS_DEFAULT = new FlowLogFormat(List.of(
      FlowLogField.VERSION, FlowLogField.ACCOUNT_ID, FlowLogField.INTERFACE_ID, FlowLogField.SRCADDR,
      FlowLogField.DSTADDR, FlowLogField.SRCPORT, FlowLogField.DSTPORT, FlowLogField.PROTOCOL,
      FlowLogField.PACKETS, FlowLogField.BYTES, FlowLogField.START, FlowLogField.END, FlowLogField.ACTION,
      FlowLogField.LOG_STATUS));

  /**
   * Copies the list; a format has at least one field, each once.
   *
   * @param fields the fields, in record order
   * @throws IllegalArgumentException for no field or a field listed twice
   */
  public FlowLogFormat {
    fields = List.copyOf(fields);
    if (fields.isEmpty() || fields.stream().distinct().count() != fields.size()) {
      throw new IllegalArgumentException("a flow-log format lists at least one field, each once: " + fields);
    }
  }

  /** {@return the {@code LogFormat} of an {@code AWS::EC2::FlowLog}: {@code ${version} ${account-id} …}} */
  public String logFormat() {
    return fields.stream().map(FlowLogField::placeholder).collect(Collectors.joining(" "));
  }

  /**
   * {@return the header line a text flow-log file of this format starts with: {@code version account-id …}}
   */
  public String header() {
    return fields.stream().map(FlowLogField::fieldName).collect(Collectors.joining(" "));
  }

  /** {@return the version of the records: the highest version among the fields} */
  public int version() {
    return fields.stream().mapToInt(FlowLogField::version).max().orElseThrow();
  }
}
