"""Review: a local web app to check and correct what pressfacts extracted.

Corrections are an append-only event log (`events`), the reviewed state is derived from the
extraction and the events (`state`), and a reviewed release exports as gold (`gold`). Only
`app` needs the optional web dependencies (fastapi, jinja2, uvicorn).
"""
