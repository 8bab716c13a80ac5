-- Bytes through each interface VPC endpoint (PrivateLink charges them per GB processed): every
-- record at an endpoint's network interfaces, ingress (requests) and egress (replies); each byte
-- passes an endpoint interface once. endpoint_interfaces is a relation (interface_id, endpoint)
-- that the engine fills: FlowLogAnalytics from each endpoint's NetworkInterfaceIds, zonewise traffic
-- from the network map and the records.
WITH {{flows}},
endpoint_interfaces AS (
  {{interface_endpoints}}
)
SELECT
  e.endpoint,
  SUM(CASE WHEN r.flow_direction = 'ingress' THEN r.bytes ELSE 0 END) AS bytes_in,
  SUM(CASE WHEN r.flow_direction = 'egress' THEN r.bytes ELSE 0 END) AS bytes_out,
  SUM(r.bytes) AS bytes
FROM records r
JOIN endpoint_interfaces e ON e.interface_id = r.interface_id
GROUP BY e.endpoint
ORDER BY bytes DESC, e.endpoint
