-- One DuckDB schema per pipeline layer; the lake's <layer>/ folders map onto them.
create schema if not exists raw;
create schema if not exists parsed;
create schema if not exists events;
create schema if not exists dq;
create schema if not exists analysis;
create schema if not exists meta;
