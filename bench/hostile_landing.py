"""A hostile landing day, as a crawler or a careless colleague leaves one.

`make_hostile_day` writes, into landing/<day>/: normal articles (one a 200 KB live blog),
an empty file, a binary file, NUL bytes in a text file, cp1251 and UTF-16 text, a 12 MB
text file, a 512 MiB (sparse) file, 200,000 nested HTML tags, broken JSON, a JSON list
with non-objects, odd file names, duplicates, an image, nested folders, a hidden file and
folder, a named pipe, and links to files outside the landing folder (one made for the
purpose, holding a unique token, and /etc/passwd). `accounted_names` lists what must appear in raw.articles or
raw.rejected; `leaked` looks for the outside file's token anywhere under the data root.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import zlib
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

TOWNS = ["Kharkiv", "Odesa", "Kherson", "Zaporizhzhia", "Dnipro", "Sumy", "Nikopol", "Mykolaiv"]
BIG_FILE_BYTES = 12 * 1024 * 1024
GIANT_FILE_BYTES = 512 * 1024 * 1024  # sparse: over the file cap, hashed in chunks, never held
NESTED_TAGS = 200_000
MANIFESTS = {"sources.tsv", "sources.csv", "manifest.tsv", "manifest.csv"}


def article(rng: random.Random, index: int) -> str:
    town, other = rng.sample(TOWNS, 2)
    killed, injured = rng.randint(1, 9), rng.randint(2, 30)
    return (
        f"Strike on {town} kills {killed}\n\n"
        f"A Russian missile hit a residential district of {town} on Monday night, killing {killed} "
        f"people and injuring {injured}, the regional governor said on Tuesday. (report {index})\n\n"
        f"Air defence units shot down several drones over {other}, the air force said. Debris damaged "
        f"a warehouse but nobody was hurt.\n\n"
        f"Emergency crews worked through the night to clear the rubble, officials said.\n"
    )


def live_blog(rng: random.Random, size: int = 200_000) -> str:
    entries, index = [], 0
    while sum(map(len, entries)) < size:
        entries.append(f"{10 + index % 12}:{index % 60:02d} update: " + article(rng, index))
        index += 1
    return "Live: the war in Ukraine, day by day\n\n" + "\n".join(entries)


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    pixels = zlib.compress(b"\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def make_hostile_day(landing: Path, day: date, outside: Path, seed: int = 0) -> str:
    """Write the hostile files for `day`; return the token of the outside file they link to."""
    rng = random.Random(seed)
    folder = landing / day.isoformat()
    (folder / "wire" / "deep" / "deeper").mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    token = f"OUTSIDE-TOKEN-{seed}-{rng.getrandbits(128):032x}"
    secret = outside / f"credentials-{seed}.txt"
    secret.write_text(f"{token}\nMissile strike on Kharkiv, {token} two killed.\n", encoding="utf-8")

    def write(name: str, data: bytes | str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    for index in range(6):
        write(f"story-{seed}-{index}.txt", article(rng, index))
    write("wire/deep/deeper/nested-story.md", article(rng, 100))
    write("live-blog.txt", live_blog(rng))
    write("empty.txt", b"")
    write("blank.txt", b" \n\t\n")
    write("binary.txt", bytes(rng.getrandbits(8) for _ in range(4096)))
    write("nul-bytes.txt", article(rng, 7).encode() + b"\x00\x00\x00" + b"tail")
    cyrillic = (
        "Обстрел Херсона: двое раненых\n\n"
        "Российские войска обстреляли жилой район Херсона в понедельник вечером, двое мирных жителей "
        "получили ранения, сообщил глава областной военной администрации. Повреждены жилые дома и "
        "линия электропередачи.\n"
    )
    write("cyrillic-cp1251.txt", cyrillic.encode("cp1251"))
    write("utf16.txt", codecs.BOM_UTF16_LE + article(rng, 8).encode("utf-16-le"))
    line = (article(rng, 9).replace("\n", " ") + "\n").encode()
    write("huge.txt", (line * (BIG_FILE_BYTES // len(line) + 1))[:BIG_FILE_BYTES])
    with (folder / "giant.txt").open("wb") as handle:
        handle.truncate(GIANT_FILE_BYTES)
    write("nested.html", "<html><body>" + "<div>" * NESTED_TAGS + "Strike on Sumy." + "</div>" * NESTED_TAGS)
    write("broken.json", '{"title": "Strike on Odesa", "text": "A drone hit')
    write(
        "mixed-list.json",
        json.dumps([{"title": "Drone attack", "text": article(rng, 10)}, 42, "a string", None, [1, 2], {}]),
    )
    write(
        "records.jsonl", json.dumps({"text": article(rng, 11)}) + "\n{not json}\n\n" + json.dumps([1]) + "\n"
    )
    for name in ("odd name (1).txt", "новини-Київ.txt", "-starts-with-dash.txt", "tab\tin name.txt"):
        write(name, article(rng, len(name)))
    with open(os.fsencode(folder) + b"/latin1-\xe9t\xe9.txt", "wb") as handle:  # a name that is not UTF-8
        handle.write(article(rng, 12).encode())
    write("duplicate-a.txt", article(random.Random(seed + 99), 13))
    write("wire/duplicate-b.txt", article(random.Random(seed + 99), 13))
    write("photo.png", png_bytes())
    write("photo-named.txt", png_bytes())
    write("notes.docx", b"PK\x03\x04 not an article")
    write(".hidden.txt", article(rng, 14))
    write(".partial/in-progress.txt", article(rng, 15))
    os.mkfifo(folder / "pipe.txt")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "wire" / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "outside-folder").symlink_to(outside, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "no-such-file.txt")
    return token


def accounted_names(landing: Path, day: date) -> set[str]:
    """The source_file of every entry the landing day must account for (not inside hidden
    folders or linked folders, which are accounted for as one entry)."""
    names: set[str] = set()
    root = landing / day.isoformat()

    def walk(folder: Path, prefix: str) -> None:
        for entry in os.scandir(folder):
            relative = prefix + entry.name
            if prefix == "" and entry.name.lower() in MANIFESTS:
                continue
            descend = entry.is_dir(follow_symlinks=False) and not entry.name.startswith(".")
            if descend:
                walk(Path(entry.path), relative + "/")
            else:
                printable = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                names.add(f"{day.isoformat()}/{printable}")

    walk(root, "")
    return names


def leaked(data_root: Path, token: str) -> list[str]:
    """Where `token` appears under the data root: raw bytes of every file, every string or
    binary cell of every Parquet file, and every table of every DuckDB file."""
    needle = token.encode()
    found = []
    for path in sorted(p for p in data_root.rglob("*") if p.is_file() and not p.is_symlink()):
        if "landing" in path.relative_to(data_root).parts:
            continue
        if needle in path.read_bytes():
            found.append(f"{path} (bytes)")
        if path.suffix == ".parquet":
            table = pq.read_table(path)
            for column in table.column_names:
                if any(needle in _bytes(value) for value in table[column].to_pylist() if value is not None):
                    found.append(f"{path}:{column}")
        elif path.suffix == ".duckdb":
            found.extend(_leaks_in_duckdb(path, token))
    return found


def _bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    return json.dumps(value, default=str, ensure_ascii=False).encode("utf-8", "surrogateescape")


def _leaks_in_duckdb(path: Path, token: str) -> list[str]:
    found = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "select schema_name, table_name, column_name from duckdb_columns() "
            "where database_name = current_database() and data_type in ('VARCHAR', 'BLOB', 'VARCHAR[]')"
        ).fetchall()
        for schema, table, column in columns:
            hits = con.execute(
                f'select count(*) from "{schema}"."{table}" where contains(cast("{column}" as varchar), ?)',
                [token],
            ).fetchone()[0]
            if hits:
                found.append(f"{path}:{schema}.{table}.{column}")
    return found
