"""Consistency checks: registered units run by the engine over extractions."""
