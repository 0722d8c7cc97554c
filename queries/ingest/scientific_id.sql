-- An id Excel turned into scientific notation ("1.23457E+17"): its digits are lost.
CREATE OR REPLACE MACRO scientific_id(s) AS regexp_matches(trim(s), '^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$')
