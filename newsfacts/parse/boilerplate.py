"""Recognise the furniture of news pages, line by line: adverts, menus, cookie notices, captions...

Rules come from how pages are built, not from any one site: page furniture is short, formulaic
and repeated across outlets ("Advertisement", "Share this article", "Photo: X/AFP").
"""

from __future__ import annotations

import re

from newsfacts.parse.published import find_date

_I = re.IGNORECASE

ADVERT_RE = re.compile(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post)?|promoted(?: content)?|"
    r"paid (?:post|content)|story continues below(?: advertisement)?|continue reading(?: below|"
    r" the main story)?|"
    r"scroll (?:down )?to continue(?: with content| reading)?|article continues below|"
    r"skip advert(?:isement)?|"
    r"реклама|publicidad|publicité|pubblicità|publicidade|anzeige|werbung|reklama)\s*[:.]?$",
    _I,
)
COOKIE_RE = re.compile(
    r"\bcookies?\b.*\b(?:use|uses|using|accept|consent|privacy|settings|policy|preferences|browsing|"
    r"experience)\b|"
    r"\b(?:accept|reject|manage) (?:all )?(?:cookies|preferences)\b|^(?:accept|agree|i agree|got it|ok)$|"
    r"\bwe value your privacy\b|\bprivacy (?:policy|settings|preferences)\b.*\b(?:agree|accept|consent)\b|"
    r"\bwe and our (?:partners|vendors)\b|\bfile[s]? cookie\b|\bгалочк|\bфайлы cookie\b",
    _I,
)
NEWSLETTER_RE = re.compile(
    r"\b(?:sign up|subscribe|register)\b.*\b(?:newsletter|briefing|digest|inbox|updates|alerts|free)\b|"
    r"\bnewsletter\b.*\b(?:sign up|subscribe|inbox|delivered)\b|^subscribe(?: now| here| today)?[.!]?$|"
    r"\bin your inbox\b|\benter your e-?mail\b|\bbecome (?:a|our) (?:patron|member|subscriber|supporter)\b|"
    r"\bsupport (?:us|our journalism|independent journalism)\b|\bdonate (?:now|today)\b|"
    r"\balready a subscriber\b|\bsubscribers? only\b|\bthis (?:article|content) is (?:only )?"
    r"(?:available|reserved) (?:to|for) subscribers\b|\bunlock (?:this|full) (?:article|access)\b",
    _I,
)
SOCIAL_RE = re.compile(
    r"^(?:(?:share|tweet|email|e-mail|print|copy(?: link)?|link copied|comment|comments|save|facebook|"
    r"twitter|x|"
    r"whatsapp|telegram|linkedin|reddit|pinterest|vk|viber|messenger|flipboard|bluesky|threads)"
    r"(?:\s*(?:this|on|via|to|the)?\s*(?:article|story|page|post|facebook|twitter|x|whatsapp|telegram)?)"
    r"[\s|,·•/]*)+$|"
    r"\bfollow (?:us|[\w ]{1,30}) on (?:twitter|x|facebook|telegram|instagram|google news|whatsapp|"
    r"youtube)\b|"
    r"\bjoin (?:us|our channel) on (?:telegram|whatsapp)\b|\bsubscribe to (?:our|the) "
    r"(?:telegram|youtube|whatsapp) channel\b|^share (?:this|on|via)\b",
    _I,
)
EMBED_RE = re.compile(
    r"pic\.twitter\.com/|\b(?:t\.co|bit\.ly)/\w|^view this post on instagram$|\ba post shared by\b|"
    r"—\s*[^—]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s*\d{4}$|^embedded (?:video|content)\b|"
    r"^(?:watch|video|listen|audio)\s*[:|]\s*.{0,80}$|^(?:load|loading) (?:tweet|video|content)\b|"
    r"\bthis content (?:is|was) (?:imported|hosted) from\b|^\(?video\)?$|^\d{1,2}:\d{2}$|"
    r"\benable javascript\b|\byour browser does not support\b",
    _I,
)
COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bвсе права защищены\b|\btodos los derechos\b|"
    r"\btous droits réservés\b|\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b|"
    r"\bthis material may not be\b",
    _I,
)
DISCLAIMER_RE = re.compile(
    r"^\(?(?:this (?:story|article|report) (?:has not been|was not) edited|\(?only the headline.*changed)|"
    r"\bauto-generated from a syndicated feed\b|\bviews expressed (?:here|in this)\b.*\b(?:own|author)\b|"
    r"\bthe opinions expressed\b|^\(?(?:reporting|writing|editing|additional reporting) by\b|"
    r"^\(?(?:edited|compiled) by\b.{0,80}\)?$|\bcontributed (?:to this report|reporting)\b|"
    r"^(?:if you (?:have|want|would like)|got a (?:news )?tip)\b.{0,120}"
    r"\b(?:contact|email|write to|send)\b",
    _I,
)
COMMENTS_RE = re.compile(
    r"^(?:\d+\s+)?comments?$|^(?:leave|post|add|write) a (?:comment|reply)\b|^(?:log ?in|sign in) to "
    r"(?:comment|reply)\b|^show comments\b|^(?:view|read|see) (?:all )?\d*\s*comments\b|"
    r"^comments are closed\b",
    _I,
)
CAPTION_START_RE = re.compile(
    r"^(?:photo|photos|image|picture|pictured|file photo|illustrative (?:photo|image)|illustration|foto|"
    r"фото|ілюстрація|иллюстрация|credit|credits|source photo)\s*(?::|by\b|credit\b|—|-|\|)",
    _I,
)
# A credit at the end of a caption: "[Name/Agency]", "(Photo: X)", "X/AFP via Getty Images", "/ Outlet".
# Four patterns, each behind a literal its alternatives need, rather than one alternation with no
# common first character, which re would try at every position of a paragraph; only the last
# (opening with `\b`) still scans slowly, and it needs rare words.
_CREDIT_BRACKET_RE = re.compile(
    r"\[[^\]]{2,60}/[^\]]{2,40}\]|\((?:photo|image|picture|credit|фото|foto)[^)]{0,80}\)|"
    r"\((?:[\w .'-]{0,40}\s)?via\s+(?:afp|ap|reuters|getty images|epa|anadolu|dpa|efe)[^)]{0,20}\)\s*$|"
    r"\((?:aa|afp|ap|epa|dpa|efe|reuters|anadolu|tass)\s+photo\)\s*$",
    _I,
)
_CREDIT_AGENCY_RE = re.compile(
    r"(?:/|\|)\s*(?:the )?(?:associated press|ap photo|reuters|afp|getty images|epa|anadolu|ap|tass|"
    r"ria novosti|sputnik|efe|dpa|ansa|shutterstock|ukrinform|unian)\b[^.]{0,40}$",
    _I,
)
# "[A-Z]{2,}(?:\s[A-Z]{2,})?/" and "\s/\s+" with what precedes the slash as a lookbehind.
_CREDIT_SLASH_RE = re.compile(
    r"/(?<=[A-Z][A-Z]/)(?:the )?(?:associated press|reuters|afp|ap|epa|getty|bloomberg)\b|"
    r"/(?<=\s/)\s+[\w .'-]{2,40}$",
    _I,
)
_CREDIT_NAMED_RE = re.compile(r"\b(?:via|for) getty images\b|\bap photo/|\bgetty images$|\bshutterstock$", _I)


