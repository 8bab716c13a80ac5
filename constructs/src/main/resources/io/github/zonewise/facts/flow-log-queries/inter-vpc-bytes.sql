-- Bytes between VPCs (peering, Transit Gateway, VPN), by source and destination VPC: flows between
-- two private addresses whose homes are in different VPCs. An address no interface of the logs sends
-- from (a VPC without these flow logs, a network behind a VPN) is 'outside'.
WITH {{flows}},
vpc_pairs AS (
  SELECT COALESCE(hs.vpc_id, 'outside') AS src_vpc_id, COALESCE(hd.vpc_id, 'outside') AS dst_vpc_id, fl.bytes
  FROM flows fl
  JOIN scopes ss ON ss.addr = fl.src
  JOIN scopes sd ON sd.addr = fl.dst
  LEFT JOIN homes hs ON hs.addr = fl.src
  LEFT JOIN homes hd ON hd.addr = fl.dst
  WHERE ss.scope = 'private' AND sd.scope = 'private'
)
SELECT src_vpc_id, dst_vpc_id, SUM(bytes) AS bytes
FROM vpc_pairs
WHERE src_vpc_id <> dst_vpc_id
GROUP BY src_vpc_id, dst_vpc_id
ORDER BY bytes DESC, src_vpc_id, dst_vpc_id
