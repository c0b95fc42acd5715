"""notebooks/explore.ipynb runs top to bottom on the bundled corpus, in this environment."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupytext import read as read_jupytext

from tests.paths import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
TIMEOUT = 600


@pytest.fixture
def kernel_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 'python3' kernelspec that runs this interpreter, first on the Jupyter path.

    Without it, a 'python3' kernel installed for the user or the system could win over the
    one of this virtual environment.
    """
    from ipykernel.kernelspec import write_kernel_spec

    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.delenv("PRESSFACTS_OUT", raising=False)
    monkeypatch.delenv("PRESSFACTS_MEASURE", raising=False)
    return Path(write_kernel_spec(str(tmp_path / "kernels" / "python3")))


def test_notebook_is_paired_with_its_script() -> None:
    script = read_jupytext(NOTEBOOK.with_suffix(".py"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert [c.source for c in script.cells] == [c.source for c in notebook.cells]


@pytest.mark.slow
def test_notebook_runs_in_this_environment(kernel_here: Path) -> None:
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = json.dumps(outputs)
    assert "<svg" in text
    assert "severity" in text  # the table of flags by check
