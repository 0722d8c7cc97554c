-- Gives every spelling variant of one leads category column its group's spelling (as fold_groups.sql),
-- so segments count Google, google and ＧＯＯＧＬＥ as one.
UPDATE leads SET {{column}} = f.value
FROM (
  SELECT key, first(spelling ORDER BY n DESC, spelling) AS value
  FROM (
    SELECT {{column}} AS spelling, fold_key({{column}}) AS key, count(*) AS n
    FROM leads
    WHERE {{column}} IS NOT NULL
    GROUP BY ALL
  )
  GROUP BY key
  HAVING count(*) > 1
) f
WHERE fold_key(leads.{{column}}) = f.key AND leads.{{column}} <> f.value
