-- Grain: one row per day, country and admin1 (key: event_date, country, admin1).
-- Casualties of current (not deleted) events; fatalities is ACLED's conservative figure.
create or replace view analysis.daily_casualties_by_admin1 as
with current_events as (
    select * from events.events where not is_deleted
),

daily as (
    select
        event_date,
        country,
        admin1,
        count(*) as events,
        sum(fatalities) as fatalities,
        sum(fatalities_high) as fatalities_high,
        sum(injured_low) as injured,
        count(*) filter (where fatalities is null) as events_with_unknown_fatalities
    from current_events
    group by event_date, country, admin1
)

select * from daily
order by event_date, country, admin1;
