"""The gate: each part of the adapter runs only on the Pelican it was written against.

A part names the Pelican functions it copies, replaces or reaches into; it is allowed when Pelican's
version is PELICAN_VERSION and the sha256 of each function's source (inspect.getsource) is the one
recorded here. A part that only makes the build faster falls back to Pelican's own code when it is
not allowed, and the build says so once (one line naming every part that fell back); the part the
editors' messages need (`log`) stops the build instead, with a message saying what to install.

After a Pelican upgrade: read what changed in each named function, bring the copy up to date, then
record the new hashes (`python -m pelican_adapter.gate` prints them)."""

import hashlib
import importlib
import inspect
import logging
from dataclasses import dataclass

import pelican

from trangtin.vn_core.lang import say_in

logger = logging.getLogger(__name__)

PELICAN_VERSION = "4.12.0"  # requirements.txt pins it

# "module:qualified.name" -> sha256 of its source in PELICAN_VERSION.
SOURCES = {
    "pelican.contents:Content._expand_settings": "371c714a24a4cdd7c75fbd1935aa8833f97d05bc333fd34c5f04a7458db73a2d",
    "pelican.contents:Content.url_format": "979f117511eea6a5a01785ceb1c8dbc4160b502af804bb111ef38445f38c46f5",
    "pelican.urlwrappers:URLWrapper.slug": "b06b15ed53da6c5493021cd78a02ed7c1f1203803af9dcfed41a11cdd545c936",
    "pelican.cache:FileDataCacher.__init__": "0e94df62b258a9c2801579e71fcf8d45382b6668f93934019e323dfeb2aad57d",
    "pelican.cache:FileDataCacher.save_cache": "ac07627d0831e861cca7e8d8f042f710c035e7b1335b286f9462d80556a273d1",
    "pelican.generators:ArticlesGenerator.generate_tags": "37f65d284c713dd4dcd8b823d248cff420e163ac4400a7f7cfc13a4779ad9afb",
    "pelican.generators:ArticlesGenerator.generate_categories": "cfb524524a3caae35717d53ba9cf85dfe271a0f677a3720f46f0367cf77b9a97",
    "pelican.generators:ArticlesGenerator.generate_authors": "982c57fcfcf0435e5c882255c00bb78be3945b0dc9c44ecd707c218d00cacd9d",
    "pelican.writers:Writer.write_file": "6a604ad67bbeec997e58ef69a393930c22cf3178a760fdc21d2c42f1871da373",
    "pelican.writers:Writer._open_w": "69700ea0b4668663b0886011eee71e8b4ea9debd376fe2a2fe322c90ec5aee6d",
    "pelican.writers:Writer.write_feed": "a3b5bc0d0a446c1061a43a358b53935e3fd673f760d11f47898df2e0ff2e8b6c",
    "pelican.writers:Writer._create_new_feed": "bc35a96207b4780b2749753dad3ecaeb5a55549696cd4f23c72777391a468ca8",
    "pelican.writers:Writer._add_item_to_the_feed": "c52ed4daa728c7bcd67ed46c6427710585f519ded75239f55c3f445139cb325f",
    "pelican:Pelican.run": "296180f3ec4d7bff349b930f2e0fca689fceb970fa50648d194a81000cf46487",
    "pelican:Pelican._get_generator_classes": "18d46c73fad28de94889b558b7c2c90cd68986f36b0bc7941045aaba350c3990",
    "pelican:Pelican._get_writer": "cff8ccb6d51cbb89baef24e9d6c99c1d4905bad75714831bb97a2101379c8c4d",
    "pelican.cache:FileStampDataCacher._get_file_stamp": "771a0b92fd2c314a8557db1ad49cbe66085a6740a08f20238768cf69f04e0b74",
    "pelican.cache:FileStampDataCacher.get_cached_data": "9e22f9c49dede667229137f7bf19e7dca9a059902b8e93c21321f0482e97131f",
    "pelican.utils:memoized": "e17e76fd986fe4f481f4e754761101ab0bd892b4fbabd390d16c03349c7dce6c",
    "pelican.readers:find_empty_alt": "b7bbe9dedfaedd4116281a4d07201fc841cf1262e18c5baf6c22a04ed062854f",
    "pelican.readers:MarkdownReader._parse_metadata": "3f01f071bbc3672d341454c22fed793740b7a1014344f6db540c2b0bb3537a21",
    "pelican.contents:Content._has_valid_mandatory_properties": "2ee54fb00a81d6578088e1467f876bdb58e9d12f97be334149ab414e7cd70e0e",
    "pelican.contents:Content._link_replacer": "81d6a9db349759d836f7ce49f4432644834734ab685691bc7c4b7c2c02508b3b",
    "pelican.generators:ArticlesGenerator.generate_context": "16f8066e3e5b8a42181fdf7a90d98bfc2000abec5bac48a7eb9d1586b5731702",
    "pelican.generators:PagesGenerator.generate_context": "c4f79b27ebf97546fda138549ba9c5eef0ba10ee3d000cb59da3f9e1a04f29b8",
    "pelican.utils:get_original_items": "ae3f9a9bfb73ef39cc90aec8fbc8b7c8a5049f4ab9d5d9faf4ba3be9510c1a83",
    "pelican.log:LimitFilter.filter": "11437b9793cd6bef3a256ffe245c40c5076982cb2f754ec725dcca706d8e7b58",
    "pelican.log:init": "c9104d97791ed5a8aff60abf9a940effbed9f2a5bef4de7fa4b0449afdf6df97",
    "pelican:main": "0829153a263a5715f8ed6b4b0ddbb2e8f81482add3fecd0ae7afcf2720b8f63d",
    "pelican.generators:ArticlesGenerator._build_period_archives": "c19e3024444c4c43b91c678d95652b51960e73fd307d749d2dc86c9f036104e9",
    "pelican.contents:Content.__init__": "38b67e4211facf9d8f5c97ab1ac9c3345d87c5c093dd1c53dfb7583c1c9eb652",
    "pelican.contents:Content._update_content": "b446bacdf3e46a3a0b19137ac6c416e520429e33312f1932d4ed23b3929f3549",
}


