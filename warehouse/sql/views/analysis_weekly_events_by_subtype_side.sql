-- Grain: one row per ACLED week (Saturday to Friday), sub-event type and initiating side
-- (key: week_start, event_type, sub_event_type, actor1).
create or replace view analysis.weekly_events_by_subtype_side as
with current_events as (
    select * from events.events where not is_deleted
),

weeks as (
    select
        *,
        -- ACLED weeks start on Saturday: shift so Saturday falls on ISO Monday, truncate, shift back.
        (date_trunc('week', event_date + interval 2 day) - interval 2 day)::date as week_start
    from current_events
),

weekly as (
    select
        week_start,
        event_type,
        sub_event_type,
        actor1,
        count(*) as events,
        sum(fatalities) as fatalities,
        sum(injured_low) as injured
    from weeks
    group by week_start, event_type, sub_event_type, actor1
)

select * from weekly
order by week_start, event_type, sub_event_type, actor1;
