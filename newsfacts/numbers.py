"""Numbers and casualty counts: digits and words, "at least", vague quantities, killed vs injured.

The guideline's conversions: "at least N" codes N; "a dozen"/"dozens" 12, "tens" 10,
"hundreds" 100, "several" 3; "a woman" or "another" one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_VAGUE = {
    "a dozen": 12,
    "dozen": 12,
    "dozens": 12,
    "tens": 10,
    "hundreds": 100,
    "several": 3,
    "a couple": 2,
    "a hundred": 100,
    "a few": 3,
}
_ES_WORDS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "ciento": 100,
    "mil": 1000,
}
_ES_VAGUE = {
    "decenas": 10,
    "una docena": 12,
    "docenas": 12,
    "cientos": 100,
    "centenares": 100,
    "varios": 3,
    "varias": 3,
}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = r"\d{1,3}(?:[,.\u00a0]\d{3})+(?![\d.,]\d)|\d+(?![.,]\d)"
_EN_WORD = (
    rf"(?:(?:{_alt(list(_EN_TENS))})(?:[- ](?:{_alt([w for w in _EN_UNITS if _EN_UNITS[w] < 10])}))?"
    rf"|{_alt(list(_EN_UNITS))})(?:\s+hundred)?"
)
EN_NUMBER = rf"(?:{_DIGITS}|{_alt(list(_EN_VAGUE))}|{_EN_WORD})"
ES_NUMBER = rf"(?:{_DIGITS}|{_alt(list(_ES_VAGUE))}|{_alt(list(_ES_WORDS))})"
_NUMBER_RE = re.compile(rf"^(?:{EN_NUMBER}|{ES_NUMBER})$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200, 'twenty-five' -> 25, 'a dozen' -> 12, 'dos' -> 2; None if not a number."""
    t = " ".join(text.lower().split())
    if not t:
        return None
    if t[0].isdigit():
        digits = re.sub(r"[,.\u00a0]", "", t)
        return int(digits) if digits.isdigit() else None
    for table in (_EN_VAGUE, _ES_VAGUE, _EN_UNITS, _EN_TENS, _ES_WORDS):
        if t in table:
            return table[t]
    if t in ("a", "an", "another", "single", "lone", "otro", "otra"):
        return 1
    hundred = t.endswith(" hundred")
    if hundred:
        t = t[: -len(" hundred")]
    parts = re.split(r"[- ]", t)
    total = 0
    for part in parts:
        if part in _EN_TENS:
            total += _EN_TENS[part]
        elif part in _EN_UNITS:
            total += _EN_UNITS[part]
        else:
            return None
    return total * 100 if hundred else total


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None  # None: the text gives no figure for this incident
    injured: int | None


_NONE = Casualties(None, None)

# Nouns that count people ("people", "civilians", "a 43-year-old man").
_PERSON_EN = (
    r"(?:people|persons?|civilians?|residents?|men|women|man|woman|child(?:ren)?|kids?|boys?|girls?|"
    r"teen(?:ager)?s?|infants?|bab(?:y|ies)|soldiers?|servicem[ae]n|troops|fighters|militants|"
    r"police(?:men|officers?)?|officers?|workers?|farmers?|locals?|others?|more|villagers|pensioners?|"
    r"passengers?|rescuers?|firefighters?|medics?|doctors?|journalists?|employees?|individuals?|victims?|"
    r"occupiers|members|adults?|elderly|drivers?|residents|citizens?|volunteers?|guards?|"
    r"(?:\d+|[a-z]+)[- ]year[- ]olds?|minors?|couple|family|persons)"
)
_PERSON_ES = (
    r"(?:personas?|civiles?|civil|niños?|niñas?|menores|mujer(?:es)?|hombres?|residentes?|habitantes?|"
    r"soldados?|militares?|trabajadores?|bomberos?|rescatistas?|otros?|otras?|más|vecinos?)"
)
_AGE = r"(?:\d{1,3}|[a-z]+)[- ]year[- ]old"
_ADJ = r"(?:[A-Za-z\u00c0-\u024f'’-]+\s+){0,3}?"
_QUANT_EN = (
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as|approximately|"
    r"a further|another|a total of|an estimated)\s+)?"
)
_QUANT_ES = r"(?:(?:al menos|más de|unos|unas|otros|otras|otro|otra|cerca de|alrededor de)\s+)?"

