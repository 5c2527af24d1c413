-- Grain: one row per article or mention set aside by the events layer (key: landed_date, record_id, check).
create table events.quarantine (
    record_id varchar not null,
    article_id varchar not null,
    landed_date date not null,
    layer varchar not null,
    "check" varchar not null,
    reason varchar not null,
    quarantined_at timestamptz not null
);
