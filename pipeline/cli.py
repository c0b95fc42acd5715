"""The `pressfacts` command: a thin typer layer over the library. Only this module prints.

Exit codes: 0 all documents processed, 1 some documents failed, 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import PressfactsError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract entities, dates and numeric claims from press releases, and check the figures.",
)

ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model to load (default: en_core_web_sm if installed)."),
]
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pressfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """pressfacts: typed, checked facts from government press releases."""


def _nlp(model: str | None):  # type: ignore[no-untyped-def]
    from .nlp import build_nlp

    try:
        return build_nlp(model)
    except PressfactsError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_USAGE) from e


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Release files or folders of them.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out"),
    model: ModelOption = None,
) -> None:
    """Process every release under INPUTS; write OUT/releases/*.json and OUT/corpus-flags.json."""
    from .batch import run as run_batch

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        typer.echo(f"no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    nlp = _nlp(model)
    summary = run_batch(nlp, inputs, out)
    typer.echo(
        f"releases {summary.releases}  claims {summary.claims}  dates {summary.dates}  "
        f"entities {summary.entities}  flags {summary.flags}  "
        f"corpus flags {summary.corpus_flags}  errors {len(summary.errors)}"
    )
    for error in summary.errors:
        typer.echo(f"  {error.code} {error.source}: {error.message}", err=True)
    typer.echo(f"output in {out}")
    raise typer.Exit(EXIT_FAILED if summary.errors else EXIT_OK)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="One release file.")],
    model: ModelOption = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Release date YYYY-MM-DD, if known.")
    ] = None,
) -> None:
    """Print the Extraction of one release as JSON on stdout."""
    from .extract import extract_docs
    from .ingest import read_source
    from .store import dumps

    try:
        source = read_source(file)
    except PressfactsError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_FAILED) from e
    if published:
        try:
            source.published = dt.date.fromisoformat(published)
        except ValueError as e:
            typer.echo(f"--published: not a date: {published!r}", err=True)
            raise typer.Exit(EXIT_USAGE) from e
        source.published_basis = "option"
    nlp = _nlp(model)
    (extraction,) = extract_docs(nlp, [(file.stem, source)])
    sys.stdout.write(dumps(extraction))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A folder of releases with ID.gold.json files.")],
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="JSON of floors per gold folder name; exit 1 below."),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Run the pipeline on a gold folder, print the scores, and compare with the baseline."""
    from .batch import collect_files, extract_isolated, read_all, release_ids
    from .checks.engine import run_corpus_checks
    from .evaluate import load_gold, regressions, score

    gold_set = load_gold(gold)
    paths = [r.path for r in gold_set.releases.values()]
    errors: list = []
    nlp = _nlp(model)
    pairs = read_all(collect_files(paths), release_ids(paths), errors)
    extractions = {ex.release.id: ex for ex in extract_isolated(nlp, pairs, errors)}
    metrics = score(gold_set, extractions, run_corpus_checks(list(extractions.values())))
    name = gold.resolve().name
    typer.echo(f"{name}: {len(gold_set.releases)} releases, {len(errors)} errors")
    for key, value in metrics.items():
        typer.echo(f"  {key:20s} {value}")
    if baseline is None:
        return
    floors = json.loads(baseline.read_text(encoding="utf-8")).get(name)
    if floors is None:
        typer.echo(f"no baseline for {name!r} in {baseline}", err=True)
        raise typer.Exit(EXIT_FAILED)
    worse = regressions(metrics, floors)
    for line in worse:
        typer.echo(f"REGRESSION {name} {line}", err=True)
    raise typer.Exit(EXIT_FAILED if worse or errors else EXIT_OK)


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the Extraction (what schemas/extraction.schema.json holds)."""
    from .schema_export import extraction_schema

    text = json.dumps(extraction_schema(), indent=2, ensure_ascii=False) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    app()
