"""content_checks: check every article before a build and stop the build on errors.

The checks themselves (checks.py, legacy_encodings.py) import nothing from Pelican, so
`python -m content_checks` and the unit tests can use them alone; plugin.py is imported on register()."""


def register():
    from .plugin import connect  # noqa: PLC0415 - keeps the package importable without Pelican

    connect()
