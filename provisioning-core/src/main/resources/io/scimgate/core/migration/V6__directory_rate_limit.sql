-- A directory's own request budget; null means the server's default.
ALTER TABLE directory ADD COLUMN rate_limit_per_second INT;
ALTER TABLE directory ADD COLUMN rate_limit_burst INT;