def _credit_search(text: str, low: str) -> bool:
    """Whether the text ends in or holds a photo credit; `low` is `_folded(text)`."""
    if ("(" in text or "[" in text) and _CREDIT_BRACKET_RE.search(text):
        return True
    if ("/" in text or "|" in text) and _CREDIT_AGENCY_RE.search(text):
        return True
    if "/" in text and _CREDIT_SLASH_RE.search(text):
        return True
    if "getty" in low or "ap photo/" in low or "shutterstock" in low:
        return _CREDIT_NAMED_RE.search(text) is not None
    return False


BYLINE_RE = re.compile(
    r"^(?i:by|written by|words by|reporting by|par|por|di|von|від|от|автор[:]?|autor[:]?)\s+"
    r"(?:[A-ZА-ЯЁІЇЄ][\w.'’-]+\.?\s*){1,4}(?:(?:,|\||and|&|in|и|та|y|et|e|und|—|-|–)\s*.{0,80})?$",
)
AUTHOR_ROLE_RE = re.compile(
    r"\b(?:is|was|has been|works as)\b.{0,60}\b(?:journalist|reporter|correspondent|editor|writer|"
    r"columnist|contributor|analyst|producer|photographer|author|fellow|researcher)\b",
    _I,
)
READ_MORE_INLINE_RE = re.compile(
    r"^\W{0,3}(?:read|see|watch|listen)(?: also| more| too)?\s*[:|–—-]\s*\S|^\W{0,3}also read\s*[:|–—-]\s*\S|"
    r"^\W{0,3}(?:related|recommended|more|most read|editor'?s? picks?|читайте также|читайте також|"
    r"читайте (?:еще|тоже)|дивіться також|lire aussi|à lire aussi|leggi anche|lea también|lee también|"
    r"leia também|lesen sie auch|mehr zum thema|czytaj (?:też|także|więcej))\s*[:|–—-]\s*\S",
    _I,
)
LIST_MARKER_RE = re.compile(
    r"^\W{0,3}(?:read more|read also|also read|more posts|more stories|more news|more from [\w .'-]{1,40}|"
    r"more on (?:this|that) (?:story|topic)|more on [\w .'-]{1,40}|related|related (?:articles?|stories|"
    r"posts|"
    r"news|content|coverage|topics|links|reading)|recommended(?: for you| stories| articles)?|"
    r"you may (?:also )?(?:like|be interested in)|you might (?:also )?like|don'?t miss|most (?:read|popular|"
    r"viewed|shared)|trending(?: now| stories)?|top (?:stories|news|headlines)|latest(?: news| stories|"
    r" posts|"
    r"articles)?|see also|further reading|in other news|other news|previous(?: post| article)?|"
    r"next(?: post| article)?|popular(?: now| posts)?|tags?|topics?|keywords?|filed under|read more on|"
    r"читайте также|читайте також|читайте еще|по теме|новости по теме|другие новости|останні новини|"
    r"lire aussi|à lire aussi|sur le même sujet|leggi anche|potrebbe interessarti|lea también|"
    r"también te puede interesar|te puede interesar|noticias relacionadas|leia também|leia mais|"
    r"lesen sie auch|mehr zum thema|czytaj (?:też|także|więcej)|zobacz też|ilgili haberler|"
    r"country|countries|location|region)\s*[:.…]*\s*$",
    _I,
)
MENU_WORDS = frozenset(
    [
        "home",
        "news",
        "world",
        "politics",
        "business",
        "economy",
        "sport",
        "sports",
        "opinion",
        "opinions",
        "video",
        "videos",
        "live",
        "tv",
        "radio",
        "culture",
        "science",
        "tech",
        "technology",
        "health",
        "lifestyle",
        "travel",
        "weather",
        "markets",
        "europe",
        "africa",
        "asia",
        "americas",
        "middle",
        "east",
        "analysis",
        "features",
        "investigations",
        "podcasts",
        "podcast",
        "newsletters",
        "newsletter",
        "search",
        "menu",
        "log",
        "in",
        "login",
        "sign",
        "in",
        "register",
        "subscribe",
        "contact",
        "about",
        "us",
        "more",
        "latest",
        "trending",
        "sections",
        "all",
        "sections",
        "main",
        "top",
        "stories",
        "photos",
        "gallery",
        "galleries",
        "war",
        "ukraine",
        "russia",
        "en",
        "ua",
        "ru",
        "de",
        "fr",
        "es",
        "español",
        "english",
        "русский",
        "українська",
        "deutsch",
        "français",
        "blogs",
        "blog",
        "columns",
        "editorial",
        "editorials",
        "interviews",
        "interview",
        "local",
        "national",
        "international",
        "regions",
        "region",
        "society",
        "u.s.",
        "us",
        "uk",
    ]
)
_PIPE_SPLIT = re.compile(r"\s*(?:\||•|·|»|›|/)\s*")
_META_SPLIT = re.compile(r"\s+\|\s+")
_PIPE_CHARS = ("|", "•", "·", "»", "›", "/")
TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\b|\b(?:GMT|UTC|EET|EEST|IST|CET|MSK)\b", _I
)
PUBLISHED_WORD_RE = re.compile(
    r"\b(?:published|posted|updated|last updated|created|first published|date|опубликовано|опубліковано|"
    r"publicado|publié|pubblicato|veröffentlicht|aktualisiert|opublikowano|actualizado|mis à jour)\b",
    _I,
)
AGENCY_NAMES = (
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Interfax-Ukraine",
    "Ukrinform",
    "UNIAN",
    "EFE",
    "ANSA",
    "dpa",
    "DPA",
    "Bloomberg",
    "Storyful",
    "PTI",
    "IANS",
    "ANI",
    "Anadolu",
    "Kyodo",
    "Yonhap",
    "Sputnik",
    "RIA",
    "CNN",
    "BBC",
    "Al Jazeera",
    "Lusa",
    "Europa Press",
    "Ukrinform",
    "RBC-Ukraine",
    "Suspilne",
    "Meduza",
    "Kyiv Independent",
    "Ukrainska Pravda",
    "NEXTA",
    "Radio Liberty",
    "RFE/RL",
)
AGENCY_RE = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in AGENCY_NAMES) + r")\b")
AGENCY_PAREN_RE = re.compile(
    r"\(("
    + "|".join(re.escape(a) for a in AGENCY_NAMES)
    + r")\)|/("
    + "|".join(re.escape(a.upper()) for a in AGENCY_NAMES)
    + r")/"
)


