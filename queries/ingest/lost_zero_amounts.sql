-- Lost deals whose amount reads as 0: CRMs write 0 there for "not recorded", so deals.sql keeps no amount
-- for them; counted as a missing-value marker of the amount column. params: $1 the amount decimal separator
SELECT count(*) AS n
FROM deals d
JOIN clean_deals m USING (_row)
WHERE d.outcome = 'lost' AND d.amount IS NULL AND parse_number(m.amount, $1) = 0
