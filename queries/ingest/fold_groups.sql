-- Spelling variants of the leads category columns: for each column and fold_key with more than one
-- spelling, each spelling with its row count and the spelling all of them become (the commonest, then the
-- first in sort order). Read before fold_values.sql applies it.
WITH counts AS (
  SELECT role, spelling, fold_key(spelling) AS key, n FROM (
    SELECT 'country' AS role, country AS spelling, count(*) AS n FROM leads GROUP BY 2
    UNION ALL SELECT 'region', region, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'industry', industry, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'lead_source', lead_source, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'owner', owner, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'job_title', job_title, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'purchase_timeframe', purchase_timeframe, count(*) FROM leads GROUP BY 2
    UNION ALL SELECT 'decision_stage', decision_stage, count(*) FROM leads GROUP BY 2
  )
  WHERE spelling IS NOT NULL
)
SELECT role, first(spelling ORDER BY n DESC, spelling) OVER (PARTITION BY role, key) AS value, spelling, n
FROM counts
QUALIFY count(*) OVER (PARTITION BY role, key) > 1
ORDER BY role, value, n DESC, spelling