def word_count(text: str, most: int | None = None) -> int:
    """The words of a block; with `most`, counted no further than most + 1 (enough for a rule that
    asks "at most N words?" and cheaper on a long paragraph: the split stops there)."""
    return len(text.split() if most is None else text.split(None, most))


# The account links of a page's header: "Sign in", "Log in to your account", "Create an account".
_ACCOUNT_STARTS = ("sign", "log", "create", "my account", "register")
_ACCOUNT_RE = re.compile(
    r"^(?:sign ?(?:in|up|out)|log ?(?:in|out)|create (?:an |your )?account|my account|register)"
    r"(?: (?:to|for|with|into) (?:your|my|an|the|a) (?:\w+ )?account| now| here)?$"
)


def is_menu_line(text: str) -> bool:
    """A navigation line: one to a few menu words, or several short items split by | • ·."""
    low = text.lower().strip(" -–—•·|>»")
    if not low:
        return True
    if low in MENU_WORDS:
        return True
    if low.startswith(_ACCOUNT_STARTS) and _ACCOUNT_RE.match(low):
        return True
    # Without a separator the split is [low], one part: skip the regex (most lines have none).
    # split(None, 3) tells "more than three words" without splitting a whole paragraph.
    if _has(low, _PIPE_CHARS):
        parts = [p for p in _PIPE_SPLIT.split(low) if p]
        if len(parts) >= 3 and all(len(p.split(None, 3)) <= 3 for p in parts):
            return True
    words = low.split(None, 3)
    return 0 < len(words) <= 3 and all(w.strip(",:") in MENU_WORDS for w in words)


