"""What the search plugin asks of Pagefind, without Pelican: the command line and its report."""

import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Pagefind's ready-made interfaces and its on-page highlighter: the site has its own interface
# (theme/static/js/search.js), so these are removed after indexing rather than published unused.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

_INDEXED_PAGES = re.compile(r"Indexed (\d[\d,]*) pages?")

# The second, small bundle of the newest news, inside the main bundle's folder: the search page shows
# its results first, while the complete index loads (see theme/static/js/search.js).
RECENT_SUBDIR = "moi"
# Characters with a meaning in Pagefind's --glob; a path holding one is left out of the recent bundle
# (it stays in the complete index). The site's own paths (slugs without diacritics) never hold them.
_GLOB_SPECIAL = set("{}[]*?,\\!")


# The search page's list of the đ-words the index holds, written beside pagefind.js: a `d` typed in a
# query is also searched as `đ` only where such a word exists (theme/static/js/search.js), so `dancoi`
# or `diet` are not searched as `đancoi` or `điet`. Measured against indexing a folded copy of the
# words, see docs/tim-kiem.md.
D_WORDS_FILE = "d-words.json"
_TAG = re.compile(r"<[^>]*>")
_D_WORD = re.compile(r"\w*[dđ]\w*")


@dataclass(frozen=True)
class IndexReport:
    pages: int | None  # None when Pagefind's report did not say


def pagefind_command(executable, site: Path, bundle_dir: str, language: str, glob: str | None = None) -> list[str]:
    """The Pagefind command that indexes the built site `site` into `site/bundle_dir`
    (only the files matching `glob`, relative to `site`, when given).

    The language is forced because Pagefind would otherwise split the index by each page's `lang`
    and an article with a different `lang` would vanish from Vietnamese searches."""
    command = [
        str(executable),
        "--site", str(site),
        "--output-subdir", bundle_dir,
        "--force-language", language,
    ]
    return command + ["--glob", glob] if glob else command


def recent_bundle_dir(bundle_dir: str) -> str:
    return f"{bundle_dir.rstrip('/')}/{RECENT_SUBDIR}"


def recent_news_glob(save_as_newest_first: list[str], count: int, total: int) -> str | None:
    """The --glob of the recent bundle: the output files of the `count` newest news, given the
    news' output paths newest first and the number of published news `total`. None when there is
    no recent bundle: `count` is 0, or the complete index is no larger (the search page then only
    loads the complete one; theme/templates/search.html makes the same comparison)."""
    if count <= 0 or total <= count:
        return None
    paths = [path.replace("\\", "/") for path in save_as_newest_first[:count]]
    paths = [path for path in paths if not (set(path) & _GLOB_SPECIAL)]
    if not paths:
        return None
    return "{" + ",".join(paths) + "}"


_FIELD = re.compile(r"\{[^{}]*\}")


def _pattern_regex(glob: str):
    return re.compile("".join("[^/]*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", glob)))


def body_glob(save_as_patterns: list[str], body_paths: list[str]) -> str | None:
    """The --glob of the complete index: only the files that can hold a `data-pagefind-body` (every
    published article and page), from their save-as settings with each `{field}` as `*`
    (`{date:%Y}/{date:%m}/{slug}.html` -> `*/*/*.html`), so Pagefind does not parse the thousands of
    listing and archive pages. None (index the whole site) when a pattern has glob characters of its
    own or some page is saved elsewhere (its own `Save_as:`): nothing is ever left out."""
    globs = []
    for pattern in save_as_patterns:
        glob = _FIELD.sub("*", pattern.replace("\\", "/"))
        if set(glob) & (_GLOB_SPECIAL - {"*"}):
            return None
        if glob not in globs:
            globs.append(glob)
    if not globs:
        return None
    matchers = [_pattern_regex(glob) for glob in globs]
    if not all(any(m.fullmatch(path.replace("\\", "/")) for m in matchers) for path in body_paths):
        return None
    return globs[0] if len(globs) == 1 else "{" + ",".join(globs) + "}"


def index_commands(executable, site: Path, bundle_dir: str, language: str, news_newest_first: list[str], recent: int,
                   complete_glob: str | None = None) -> list[list[str]]:
    """Every Pagefind run of a build, in order: the complete index (of the files matching
    `complete_glob`, see body_glob; the whole site when None), then the recent one (the `recent`
    newest of the published news `news_newest_first`, output paths) when there is one."""
    commands = [pagefind_command(executable, site, bundle_dir, language, complete_glob)]
    glob = recent_news_glob(news_newest_first, recent, len(news_newest_first))
    if glob:
        commands.append(pagefind_command(executable, site, recent_bundle_dir(bundle_dir), language, glob))
    return commands


def d_words(texts) -> set[str]:
    """The words holding d or đ in `texts` (HTML or plain text), lower case with tone and vowel marks
    off and đ kept, the form the search page compares a query word with: `Đoàn doanh` -> {"đoan",
    "doanh"}. The page searches a d typed plain as đ, or as d, only where such a word exists."""
    found = set()
    for text in texts:
        text = unicodedata.normalize("NFC", text or "").casefold()
        if "đ" not in text and "d" not in text:
            continue
        for word in _D_WORD.findall(_TAG.sub(" ", text)):
            found.add("".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)))
    return found


def write_d_words(bundle: Path, words) -> None:
    (bundle / D_WORDS_FILE).write_text(json.dumps(sorted(words), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def read_report(text: str) -> IndexReport:
    """Pagefind's own count of indexed pages, from its log."""
    match = _INDEXED_PAGES.search(text)
    return IndexReport(pages=int(match.group(1).replace(",", "")) if match else None)


def failure_message(status: int, log: str, site: Path) -> str:
    """One message an editor can act on: what failed, where, and Pagefind's last words."""
    tail = "\n".join(line for line in log.strip().splitlines()[-8:] if line.strip())
    message = f"search: Pagefind could not index {site} (exit {status}); the build is stopped."
    return f"{message}\n{tail}" if tail else message


def clear_bundle(bundle: Path) -> None:
    """A fresh bundle on every full build: Pagefind's hashed chunk names would otherwise pile up."""
    if bundle.is_dir():
        shutil.rmtree(bundle)


def remove_unused_files(bundle: Path) -> None:
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
