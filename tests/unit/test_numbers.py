import pytest

from newsfacts.numbers import Casualties, find_casualties, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("dozens", 12),
        ("tens", 10),
        ("hundreds", 100),
        ("several", 3),
        ("seven", 7),
        ("siete", 7),
        ("1.500", 1500),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A glide bomb killed at least six residents and wounded 19 more in the town.", 6, 19),
        ("Three pensioners died and a teenager was hurt when the shell landed.", 3, 1),
        ("Eleven people, including a 4-year-old girl, were injured in the blast.", None, 11),
        ("The strike left two dead, five injured and a market in flames.", 2, 5),
        ("A drone hit a minibus, killing a 52-year-old driver.", 1, None),
        ("Falling debris killed a man and injured another.", 1, 1),
        ("A 70-year-old woman and a 45-year-old man were wounded.", None, 2),
        ("The death toll from the strike on the hospital has climbed to 27.", 27, None),
        ("There were dozens of dead and wounded among the soldiers.", 12, 12),
        ("No casualties were reported after the attack.", 0, 0),
        ("Nobody was injured, the governor said.", None, 0),
        ("Four people were wounded in the city; in total, nine were hurt in the region.", None, 4),
        ("Two civilians were hurt in the oblast over the day.", None, None),
    ],
)
def test_casualties_en(text: str, killed: int | None, injured: int | None) -> None:
    assert find_casualties(text) == Casualties(killed, injured)


def test_casualties_es() -> None:
    assert find_casualties(
        "Un hombre murió y tres personas resultaron heridas por el ataque.", "es"
    ) == Casualties(1, 3)
    assert find_casualties("El bombardeo dejó dos muertos y cinco heridos.", "es") == Casualties(2, 5)


def test_russian_and_spanish_objects() -> None:
    from newsfacts.numbers import Casualties, find_casualties

    assert find_casualties("дрон атаковал машину, пострадали двое мирных жителей", "ru").injured == 2
    assert find_casualties("обстрелян из РСЗО, ранен мужчина", "ru").injured == 1
    assert find_casualties("погибли 4 человека, еще 9 получили ранения", "ru") == Casualties(4, 9)
    assert find_casualties("пострадавших и разрушений нет", "ru").injured == 0
    got = find_casualties("un misil mató a dos trabajadores e hirió a otros nueve", "es")
    assert (got.killed, got.injured) == (2, 9)
    assert find_casualties("a drone struck a car, killing its 52-year-old driver", "en").killed == 1