# One cheap gate: a longer block only pays for the individual regexes when a trigger word is
# present (a set intersection over its words, plus a few substring tests).
# The share buttons of a page, by the network's name.
_SOCIAL_SITES = (
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "vk",
    "viber",
    "messenger",
    "flipboard",
    "bluesky",
    "threads",
)
_TRIGGER_WORDS = frozenset(
    [
        "handout",
        "cookie",
        "cookies",
        "privacy",
        "consent",
        "partners",
        "vendors",
        "newsletter",
        "newsletters",
        "subscribe",
        "subscribed",
        "subscriber",
        "subscribers",
        "subscription",
        "sign",
        "inbox",
        "email",
        "e",
        "mail",
        "patron",
        "patrons",
        "donate",
        "donation",
        "unlock",
        "briefing",
        "digest",
        "follow",
        "join",
        "share",
        "channel",
        "instagram",
        "embedded",
        "javascript",
        "browser",
        "imported",
        "hosted",
        "copyright",
        "rights",
        "reserved",
        "права",
        "derechos",
        "droits",
        "reproduced",
        "redistributed",
        "rewritten",
        "broadcast",
        "edited",
        "syndicated",
        "expressed",
        "reporting",
        "writing",
        "editing",
        "compiled",
        "contributed",
        "place",
        "tip",
        "tips",
        "photo",
        "photos",
        "image",
        "picture",
        "credit",
        "getty",
        "shutterstock",
        "фото",
        "foto",
        "pictured",
        "illustrative",
        "member",
        "membership",
        "support",
        "supporter",
    ]
)
_TRIGGER_SUBSTRINGS = ("/", "[", "©", "(@", "(c)")  # tested inline in _triggered
_PUNCT = "\"'’‘“”«»()[]{}.,;:!?|–—-*•·"


