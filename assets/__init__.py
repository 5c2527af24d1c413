"""Dagster assets, one module per layer; thin wrappers over the newsfacts library."""
