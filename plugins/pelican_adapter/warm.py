"""What the devserver's warm site (plugins/incremental/warm.py) needs of Pelican's own run: the
phases of Pelican.run (4.12) it runs itself, Pelican's writer, the content cache's stamps and the
memoized bodies. Gate parts `warm` and `page_filter`: when either does not match, the warm site does
not start (WarmUnavailable) and the devserver builds the whole site with `pelican` on every save."""

from pelican import signals
from pelican.contents import Content

from . import gate, patches


class WarmUnavailable(Exception):
    pass


def check_warm():
    for part in ("warm", "page_filter"):
        if not gate.allowed(part):
            raise WarmUnavailable(gate.mismatch(part))


def start_build(pelican_object):
    """What Pelican.run sends when a build starts (`get_generators`): the plugins put their
    replacements in place for this build (pelican_adapter.patches); `finalized` takes them back."""
    signals.get_generators.send(pelican_object)


def end_build():
    """The end of a pass that sends no `finalized` (the warm site's start-up)."""
    patches.restore_all()


def make_generators(pelican_object):
    """Pelican.run (4.12): the shared context and the generators (their caches loaded, nothing read yet)."""
    settings = pelican_object.settings
    context = settings.copy()
    context["generated_content"] = {}
    context["static_links"] = set()
    context["static_content"] = {}
    context["localsiteurl"] = settings["SITEURL"]
    generators = [
        cls(context=context, settings=settings, path=pelican_object.path, theme=pelican_object.theme,
            output_path=pelican_object.output_path)
        for cls in pelican_object._get_generator_classes()  # noqa: SLF001 - sends get_generators: the build starts
    ]
    return context, generators


def read_context(generators):
    """Pelican.run (4.12) after making the generators, up to the writer: every generator's context, the
    plugins' finalizers. The output folder is not emptied (the full build has just written it)."""
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        if hasattr(generator, "check_disabled_readers"):
            generator.check_disabled_readers()
    signals.all_generators_finalized.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()


def new_writer(pelican_object):
    """The writer Pelican.run would use (the `get_writer` receivers': plugins/vn_news's NewsWriter)."""
    return pelican_object._get_writer()  # noqa: SLF001


def file_stamp(readers, path):
    """The stamp Pelican's content cache keeps for a file (CHECK_MODIFIED_METHOD: a hash of its bytes)."""
    return readers._get_file_stamp(path)  # noqa: SLF001


def cached_stamps(generators) -> dict:
    """Source path -> the stamp Pelican's content cache holds for it (reader layer), as loaded."""
    stamps = {}
    for generator in generators:
        cache = getattr(getattr(generator, "readers", None), "_cache", None)
        if isinstance(cache, dict):
            stamps.update({path: entry[0] for path, entry in cache.items() if isinstance(entry, tuple) and entry})
    return stamps


def forget_memos(content):
    """Pelican memoizes get_content and get_summary per object and site URL (pelican.utils.memoized,
    on the class): the object's old body must not be served again, by a feed for one."""
    for name in ("get_content", "get_summary"):
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            for key in [key for key in cache if isinstance(key, tuple) and key and key[0] is content]:
                del cache[key]
