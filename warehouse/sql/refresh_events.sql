-- Re-cluster the event dates in temp table affected_dates into events.events.
-- Run inside the load transaction after events.mentions is reloaded. Events on those dates
-- that no longer have mentions are kept with is_deleted = true; the rest are rebuilt, and
-- their version goes up only when their content changed.
create or replace temp table fresh_events as
with members as (
    select * from events.mention_clusters
    where cluster_date in (select cluster_date from affected_dates)
),

grouped as (
    select
        event_id,
        min(cluster_date) as event_date,
        min(cluster_time_precision) as time_precision,
        min(event_type) as event_type,
        mode(sub_event_type) as sub_event_type,
        min(actor1) as actor1,
        mode(actor2) as actor2,
        min(country) as country,
        mode(admin1) as admin1,
        mode(location) as location,
        arg_min(latitude, coalesce(geo_precision, 9)) as latitude,
        arg_min(longitude, coalesce(geo_precision, 9)) as longitude,
        arg_min(geonameid, coalesce(geo_precision, 9)) as geonameid,
        min(geo_precision) as geo_precision,
        mode(weapon) as weapon,
        min(fatalities) as fatalities_low,
        round(median(fatalities))::integer as fatalities_best,
        max(fatalities) as fatalities_high,
        min(injured) as injured_low,
        round(median(injured))::integer as injured_best,
        max(injured) as injured_high,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles,
        count(distinct source_name) as n_sources,
        string_agg(distinct source_name, '; ' order by source_name) as source,
        arg_max(evidence, confidence) as notes,
        min(coalesce(published, landed_date)) as first_reported,
        max(coalesce(published, landed_date)) as last_reported,
        list(mention_id order by mention_id) as mention_ids,
        max(extractor_version) as extractor_version
    from members
    group by event_id
),

hashed as (
    select
        *,
        fatalities_low as fatalities,
        'place_day_type_actor_v1' as dedup_rule,
        md5(concat_ws('|', event_date, time_precision, sub_event_type, actor2, admin1, location, weapon,
            fatalities_low, fatalities_best, fatalities_high, injured_low, injured_best, injured_high,
            n_mentions, n_articles, n_sources, source, notes, first_reported, last_reported,
            array_to_string(mention_ids, ','), extractor_version)) as row_hash
    from grouped
),

rebuilt as (
    select
        h.*,
        case
            when old.event_id is null then 1
            when old.row_hash = h.row_hash and not old.is_deleted then old.version
            else old.version + 1
        end as version,
        false as is_deleted,
        case
            when old.row_hash = h.row_hash and not old.is_deleted then old.updated_at
            else current_timestamp
        end as updated_at
    from hashed as h
    left join events.events as old using (event_id)
),

vanished as (
    select
        old.* replace (
            true as is_deleted,
            case when old.is_deleted then old.version else old.version + 1 end as version,
            case when old.is_deleted then old.updated_at else current_timestamp end as updated_at
        )
    from events.events as old
    where old.event_date in (select cluster_date from affected_dates)
        and old.event_id not in (select event_id from hashed)
)

select * from rebuilt
union all by name
select * from vanished;

delete from events.events where event_id in (select event_id from fresh_events);

insert into events.events by name select * from fresh_events;