# Short blocks can also be adverts, share bars, embeds, comment links or "Read more: ..." lines.
_SHORT_TRIGGER_WORDS = _TRIGGER_WORDS | frozenset(
    [
        "advertisement",
        "advertising",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "promoted",
        "paid",
        "story",
        "continue",
        "continues",
        "continued",
        "scroll",
        "article",
        "skip",
        "реклама",
        "publicidad",
        "publicité",
        "pubblicità",
        "publicidade",
        "anzeige",
        "werbung",
        "reklama",
        "accept",
        "agree",
        "got",
        "ok",
        "tweet",
        "print",
        "copy",
        "link",
        "copied",
        "comment",
        "comments",
        "save",
        *_SOCIAL_SITES,
        "view",
        "post",
        "shared",
        "watch",
        "video",
        "listen",
        "audio",
        "load",
        "loading",
        "enable",
        "your",
        "leave",
        "add",
        "write",
        "log",
        "login",
        "show",
        "read",
        "see",
        "comments",
        "closed",
        "file",
        "source",
        "also",
        "more",
        "related",
        "recommended",
        "most",
        "editor",
        "editors",
        "pick",
        "picks",
        "читайте",
        "дивіться",
        "lire",
        "à",
        "leggi",
        "lea",
        "lee",
        "leia",
        "lesen",
        "mehr",
        "czytaj",
        "subscribe",
        "valued",
        "value",
    ]
)


def _triggered(text: str, short: bool = False) -> bool:
    # _TRIGGER_SUBSTRINGS spelt out (cheaper than a loop); "(@" and "(c)" behind one test for "(".
    if "/" in text or "[" in text or "©" in text or ("(" in text and ("(@" in text or "(c)" in text)):
        return True
    if short and ":" in text:
        return True
    # The words split on _PUNCT and whitespace, as UTF-8 bytes: bytes.translate (which also
    # lowercases ASCII) and bytes.split are several times cheaper than str.translate or a str
    # regex split on a paragraph.
    if text.isascii():
        words = text.encode("ascii").translate(_LOWER_PUNCT_TO_SPACE_B).split()
    else:
        raw = text.lower().encode("utf-8")
        if b"\xe2" in raw or b"\xc2" in raw or b"\xe1" in raw or b"\xe3" in raw:
            raw = _WIDE_SEPARATOR_B.sub(b" ", raw)  # (every wide separator opens with one of these)
        words = raw.translate(_LOWER_PUNCT_TO_SPACE_B).split()
    return not (_SHORT_TRIGGER_WORDS_B if short else _TRIGGER_WORDS_B).isdisjoint(words)


