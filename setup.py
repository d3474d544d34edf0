"""The package layout (metadata is in pyproject.toml): the top-level folders are the `trangtin` package,
mapped rather than moved, so this checkout stays the reference site's folder too."""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def subpackages(folder: str, prefix: str) -> list[str]:
    return [prefix] + sorted(f"{prefix}.{init.parent.relative_to(HERE / folder).as_posix().replace('/', '.')}"
                             for init in (HERE / folder).rglob("__init__.py") if init.parent != HERE / folder)


setup(
    packages=[*subpackages("plugins", "trangtin"), *subpackages("tools", "trangtin.tools"), "trangtin.theme"],
    package_dir={"trangtin": "plugins", "trangtin.tools": "tools", "trangtin.theme": "theme"},
    # The theme's templates and static files, and any data file a plugin or tool ships.
    package_data={"trangtin": ["**/*.json", "**/*.txt", "**/*.md", "**/*.html", "**/*.css", "**/*.js", "**/*.svg"],
                  "trangtin.theme": ["**/*"], "trangtin.tools": ["site.mk", "site_template/**/*"]},
    include_package_data=False,
)
