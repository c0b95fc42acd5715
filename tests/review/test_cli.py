"""`pressfacts review`: loopback by default; anything wider needs --allow-remote and warns."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.review.security import is_loopback


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what uvicorn.run would have served instead of serving it."""
    calls: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(app=app, **kw))
    return calls


def test_review_serves_on_loopback_by_default(out, served):
    result = CliRunner().invoke(cli, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8765)
    assert "http://127.0.0.1:8765/" in result.stdout
    assert "WARNING" not in result.output


def test_review_refuses_a_public_address_without_the_flag(out, served):
    result = CliRunner().invoke(cli, ["review", str(out), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.output
    assert served == {}


def test_review_warns_when_allowed_remote(out, served):
    result = CliRunner().invoke(
        cli, ["review", str(out), "--host", "0.0.0.0", "--port", "9000", "--allow-remote"]
    )
    assert result.exit_code == 0
    assert "WARNING: listening on 0.0.0.0" in result.output
    assert (served["host"], served["port"]) == ("0.0.0.0", 9000)


def test_review_needs_an_output_folder(tmp_path, served):
    assert CliRunner().invoke(cli, ["review", str(tmp_path)]).exit_code == 2


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host, local):
    assert is_loopback(host) is local
