-- Grain: one row per landed file or JSON record that is not a readable article
-- (key: landed_date, rejected_id), with the reason it was set aside.
create table raw.rejected (
    rejected_id varchar not null,
    landed_date date not null,
    source_file varchar not null,
    record_index integer,
    size_bytes bigint not null,
    content blob not null,
    reason varchar not null,
    detail varchar not null,
    rejected_at timestamptz not null
);