_TRIGGER_WORDS_B = frozenset(w.encode("utf-8") for w in _TRIGGER_WORDS)
_SHORT_TRIGGER_WORDS_B = frozenset(w.encode("utf-8") for w in _SHORT_TRIGGER_WORDS)
# ASCII: A-Z lowered, the ASCII part of _PUNCT and the separators str.split() knows and
# bytes.split() does not (0x1C-0x1F) made spaces. Bytes >= 0x80 (inside UTF-8 sequences) kept.
_LOWER_PUNCT_TO_SPACE_B = bytes(
    32 if ((b < 0x80 and chr(b) in _PUNCT) or 0x1C <= b <= 0x1F) else (b + 32 if 0x41 <= b <= 0x5A else b)
    for b in range(256)
)
# The UTF-8 of every non-ASCII separator: _PUNCT's and the whitespace str.split() knows (none
# is above U+3000, the ideographic space).
_WIDE_SEPARATOR_B = re.compile(
    b"|".join(
        re.escape(ch.encode("utf-8"))
        for ch in sorted(
            {c for c in _PUNCT if not c.isascii()} | {chr(c) for c in range(0x80, 0x3001) if chr(c).isspace()}
        )
    )
)


# Per-rule gates. Python's re has no fast literal prefilter for long case-insensitive alternations,
# so a rule that searches the whole block (cookie, newsletter, caption credit...) costs ~30-90 us
# on a 60-word paragraph. Every alternative of each rule needs one of these literals (lowercased),
# so a block without any of them cannot match and skips the regex: same result, a few us.
_COOKIE_NEEDLES = ("cookie", "preferences", "privacy", "we and our", "галочк")
_NEWSLETTER_NEEDLES = (
    "sign up",
    "subscri",
    "register",
    "newsletter",
    "inbox",
    "enter your e",
    "become ",
    "support ",
    "donate ",
    "unlock ",
)
_SOCIAL_NEEDLES = ("follow ", "join ", "subscribe to ")
_SOCIAL_STARTS = (
    "share",
    "tweet",
    "email",
    "e-mail",
    "print",
    "copy",
    "link copied",
    "comment",
    "save",
    *_SOCIAL_SITES,
)
_EMBED_NEEDLES = ("/", ":", "instagram", "shared by", "(@", "this content ", "javascript", "your browser")
_EMBED_STARTS = ("embedded ", "watch", "video", "listen", "audio", "load", "(video")
# The unanchored alternatives of EMBED_RE each need one of these (the `^` ones match at 0 only).
_EMBED_ANYWHERE_NEEDLES = (
    "pic.twitter.com/",
    "t.co/",
    "bit.ly/",
    "a post shared by",
    "(@",
    "this content ",
    "enable javascript",
    "your browser does not support",
)
_COPYRIGHT_NEEDLES = (
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "права защищены",
    "todos los derechos",
    "tous droits",
    "may not be",
)
_DISCLAIMER_NEEDLES = ("syndicated", "expressed", "contributed ")
_DISCLAIMER_STARTS = (
    "this ",
    "only the headline",
    "reporting",
    "writing",
    "editing",
    "additional reporting",
    "edited",
    "compiled",
    "if you ",
    "got a ",
)
_CREDIT_NEEDLES = (
    "/",
    "|",
    "getty",
    "shutterstock",
    "(photo",
    "(image",
    "(picture",
    "(credit",
    "(фото",
    "(foto",
    " photo)",
    "via afp",
    "via ap",
    "via reuters",
    "via getty",
    "via epa",
    "via anadolu",
    "via dpa",
    "via efe",
)
_CREDIT_PAREN = tuple(n for n in _CREDIT_NEEDLES if n.startswith("("))
_CREDIT_VIA = tuple(n for n in _CREDIT_NEEDLES if n.startswith("via "))
_CREDIT_PLAIN = tuple(n for n in _CREDIT_NEEDLES if n not in _CREDIT_PAREN + _CREDIT_VIA)


def _has_credit_needle(low: str) -> bool:
    """`_has(low, _CREDIT_NEEDLES)`: the "(..." and "via ..." needles only behind one scan each."""
    return (
        _has(low, _CREDIT_PLAIN)
        or ("(" in low and _has(low, _CREDIT_PAREN))
        or ("via " in low and _has(low, _CREDIT_VIA))
    )


