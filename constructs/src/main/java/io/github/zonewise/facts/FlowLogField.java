package io.github.zonewise.facts;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a VPC flow log record, as the Amazon VPC User Guide names them ("Flow log records",
 * table "Available fields"; awsdocs/amazon-vpc-user-guide, doc_source/flow-logs.md, June 2023; the
 * values of {@code traffic-path} from the current page): the name a log format and a text file's
 * header use, the version that introduced it, and the type a Parquet file stores it as. Versions 2
 * to 5; later fields (the {@code ecs-*} fields of version 7, {@code reject-reason}) are read past.
 *
 * <p>Missing values are {@code -} in text files. In a Parquet file and in SQL, the column is the
 * field's name with {@code _} for {@code -} ({@link #column()}).
 */
public enum FlowLogField {

  /** The flow-log version: the highest version among the fields of the format. */
  VERSION("version", 2, ParquetType.INT_32),
  /** The account owning the interface; {@code unknown} for some interfaces AWS services create. */
  ACCOUNT_ID("account-id", 2, ParquetType.STRING),
  /** The network interface the traffic is recorded for (one flow log record per interface). */
  INTERFACE_ID("interface-id", 2, ParquetType.STRING),
  /** The source of incoming traffic, or the interface's own address for outgoing traffic. */
  SRCADDR("srcaddr", 2, ParquetType.STRING),
  /** The destination of outgoing traffic, or the interface's own address for incoming traffic. */
  DSTADDR("dstaddr", 2, ParquetType.STRING),
  /** The source port. */
  SRCPORT("srcport", 2, ParquetType.INT_32),
  /** The destination port. */
  DSTPORT("dstport", 2, ParquetType.INT_32),
  /** The IANA protocol number. */
  PROTOCOL("protocol", 2, ParquetType.INT_32),
  /** Packets transferred during the flow. */
  PACKETS("packets", 2, ParquetType.INT_64),
  /** Bytes transferred during the flow. */
  BYTES("bytes", 2, ParquetType.INT_64),
  /** When the first packet of the flow was received in the aggregation interval, in Unix seconds. */
  START("start", 2, ParquetType.INT_64),
  /** When the last packet of the flow was received in the aggregation interval, in Unix seconds. */
  END("end", 2, ParquetType.INT_64),
  /** {@code ACCEPT} or {@code REJECT}. */
  ACTION("action", 2, ParquetType.STRING),
  /** {@code OK}, {@code NODATA} (no traffic in the interval) or {@code SKIPDATA} (records skipped). */
  LOG_STATUS("log-status", 2, ParquetType.STRING),
  /** The VPC of the interface. */
  VPC_ID("vpc-id", 3, ParquetType.STRING),
  /** The subnet of the interface. */
  SUBNET_ID("subnet-id", 3, ParquetType.STRING),
  /** The instance of the interface, if the account owns it; {@code -} for requester-managed interfaces (NAT gateway). */
  INSTANCE_ID("instance-id", 3, ParquetType.STRING),
  /** The bitmask of TCP flags seen in the interval. */
  TCP_FLAGS("tcp-flags", 3, ParquetType.INT_32),
  /** {@code IPv4}, {@code IPv6} or {@code EFA}. */
  TYPE("type", 3, ParquetType.STRING),
  /** The packet-level (original) source address, past a NAT gateway or Transit Gateway interface. */
  PKT_SRCADDR("pkt-srcaddr", 3, ParquetType.STRING),
  /** The packet-level (final) destination address, past a NAT gateway or Transit Gateway interface. */
  PKT_DSTADDR("pkt-dstaddr", 3, ParquetType.STRING),
  /** The Region of the interface. */
  REGION("region", 4, ParquetType.STRING),
  /** The AZ id (e.g. {@code use1-az1}) of the interface; {@code -} in a sublocation. */
  AZ_ID("az-id", 4, ParquetType.STRING),
  /** {@code wavelength}, {@code outpost} or {@code localzone}. */
  SUBLOCATION_TYPE("sublocation-type", 4, ParquetType.STRING),
  /** The sublocation of the interface. */
  SUBLOCATION_ID("sublocation-id", 4, ParquetType.STRING),
  /** The AWS IP-range subset of {@code pkt-srcaddr} ({@code S3}, {@code DYNAMODB}, {@code AMAZON}, {@code EC2}, …). */
  PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5, ParquetType.STRING),
  /** The AWS IP-range subset of {@code pkt-dstaddr}. */
  PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5, ParquetType.STRING),
  /** {@code ingress} or {@code egress}, with respect to the interface the traffic is captured at. */
  FLOW_DIRECTION("flow-direction", 5, ParquetType.STRING),
  /**
   * The path egress traffic takes: 1 another resource in the same VPC (a NAT gateway, an interface
   * endpoint, a Transit Gateway attachment, another instance); 2 an internet gateway or a gateway
   * VPC endpoint; 3 a virtual private gateway; 4 an intra-region VPC peering connection; 5 an
   * inter-region VPC peering connection; 6 a local gateway; 7 a gateway VPC endpoint (Nitro only);
   * 8 an internet gateway (Nitro only); {@code -} for ingress.
   */
  TRAFFIC_PATH("traffic-path", 5, ParquetType.INT_32);

  /** How a Parquet flow-log file stores a field. */
  public enum ParquetType {
    /** A 32-bit integer ({@code int} in Athena). */
    INT_32("int", "INTEGER"),
    /** A 64-bit integer ({@code bigint}). */
    INT_64("bigint", "BIGINT"),
    /** A string. */
    STRING("string", "VARCHAR");

    private final String hive;
    private final String duckDb;

    ParquetType(String hive, String duckDb) {
      this.hive = hive;
      this.duckDb = duckDb;
    }

    /** {@return the column type of a Glue (Hive) table, e.g. {@code bigint}} */
    public String hive() {
      return hive;
    }

    /** {@return the column type in DuckDB, e.g. {@code BIGINT}} */
    public String duckDb() {
      return duckDb;
    }
  }

  private static final Map<String, FlowLogField> BY_NAME = Collections.unmodifiableMap(Arrays.stream(values())
      .collect(Collectors.toMap(FlowLogField::fieldName, Function.identity())));

  private final String fieldName;
  private final int version;
  private final ParquetType parquetType;

  FlowLogField(String fieldName, int version, ParquetType parquetType) {
    this.fieldName = fieldName;
    this.version = version;
    this.parquetType = parquetType;
  }

  /** {@return the field's name in a log format and a text file's header, e.g. {@code pkt-srcaddr}} */
  public String fieldName() {
    return fieldName;
  }

  /** {@return the flow-log version that introduced the field} */
  public int version() {
    return version;
  }

  /** {@return how a Parquet flow-log file stores the field} */
  public ParquetType parquetType() {
    return parquetType;
  }

  /** {@return the column name in Parquet files, Glue tables and SQL, e.g. {@code pkt_srcaddr}} */
  public String column() {
    return fieldName.replace('-', '_');
  }

  /** {@return the field in a log format string: {@code ${pkt-srcaddr}}} */
  public String placeholder() {
    return "${" + fieldName + "}";
  }

  /**
   * The field of a name, as a header or a log format writes it.
   *
   * @param name e.g. {@code flow-direction}
   * @return the field, or empty for a name this list does not know (a later version's field)
   */
  public static Optional<FlowLogField> of(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
