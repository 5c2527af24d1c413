-- Grain: one row per landing day and source (key: landed_date, source).
-- Articles landed, parsed and mentions extracted: a source that goes quiet shows here first.
create or replace view analysis.coverage_by_source_day as
with articles as (
    select
        landed_date,
        article_id,
        coalesce(source, 'unknown') as source
    from parsed.articles
),

mention_counts as (
    select landed_date, article_id, count(*) as mentions
    from events.mentions
    group by landed_date, article_id
),

coverage as (
    select
        a.landed_date,
        a.source,
        count(*) as articles,
        count(m.article_id) as articles_with_events,
        coalesce(sum(m.mentions), 0) as mentions
    from articles as a
    left join mention_counts as m using (landed_date, article_id)
    group by a.landed_date, a.source
)

select * from coverage
order by landed_date, source;