@dataclass(frozen=True)
class Part:
    functions: tuple  # keys of SOURCES
    required: bool = False  # True: a mismatch stops the build instead of falling back


PARTS = {
    # urls.py: URL settings formatted from the fields they name; category/tag/author slugs remembered.
    "url_settings": Part(("pelican.contents:Content._expand_settings", "pelican.contents:Content.url_format")),
    "slugs": Part(("pelican.urlwrappers:URLWrapper.slug",)),
    # cache.py: the content cache written to a temporary file, then renamed.
    "cache": Part(("pelican.cache:FileDataCacher.__init__", "pelican.cache:FileDataCacher.save_cache")),
    # taxonomies.py: tag, category and author pages in linear time.
    "taxonomies": Part(("pelican.generators:ArticlesGenerator.generate_tags",
                        "pelican.generators:ArticlesGenerator.generate_categories",
                        "pelican.generators:ArticlesGenerator.generate_authors")),
    # archives.py: period archives in linear time.
    "period_archives": Part(("pelican.generators:ArticlesGenerator._build_period_archives",
                             "pelican.generators:ArticlesGenerator.generate_context")),
    # writer.py: pages passed through render_filter (forked workers, the warm site).
    "page_filter": Part(("pelican.writers:Writer.write_file", "pelican.writers:Writer._open_w",
                         "pelican.writers:Writer.write_feed")),
    # writer.py: feed titles kept as text.
    "feed_text": Part(("pelican.writers:Writer._create_new_feed", "pelican.writers:Writer._add_item_to_the_feed")),
    # warm.py: the devserver's warm site runs Pelican.run's phases itself.
    "warm": Part(("pelican:Pelican.run", "pelican:Pelican._get_generator_classes", "pelican:Pelican._get_writer",
                  "pelican.cache:FileStampDataCacher._get_file_stamp", "pelican.cache:FileStampDataCacher.get_cached_data",
                  "pelican.utils:memoized", "pelican.writers:Writer.write_file")),
    # log.py: Pelican's log records and console line, re-worded for editors (plugins/content_checks).
    "log": Part(("pelican.readers:find_empty_alt", "pelican.readers:MarkdownReader._parse_metadata",
                 "pelican.contents:Content._has_valid_mandatory_properties", "pelican.contents:Content._link_replacer",
                 "pelican.generators:ArticlesGenerator.generate_context", "pelican.generators:PagesGenerator.generate_context",
                 "pelican.utils:get_original_items", "pelican.log:LimitFilter.filter", "pelican.log:init", "pelican:main",
                 "pelican:Pelican.run"), required=True),
    # content.py: the body before its links are resolved (plugins/photos' <picture> markup).
    "content_body": Part(("pelican.contents:Content.__init__", "pelican.contents:Content._update_content"),
                         required=True),
}

