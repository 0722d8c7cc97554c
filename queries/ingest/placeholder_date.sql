-- Dates CRMs and spreadsheets write for "no date": 1900-01-01 and earlier (Excel's day 0 is 1899-12-30/31),
-- the Unix epoch 1970-01-01, and 9999-… "never" dates.
CREATE OR REPLACE MACRO placeholder_date(d) AS
  d <= DATE '1900-01-01' OR d = DATE '1970-01-01' OR d >= DATE '9999-01-01'
