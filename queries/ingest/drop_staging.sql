-- Drops the Arrow staging table of a table read in JS (before inserting it anew, and after copying it).
DROP TABLE IF EXISTS {{staging}}