MESSAGES = {
    "fallback": (
        "Pelican {found} không khớp bản {expected} mà phần tăng tốc được viết cho ({reason}): bản dựng dùng mã gốc "
        "của Pelican cho {parts} — trang web vẫn như cũ, chỉ dựng chậm hơn.",
        "Pelican {found} does not match the {expected} the speed-ups were written for ({reason}): the build uses "
        "Pelican's own code for {parts} — the site is the same, only slower.",
    ),
    "stop": (
        "lỗi: Pelican {found} không khớp bản {expected} mà các thông báo cho biên tập viên được viết cho ({reason}). "
        "Cài đúng bản ghi trong requirements.txt (make install) rồi chạy lại.",
        "error: Pelican {found} does not match the {expected} the editors' messages were written for ({reason}). "
        "Install the version pinned in requirements.txt (make install) and run again.",
    ),
    "version": ("phiên bản {found}", "version {found}"),
    "changed": ("mã của {names} đã đổi", "the source of {names} changed"),
}


class PelicanMismatch(SystemExit):
    """A required part does not match: exit status 1 and the message, no traceback."""

    def __init__(self, message: str):
        super().__init__(message)
        self.code = message


def resolve(name: str):
    module, qualname = name.split(":")
    found = importlib.import_module(module)
    for attribute in qualname.split("."):
        found = getattr(found, attribute)
    return getattr(found, "fget", found)  # a property: its getter


def source_hash(name: str) -> str:
    try:
        source = inspect.getsource(resolve(name))
    except (ImportError, AttributeError, OSError, TypeError):
        return "missing"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def mismatch(part: str):
    """Why `part` may not run on the installed Pelican (in the editors' language), or None."""
    if pelican.__version__ != PELICAN_VERSION:
        return say_in(MESSAGES, "version", found=pelican.__version__)
    changed = [name.split(":")[1] for name in PARTS[part].functions if source_hash(name) != SOURCES[name]]
    return say_in(MESSAGES, "changed", names=", ".join(changed)) if changed else None


# The fallback is said once per process, for every part at once (the answer cannot change in a
# process: the installed Pelican is the one imported).
_checked: dict = {}


def allowed(part: str) -> bool:
    """Whether a part that only makes the build faster may run; the first call in a process logs the
    one line naming every such part that falls back."""
    if not _checked:
        _checked.update({name: mismatch(name) for name in PARTS if not PARTS[name].required})
        failed = [name for name, reason in _checked.items() if reason]
        if failed:
            reasons = "; ".join(dict.fromkeys(_checked[name] for name in failed))
            try:
                logger.warning("%s", say_in(MESSAGES, "fallback", found=pelican.__version__,
                                            expected=PELICAN_VERSION, reason=reasons, parts=", ".join(failed)))
            except RuntimeError:
                pass  # `--fatal warnings`: the line is shown; a fallback builds the same site, so go on
    return _checked[part] is None


def require(part: str) -> None:
    """A part the build cannot be trusted without: PelicanMismatch when it does not match."""
    reason = mismatch(part)
    if reason:
        raise PelicanMismatch(say_in(MESSAGES, "stop", found=pelican.__version__, expected=PELICAN_VERSION,
                                     reason=reason))


if __name__ == "__main__":  # python -m trangtin.pelican_adapter.gate: the hashes now
    for key in SOURCES:
        print(f'    "{key}": "{source_hash(key)}",')
