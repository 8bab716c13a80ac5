-- Bytes a NAT gateway processed (AWS charges them in both directions), by destination: aws-service
-- (pkt-*-aws-service names an AWS range other than EC2: S3, DYNAMODB, AMAZON, ...), internet (no AWS
-- range) or other (public EC2 addresses, private remote ends), and by direction: outbound (to the
-- remote end) or inbound (the replies, to the VPC). NAT gateway interfaces are the forwarders that
-- send to public addresses; each processed byte leaves such an interface once, as egress.
WITH {{flows}},
nat_interfaces AS (
  SELECT DISTINCT r.interface_id
  FROM records r
  JOIN forwarders f ON f.interface_id = r.interface_id
  JOIN scopes s ON s.addr = r.dstaddr
  WHERE r.flow_direction = 'egress' AND s.scope = 'public'
),
processed AS (
  SELECT
    CASE WHEN sd.scope = 'public' THEN 'outbound' ELSE 'inbound' END AS direction,
    CASE WHEN sd.scope = 'public' THEN r.dstaddr ELSE r.pkt_srcaddr END AS remote,
    CASE WHEN sd.scope = 'public' THEN r.pkt_dst_aws_service ELSE r.pkt_src_aws_service END AS service,
    r.bytes
  FROM records r
  JOIN nat_interfaces n ON n.interface_id = r.interface_id
  JOIN scopes sd ON sd.addr = r.dstaddr
  WHERE r.flow_direction = 'egress'
),
classified AS (
  SELECT
    CASE
      WHEN rs.scope = 'private' THEN 'other'
      WHEN p.service = 'EC2' THEN 'other'
      WHEN p.service <> '-' THEN 'aws-service'
      ELSE 'internet'
    END AS destination,
    p.service,
    p.direction,
    p.bytes
  FROM processed p
  JOIN scopes rs ON rs.addr = p.remote
)
SELECT destination, service, direction, SUM(bytes) AS bytes
FROM classified
GROUP BY destination, service, direction
ORDER BY bytes DESC, destination, service, direction
