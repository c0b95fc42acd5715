"""The shareable report of an output folder: shared queries, SVG charts and one HTML page."""
