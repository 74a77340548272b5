"""The handbook's command-line tools, installed with the extensions (pyproject.toml)."""
