"""Language identification: a cheap function-word vote first, lingua where the vote is unsure.

lingua ships its models inside the wheel, so nothing is downloaded. It costs ~0.6 us per
character, too much to run on every paragraph at 1,000 articles/s; the function-word vote
settles the common cases (a paragraph plainly in the article's language) for a few microseconds.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Languages of conflict reporting (Europe, Caucasus, Middle East) kept small: fewer candidates
# make lingua faster and less prone to exotic confusions on short text.
_LINGUA_LANGUAGES = (
    Language.ENGLISH,
    Language.UKRAINIAN,
    Language.RUSSIAN,
    Language.BELARUSIAN,
    Language.SPANISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.POLISH,
    Language.TURKISH,
    Language.ARABIC,
    Language.DUTCH,
    Language.ROMANIAN,
    Language.CZECH,
    Language.HEBREW,
    Language.PERSIAN,
    Language.GEORGIAN,
    Language.ARMENIAN,
    Language.BULGARIAN,
)

# Frequent function words, chosen to separate the Latin-script languages above.
_STOPWORDS: dict[str, str] = {
    "en": "the and of to in is was that for on with said has have were by from at it this as are after its "
    "which be an not will been had who they their would also but a he she his her than about into over",
    "fr": "le la les des du et un une est dans pour que qui sur par au aux avec pas ont été cette ce il "
    "elle sont mais plus selon leur ou",
    "es": "el la los las del y en que un una por con para es se al fue su sus como más pero lo ha han "
    "este esta según entre sobre",
    "it": "il lo la gli le di del della dei che e è un una per con non sono nel nella alla al ha hanno "
    "anche come più secondo degli delle ai dal",
    "pt": "o os a as do da dos das que e em um uma para com não no na nos foi por mais ao à pelo pela "
    "são também segundo foram",
    "de": "der die das und ist nicht ein eine den dem des mit von zu auf für im sich auch es wurde "
    "wurden nach bei aus sind hat haben",
    "pl": "i w nie się na z że do to jest jak po przez dla od ale czy zostały został według oraz które "
    "który jego",
    "tr": "ve bir bu da de için ile olarak çok daha gibi ama ancak sonra kadar olan değil ise diye",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er ook door werd naar bij",
    "ro": "și în la cu pe din de un o este că nu mai au fost care pentru sau ale lui",
}
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words.split():
        _WORD_LANGS[_w] = (*_WORD_LANGS.get(_w, ()), _lang)
# A word shared by several languages votes a fraction for each.
_WORD_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    w: tuple((lang, 1.0 / len(langs)) for lang in langs) for w, langs in _WORD_LANGS.items()
}

_STOPWORD_KEYS = frozenset(_WORD_WEIGHTS)
_VOTE_UNITS = 12  # a multiple of every sharing count (at most 4 languages share a word)
_WORD_UNITS: dict[str, tuple[tuple[str, int], ...]] = {
    w: tuple((lang, _VOTE_UNITS // len(langs)) for lang in langs) for w, langs in _WORD_LANGS.items()
}
assert all(_VOTE_UNITS % len(langs) == 0 for langs in _WORD_LANGS.values())
_ASCII_WORD_UNITS: dict[bytes, tuple[tuple[str, int], ...]] = {
    w.encode("ascii"): units for w, units in _WORD_UNITS.items() if w.isascii()
}
_ASCII_STOPWORD_KEYS = frozenset(_ASCII_WORD_UNITS)
_ASCII_LETTERS_ONLY = bytes(b if chr(b).isalpha() and b < 128 else 32 for b in range(256))
_OWN_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# Runs of letters of each script: counted by their lengths, a list of one string per word rather
# than one per letter.
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _letters(script: re.Pattern[str], text: str) -> int:
    return sum(map(len, script.findall(text)))


_UK_ONLY_RE = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY_RE = re.compile(r"[ыэъёЫЭЪЁ]")

MIN_PARAGRAPH_CHARS = 40  # shorter paragraphs inherit the article language


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """Built once per process (lazily: import stays cheap)."""
    return LanguageDetectorBuilder.from_languages(*_LINGUA_LANGUAGES).build()


def _iso(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def stopword_votes(text: str) -> dict[str, float]:
    """Function-word votes per language; a word shared by k languages gives each 1/k per use.

    Votes are summed in integer twelfths (k <= 4), so the result is exact and does not depend on
    the order the words are visited in (set order varies between processes).
    """
    low = text.lower()
    # Tokens are counted in C and only the distinct stopwords present are visited.
    counts: Counter[str] | Counter[bytes]
    if low.isascii() or not any(ch.isalnum() for ch in _NON_ASCII_RE.findall(low)):
        # For ASCII text `[^\W\d_]+` is exactly [a-z]+: one bytes.translate + split gives the same
        # tokens ~10x faster than the Unicode-aware regex (the main cost of detect_language). So it
        # does where the only other characters are no letters or digits (curly quotes, dashes):
        # encoded as "?", they separate words as the regex has them do.
        words = low.encode("ascii", "replace").translate(_ASCII_LETTERS_ONLY).split()
        counts = Counter(words)
        keys, table = _ASCII_STOPWORD_KEYS, _ASCII_WORD_UNITS
    else:
        counts = Counter(_WORD_RE.findall(low))
        keys, table = _STOPWORD_KEYS, _WORD_UNITS
    units: dict[str, int] = {}
    for word in keys.intersection(counts):
        n = counts[word]
        for lang, share in table[word]:
            units[lang] = units.get(lang, 0) + share * n
    return {lang: u / _VOTE_UNITS for lang, u in units.items()}


def _ranked(votes: dict[str, float]) -> tuple[str | None, float, float]:
    if not votes:
        return None, 0.0, 0.0
    ordered = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    second = ordered[1][1] if len(ordered) > 1 else 0.0
    return ordered[0][0], ordered[0][1], second


def _cyrillic_language(text: str) -> str | None:
    uk, ru = len(_UK_ONLY_RE.findall(text)), len(_RU_ONLY_RE.findall(text))
    if uk >= 3 and ru == 0:
        return "uk"
    if ru >= 3 and uk == 0:
        return "ru"
    return None


def lingua_best(text: str) -> tuple[str | None, float]:
    """lingua's top language and its confidence (0..1)."""
    values = detector().compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    top = values[0]
    return _iso(top.language), top.value


