-- Grain: one row per article landed on a day (key: landed_date, article_id).
create table raw.articles (
    article_id varchar not null,
    landed_date date not null,
    source_file varchar not null,
    record_index integer not null,
    content_type varchar not null,
    size_bytes bigint not null,
    content blob not null,
    text varchar not null,
    encoding varchar not null,
    source_url varchar,
    ingested_at timestamptz not null
);
