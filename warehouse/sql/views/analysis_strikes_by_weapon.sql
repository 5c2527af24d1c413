-- Grain: one row per weapon, initiating side and country of remote-violence events
-- (key: weapon, actor1, country); weapon 'unspecified' where the reports name none.
create or replace view analysis.strikes_by_weapon as
with strikes as (
    select * from events.events
    where not is_deleted and event_type = 'Explosions/Remote violence'
),

by_weapon as (
    select
        coalesce(weapon, 'unspecified') as weapon,
        actor1,
        country,
        count(*) as events,
        sum(fatalities) as fatalities,
        sum(injured_low) as injured,
        min(event_date) as first_event,
        max(event_date) as last_event
    from strikes
    group by all
)

select * from by_weapon
order by events desc, weapon, actor1, country;
