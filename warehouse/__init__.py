"""The DuckDB warehouse: SQL files under sql/ and the loader that fills it from the Parquet lake."""
