"""The daily partition: the landing day of the files (landing/YYYY-MM-DD/)."""

import dagster as dg

FIRST_LANDING_DAY = "2024-01-01"

# end_offset=1 makes today a valid partition, so files landed today can be processed today.
daily_landing = dg.DailyPartitionsDefinition(start_date=FIRST_LANDING_DAY, end_offset=1)
