-- The currencies of the canonical deals with their deal counts (NULL: no currency known).
SELECT currency, count(*) AS n FROM deals GROUP BY currency ORDER BY n DESC, currency NULLS LAST