_KILL_EN = (
    r"(?:killed|dead|died|die|dies|deaths?|killing|slain|lost their lives|lost his life|lost her life|"
    r"suffered fatal (?:wounds|injuries)|fatally (?:wounded|injured))"
)
_INJ_EN = (
    r"(?:injured|wounded|hurt|injuring|wounding|suffered (?:\w+ )?(?:wounds|injuries)|"
    r"hospitali[sz]ed)"
)
_KILL_ES = (
    r"(?:murió|murieron|muert[oa]s?|fallecid[oa]s?|falleció|fallecieron|perdieron la vida|mató|matando)"
)
_INJ_ES = r"(?:herid[oa]s?|lesionad[oa]s?|hiriendo|hirió)"


def _np(number: str, quant: str, person: str, article: str) -> str:
    # a counted noun phrase: "at least 33", "two people", "an 80-year-old man", "a woman", "another"
    return (
        rf"(?:(?:{article})\s+{_AGE}(?:\s+{_ADJ}{person})?|{_AGE}(?:\s+{_ADJ}{person})?"
        rf"|{quant}(?:{number})(?:\s+of)?(?:\s+{_ADJ}{person})?"
        rf"|(?:{article})\s+{_ADJ}{person}|another|otro|otra)"
    )


_NP_EN = _np(EN_NUMBER, _QUANT_EN, _PERSON_EN, r"a|an|one|another|a further|its|his|her|their")
_NP_ES = _np(ES_NUMBER, _QUANT_ES, _PERSON_ES, r"un|una|otro|otra")


@dataclass(frozen=True, slots=True)
class _Lang:
    keyword: re.Pattern[str]  # every killed/injured word
    left_np: re.Pattern[str]  # counted noun phrases ending right before a keyword
    right_np: re.Pattern[str]  # a counted noun phrase right after an active verb
    np: re.Pattern[str]  # one counted noun phrase (to split "a man and a woman")
    number: re.Pattern[str]
    toll: re.Pattern[str]  # "death toll has risen to 35"
    both: re.Pattern[str]  # "dozens of dead and wounded"
    zero: re.Pattern[str]  # "no casualties", "no one was hurt"
    total: re.Pattern[str]  # "overall", "in total": a figure over several incidents
    aux: re.Pattern[str]  # auxiliaries between the noun phrase and the participle
    kill_words: re.Pattern[str]
    active: re.Pattern[str]  # verbs taking the count as object: "killing 14", "injured 35 more"
    passive: re.Pattern[str]  # an auxiliary right before the participle: "were killed"


def _lang(np: str, number: str, kill: str, inj: str, extra: dict[str, str]) -> _Lang:
    flags = re.IGNORECASE
    return _Lang(
        keyword=re.compile(rf"\b(?:(?P<k>{kill})|(?P<i>{inj}))\b", flags),
        # a phrase starts a word: the lookbehind skips the long alternation inside words
        left_np=re.compile(rf"(?<![\w'’-])(?P<nps>{np}(?:\s*(?:,|and|y|as well as)\s+{np})*)\s*$", flags),
        right_np=re.compile(
            rf"\s+(?:(?:seriously|critically|slightly|fatally|also)\s+)?(?:a\s+(?=otr|\w+\s))?(?P<np>{np})\b",
            flags,
        ),
        np=re.compile(np, flags),
        number=re.compile(rf"\b{number}\b", flags),
        toll=re.compile(extra["toll"], flags),
        both=re.compile(rf"\b(?P<n>{number})\s+(?:of\s+)?(?:the\s+)?{extra['both']}", flags),
        zero=re.compile(extra["zero"], flags),
        total=re.compile(extra["total"], flags),
        aux=re.compile(extra["aux"], flags),
        kill_words=re.compile(rf"^(?:{kill})$", flags),
        active=re.compile(extra["active"], flags),
        passive=re.compile(extra["passive"], flags),
    )


