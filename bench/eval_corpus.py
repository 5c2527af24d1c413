"""Score extraction on a corpus folder (`articles/` + `gold.jsonl`) and explain the errors by cause.

usage: python bench/eval_corpus.py CORPUS_DIR [--part PREFIX ...] [--show]

Prints the event precision/recall/F1 and field accuracy (the corpus scorer's matching rule,
`newsfacts.evaluate`), per part (file-name prefix such as `en-`, `page-`, `ml-`) and per
language, then every missed and spurious event sorted by cause:

- wrong type: an extracted event at the same place has another event_type;
- wrong place level: the same admin1 but one side has a location the other does not, or another one;
- split/merge: the evidence sentence gave events, but not this one (places merged or split);
- date: found at the right place with the right type but dropped as an old passing mention;
- not detected: nothing was extracted from the sentence the gold event rests on;
and the confusion of sub_event_type and date on matched events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsfacts.cli import article_name, gold_shape
from newsfacts.evaluate import FIELDS, evaluate, field_agrees, normalise_name, same_event
from newsfacts.ingest import ingest_file, iter_paths
from newsfacts.layers import process_article


def extract_corpus(articles: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    now = datetime.now(UTC)
    for path, relative, url in iter_paths([articles]):
        result = ingest_file(path, relative, date.today(), now, url)
        for raw in result.articles:
            parsed, mentions = process_article(raw)
            name = article_name(raw, relative)
            out[name] = gold_shape(name, parsed, mentions)
    return out


def _place(event: Mapping[str, Any]) -> str:
    return f"{event.get('country')}/{event.get('admin1')}/{event.get('location')}"


def _cause(event: Mapping[str, Any], others: list[Mapping[str, Any]], missed: bool) -> str:
    """Why `event` (a missed gold event, or a spurious extracted one) has no partner in `others`."""

    def same_place(other: Mapping[str, Any]) -> bool:
        gold, extracted = (event, other) if missed else (other, event)
        return same_event({**gold, "event_type": extracted.get("event_type")}, extracted)

    if any(same_place(o) for o in others):
        return "wrong type"
    if any(
        normalise_name(o.get("admin1")) == normalise_name(event.get("admin1"))
        and o.get("country") == event.get("country")
        and o.get("event_type") == event.get("event_type")
        for o in others
    ):
        return "wrong place level"
    evidence = event.get("evidence") or ""
    for o in others:
        theirs = o.get("evidence") or ""
        if evidence and theirs and (theirs in evidence or evidence in theirs):
            return "split/merge"
    return "not detected" if missed else "not an event (or not in gold)"


def miss_cause(gold: Mapping[str, Any], predicted: list[Mapping[str, Any]]) -> str:
    return _cause(gold, predicted, missed=True)


def spurious_cause(event: Mapping[str, Any], gold: list[Mapping[str, Any]]) -> str:
    return _cause(event, gold, missed=False)


def report(
    name: str, gold: dict[str, dict[str, Any]], predicted: dict[str, dict[str, Any]], show: bool
) -> dict:
    result = evaluate(gold, predicted)
    fields = {f: (round(v, 3) if (v := result.accuracy(f)) is not None else None) for f in FIELDS}
    summary = {
        "part": name,
        "articles": len(gold),
        "gold": result.expected,
        "predicted": result.extracted,
        "matched": result.matched,
        "precision": round(result.precision, 3),
        "recall": round(result.recall, 3),
        "f1": round(result.f1, 3),
        "fields": fields,
    }
    print(
        f"{name:>8}: articles {len(gold):3d}  gold {result.expected:3d}  predicted {result.extracted:3d}  "
        f"matched {result.matched:3d}  P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}"
    )
    print("          fields: " + ", ".join(f"{k} {v}" for k, v in fields.items()))
    if show:
        causes: dict[str, list[str]] = defaultdict(list)
        for article, event in result.missed:
            cause = miss_cause(event, predicted.get(article, {}).get("events", []))
            causes[f"missed: {cause}"].append(f"{article}: {event['event_type']} at {_place(event)}")
        for article, event in result.spurious:
            cause = spurious_cause(event, gold.get(article, {}).get("events", []))
            causes[f"spurious: {cause}"].append(f"{article}: {event['event_type']} at {_place(event)}")
        for cause in sorted(causes):
            print(f"  {cause} ({len(causes[cause])})")
            for line in causes[cause]:
                print(f"      {line}")
    summary["causes"] = dict(
        Counter(f"missed: {miss_cause(e, predicted.get(a, {}).get('events', []))}" for a, e in result.missed)
        + Counter(
            f"spurious: {spurious_cause(e, gold.get(a, {}).get('events', []))}" for a, e in result.spurious
        )
    )
    return summary


def confusion(gold: dict[str, dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> None:
    """sub_event_type and date confusion on matched events (the scorer's pairing)."""
    sub: Counter[tuple[str, str]] = Counter()
    when: Counter[str] = Counter()
    for article, key in gold.items():
        candidates = list(predicted.get(article, {}).get("events", []))
        for event in key.get("events", []):
            matches = [c for c in candidates if same_event(event, c)]
            if not matches:
                continue
            best = max(matches, key=lambda c: sum(field_agrees(f, event.get(f), c.get(f)) for f in FIELDS))
            candidates.remove(best)
            if event.get("sub_event_type") != best.get("sub_event_type"):
                sub[(str(event.get("sub_event_type")), str(best.get("sub_event_type")))] += 1
            g, p = event.get("date"), best.get("date")
            if g == p:
                when["same"] += 1
            elif g is None:
                when["gold null, extracted a date"] += 1
            elif p is None:
                when["gold dated, extracted null"] += 1
            else:
                when["both dated, different day"] += 1
    print("sub_event_type confusion (gold -> extracted):")
    for (g, p), n in sub.most_common():
        print(f"  {n:3d}  {g} -> {p}")
    print("date on matched events: " + ", ".join(f"{k} {v}" for k, v in when.most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--part", action="append", default=[], help="file-name prefix to score on its own")
    parser.add_argument("--show", action="store_true", help="list every missed and spurious event by cause")
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = parser.parse_args(argv)
    gold = {}
    with open(args.corpus / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                gold[row["article"]] = row
    predicted = extract_corpus(args.corpus / "articles")
    summaries = [report("all", gold, predicted, args.show)]
    for prefix in args.part:
        part = {k: v for k, v in gold.items() if k.startswith(prefix)}
        summaries.append(report(prefix, part, predicted, False))
    by_language: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for k, v in gold.items():
        by_language[v.get("language") or "?"][k] = v
    if len(by_language) > 1:
        for language, part in sorted(by_language.items()):
            summaries.append(report(f"lang {language}", part, predicted, False))
    confusion(gold, predicted)
    if args.json:
        print(json.dumps(summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
