"""Coded errors. The library raises these; only the CLI prints."""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """Stable codes for input and pipeline failures, with their message templates."""

    E001 = "File not found: {path}"
    E002 = "Unsupported file type {suffix!r} for {path}; expected .txt, .md, .html or .pdf"
    E003 = "Empty document: {path} has no text"
    E004 = "Binary or undecodable file: {path} ({detail})"
    E005 = "File too large: {path} is {size} bytes, the limit is {limit}"
    E006 = "PDF without a text layer (scanned?): {path}"
    E007 = "Could not parse front matter of {path}: {detail}"
    E008 = "spaCy model {model!r} could not be loaded: {detail}"
    E009 = "Processing {path} failed: {detail}"
    E010 = "Processing {path} exceeded the time limit of {seconds} s"
    E013 = "Another run is writing to {path}; wait for it to finish"
    E011 = "Invalid reference data in {path}: {detail}"
    E012 = "Malformed HTML or PDF: {path} ({detail})"


class PressfactsError(Exception):
    """An error with a stable code; `str()` gives the formatted message."""

    def __init__(self, code: ErrorCode, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code.name}] {code.value.format(**fields)}")

    @property
    def message(self) -> str:
        """The formatted message without the code prefix."""
        return self.code.value.format(**self.fields)