_EN = _lang(
    _NP_EN,
    EN_NUMBER,
    _KILL_EN,
    _INJ_EN,
    {
        "toll": rf"death toll\b[^.;]{{0,140}}?\b(?:risen|rose|climbed|increased|reached|stands at|stood at"
        rf"|is|was"
        rf"|jumped|grew)\s+(?:to\s+)?(?:at least\s+)?(?P<n>{EN_NUMBER})\b",
        "both": r"(?:dead|killed)\s+and\s+(?:wounded|injured)",
        "zero": r"\bno (?:one|casualties|injuries|deaths|fatalities|victims|people|civilians)\b"
        r"(?: (?:was|were) (?:\w+ )?(?P<kind>killed|injured|hurt|wounded))?|\bnobody was (?:\w+ )?"
        r"(?P<kind2>killed|injured|hurt|wounded)|\bwithout (?:casualties|victims)\b",
        "total": r"\b(?:overall|in total|in all|a total of|altogether|combined|total of)\b",
        "aux": r"(?:\s+(?:were|was|have|has|had|been|are|is|got|being|reportedly|also|later|found|"
        r"seriously|critically|slightly|fatally|all|both|each|subsequently|confirmed))+\s*$",
        "active": r"^(?:killed|killing|injured|injuring|wounded|wounding|hurt|hurting|slain)$",
        "passive": r"\b(?:were|was|been|are|is|got|being|be)\s+(?:\w+ly\s+|found\s+|also\s+)*$",
    },
)
_ES = _lang(
    _NP_ES,
    ES_NUMBER,
    _KILL_ES,
    _INJ_ES,
    {
        "toll": rf"(?:número|cifra|balance) de (?:muertos|fallecidos|víctimas)\b[^.;]{{0,60}}?\b"
        rf"(?:ascendió|ascendía|aumentó|subió|llegó|asciende|es)\s+(?:a\s+)?(?P<n>{ES_NUMBER})\b",
        "both": r"(?:muertos|fallecidos)\s+y\s+heridos",
        "zero": r"\bsin (?:víctimas|heridos|muertos)\b|\bno (?:hubo|se registraron|se reportaron) "
        r"(?P<kind>víctimas|heridos|muertos)",
        "total": r"\b(?:en total|en conjunto)\b",
        "aux": r"(?:\s+(?:fue|fueron|resultaron|han sido|ha sido|quedaron|resultó|murió))+\s*$",
        "active": r"^(?:mató|matando|hiriendo|hirió)$",
        "passive": r"\b(?:fue|fueron|resultaron|resultó|han sido|ha sido|quedaron)\s+$",
    },
)
_REGION_TOTAL_RE = re.compile(
    r"\s+(?:in|across|throughout)\s+the\s+(?:oblast|region|province|country)\b", re.IGNORECASE
)
_PARENTHETICAL_RE = re.compile(
    r",\s*(?:among them|including|among whom|incluido|entre ellos)[^,]{1,80},", re.IGNORECASE
)


def _sum_nps(lang: _Lang, text: str) -> int | None:
    total = 0
    found = False
    for m in lang.np.finditer(text):
        n = _count(lang, m.group(0))
        if n is not None:
            total += n
            found = True
    return total if found else None


def _count(lang: _Lang, np_text: str) -> int | None:
    m = lang.number.search(np_text)
    if m:
        n = parse_number(m.group(0))
        # "a 43-year-old man": the age is not the count
        if n is not None and not re.match(r"[- ]year", np_text[m.end() : m.end() + 6]):
            return n
    first = np_text.split(None, 1)[0].lower() if np_text.strip() else ""
    if first in ("a", "an", "one", "another", "un", "una", "otro", "otra") or re.match(_AGE, np_text, re.I):
        return 1
    if first in ("its", "his", "her"):
        return 1  # "killing its 52-year-old driver": one person
    if first == "a" or np_text.lower().startswith("a further"):
        return 1
    return None


# Russian: the verb usually comes first ("пострадали двое мирных жителей", "ранен мужчина").
_RU_NUMBERS = {
    "один": 1, "одна": 1, "одного": 1, "два": 2, "две": 2, "двое": 2, "двух": 2, "три": 3, "трое": 3,
    "трех": 3, "трёх": 3, "четыре": 4, "четверо": 4, "пять": 5, "пятеро": 5, "шесть": 6, "шестеро": 6,
    "семь": 7, "семеро": 7, "восемь": 8, "девять": 9, "десять": 10, "несколько": 3, "десятки": 10,
    "десятков": 10, "сотни": 100, "дюжина": 12,
}  # fmt: skip
_RU_ONE = (
    r"мужчина|женщина|ребенок|ребёнок|подросток|пенсионер\w*|водитель|житель\w*|девочка|мальчик|"
    r"военнослужащ\w+|человек"
)
_RU_NUM = r"\d+|" + "|".join(sorted(_RU_NUMBERS, key=len, reverse=True))
_RU_KILL = r"погиб\w*|убит\w*|скончал\w*"
_RU_INJ = r"ранен\w*|пострадал\w*|травмирован\w*|госпитализирован\w*"
_RU_RIGHT_RE = re.compile(
    rf"\b(?:(?P<k>{_RU_KILL})|(?P<i>{_RU_INJ}))\s+(?:(?:ещё|еще|как минимум|не менее|по меньшей мере)\s+)?"
    rf"(?:(?P<n>{_RU_NUM})\b|(?P<one>{_RU_ONE})\b)",
    re.IGNORECASE,
)
_RU_LEFT_RE = re.compile(
    rf"\b(?P<n>{_RU_NUM})\s+(?:[а-яё]+\s+){{0,2}}?(?:(?:был[аио]?|были)\s+)?"
    rf"(?:(?P<k>{_RU_KILL})|(?P<i>{_RU_INJ}))",
    re.IGNORECASE,
)
_RU_ZERO_RE = re.compile(
    r"(?:пострадавших|погибших|жертв)(?:\s+[а-яё]+){0,4}\s+нет|без пострадавших|без жертв|никто не пострадал",
    re.IGNORECASE,
)


