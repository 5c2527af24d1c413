"""Dagster wiring for newsfacts: partitions, resources, jobs and the Definitions object."""
