-- Grain: one row per mention (key: mention_id), with the event it belongs to.
-- The dedup key: country, place (location, else admin1), day, event_type, actor1.
-- A mention without a resolved date takes its article's publication day (or landing day),
-- with time_precision 2 instead of 1.
create or replace view events.mention_clusters as
with mentions as (
    select
        m.*,
        p.published,
        coalesce(p.source, p.url, p.source_file) as source_name
    from events.mentions as m
    left join parsed.articles as p
        on p.article_id = m.article_id and p.landed_date = m.landed_date
),

dated as (
    select
        *,
        coalesce(event_date, published, landed_date) as cluster_date,
        case when event_date is not null then 1 else 2 end as cluster_time_precision,
        lower(coalesce(location, admin1, '')) as place_key
    from mentions
),

keyed as (
    select
        *,
        'ev_' || substr(
            sha256(concat_ws('|', country, place_key, cluster_date, event_type, coalesce(actor1, ''))), 1, 20
        ) as event_id
    from dated
)

select * from keyed;
