-- Leads per company name as written (trimmed by leads.sql; blank names left out), for identity resolution.
SELECT company, count(*) AS leads
FROM leads
WHERE company IS NOT NULL
GROUP BY company
ORDER BY company
