from newsfacts.sentences import split_sentences


def test_offsets_index_the_text() -> None:
    text = "Drones hit the port. Two men were hurt.\n\nOfficials said Col. Gen. Ivan Petrenko arrived."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Drones hit the port.",
        "Two men were hurt.",
        "Officials said Col. Gen. Ivan Petrenko arrived.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_glued_boundary_and_closing_quote() -> None:
    text = (
        'The shelling began on May 2.Video showed smoke. "A woman died." The mayor spoke at 9.30 a.m. today.'
    )
    assert [s.text for s in split_sentences(text)] == [
        "The shelling began on May 2.",
        "Video showed smoke.",
        '"A woman died."',
        "The mayor spoke at 9.30 a.m. today.",
    ]


def test_range_keeps_global_offsets() -> None:
    text = "Intro line.\n\nA missile struck a depot. Nobody was hurt."
    start = text.index("A missile")
    sentences = split_sentences(text, start, len(text), paragraph=1)
    assert sentences[0].start == start and sentences[1].text == "Nobody was hurt."


def test_boundaries_after_punctuation_and_glued() -> None:
    from newsfacts.sentences import split_sentences

    text = 'Gen. Smith arrived. "It was loud," he said! The U.S. team left.Security video followed.'
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Gen. Smith arrived.",
        '"It was loud," he said!',
        "The U.S. team left.",
        "Security video followed.",
    ]
