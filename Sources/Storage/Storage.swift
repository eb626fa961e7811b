// Storage: SQLite connections, prepared statements, transactions, migrations and backup. Knows no domain.
