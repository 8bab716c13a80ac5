-- The 20 address pairs that move the most bytes, each byte counted once (see flows).
WITH {{flows}}
SELECT src, dst, SUM(bytes) AS bytes
FROM flows
GROUP BY src, dst
ORDER BY bytes DESC, src, dst
LIMIT 20
