"""Storage: the SQL schema, database set-up and migrations, and article persistence."""
