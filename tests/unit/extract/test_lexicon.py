"""The lexicon files load, and phrases match at word starts, with stems and accents folded."""

from __future__ import annotations

import tomllib

import pytest

from newsfacts.extract.lexicon import LANGUAGES, LEXICON_DIR, NUMERIC_CATEGORIES, fold, load
from newsfacts.vocabulary import WEAPONS

# The categories and values the extraction code reads; every language file uses only these.
CATEGORIES = {
    "cue": {
        "strike",
        "intercept",
        "capture",
        "liberate",
        "clash",
        "protest",
        "riot",
        "arrest",
        "exchange",
        "ceasefire",
        "sabotage",
        "execution",
        "abduction",
        "damage",
        "repel",
    },
    "weapon": set(WEAPONS),
    "casualty": {"killed", "injured"},
    "side": {"Russia", "Ukraine"},
    "agency": {"Russia", "Ukraine"},
    "means": {"air", "shelling"},
    "night": {"overnight", "night_to", "past_day"},
    "person": {"many", "one"},
    "placeword": {"region", "district", "settlement", "community"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_file_loads_with_known_categories(language: str) -> None:
    assert (LEXICON_DIR / f"{language}.toml").exists()
    lexicon = load(language)
    assert lexicon is not None and lexicon.language == language
    data = tomllib.loads((LEXICON_DIR / f"{language}.toml").read_text(encoding="utf-8"))
    for category, allowed in CATEGORIES.items():
        assert set(data.get(category, {})) <= allowed, (language, category)
    for category in ("cue", "casualty", "weapon", "number", "weekday", "month"):
        assert data.get(category), (language, category)
    for category in NUMERIC_CATEGORIES & set(data):
        assert all(isinstance(v, int) for v in data[category].values()), (language, category)


def test_language_without_a_file_has_no_lexicon() -> None:
    assert load("nl") is None and load(None) is None


def test_fold_keeps_offsets() -> None:
    text = "Járkov – Kijów’s ŁÓDŹ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "jarkov - kijow's lodz"


def test_scan_word_starts_stems_and_whole_words() -> None:
    lexicon = load("en")
    assert lexicon is not None
    hits = {
        (h.category, h.value, "The counterattack failed; drones attacked Kharkiv"[h.start : h.end])
        for h in lexicon.scan("The counterattack failed; drones attacked Kharkiv")
    }
    assert ("weapon", "drone", "drones") in hits  # a stem runs on
    assert ("cue", "strike", "attacked") in hits
    assert not any(text == "attack" for _, _, text in hits)  # not inside "counterattack"


def test_longest_phrase_of_a_category_wins() -> None:
    lexicon = load("en")
    assert lexicon is not None
    text = "a guided bomb hit the school"
    weapons = [text[h.start : h.end] for h in lexicon.scan(text) if h.category == "weapon"]
    assert weapons == ["guided bomb"]


def test_inflected_stems_in_ukrainian() -> None:
    lexicon = load("uk")
    assert lexicon is not None
    text = "Росіяни атакували дронами Харків"
    cats = {h.category for h in lexicon.scan(text)}
    assert {"cue", "weapon"} <= cats
