from datetime import date

from newsfacts.eventdates import is_historical, resolve_date

PUBLISHED = date(2024, 3, 14)  # a Thursday


def test_weekday_resolves_to_the_latest_such_day() -> None:
    assert resolve_date("A drone hit the depot on Tuesday morning.", PUBLISHED).day == date(2024, 3, 12)
    assert resolve_date("Shelling on Thursday killed two.", PUBLISHED).day == PUBLISHED


def test_overnight_yesterday_today() -> None:
    assert resolve_date("Drones attacked the city overnight.", PUBLISHED).day == PUBLISHED
    assert resolve_date("A missile hit the port yesterday.", PUBLISHED).day == date(2024, 3, 13)
    ref = resolve_date("Ayer un misil impactó en el puerto.", PUBLISHED)
    assert ref.day == date(2024, 3, 13) and ref.precision == 1


def test_calendar_dates_and_night_spans() -> None:
    assert resolve_date("On 9 March a shell hit a school.", PUBLISHED).day == date(2024, 3, 9)
    assert resolve_date("during the night of 11-12 March", PUBLISHED).day == date(2024, 3, 12)
    assert resolve_date("el 10 de marzo", PUBLISHED).day == date(2024, 3, 10)
    assert resolve_date("On December 30 a drone fell.", date(2024, 1, 3)).day == date(2023, 12, 30)


def test_announcement_dates_and_unknown_publication_are_null() -> None:
    assert resolve_date("The governor said on Wednesday that a man was killed.", PUBLISHED).day is None
    assert resolve_date("On Monday a missile struck the port.", None).day is None


def test_period_keeps_incidents_apart() -> None:
    ref = resolve_date("a similar attack in early February", PUBLISHED)
    assert ref.day is None and ref.key and ref.key.startswith("period:")


def test_historical() -> None:
    assert is_historical("the town was retaken in November 2022", PUBLISHED)
    assert is_historical("a year ago", PUBLISHED)
    assert not is_historical("in early March", PUBLISHED)


def test_russian_dates() -> None:
    from datetime import date

    from newsfacts.eventdates import resolve_date

    thursday = date(2025, 3, 13)
    assert resolve_date("В ночь на 12 марта силы ПВО сбили дроны", thursday).day == date(2025, 3, 12)
    assert resolve_date("В среду утром дрон атаковал автомобиль", thursday).day == date(2025, 3, 12)
    assert resolve_date("Вчера был обстрел", thursday).day == date(2025, 3, 12)
