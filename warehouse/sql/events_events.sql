-- Grain: one row per de-duplicated incident (key: event_id), ACLED column names where ACLED
-- has them. Mentions of the same incident (same country and place, or admin1 where no place
-- is known, same day, same event_type, same actor1) become one event: VIINA's one-per-day
-- rule, close to ACLED's aggregation rule. Events whose mentions disappear after a
-- re-extraction stay as rows with is_deleted = true (ACLED's deletions).
create table events.events (
    event_id varchar not null primary key,
    event_date date not null,
    time_precision tinyint not null,
    event_type varchar not null,
    sub_event_type varchar,
    actor1 varchar,
    actor2 varchar,
    country varchar,
    admin1 varchar,
    location varchar,
    latitude double,
    longitude double,
    geonameid bigint,
    geo_precision tinyint,
    weapon varchar,
    fatalities integer,
    fatalities_low integer,
    fatalities_best integer,
    fatalities_high integer,
    injured_low integer,
    injured_best integer,
    injured_high integer,
    n_mentions integer not null,
    n_articles integer not null,
    n_sources integer not null,
    source varchar,
    notes varchar,
    first_reported date,
    last_reported date,
    mention_ids varchar[] not null,
    extractor_version varchar not null,
    dedup_rule varchar not null,
    row_hash varchar not null,
    version integer not null,
    is_deleted boolean not null,
    updated_at timestamptz not null
);
