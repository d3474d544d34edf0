"""Loud plugin loading: a plugin that cannot be imported, or whose register() raises, stops the
build with a message naming it. Pelican itself only logs both and builds a site without the feature.

pelicanconf.py calls `load_plugins(PLUGIN_NAMES)` and lists the returned module objects in PLUGINS,
which Pelican accepts. Each returned module is a stand-in with the plugin's name whose register()
turns any exception into SystemExit: a BaseException, which Pelican's `except Exception` does not
swallow, so `pelican`, `make html` and `make publish` exit non-zero."""

import importlib
import importlib.util
import logging
import types

PRODUCT = __name__.split(".")[0]  # trangtin


class PluginFailed(SystemExit):
    def __init__(self, message: str):
        super().__init__(message)
        self.code = message  # printed to stderr by the interpreter; exit status 1


def _guarded(module):
    def register():
        try:
            module.register()
        except Exception as error:  # noqa: BLE001 - any failure of any plugin must stop the build
            raise PluginFailed(f"Plugin `{module.__name__}` could not register: {type(error).__name__}: {error}") from error

    guard = types.ModuleType(module.__name__, module.__doc__)
    guard.register = register
    guard.wrapped = module
    return guard


# Pelican's own log records for the same two failures, when PLUGINS holds names (`-e PLUGINS=[...]`).
# Matched on logger and message template; tests/unit/test_core.py pins both templates.
PELICAN_FAILURES = {
    ("pelican.plugins._utils", "Cannot load plugin `%s`\n%s"),
    ("pelican", "Cannot register plugin `%s`"),
}


class _StopOnPluginFailure(logging.Handler):
    def emit(self, record):
        if (record.name, record.msg) in PELICAN_FAILURES:
            raise PluginFailed(record.getMessage())


def _watch_pelican_plugin_log() -> None:
    for logger_name in {name for name, _ in PELICAN_FAILURES}:
        target = logging.getLogger(logger_name)
        if not any(isinstance(handler, _StopOnPluginFailure) for handler in target.handlers):
            target.addHandler(_StopOnPluginFailure(logging.ERROR))


def _is_product_plugin(name: str) -> bool:
    return "." not in name and importlib.util.find_spec(f"{PRODUCT}.{name}") is not None


def load_plugins(names) -> list:
    """Import each named plugin and return guarded module objects for PLUGINS, in the same order. A bare
    name is one of the product's (`search` is `trangtin.search`); any other name is imported as written
    (`pelican.plugins.sitemap`, a site's own module on its path)."""
    _watch_pelican_plugin_log()
    loaded = []
    for name in names:
        try:
            module = importlib.import_module(f"{PRODUCT}.{name}" if _is_product_plugin(name) else name)
        except Exception as error:  # noqa: BLE001 - ImportError, or any error raised while importing
            raise PluginFailed(f"Plugin `{name}` cannot be loaded: {type(error).__name__}: {error}") from error
        if not callable(getattr(module, "register", None)):
            raise PluginFailed(f"Plugin `{name}` has no register() function")
        loaded.append(_guarded(module))
    return loaded
