-- lead_order is only needed while lead_features is built.
DROP TABLE IF EXISTS lead_order