def detect_language(text: str, sample_chars: int = 1200) -> str | None:
    """ISO 639-1 code of a whole article body, or None when there is too little text."""
    sample = text[:sample_chars]
    # Every use of a stopword is a run of Latin letters and votes at most 1: in a text with Cyrillic
    # letters and fewer Latin runs than the lowest score looked at below (6), no vote can decide.
    latin_words = _LATIN_RE.findall(sample) if _CYRILLIC_RE.search(sample) else None
    votes = stopword_votes(sample) if latin_words is None or len(latin_words) >= 6 else {}
    top, score, second = _ranked(votes)
    if top and score >= 8 and score >= 3 * second:  # plainly one Latin-script language
        return top
    letters_cyr = _letters(_CYRILLIC_RE, sample)
    letters_lat = sum(map(len, latin_words)) if latin_words is not None else _letters(_LATIN_RE, sample)
    if letters_cyr + letters_lat < 20 and len(sample.strip()) < 20:
        return None
    if letters_cyr > letters_lat:
        found = _cyrillic_language(sample)
        if found:
            return found
    elif letters_lat > 0.5 * len(sample.replace(" ", "")):
        top, score, second = _ranked(votes)
        if top and score >= 6 and score >= 2.5 * second:
            return top
    best, _ = lingua_best(sample[:400])
    return best


def paragraph_language(text: str, article_language: str | None) -> tuple[str | None, bool]:
    """(language, is_foreign) of one paragraph relative to the article's language.

    Short paragraphs inherit the article language; a paragraph is only called foreign when the
    cheap vote and lingua agree with good confidence, so a stray proper noun never flips it.
    """
    if article_language is None or len(text) < MIN_PARAGRAPH_CHARS:
        return article_language, False
    if article_language in _STOPWORDS:
        # Fast path: the opening words already read as the article's language.
        own_words = _OWN_WORDS[article_language]
        tokens = text[:240].lower().split()
        own_hits = sum(map(own_words.__contains__, tokens))  # bools summed in C
        if own_hits >= 3 and own_hits * 6 >= len(tokens):
            return article_language, False
    sample = text[:400]
    cyr = _letters(_CYRILLIC_RE, sample)
    lat = _letters(_LATIN_RE, sample)
    if article_language in ("ru", "uk", "be", "bg"):
        if cyr >= lat:
            found = _cyrillic_language(sample)
            if found is None or found == article_language:
                return article_language, False
        elif lat < 20:
            return article_language, False
    elif article_language in _STOPWORDS and cyr <= lat:
        votes = stopword_votes(sample)
        own = votes.get(article_language, 0.0)
        top, score, _ = _ranked(votes)
        if top is None or top == article_language or score < 2 or score < 2 * own:
            return article_language, False
    best, confidence = lingua_best(text[:400])
    threshold = 0.6 if len(text) >= 120 else 0.8
    if best and best != article_language and confidence >= threshold:
        return best, True
    return article_language, False


def iso_code(value: object) -> str | None:
    """Normalise a record's language field ("en", "EN-us", "eng", "English") to ISO 639-1."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower().replace("_", "-").split("-")[0]
    if len(text) == 2 and text.isalpha():
        return text
    try:
        if len(text) == 3:
            for language in Language.all():
                if language.iso_code_639_3.name.lower() == text:
                    return _iso(language)
        return _iso(Language.from_str(text))  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return None


__all__ = [
    "MIN_PARAGRAPH_CHARS",
    "IsoCode639_1",
    "detect_language",
    "detector",
    "iso_code",
    "lingua_best",
    "paragraph_language",
    "stopword_votes",
]
