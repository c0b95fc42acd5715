# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exploring a pressfacts run
#
# This notebook runs the pipeline on the bundled sample releases in `corpus/`, then reads the
# SQLite index of the output folder with the same queries as `pressfacts report`
# (`pipeline.report.data`): claims per release, one measure across releases with its flagged
# points, and the flags by check. Set `PRESSFACTS_OUT` to explore an existing output folder
# instead, and `PRESSFACTS_MEASURE` to chart another measure.

# %%
import os
import subprocess
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

import pandas as pd
from IPython.display import SVG, display

from pipeline.report import charts, data

pd.set_option("display.max_colwidth", 120)


def repo_root() -> Path:
    """The pressfacts checkout: the first folder up from here with pyproject.toml and corpus/."""
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / "pyproject.toml").is_file() and (folder / "corpus").is_dir():
            return folder
    raise FileNotFoundError("run this notebook from inside the pressfacts repository")


def table(rows: list, row_type: type) -> pd.DataFrame:
    """Rows of one of pipeline.report.data's dataclasses as a DataFrame, even when empty."""
    return pd.DataFrame(rows, columns=[f.name for f in fields(row_type)])


ROOT = repo_root()

# %% [markdown]
# ## Run the pipeline
#
# The same command a user runs, with this kernel's Python. A second run into the same folder
# only redoes releases that changed.

# %%
OUT = Path(os.environ.get("PRESSFACTS_OUT") or tempfile.mkdtemp(prefix="pressfacts-"))
if not os.environ.get("PRESSFACTS_OUT"):
    command = [sys.executable, "-m", "pipeline.cli", "run", str(ROOT / "corpus"), "--out", str(OUT)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    print(result.stdout)
    if result.returncode not in (0, 1):  # 1: some documents failed; they are listed below
        raise RuntimeError(result.stderr)

# %%
overview = data.overview(OUT, os.environ.get("PRESSFACTS_MEASURE"))
table(overview.errors, data.ErrorRow)

# %% [markdown]
# ## Claims per release
#
# How many numeric claims each release makes, by kind; `flags` counts its warnings and errors,
# `corpus_flags` the cross-release flags that involve it.

# %%
releases = table(overview.releases, data.ReleaseRow).set_index("id")
kinds = (
    table(overview.kinds, data.KindCount)
    .pivot_table(index="release", columns="kind", values="claims", fill_value=0)
    .astype(int)
)
releases[["period", "claims", "flags", "corpus_flags"]].join(kinds)

# %%
if overview.kinds:
    display(SVG(charts.claims_chart(overview.kinds)))

# %% [markdown]
# ## One measure across releases
#
# The measure stated in the most releases about one country (or `PRESSFACTS_MEASURE`), one
# point per release and period. Year-to-date totals climb within a year, so there is one line
# per period start; points under a flag are ringed in red.

# %%
table(overview.measures, data.MeasureCount).head(10)

# %%
series = overview.series
if series is None:
    print("No measure is stated as a level over a known period; nothing to chart.")
else:
    print(f"{series.measure} ({series.unit or series.kind}) in {series.place or 'any place'}")
    display(SVG(charts.series_chart(series)))
    display(table(list(series.points), data.SeriesPoint))

# %% [markdown]
# ## Flags by check
#
# Within releases (`release`) and across them (`corpus`), then every flag with its arithmetic:
# the stated figure, the interval the other figures imply, and the readings tried.

# %%
table(overview.checks, data.CheckCount)

# %%
flags = table(overview.flags, data.FlagRow)
flags.insert(0, "flag", [f.key for f in overview.flags])
flags.drop(columns=["scope", "id"])