def _has(low: str, needles: tuple[str, ...]) -> bool:
    # A plain loop: about twice as cheap as any() over a generator for these short tuples.
    for needle in needles:  # noqa: SIM110
        if needle in low:
            return True
    return False


def _folded(text: str) -> str:
    """Lowercase as re.IGNORECASE compares: it also equates İ/ı with i and ſ with s."""
    low = text.lower()
    if not low.isascii():
        low = low.replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")
    return low


def classify_line(text: str) -> str | None:
    """The boilerplate reason for one standalone block, or None for ordinary content.

    Context-dependent kinds (link lists after a marker, menus in the header, bylines
    near the headline) are decided by the caller; these are the self-evident ones.
    """
    n_words = word_count(text, 60)
    if n_words > 60:
        return None
    if not _triggered(text, short=n_words <= 12):
        return "caption" if CAPTION_START_RE.match(text) else None
    low = _folded(text)
    if n_words <= 6 and ADVERT_RE.match(text):
        return "advert"
    # Without a needle only the anchored alternative can match: a match at 0, not a scan.
    if COOKIE_RE.search(text) if _has(low, _COOKIE_NEEDLES) else n_words <= 2 and COOKIE_RE.match(text):
        return "cookie_notice"
    if n_words <= 45 and _has(low, _NEWSLETTER_NEEDLES) and NEWSLETTER_RE.search(text):
        return "newsletter"
    if (
        n_words <= 30
        and (low.startswith(_SOCIAL_STARTS) or _has(low, _SOCIAL_NEEDLES))
        and SOCIAL_RE.search(text)
    ):
        return "social"
    if (
        n_words <= 40
        and (_has(low, _EMBED_NEEDLES) or low.startswith(_EMBED_STARTS))
        and (EMBED_RE.match(text) or (_has(low, _EMBED_ANYWHERE_NEEDLES) and EMBED_RE.search(text)))
    ):
        return "embed"
    if n_words <= 40 and _has(low, _COPYRIGHT_NEEDLES) and COPYRIGHT_RE.search(text):
        return "copyright"
    if (
        _has(low, _DISCLAIMER_NEEDLES) or low.lstrip("(").startswith(_DISCLAIMER_STARTS)
    ) and DISCLAIMER_RE.search(text):
        return "disclaimer"
    if n_words <= 8 and COMMENTS_RE.match(text):
        return "comments"
    if n_words <= 50 and (
        CAPTION_START_RE.match(text) or (_has_credit_needle(low) and _credit_search(text, low))
    ):
        return "caption"
    if n_words <= 40 and READ_MORE_INLINE_RE.match(text):
        return "link_list"
    return None


def is_list_marker(text: str) -> bool:
    """'Read more', 'ALSO READ', 'Related', 'More posts:' and the like: a link list follows."""
    return word_count(text, 7) <= 7 and bool(LIST_MARKER_RE.match(text))


def is_byline(text: str) -> bool:
    return word_count(text, 16) <= 16 and bool(BYLINE_RE.match(text))


def is_date_line(text: str) -> bool:
    """A short header line that carries a full date: 'Published On 16 Jan 2023', 'Jun 09, 2023'."""
    n_words = word_count(text, 16)
    if n_words > 16:
        return False
    return find_date(text) is not None


def is_meta_line(text: str) -> bool:
    """'Reuters | Kyiv | Updated: ...': several short fields split by pipes, or agency + date."""
    if "|" not in text:  # the split below needs a pipe: one part, not a meta line
        return False
    parts = [p for p in _META_SPLIT.split(text) if p]
    return len(parts) >= 2 and all(word_count(p, 8) <= 8 for p in parts)


def agency_in(text: str) -> str | None:
    """An agency credit written in the header or dateline: '(Reuters)', '/TASS/', 'Reuters |'."""
    m = AGENCY_PAREN_RE.search(text)
    if m:
        name = m[1] or m[2]
        return _canonical_agency(name)
    return None


def _canonical_agency(name: str) -> str:
    for agency in AGENCY_NAMES:
        if agency.lower() == name.lower():
            return agency
    return name
