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
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Redo releases already done.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds allowed per document (0: no limit).")
    ] = 60.0,
    engine: Annotated[
        str, typer.Option("--engine", help="local (processes) or dask (a Dask cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address; default: a LocalCluster."),
    ] = None,
) -> None:
    """Bring OUT up to date with the releases under INPUTS (only new or changed files)."""
    from .batch import run as run_batch
    from .engines import EngineOptions
    from .progress import progress_reporter

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        typer.echo(f"no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "dask"):
        typer.echo(f"--engine must be local or dask, not {engine!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    _check_model(model)
    options = EngineOptions(
        engine=engine,  # type: ignore[arg-type]
        workers=workers,
        scheduler=scheduler,
        model=model,
        timeout=timeout,
    )
    try:
        with progress_reporter() as progress:
            summary = run_batch(inputs, out, options, force=force, progress=progress)
    except PressfactsError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_USAGE) from e
    typer.echo(
        f"releases {summary.releases} (processed {summary.processed}, unchanged {summary.reused})  "
        f"claims {summary.claims}  dates {summary.dates}  entities {summary.entities}  "
        f"flags {summary.flags}  corpus flags {summary.corpus_flags}  errors {len(summary.errors)}"
    )
    if summary.processed:
        rate = summary.words / summary.seconds if summary.seconds else 0.0
        typer.echo(f"{summary.words} words in {summary.seconds:.1f} s ({rate:,.0f} words/s)")
    for error in summary.errors:
        typer.echo(f"  {error.code} {error.source}: {error.message}", err=True)
    typer.echo(f"output in {out}")
    raise typer.Exit(EXIT_FAILED if summary.errors else EXIT_OK)


def _check_model(model: str | None) -> None:
    """Exit with a usage error when the model is neither an installed package nor a folder."""
    import importlib.util

    from .fingerprint import resolve_model_name

    name = resolve_model_name(model)
    if not Path(name).is_dir() and importlib.util.find_spec(name) is None:
        typer.echo(f"[E008] spaCy model {name!r} is not installed", err=True)
        raise typer.Exit(EXIT_USAGE)


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
    gold: Annotated[
        Path,
        typer.Argument(help="A folder of releases with ID.gold.json files, or a NewsQuant JSON."),
    ],
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="JSON of floors per data set name; exit 1 below."),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Run the pipeline on gold data, print the scores, and compare them with the baseline."""
    from .evaluate import regressions

    nlp = _nlp(model)
    if gold.is_file():
        name, metrics, errors = "newsquant", _eval_newsquant(nlp, gold), []
    else:
        name = gold.resolve().name
        metrics, errors = _eval_gold_folder(nlp, model, gold)
    typer.echo(f"{name}:")
    for key, value in metrics.items():
        typer.echo(f"  {key:20s} {value}")
    for error in errors:
        typer.echo(f"ERROR {error.code} {error.source}: {error.message}", err=True)
    if baseline is None:
        raise typer.Exit(EXIT_FAILED if errors else EXIT_OK)
    floors = json.loads(baseline.read_text(encoding="utf-8")).get(name)
    if floors is None:
        typer.echo(f"no baseline for {name!r} in {baseline}", err=True)
        raise typer.Exit(EXIT_FAILED)
    worse = regressions(metrics, floors)
    for line in worse:
        typer.echo(f"REGRESSION {name} {line}", err=True)
    raise typer.Exit(EXIT_FAILED if worse or errors else EXIT_OK)


def _eval_gold_folder(nlp, model: str | None, folder: Path):  # type: ignore[no-untyped-def]
    """Scores of the pipeline on a gold folder, and the documents that failed."""
    from .checks.engine import run_corpus_checks
    from .evaluate import load_gold, score
    from .worker import Task, adopt_nlp, process_shard

    gold_set = load_gold(folder)
    adopt_nlp(model, nlp)
    tasks = [Task(rid, str(r.path)) for rid, r in gold_set.releases.items()]
    outcomes = process_shard(tasks, model, timeout=60)
    extractions = {o.task.release_id: o.extraction for o in outcomes if o.extraction}
    errors = [o.error for o in outcomes if o.error]
    return score(gold_set, extractions, run_corpus_checks(list(extractions.values()))), errors


def _eval_newsquant(nlp, path: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """F1 (percent) per NewsQuant metric, each sentence extracted as a one-line release."""
    from .extract import extract_docs
    from .ingest import SourceDocument
    from .newsquant import score

    sentences = json.loads(path.read_text(encoding="utf-8"))
    sources = [
        (
            f"nq-{i:04d}",
            SourceDocument(source=f"nq-{i:04d}.txt", format="txt", text=s["text"] + "\n"),
        )
        for i, s in enumerate(sentences)
    ]
    predictions = [ex.claims for ex in extract_docs(nlp, sources)]
    return {f"{metric}_f1": v["f1"] for metric, v in score(sentences, predictions).items()}


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="An output folder of `pressfacts run`.")],
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (extractions) or csv (a table).")
    ] = "jsonl",
    table: Annotated[str, typer.Option("--table", help="With csv: which index table.")] = "claims",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    reviewed: Annotated[
        bool, typer.Option("--reviewed", help="Extractions as corrected in `pressfacts review`.")
    ] = False,
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="With --reviewed: write reviewed releases as gold into DIR."),
    ] = None,
) -> None:
    """Export the extractions as JSON Lines, or one index table as CSV."""
    from .export import TABLES, iter_jsonl, table_csv
    from .index import INDEX_FILE

    if not (out / INDEX_FILE).exists():
        typer.echo(f"{out} is not an output folder of `pressfacts run`", err=True)
        raise typer.Exit(EXIT_USAGE)
    if reviewed or gold:
        _export_reviewed(out, fmt, output, reviewed, gold)
        return
    if fmt == "jsonl":
        text = "".join(iter_jsonl(out))
    elif fmt == "csv" and table in TABLES:
        text = table_csv(out, table)
    else:
        typer.echo(f"--format jsonl, or --format csv --table one of {', '.join(TABLES)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="An output folder of `pressfacts run`.")],
    html: Annotated[Path, typer.Option("--html", help="Write the HTML report to this file.")],
    measure: Annotated[
        str | None,
        typer.Option("--measure", help="Measure to chart across releases (default: most stated)."),
    ] = None,
) -> None:
    """Write a self-contained HTML report of OUT: tables, flags with their arithmetic, charts."""
    from .index import INDEX_FILE
    from .report.data import overview
    from .report.html import render
    from .store import write_atomic

    if not (out / INDEX_FILE).exists():
        typer.echo(f"{out} is not an output folder of `pressfacts run`", err=True)
        raise typer.Exit(EXIT_USAGE)
    data = overview(out, measure)
    if measure is not None and data.series is None:
        known = ", ".join(m.measure for m in data.measures[:10]) or "none"
        typer.echo(f"no measure {measure!r} in {out}; the most stated: {known}", err=True)
        raise typer.Exit(EXIT_USAGE)
    write_atomic(html, render(data))
    typer.echo(f"report in {html}")


def _export_reviewed(
    out: Path, fmt: str, output: Path | None, reviewed: bool, gold: Path | None
) -> None:
    """`export --reviewed`: corrected extractions as JSON Lines, or (--gold) gold files."""
    from .review.export import iter_reviewed, reviewed_jsonl
    from .review.gold import write_gold

    if not reviewed or fmt != "jsonl":
        typer.echo("--gold needs --reviewed, and --reviewed exports JSON Lines only", err=True)
        raise typer.Exit(EXIT_USAGE)
    if gold is None:
        text = "".join(reviewed_jsonl(out))
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    written = write_gold(iter_reviewed(out), gold)
    typer.echo(f"{len(written)} reviewed release(s) written as gold to {gold}")


@app.command()
def review(
    out: Annotated[Path, typer.Argument(help="An output folder of `pressfacts run`.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8765,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow listening beyond this machine.")
    ] = False,
) -> None:
    """Review and correct the extractions of OUT in a local web app."""
    from .index import INDEX_FILE
    from .review.security import LOCAL_HOSTS, is_loopback

    if not (out / INDEX_FILE).exists():
        typer.echo(f"{out} is not an output folder of `pressfacts run`", err=True)
        raise typer.Exit(EXIT_USAGE)
    local = is_loopback(host)
    if not local and not allow_remote:
        typer.echo(
            f"refusing to listen on {host}: the review app has no login; "
            "pass --allow-remote to expose it beyond this machine",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    try:
        import uvicorn

        from .review.app import create_app
    except ImportError as e:
        typer.echo(
            f"the review app needs its extra: pip install 'pressfacts[review]' ({e})", err=True
        )
        raise typer.Exit(EXIT_USAGE) from e
    if not local:
        typer.echo(
            f"WARNING: listening on {host}: anyone who can reach this port can read and change "
            "the review; there is no login.",
            err=True,
        )
    hosts = [*LOCAL_HOSTS, host] if local else ["*"]
    typer.echo(f"reviewing {out} at http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(out, allowed_hosts=hosts), host=host, port=port, log_level="warning")


@app.command("checks")
def list_checks() -> None:
    """List every registered consistency check: id, scope, severity and the rule it enforces."""
    from .checks.registry import checks_for

    for check in checks_for("release") + checks_for("corpus"):
        rule = " ".join(check.rule.split())
        typer.echo(f"{check.id:28s} {check.scope:8s} {check.severity:8s} {rule}")


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
