"""A hostile landing day through every asset: every file is accounted for, the run succeeds,
and nothing a link out of the landing folder points at reaches the lake or the warehouse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg

from bench.hostile_landing import accounted_names, leaked, make_hostile_day
from newsfacts.config import DataPaths
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from warehouse.loader import connect

DAY = date(2025, 4, 1)
EXPECTED_REASONS = {
    ".hidden.txt": "hidden",
    ".partial": "hidden",
    "leak.txt": "outside_landing",
    "wire/passwd.txt": "outside_landing",
    "outside-folder": "outside_landing",
    "dangling.txt": "broken_link",
    "pipe.txt": "not_a_file",
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.txt": "binary",
    "nul-bytes.txt": "binary",
    "photo-named.txt": "binary",
    "photo.png": "unsupported_type",
    "notes.docx": "unsupported_type",
    "broken.json": "malformed_json",
    "huge.txt": "too_large",
    "giant.txt": "too_large",
    "wire/duplicate-b.txt": "duplicate",
}
KEPT = [
    "live-blog.txt",
    "cyrillic-cp1251.txt",
    "utf16.txt",
    "nested.html",
    "wire/deep/deeper/nested-story.md",
]
KEPT += ["odd name (1).txt", "новини-Київ.txt", "-starts-with-dash.txt", "tab\tin name.txt"]
KEPT += ["latin1-\\xe9t\\xe9.txt", "duplicate-a.txt", "mixed-list.json", "records.jsonl"]


def test_every_hostile_file_is_accounted_for_and_nothing_leaks(data_paths: DataPaths, tmp_path: Path) -> None:
    token = make_hostile_day(data_paths.landing, DAY, tmp_path / "outside")
    result = dg.materialize(
        all_assets, partition_key=DAY.isoformat(), resources=resources_for(data_paths.root)
    )
    assert result.success

    with connect(data_paths.warehouse_db, read_only=True) as con:
        articles = {row[0] for row in con.execute("select source_file from raw.articles").fetchall()}
        rejected = con.execute(
            "select source_file, record_index, reason, detail from raw.rejected"
        ).fetchall()
        unprocessed = con.execute(
            """
            select count(*) from raw.articles r
            where r.article_id not in (select article_id from parsed.articles)
              and r.article_id not in (select article_id from parsed.quarantine)
            """
        ).fetchone()[0]
        live_blog_length = con.execute(
            "select length(text) from raw.articles where source_file like '%live-blog.txt'"
        ).fetchone()[0]
    prefix = f"{DAY.isoformat()}/"
    whole_file_reasons = {
        f.removeprefix(prefix): r for f, i, r, _ in rejected if i is None or r == "duplicate"
    }
    assert accounted_names(data_paths.landing, DAY) <= articles | {f for f, *_ in rejected}
    assert all(reason and detail for _, _, reason, detail in rejected)
    for name, reason in EXPECTED_REASONS.items():
        assert whole_file_reasons.get(name) == reason, name
    assert {prefix + name for name in KEPT} <= articles
    assert live_blog_length > 200_000  # read in full
    assert {(i, r) for f, i, r, _ in rejected if f.endswith("mixed-list.json")} == {
        (1, "not_an_object"),
        (2, "not_an_object"),
        (3, "not_an_object"),
        (4, "not_an_object"),
        (5, "no_text"),
    }
    assert unprocessed == 0  # every article was parsed or quarantined with a reason

    # The search finds what was stored (the live blog's headline), and not the outside file.
    assert leaked(data_paths.root, "Live: the war in Ukraine, day by day")
    assert leaked(data_paths.root, token) == []
    passwd_first_line = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert leaked(data_paths.root, passwd_first_line) == []
