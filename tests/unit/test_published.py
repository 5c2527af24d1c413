from datetime import date

import pytest

from newsfacts.parse.published import date_from_url, find_date, parse_date_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published On 4 Feb 2025", date(2025, 2, 4)),
        ("Newswire Published March 8, 2024", date(2024, 3, 8)),
        ("Sunday, 23 March 2025, 18:58", date(2025, 3, 23)),
        ("Updated: 28-02-2025 11:50 IST", date(2025, 2, 28)),
        ("12 января 2025, Воскресенье, 14:54", date(2025, 1, 12)),
        ("5 жовтня 2024", date(2024, 10, 5)),
        ("el 17 de diciembre de 2024", date(2024, 12, 17)),
        ("le 3 juillet 2024", date(2024, 7, 3)),
        ("2024-11-30T08:00:00Z", date(2024, 11, 30)),
        ("Posted 04/23/2025", date(2025, 4, 23)),
        ("In March 2025", None),
        ("on March 3", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


def test_future_dates_rejected() -> None:
    assert find_date("Published 4 May 2031", latest=date(2025, 1, 1)) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2024/09/21/story-title-a123", date(2024, 9, 21)),
        ("http://en.example.cn/n3/2024/0325/c90000-1.html", date(2024, 3, 25)),
        ("https://example.pt/especiais/2024-09-22-Title-abc", date(2024, 9, 22)),
        ("https://example.net/news/Title-Here-20240329-0001.html", date(2024, 3, 29)),
        ("https://example.it/notizie-del-4-ottobre-2024/amp", date(2024, 10, 4)),
        ("https://example.com/gallery/2024/1/16/slug", date(2024, 1, 16)),
        ("https://example.com/politics/1495013", None),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_parse_date_value() -> None:
    assert parse_date_value("2025-01-20T06:30:00Z") == date(2025, 1, 20)
    assert parse_date_value(1737354600) == date(2025, 1, 20)
    assert parse_date_value("Mon, 20 Jan 2025 06:30:00 GMT") == date(2025, 1, 20)
    assert parse_date_value("") is None
