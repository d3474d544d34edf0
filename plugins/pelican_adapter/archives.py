"""Period archives in linear time: ArticlesGenerator._build_period_archives (Pelican 4.12, quadratic,
run before any later signal can step in) replaced on one generator instance by a builder that
returns the same structure (plugins/date_archives/periods.py). Gate part `period_archives`; with
Pelican's own, the archives are the same, built slower."""

from types import MethodType

from . import gate


def use_period_archives(generator, build):
    """`build(generator, sorted_articles, articles, settings)` builds this generator's period archives."""
    if gate.allowed("period_archives"):
        generator._build_period_archives = MethodType(build, generator)  # noqa: SLF001
