-- Empties the CSV reader's rejects before a chunk is read: the reader appends to existing tables, and each
-- chunk's rejected lines are numbered from its own first line.
DROP TABLE IF EXISTS {{rejects}};
DROP TABLE IF EXISTS {{scan}}
