-- The common part of every Zonewise flow-log query: CTEs over the table flow_logs (the Glue table of
-- FlowLogAnalytics on Athena, a view over the files in DuckDB), written in the SQL that Athena (Trino)
-- and DuckDB both run. FlowLogQuery puts them at the head of each query's WITH clause, so every
-- query may use every CTE below.
--
-- records:    the accepted records that carried bytes, '-' for missing values (text files write '-',
--             Parquet files may hold NULL).
-- scopes:     every address with its scope: private (RFC 1918, 100.64.0.0/10, IPv6 unique-local and
--             link-local) or public.
-- forwarders: interfaces that forward other addresses' packets: requester-managed (instance-id '-')
--             and seen with an egress record whose srcaddr is not pkt-srcaddr or an ingress record
--             whose dstaddr is not pkt-dstaddr; NAT gateways and Transit Gateway attachments.
-- homes:      every address that sends from an interface of the logs (pkt-srcaddr of an egress
--             record at an interface that does not forward), with that interface's VPC, subnet, AZ.
-- flows:      every byte once. At the sender: egress records at interfaces that do not forward
--             (pkt-srcaddr -> pkt-dstaddr). At the receiver, when the sender is not a home (the
--             internet, an AWS service, a VPC without these logs): ingress records at interfaces
--             that do not forward. Records at forwarders measure their hop, never a flow.
records AS (
  SELECT
    interface_id,
    COALESCE(instance_id, '-') AS instance_id,
    COALESCE(vpc_id, '-') AS vpc_id,
    COALESCE(subnet_id, '-') AS subnet_id,
    COALESCE(az_id, '-') AS az_id,
    flow_direction,
    srcaddr,
    dstaddr,
    pkt_srcaddr,
    pkt_dstaddr,
    COALESCE(pkt_src_aws_service, '-') AS pkt_src_aws_service,
    COALESCE(pkt_dst_aws_service, '-') AS pkt_dst_aws_service,
    COALESCE(traffic_path, 0) AS traffic_path,
    bytes
  FROM flow_logs
  WHERE action = 'ACCEPT' AND log_status = 'OK' AND bytes > 0
),
scopes AS (
  SELECT
    addr,
    CASE
      WHEN addr LIKE '10.%' OR addr LIKE '192.168.%' THEN 'private'
      WHEN addr LIKE '172.%' AND TRY_CAST(split_part(addr, '.', 2) AS INTEGER) BETWEEN 16 AND 31 THEN 'private'
      WHEN addr LIKE '100.%' AND TRY_CAST(split_part(addr, '.', 2) AS INTEGER) BETWEEN 64 AND 127 THEN 'private'
      WHEN lower(addr) LIKE 'fc%:%' OR lower(addr) LIKE 'fd%:%' OR lower(addr) LIKE 'fe80:%' THEN 'private'
      ELSE 'public'
    END AS scope
  FROM (
    SELECT srcaddr AS addr FROM records
    UNION SELECT dstaddr FROM records
    UNION SELECT pkt_srcaddr FROM records
    UNION SELECT pkt_dstaddr FROM records
  ) AS a
),
forwarders AS (
  SELECT DISTINCT interface_id
  FROM records
  WHERE instance_id = '-'
    AND ((flow_direction = 'egress' AND srcaddr <> pkt_srcaddr)
      OR (flow_direction = 'ingress' AND dstaddr <> pkt_dstaddr))
),
homes AS (
  SELECT r.pkt_srcaddr AS addr, MIN(r.vpc_id) AS vpc_id, MIN(r.subnet_id) AS subnet_id, MIN(r.az_id) AS az_id
  FROM records r
  LEFT JOIN forwarders f ON f.interface_id = r.interface_id
  WHERE r.flow_direction = 'egress' AND f.interface_id IS NULL
  GROUP BY r.pkt_srcaddr
),
flows AS (
  SELECT r.pkt_srcaddr AS src, r.pkt_dstaddr AS dst, r.pkt_src_aws_service AS src_service,
    r.pkt_dst_aws_service AS dst_service, r.traffic_path, r.bytes, 'egress' AS counted_at
  FROM records r
  LEFT JOIN forwarders f ON f.interface_id = r.interface_id
  WHERE r.flow_direction = 'egress' AND f.interface_id IS NULL
  UNION ALL
  SELECT r.pkt_srcaddr AS src, r.pkt_dstaddr AS dst, r.pkt_src_aws_service AS src_service,
    r.pkt_dst_aws_service AS dst_service, r.traffic_path, r.bytes, 'ingress' AS counted_at
  FROM records r
  LEFT JOIN forwarders f ON f.interface_id = r.interface_id
  LEFT JOIN homes h ON h.addr = r.pkt_srcaddr
  WHERE r.flow_direction = 'ingress' AND f.interface_id IS NULL AND h.addr IS NULL
)
