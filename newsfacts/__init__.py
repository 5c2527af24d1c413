"""newsfacts: news articles to conflict event facts (pure library, no orchestration code)."""

__version__ = "0.1.0"
