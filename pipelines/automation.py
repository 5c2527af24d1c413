"""When runs happen: the daily schedule and the landing-folder sensor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dagster as dg

from newsfacts.watch import decode_cursor, encode_cursor, landing_fingerprints, plan_runs
from pipelines.jobs import daily_pipeline
from pipelines.partitions import FIRST_LANDING_DAY
from pipelines.resources import NewsfactsStorage

SENSOR_INTERVAL_SECONDS = 30
FIRST_TICK_LOOKBACK_DAYS = 3
MAX_RUNS_PER_TICK = 5


@dg.schedule(
    cron_schedule="30 0 * * *",
    execution_timezone="UTC",
    job=daily_pipeline,
    description="Every night at 00:30 UTC: the previous landing day, landing folder to warehouse.",
)
def daily_pipeline_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    scheduled = context.scheduled_execution_time or datetime.now(UTC)
    day = (scheduled - timedelta(days=1)).date().isoformat()
    return dg.RunRequest(run_key=f"scheduled-{day}", partition_key=day)


@dg.sensor(
    job=daily_pipeline,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    description=(
        "Runs a landing day when files land in (or change in) landing/YYYY-MM-DD/. Its first tick "
        f"takes days older than {FIRST_TICK_LOOKBACK_DAYS} days as history instead of launching them, "
        f"and no tick launches more than {MAX_RUNS_PER_TICK} runs."
    ),
)
def landing_sensor(context: dg.SensorEvaluationContext, storage: NewsfactsStorage) -> dg.SensorResult:
    today = datetime.now(UTC).date()
    landed = landing_fingerprints(storage.paths.landing)
    # A folder dated before the first partition or in the future cannot be a run.
    current = {day: fp for day, fp in landed.items() if FIRST_LANDING_DAY <= day <= today.isoformat()}
    if len(current) < len(landed):
        context.log.warning(
            f"landing folders outside the partitions ignored: {sorted(set(landed) - set(current))}"
        )
    plan = plan_runs(
        decode_cursor(context.cursor),
        current,
        today=today,
        first_tick_lookback_days=FIRST_TICK_LOOKBACK_DAYS,
        max_runs_per_tick=MAX_RUNS_PER_TICK,
    )
    if plan.seeded:
        context.log.info(
            f"first tick: {len(plan.seeded)} older landing days ({plan.seeded[0]}..{plan.seeded[-1]}) "
            "taken as history; backfill them from the CLI if they were never processed"
        )
    if plan.deferred:
        context.log.info(f"{len(plan.deferred)} changed days wait for the next tick: {plan.deferred}")
    requests = [
        dg.RunRequest(run_key=f"landing-{day}-{fingerprint}", partition_key=day)
        for day, fingerprint in plan.run_days
    ]
    return dg.SensorResult(
        run_requests=requests,
        skip_reason=None if requests else "no new or changed files in the landing folder",
        cursor=encode_cursor(plan.seen),
    )
