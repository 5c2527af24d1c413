-- Grain: one row per article the parser could not process (key: landed_date, record_id, check).
create table parsed.quarantine (
    record_id varchar not null,
    article_id varchar not null,
    landed_date date not null,
    layer varchar not null,
    "check" varchar not null,
    reason varchar not null,
    quarantined_at timestamptz not null
);
