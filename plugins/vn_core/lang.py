"""The language of what the tools say to editors: Vietnamese, or English when CONTENT_CHECKS_LANG=en
is in the environment (`CONTENT_CHECKS_LANG=en make html`), for the build's wrappers (safe_build,
incremental_build, devserver) that read no settings. The checks' own `CONTENT_CHECKS_LANG` setting
(pelicanconf.py) is the default the environment overrides."""

import os

LANG_ENV = "CONTENT_CHECKS_LANG"


def editor_lang(default: str = "vi") -> str:
    chosen = (os.environ.get(LANG_ENV) or default or "vi").strip().lower()
    return "en" if chosen == "en" else "vi"


def say_in(texts: dict, key: str, **params) -> str:
    """texts[key] is (Vietnamese, English); the one for editor_lang(), filled with params."""
    vi, en = texts[key]
    return (en if editor_lang() == "en" else vi).format(**params)
