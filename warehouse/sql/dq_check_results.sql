-- Grain: one row per expectation evaluated on one table's partition in one run
-- (key: run_id, landed_date, table_name, check_name). Kept for every run: the history.
create table dq.check_results (
    run_id varchar not null,
    landed_date date not null,
    table_name varchar not null,
    suite varchar not null,
    check_name varchar not null,
    expectation_type varchar not null,
    column_name varchar,
    severity varchar not null,
    row_level boolean not null,
    success boolean not null,
    rows_checked bigint not null,
    unexpected_count bigint not null,
    example_ids varchar[] not null,
    observed varchar,
    evaluated_at timestamptz not null
);
