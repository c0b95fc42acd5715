"""Benchmark of `pressfacts run`: throughput, parallel speed-up, re-run cost and peak memory.

Generates N releases from corpus/ by varying their figures and wording, then measures, in one
run on the same texts:
  1. `pressfacts run` (1 worker) words/s, first run, as a user runs it (a fresh process);
  2. bare `nlp.pipe` of the same spaCy model over the same texts;
  3. the naive composition: spaCy + quantulum3 on whole texts + dateparser.search_dates
     (on a sample, it is slow);
  4. `pressfacts run --workers 2` vs 1;
  5. an unchanged re-run vs the first run;
  6. peak memory (max RSS of the run process) at 500 and at N releases.

Usage: .venv/bin/python scripts/benchmark.py [--releases 2000] [--naive-sample 100]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRESSFACTS = Path(sys.executable).parent / "pressfacts"
SYNONYMS = [
    ("registered", "recorded"),
    ("decreased", "fell"),
    ("increased", "rose"),
    ("crimes", "offences"),
    ("police", "law enforcement"),
    ("compared to", "compared with"),
]
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")


def corpus_texts() -> list[str]:
    """The text of every sample release, as the pipeline reads it."""
    from pipeline.batch import collect_files
    from pipeline.ingest import read_source

    texts = []
    for path in collect_files([ROOT / "corpus"]):
        doc = read_source(path)
        texts.append(doc.text[doc.body_start :])
    return texts


def vary(text: str, rng: random.Random, years_back: int) -> str:
    """The same release some years earlier, with other figures (same format) and some words
    swapped, so that every generated release reports its own period."""

    def scale(match: re.Match[str]) -> str:
        printed = match.group(1)
        if re.fullmatch(r"(19|20)\d\d", printed):
            return printed
        value = float(printed.replace(",", "")) * rng.uniform(0.7, 1.3)
        if "." in printed:
            return f"{value:.{len(printed.split('.')[1])}f}"
        return f"{round(value):,}" if "," in printed else str(max(1, round(value)))

    text = NUMBER.sub(scale, text)
    text = YEAR.sub(lambda m: str(int(m.group()) - years_back), text)
    for a, b in SYNONYMS:
        if rng.random() < 0.5:
            text = text.replace(a, b)
    return text


def generate(folder: Path, n: int, seed: int = 7) -> list[str]:
    """Write n varied releases into folder; return their texts."""
    rng = random.Random(seed)
    sources = corpus_texts()
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        text = vary(sources[i % len(sources)], rng, years_back=i // len(sources))
        (folder / f"gen-{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def timed_run(*args: str) -> tuple[float, float]:
    """Run `pressfacts run ...` in a fresh process; return (seconds, peak RSS in MiB)."""
    command = [
        sys.executable,
        "-c",
        "import resource, subprocess, sys; "
        "code = subprocess.call(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)",
        str(PRESSFACTS),
        "run",
        *args,
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"pressfacts run {' '.join(args)} failed:\n{result.stderr}")
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def bare_spacy(texts: list[str]) -> float:
    """Seconds for bare nlp.pipe of the same model over the texts (model load excluded)."""
    from pipeline.nlp import load_model

    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def naive(texts: list[str]) -> float:
    """Seconds for spaCy + quantulum3 on whole texts + dateparser.search_dates (model loaded)."""
    import warnings

    from dateparser.search import search_dates
    from quantulum3 import parser

    from pipeline.nlp import load_model

    nlp = load_model()
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in nlp.pipe(texts, batch_size=16):
            parser.parse(doc.text)
            search_dates(doc.text, languages=["en"])
    return time.perf_counter() - started


def words(texts: list[str]) -> int:
    """Whitespace-separated words, the unit of every rate printed here."""
    return sum(len(t.split()) for t in texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--releases", type=int, default=2000)
    ap.add_argument("--naive-sample", type=int, default=100)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pressfacts-bench-") as tmp:
        work = Path(tmp)
        texts = generate(work / "in", a.releases)
        small = work / "in-500"
        small.mkdir()
        for path in sorted((work / "in").glob("*.txt"))[:500]:
            (small / path.name).write_bytes(path.read_bytes())
        n_words = words(texts)
        print(f"{a.releases} releases, {n_words:,} words, generated from corpus/")

        first, rss_all = timed_run(str(work / "in"), "--out", str(work / "out1"))
        rerun, _ = timed_run(str(work / "in"), "--out", str(work / "out1"))
        two, _ = timed_run(str(work / "in"), "--out", str(work / "out2"), "--workers", "2")
        _, rss_500 = timed_run(str(small), "--out", str(work / "out500"))
        bare = bare_spacy(texts)
        sample = texts[: a.naive_sample]
        naive_seconds = naive(sample)

        rate = n_words / first
        bare_rate = n_words / bare
        naive_rate = words(sample) / naive_seconds
        rows = [
            (
                "pressfacts run, 1 worker (process incl. start-up)",
                f"{rate:,.0f} words/s",
                f"{first:.1f} s",
            ),
            (
                "bare nlp.pipe, same model (load excluded)",
                f"{bare_rate:,.0f} words/s",
                f"{bare:.1f} s",
            ),
            ("  ratio run / bare (target >= 0.8)", f"{rate / bare_rate:.2f}", ""),
            (
                f"naive spaCy+quantulum3+search_dates ({len(sample)} releases)",
                f"{naive_rate:,.0f} words/s",
                f"{naive_seconds:.1f} s",
            ),
            ("  ratio run / naive (target >= 3)", f"{rate / naive_rate:.1f}x", ""),
            ("pressfacts run --workers 2", f"{n_words / two:,.0f} words/s", f"{two:.1f} s"),
            ("  speed-up 2 workers vs 1 (target >= 1.6)", f"{first / two:.2f}x", ""),
            ("unchanged re-run", "", f"{rerun:.2f} s"),
            ("  first run / re-run (target >= 20)", f"{first / rerun:.0f}x", ""),
            ("peak RSS at 500 releases", f"{rss_500:,.0f} MiB", ""),
            (f"peak RSS at {a.releases} releases", f"{rss_all:,.0f} MiB", ""),
        ]
        for label, value, seconds in rows:
            print(f"{label:58s} {value:>16s} {seconds:>9s}")


if __name__ == "__main__":
    main()
