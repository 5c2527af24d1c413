from newsfacts.language import detect_language, detector, iso_code, paragraph_language

EN = (
    "Russian forces shelled the town overnight and two people were injured, the governor said on "
    "Telegram, adding that several houses had been damaged."
)


def test_detector_is_a_singleton() -> None:
    assert detector() is detector()


def test_detect_article_languages() -> None:
    assert detect_language(EN) == "en"
    assert (
        detect_language(
            "Die russischen Truppen haben in der Nacht die Stadt beschossen, wie der "
            "Gouverneur mitteilte. Mehrere Häuser wurden beschädigt."
        )
        == "de"
    )
    assert (
        detect_language(
            "Wojska rosyjskie ostrzelały w nocy miasto, jak poinformował gubernator. "
            "Uszkodzonych zostało kilka domów."
        )
        == "pl"
    )
    assert (
        detect_language(
            "Le forze russe hanno bombardato la città durante la notte, secondo il "
            "governatore. Diverse case sono state danneggiate."
        )
        == "it"
    )


def test_paragraph_language() -> None:
    assert paragraph_language(EN, "en") == ("en", False)
    lang, foreign = paragraph_language(
        "Las fuerzas rusas bombardearon la ciudad durante la noche y "
        "dejaron dos heridos, según el gobernador de la región.",
        "en",
    )
    assert (lang, foreign) == ("es", True)
    # too short to judge: inherits
    assert paragraph_language("Slava Ukraini!", "en") == ("en", False)


def test_iso_code() -> None:
    assert iso_code("EN-us") == "en"
    assert iso_code("uk_UA") == "uk"
    assert iso_code("") is None


def test_stopword_votes_ascii_path_matches_regex_tokens() -> None:
    """The bytes fast path for ASCII text counts the same tokens as the Unicode regex."""
    from collections import Counter

    from newsfacts import language as lang

    for text in (
        EN,
        "It's the U.S.-led plan: 12 of them, e-mail and d'un",
        "Les forces (de l'armée) et la ville",
    ):
        counts = Counter(lang._WORD_RE.findall(text.lower()))
        expected: dict[str, float] = {}
        for word, n in counts.items():
            for code, share in lang._WORD_WEIGHTS.get(word, ()):
                expected[code] = expected.get(code, 0.0) + share * n
        got = lang.stopword_votes(text)
        assert got.keys() == expected.keys()
        assert all(abs(got[k] - expected[k]) < 1e-9 for k in got)


def test_stopword_votes_are_exact_twelfths() -> None:
    """Shared words give fractional votes; sums are exact so thresholds never flip on rounding."""
    from newsfacts.language import stopword_votes

    votes = stopword_votes("de " * 7)  # 'de' is shared by several languages
    assert all((v * 12).is_integer() for v in votes.values())
