"""Great Expectations suites per layer (suites/*.json) and the runner that applies them."""
