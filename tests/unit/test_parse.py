"""Parser tests on page snippets written for these tests (not taken from any corpus)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest

from newsfacts.parse import PARSER_VERSION, parse_article
from newsfacts.records import RawArticle

BODY_1 = (
    "Russian drones struck an energy facility in the city of Poltava overnight, the regional governor "
    "said on Tuesday, adding that two workers were injured and a fire broke out at the site."
)
BODY_2 = (
    "Air defence units shot down eleven of the fourteen drones launched from the south, the air force "
    "said in a statement. Emergency crews worked through the night to put out the fires."
)
BODY_3 = (
    "Officials said power had been restored to most homes by the morning, although several districts "
    "remained without heating and water as repairs continued into the afternoon."
)


def raw(
    text: str,
    content_type: str = "text/plain",
    landed: date = date(2025, 3, 12),
    source_url: str | None = None,
) -> RawArticle:
    data = text.encode("utf-8")
    return RawArticle(
        article_id=hashlib.sha256(data).hexdigest(),
        landed_date=landed,
        source_file="t/a.txt",
        record_index=0,
        content_type=content_type,
        size_bytes=len(data),
        content=data,
        text=text,
        encoding="utf-8",
        source_url=source_url,
        ingested_at=datetime(2025, 3, 12, tzinfo=UTC),
    )


def reasons(parsed) -> dict[str, str]:
    return {b.text: b.reason for b in parsed.removed_blocks}


def test_headline_standfirst_and_date_stamp() -> None:
    text = (
        f" date 2025-03-11 Example Wire\n\nDrone strike sets Poltava energy site ablaze\n\n"
        f"Two workers hurt as fire spreads through the plant after an overnight attack\n\n"
        f"{BODY_1}\n\n{BODY_2}\n"
    )
    parsed = parse_article(raw(text))
    assert parsed.title == "Drone strike sets Poltava energy site ablaze"
    assert parsed.standfirst.startswith("Two workers hurt")
    assert parsed.paragraphs == (BODY_1, BODY_2)
    assert parsed.published == date(2025, 3, 11)
    assert parsed.published_basis == "date_stamp"
    assert reasons(parsed)["date 2025-03-11"] == "date_stamp"
    assert parsed.language == "en"
    assert parsed.paragraph_languages == ("en", "en")
    assert parsed.word_count == len(BODY_1.split()) + len(BODY_2.split())
    assert parsed.parser_version == PARSER_VERSION


def test_excerpt_without_headline_has_no_title() -> None:
    parsed = parse_article(raw(f" date 2025-03-11 {BODY_1}\n{BODY_2}\n{BODY_3}\n"))
    assert parsed.title is None
    assert parsed.paragraphs[0] == BODY_1


def test_short_first_sentence_is_not_a_title() -> None:
    lead = "A Russian glide bomb hit a school in the town of Kupiansk on Monday morning, officials said."
    parsed = parse_article(raw(f"{lead}\n\n{BODY_2}\n\n{BODY_3}"))
    assert parsed.title is None
    assert parsed.paragraphs[0] == lead


def test_kickers_menu_byline_and_published_line() -> None:
    text = (
        "Home\nWorld\nEurope\n\nLive coverage\n\nMissile attack on Odesa port kills three\n\n"
        "By Anna Smith | Black Sea Herald\n\nPublished on 14 February 2025, 10:42\n\n"
        f"{BODY_1}\n\n{BODY_2}"
    )
    parsed = parse_article(raw(text))
    assert parsed.title == "Missile attack on Odesa port kills three"
    assert parsed.published == date(2025, 2, 14)
    assert parsed.published_basis == "published_line"
    assert parsed.source == "Black Sea Herald"
    got = reasons(parsed)
    assert got["Home"] == "menu" and got["Live coverage"] == "menu"
    assert got["By Anna Smith | Black Sea Herald"] == "byline"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        (
            "We use cookies to improve your experience. By continuing you accept our privacy policy.",
            "cookie_notice",
        ),
        ("Sign up for our free morning newsletter and get the news in your inbox", "newsletter"),
        ("Share this article", "social"),
        ("Follow us on Telegram for the latest updates", "social"),
        ("Photo: Firefighters at the scene of the strike in Sumy.", "caption"),
        ("Rescuers search the rubble of the apartment block. [Ivan Petrenko/Reuters]", "caption"),
        ("© 2025 Black Sea Herald. All rights reserved.", "copyright"),
        ("(Reporting by Jan Kowalski; Editing by Mary Jones)", "disclaimer"),
        ("pic.twitter.com/abc123 — Local News (@localnews) March 3, 2025", "embed"),
        ("Read more: Kyiv says talks on prisoner exchange will resume", "link_list"),
        ("Leave a comment", "comments"),
    ],
)
def test_each_kind_of_boilerplate(line: str, reason: str) -> None:
    parsed = parse_article(raw(f"{BODY_1}\n\n{line}\n\n{BODY_2}\n\n{BODY_3}"))
    assert reasons(parsed).get(line) == reason
    assert line not in parsed.paragraphs


def test_link_list_after_marker_is_removed() -> None:
    text = (
        f"{BODY_1}\n\n{BODY_2}\n\nALSO READ\nDrone debris falls on a village near Kursk\n"
        "Power cuts hit three regions after overnight strikes\nTalks in Geneva end without agreement\n"
    )
    parsed = parse_article(raw(text))
    assert parsed.paragraphs == (BODY_1, BODY_2)
    got = reasons(parsed)
    assert got["ALSO READ"] == "link_list"
    assert got["Power cuts hit three regions after overnight strikes"] == "link_list"


def test_more_posts_marker_at_end() -> None:
    parsed = parse_article(raw(f"{BODY_1}\n{BODY_2}\n\nMore posts:\nA headline of another story here\n"))
    assert parsed.paragraphs == (BODY_1, BODY_2)
    assert reasons(parsed)["A headline of another story here"] == "link_list"


def test_author_bio_and_truncated_tail() -> None:
    bio = "Maria Novak, senior reporter at the Herald, is a journalist covering the war in eastern Ukraine."
    parsed = parse_article(raw(f"{BODY_1}\n\n{BODY_2}\n\nMaria Novak\n{bio}\n"))
    assert reasons(parsed)[bio] == "author_bio"
    cut = parse_article(raw(f"{BODY_1}\n\n{BODY_2}\n\nThe mayor later said the"))
    assert reasons(cut)["The mayor later said the"] == "truncated"
    assert cut.paragraphs == (BODY_1, BODY_2)


def test_section_headings_are_kept_apart() -> None:
    text = f"{BODY_1}\n\nDamage across the region\n{BODY_2}\n\nWhat happens next\n{BODY_3}"
    parsed = parse_article(raw(text))
    assert parsed.headings == ("Damage across the region", "What happens next")
    assert parsed.paragraphs == (BODY_1, BODY_2, BODY_3)


def test_foreign_language_line_is_flagged() -> None:
    spanish = "Las fuerzas rusas atacaron de nuevo la ciudad durante la noche y hubo varios heridos"
    parsed = parse_article(raw(f"{BODY_1}\n\n{spanish}\n\n{BODY_2}\n\n{BODY_3}"))
    assert reasons(parsed)[spanish] == "other_language:es"
    assert spanish not in parsed.paragraphs
    assert parsed.language == "en"


def test_short_foreign_words_do_not_flag_a_paragraph() -> None:
    line = "The slogan read “Slava Ukraini” on the banner."
    parsed = parse_article(raw(f"{BODY_1}\n\n{line}\n\n{BODY_2}"))
    assert line in parsed.paragraphs


def test_non_english_article_language() -> None:
    text = (
        "Les forces russes ont frappé le port d'Odessa pendant la nuit, selon les autorités régionales, "
        "et deux personnes ont été blessées dans l'attaque.\n\n"
        "Les secours sont intervenus pour éteindre un incendie qui s'est déclaré dans un entrepôt."
    )
    parsed = parse_article(raw(text))
    assert parsed.language == "fr"
    ru = (
        "Губернатор области сообщил, что в результате обстрела пострадали два человека. "
        "Повреждены несколько жилых домов и линия электропередачи."
    )
    assert parse_article(raw(ru)).language == "ru"
    uk = (
        "Уночі російські війська атакували місто дронами, повідомили в обласній військовій адміністрації. "
        "Пошкоджено житлові будинки та об'єкт інфраструктури."
    )
    assert parse_article(raw(uk)).language == "uk"


def test_dateline_and_agency_credit() -> None:
    text = (
        "KYIV, March 3, 2025 (Reuters) - Russian drones struck an energy facility in the city of Poltava "
        "overnight, the regional governor said, adding that two workers were injured.\n\n" + BODY_2
    )
    parsed = parse_article(raw(text))
    assert parsed.published == date(2025, 3, 3)
    assert parsed.published_basis == "dateline"
    assert parsed.source == "Reuters"


def test_url_date_and_domain() -> None:
    parsed = parse_article(
        raw(f"{BODY_1}\n\n{BODY_2}", source_url="https://www.example-news.com/2025/02/27/strike/")
    )
    assert parsed.published == date(2025, 2, 27)
    assert parsed.published_basis == "url"
    assert parsed.source == "example-news.com"


def test_future_and_relative_dates_are_not_evidence() -> None:
    text = f"Published 4 May 2031\n\n{BODY_1}\n\nThe attack happened yesterday.\n\n{BODY_2}"
    parsed = parse_article(raw(text, landed=date(2025, 3, 12)))
    assert parsed.published is None
    month_only = parse_article(raw(f"Published in March 2025\n\n{BODY_1}\n\n{BODY_2}"))
    assert month_only.published is None


def test_published_line_beats_bare_date_line() -> None:
    text = (
        f"Mar 12, 2025\nShelling damages hospital in Kherson\nNewswire Published March 11, 2025\n"
        f"{BODY_1}\n{BODY_2}"
    )
    parsed = parse_article(raw(text))
    assert parsed.title == "Shelling damages hospital in Kherson"
    assert parsed.published == date(2025, 3, 11)


def test_json_record() -> None:
    record = {
        "headline": "Strike on Zaporizhzhia kills two",
        "body": f"<p>{BODY_1}</p><p>Advertisement</p><p>{BODY_2}</p>",
        "published_at": "2025-01-20T06:30:00Z",
        "link": "https://news.example.org/world/2025/01/19/zap",
        "agency": "Example Press",
        "summary": "Two people were killed in the southern city",
    }
    parsed = parse_article(raw(json.dumps(record, sort_keys=True), "application/json"))
    assert parsed.title == "Strike on Zaporizhzhia kills two"
    assert parsed.standfirst == "Two people were killed in the southern city"
    assert parsed.paragraphs == (BODY_1, BODY_2)
    assert parsed.published == date(2025, 1, 20)
    assert parsed.published_basis == "record_field"
    assert parsed.source == "Example Press"
    assert parsed.url == "https://news.example.org/world/2025/01/19/zap"


HTML_PAGE = f"""<!doctype html><html lang="en"><head>
<title>Drones hit Kharkiv suburbs overnight | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2025-02-02T07:15:00+02:00">
<link rel="canonical" href="https://dailyexample.com/news/kharkiv-drones">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div id="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<main><article><h1>Drones hit Kharkiv suburbs overnight</h1>
<p class="byline">By Olena Kravets</p>
<p>{BODY_1}</p><p>{BODY_2}</p><p>{BODY_3}</p>
<aside><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></aside>
</article></main><footer>© 2025 The Daily Example. All rights reserved.</footer></body></html>"""


def test_html_page() -> None:
    parsed = parse_article(raw(HTML_PAGE, "text/html"))
    assert parsed.title == "Drones hit Kharkiv suburbs overnight"
    assert parsed.published == date(2025, 2, 2)
    assert parsed.published_basis == "html_meta"
    assert parsed.source == "The Daily Example"
    assert parsed.url == "https://dailyexample.com/news/kharkiv-drones"
    assert BODY_1 in parsed.paragraphs and BODY_3 in parsed.paragraphs
    assert not any("cookies" in p or "Another story" in p or p == "Home" for p in parsed.paragraphs)


def test_raw_html_in_plain_text_goes_through_html_route() -> None:
    parsed = parse_article(raw(HTML_PAGE, "text/plain"))
    assert parsed.title == "Drones hit Kharkiv suburbs overnight"


def test_markdown() -> None:
    text = (
        f"# Drone attack on Sumy injures five\n\n![Firefighters at work](img.jpg)\n\n**{BODY_1}**\n\n"
        f"## Aftermath\n\n{BODY_2} See [the map](https://example.com/map).\n"
    )
    parsed = parse_article(raw(text, "text/markdown"))
    assert parsed.title == "Drone attack on Sumy injures five"
    assert parsed.headings == ("Aftermath",)
    assert parsed.paragraphs[0] == BODY_1
    assert parsed.paragraphs[1].endswith("See the map.")


def test_glued_sentences_are_split() -> None:
    text = (
        "Two people were killed in the strike on Monday.Rescuers searched the rubble for survivors, "
        "the emergency service said in its morning update to reporters."
    )
    assert "Monday. Rescuers" in parse_article(raw(text)).paragraphs[0]


def test_published_line_with_a_trailing_byline_is_a_date_line() -> None:
    parsed = parse_article(
        raw(
            "# Shelling damages a school in Nikopol\n\n"
            "*Published: 4 February 2025 · By Petro Savchuk, Steppe Courier*\n\n"
            f"{BODY_1}\n\n{BODY_2}",
            content_type="text/markdown",
        )
    )
    assert parsed.title == "Shelling damages a school in Nikopol"
    assert parsed.standfirst is None
    assert parsed.published == date(2025, 2, 4)
    assert parsed.published_basis == "published_line"


# ---------------------------------------------------------------- fast paths must not change results

from newsfacts.parse import boilerplate as bp  # noqa: E402 - kept next to the tests that use it


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Accept all cookies", "cookie_notice"),
        ("We and our partners store and access information on your device", "cookie_notice"),
        ("Already a subscriber? Log in to continue reading this story from our reporters", "newsletter"),
        ("Support independent journalism: every contribution, big or small, keeps us going", "newsletter"),
        ("Share on Facebook | Twitter | WhatsApp", "social"),
        ("Your browser does not support the video tag, please update it to watch", "embed"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("The views expressed in this piece are the author's own and not those of the site.", "disclaimer"),
        (
            "Firefighters at the scene after the strike on the city on Tuesday (Photo: Emergency Service)",
            "caption",
        ),
        ("Residents inspect a damaged building in the city centre AFP via Getty Images", "caption"),
        # re.IGNORECASE equates İ with i and ſ with s; the gates' lowercasing must do the same.
        ("ALL RİGHTS RESERVED BY THE PUBLISHER OF THIS PAGE AND ITS PARTNERS", "copyright"),
    ],
)
def test_gated_rules_still_fire(line: str, reason: str) -> None:
    assert bp.classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # Trigger words ("partners", "support", "photo", "share") inside ordinary reporting.
        "The minister told reporters that talks with partners on the next package of support would "
        "continue next week, and that the share of air defence in it would grow.",
        "A photo published by the regional administration showed the damaged roof of a school; the "
        "governor said the building had been empty at the time of the strike.",
        BODY_1,
    ],
)
def test_prose_with_trigger_words_is_content(line: str) -> None:
    assert bp.classify_line(line) is None


def test_ascii_trigger_path_matches_unicode_path() -> None:
    """_triggered's bytes fast path for ASCII text sees the same words as str.translate."""
    punct_to_space = str.maketrans({c: " " for c in bp._PUNCT})
    samples = [
        "e-mail us your tips",
        "Don't miss: the (share) of votes",
        "photo\x1cgallery of the day",
        "Nothing to see here at all today, the officials said",
    ]
    for text in samples:
        for short in (True, False):
            words = text.lower().translate(punct_to_space).split()
            expected = not (bp._SHORT_TRIGGER_WORDS if short else bp._TRIGGER_WORDS).isdisjoint(words)
            expected = expected or (short and ":" in text) or any(s in text for s in bp._TRIGGER_SUBSTRINGS)
            assert bp._triggered(text, short) == expected, text


def test_meta_line_needs_a_pipe() -> None:
    assert bp.is_meta_line("Reuters | Kyiv | 3 March 2025")
    assert not bp.is_meta_line("Reuters, Kyiv, 3 March 2025")


def test_header_line_equal_to_title_is_still_a_duplicate() -> None:
    """The normalised comparison is now computed lazily; a repeated headline is still dropped."""
    title = "Drone attack on Poltava leaves two workers injured"
    parsed = parse_article(raw(f"{title}\n\n{title}\n\n{BODY_1}\n\n{BODY_2}"))
    assert parsed.title == title
    assert parsed.paragraphs[0] == BODY_1
