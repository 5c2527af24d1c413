import pytest

from newsfacts.encoding import UndecodableError, decode_bytes, looks_binary

RU = (
    "Губернатор области сообщил об обстреле района. В результате пострадали два человека, "
    "повреждены жилые дома."
)
FR = "Le port d'Odessa a été attaqué, selon le commandement opérationnel sud. Deux missiles ont été abattus."


def test_utf8_and_bom() -> None:
    assert decode_bytes(RU.encode("utf-8")) == (RU, "utf-8")
    assert decode_bytes(RU.encode("utf-8-sig")) == (RU, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec: str) -> None:
    text, name = decode_bytes((RU + " " + FR).encode(codec))
    assert text == RU + " " + FR
    assert name == "utf-16"


def test_cp1251() -> None:
    assert decode_bytes(RU.encode("cp1251")) == (RU, "cp1251")


def test_latin1() -> None:
    text, name = decode_bytes(FR.encode("latin-1"))
    assert text == FR
    assert name.startswith(("latin", "cp125", "iso8859"))  # single-byte Latin: any compatible label


def test_mojibake_repaired_and_quotes_kept() -> None:
    broken = "Ukraine’s café “reopened".encode().decode("cp1252")
    assert decode_bytes(broken.encode("utf-8"))[0] == "Ukraine’s café “reopened"
    cyr = "Київ атакували вночі".encode().decode("cp1251")
    assert decode_bytes(cyr.encode("utf-8"))[0] == "Київ атакували вночі"


def test_binary_rejected() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00"
    assert looks_binary(png)
    with pytest.raises(UndecodableError):
        decode_bytes(png)
