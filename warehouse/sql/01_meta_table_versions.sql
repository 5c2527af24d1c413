-- Which DDL each loaded table was created from: a changed definition rebuilds the table
-- from the Parquet lake (the source of truth) instead of failing on a column mismatch.
create table if not exists meta.table_versions (
    table_name varchar primary key,
    ddl_sha256 varchar not null,
    created_at timestamptz not null default current_timestamp
);