def _ru_casualties(text: str) -> Casualties:
    killed: int | None = None
    injured: int | None = None
    if _RU_ZERO_RE.search(text):
        killed, injured = 0, 0
    for rx in (_RU_RIGHT_RE, _RU_LEFT_RE):
        for m in rx.finditer(text):
            n = m.group("n")
            value = 1 if n is None else (int(n) if n.isdigit() else _RU_NUMBERS.get(n.lower()))
            if value is None:
                continue
            if m.group("k") and not killed:
                killed = value
            elif m.group("i") and not injured:
                injured = value
    return Casualties(killed, injured)


# Every stem a casualty figure (or its absence) needs; matched on lower-cased text.
_ANY_CASUALTY_RE = re.compile(
    r"kill|dead|die|death|slain|lost (?:their|his|her)|fatal|injur|wound|hurt|hospital|casualt|victim|"
    r"no one|nobody|muert|muri|falle|vida|mat[óa]|herid|lesion|hiri|víctim"
)


_BOTH_HINT_RE = re.compile(r"(?:dead|killed|muertos|fallecidos)\s+(?:and|y)\s+(?:wounded|injured|heridos)")


def find_casualties(text: str, lang: str = "en") -> Casualties:
    """Killed and injured figures one clause gives; None for a kind it does not give."""
    if lang == "ru":
        return _ru_casualties(text)
    low = text.lower()
    if not _ANY_CASUALTY_RE.search(low):
        return _NONE  # most clauses name no victims: skip the dozen patterns below
    spec = _ES if lang == "es" else _EN
    killed: int | None = None
    injured: int | None = None
    for z in spec.zero.finditer(text):
        kind = (z.groupdict().get("kind") or z.groupdict().get("kind2") or "").lower()
        if kind in ("", "víctimas", "casualties"):
            killed = 0 if killed is None else killed
            if not kind and re.search(r"no (?:one|people|civilians)\b", z.group(0), re.I):
                continue  # "no one" alone says nothing yet
            injured = 0 if injured is None else injured
        elif kind in ("killed", "muertos"):
            killed = 0 if killed is None else killed
        else:
            injured = 0 if injured is None else injured
    # the toll and "dead and wounded" patterns open with a number: only where their words occur
    t = spec.toll.search(text) if ("toll" in low or " de " in low) else None
    if t:
        killed = parse_number(t.group("n"))
    b = spec.both.search(text) if (" and " in low or " y " in low) and _BOTH_HINT_RE.search(low) else None
    if b:
        n = parse_number(b.group("n"))
        return Casualties(killed if killed else n, injured if injured else n)
    clean = _PARENTHETICAL_RE.sub(",", text) if "," in text else text
    for m in spec.keyword.finditer(clean):
        is_kill = m.group("k") is not None
        if (killed if is_kill else injured) is not None:
            continue  # the first figure of a kind wins; a zero from "no one was hurt" stands
        value = _casualty_at(spec, clean, m)
        if value is None:
            continue
        if is_kill:
            killed = value
        else:
            injured = value
    return Casualties(killed, injured)


def _casualty_at(spec: _Lang, text: str, m: re.Match[str]) -> int | None:
    word = m.group(0)
    before = text[max(0, m.start() - 160) : m.start()]
    passive = bool(spec.passive.search(before))
    if spec.active.match(word) and not passive:
        r = spec.right_np.match(text, m.end())
        if r and not _is_total(spec, text, m.start()):
            return _count(spec, r.group("np"))
    # the counted phrase stands before the word ("two people died", "at least 33 were injured")
    if _REGION_TOTAL_RE.match(text, m.end()):
        return None  # "two people wounded in the oblast in one day": a sum over the region
    stripped = spec.aux.sub("", before) if passive else before
    stripped = stripped.rstrip(" ,")
    left = spec.left_np.search(stripped)
    if left is None or _is_total(spec, stripped, left.start()):
        return None
    # the phrase must start a constituent: not "Ukraine's ten ..." mid-word
    if left.start() > 0 and stripped[left.start() - 1].isalnum():
        return None
    return _sum_nps(spec, left.group("nps"))


def _is_total(spec: _Lang, text: str, pos: int) -> bool:
    return bool(spec.total.search(text, max(0, pos - 30), pos + 12))
