-- Bytes across Availability Zones, by source and destination AZ and subnet.
-- Each hop once: as egress at the sending interface when the next address (dstaddr) is a home in
-- another AZ of the same VPC, or across a VPC peering connection (traffic-path 4); or, for a hop into
-- a NAT gateway or Transit Gateway interface (whose sender's egress record names only the final
-- destination), as ingress at that interface from a home in another AZ of its VPC.
-- Hops to and from interface endpoints and Transit Gateway attachments are listed too (AWS does not
-- charge them across AZs); zonewise traffic prices them apart.
WITH {{flows}},
hops AS (
  SELECT r.az_id AS src_az_id, r.subnet_id AS src_subnet_id, h.az_id AS dst_az_id, h.subnet_id AS dst_subnet_id,
    r.bytes
  FROM records r
  JOIN homes h ON h.addr = r.dstaddr
  WHERE r.flow_direction = 'egress' AND h.az_id <> r.az_id AND (h.vpc_id = r.vpc_id OR r.traffic_path = 4)
  UNION ALL
  SELECT h.az_id AS src_az_id, h.subnet_id AS src_subnet_id, r.az_id AS dst_az_id, r.subnet_id AS dst_subnet_id,
    r.bytes
  FROM records r
  JOIN forwarders f ON f.interface_id = r.interface_id
  JOIN homes h ON h.addr = r.srcaddr
  WHERE r.flow_direction = 'ingress' AND h.az_id <> r.az_id AND h.vpc_id = r.vpc_id
)
SELECT src_az_id, src_subnet_id, dst_az_id, dst_subnet_id, SUM(bytes) AS bytes
FROM hops
GROUP BY src_az_id, src_subnet_id, dst_az_id, dst_subnet_id
ORDER BY bytes DESC, src_az_id, src_subnet_id, dst_az_id, dst_subnet_id
