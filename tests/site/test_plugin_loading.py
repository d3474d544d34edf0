"""Plugins load in any order, and a plugin that cannot load stops the build loudly.

Every rotation and the reverse of PLUGIN_NAMES builds a byte-identical site; a plugin that cannot be
imported, or whose register() raises, stops `pelican`, `make html` and `make publish` with a
non-zero exit and a message naming it — through PLUGINS as module objects (pelicanconf.py) and
through plugin names given with `-e PLUGINS=[...]` (Pelican's own loader, whose log records
vn_core.loading watches)."""

import subprocess
import sys
import textwrap

import pytest

from conftest import FIXTURES, ROOT, comparable_files, run_pelican


from trangtin.vn_core.loading import PELICAN_FAILURES  # noqa: E402

BASIC = FIXTURES / "basic"


def plugin_names():
    namespace = {}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), {"__file__": str(ROOT / "pelicanconf.py")}, namespace)
    return list(namespace["PLUGIN_NAMES"])


def settings_file(folder, names, extra_dir=None, base="pelicanconf"):
    """A settings file that is pelicanconf.py (or publishconf.py) with PLUGINS made from `names`."""
    path = folder / f"settings_{abs(hash(tuple(names)))}.py"
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        f"from {base} import *  # noqa",
        "from vn_core.loading import load_plugins",
    ]
    if extra_dir:
        lines.append(f"sys.path.insert(0, {str(extra_dir)!r})")
    lines.append(f"PLUGINS = load_plugins({list(names)!r})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_identical(first, second):
    assert comparable_files(first) == comparable_files(second)


def test_every_rotation_and_the_reverse_of_plugins_build_the_same_site_byte_for_byte(tmp_path):
    names = plugin_names()
    assert len(names) >= 4
    orders = [names[i:] + names[:i] for i in range(len(names))] + [names[::-1]]
    outputs = []
    for index, order in enumerate(orders):
        output = tmp_path / f"out{index}"
        result = run_pelican(BASIC, output, conf=settings_file(tmp_path, order))
        assert result.returncode == 0, (order, result.stdout + result.stderr)
        outputs.append(output)
    assert len(comparable_files(outputs[0])) > 50
    for order, output in zip(orders[1:], outputs[1:]):
        assert_identical(outputs[0], output)


@pytest.fixture
def broken_plugins(tmp_path):
    folder = tmp_path / "broken"
    (folder / "cannot_import").mkdir(parents=True)
    (folder / "cannot_import" / "__init__.py").write_text("import module_that_does_not_exist\n\ndef register():\n    pass\n")
    (folder / "cannot_register").mkdir()
    (folder / "cannot_register" / "__init__.py").write_text(textwrap.dedent("""\
        def register():
            raise RuntimeError("settings are incomplete")
        """))
    return folder


@pytest.mark.parametrize(
    "plugin, message",
    [
        ("cannot_import", "Plugin `cannot_import` cannot be loaded: ModuleNotFoundError: No module named 'module_that_does_not_exist'"),
        ("cannot_register", "Plugin `cannot_register` could not register: RuntimeError: settings are incomplete"),
    ],
)
def test_build_stops_naming_the_plugin_when_a_listed_plugin_fails(tmp_path, broken_plugins, plugin, message):
    conf = settings_file(tmp_path, ["vn_news", plugin], extra_dir=broken_plugins)
    result = run_pelican(BASIC, tmp_path / "out", conf=conf, fatal=None)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize(
    "plugin, message",
    [
        ("no_such_plugin", "Cannot load plugin `no_such_plugin`"),
        ("cannot_register", "Cannot register plugin `cannot_register`"),
    ],
)
def test_build_stops_when_a_plugin_named_on_the_command_line_fails(tmp_path, broken_plugins, plugin, message):
    # Pelican's own loader only logs these two failures: one template each, watched by vn_core.loading.
    conf = settings_file(tmp_path, ["vn_news"], extra_dir=broken_plugins)
    result = run_pelican(BASIC, tmp_path / "out", {"PLUGINS": ["vn_news", plugin]}, conf=conf, fatal=None)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_watched_pelican_templates_are_the_two_pelican_logs_when_plugins_fail():
    # If a Pelican upgrade rewords either message, the tests above fail; this pins which they are.
    assert PELICAN_FAILURES == {
        ("pelican.plugins._utils", "Cannot load plugin `%s`\n%s"),
        ("pelican", "Cannot register plugin `%s`"),
    }


@pytest.mark.parametrize("target, conf_variable, base", [("html", "CONFFILE", "pelicanconf"), ("publish", "PUBLISHCONF", "publishconf")])
def test_make_target_fails_and_keeps_output_when_a_plugin_cannot_register(tmp_path, broken_plugins, target, conf_variable, base):
    output = tmp_path / "output"
    output.mkdir()
    (output / "old.html").write_text("the site as it was")
    conf = settings_file(tmp_path, ["vn_news", "cannot_register"], extra_dir=broken_plugins, base=base)
    result = subprocess.run(
        ["make", "-s", target, f"{conf_variable}={conf}", f"INPUTDIR={BASIC}", f"OUTPUTDIR={output}"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "Plugin `cannot_register` could not register" in result.stderr
    assert [p.name for p in output.iterdir()] == ["old.html"]


def test_importing_the_core_imports_neither_pelican_nor_nh3():
    code = textwrap.dedent(f"""\
        import pkgutil, sys
        sys.path.insert(0, {str(ROOT / 'plugins')!r})
        from trangtin import vn_core
        names = [m.name for m in pkgutil.iter_modules(vn_core.__path__)]
        for name in names:
            __import__("vn_core." + name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pelican", "nh3", "markdown", "bs4"))
        print(len(names), loaded)
        """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) >= 5
    assert loaded.strip() == "[]"
