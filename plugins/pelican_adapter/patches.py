"""Process-wide replacements of Pelican attributes, for one build only.

A plugin replaces an attribute when a build starts (`get_generators`, which Pelican.run sends at the
start of every build, autoreload's too) through `replace`; every replacement is taken back when the
build is over (`finalized`), and before the next one starts, should a build have stopped half-way.
Nothing replaced outlives the build that replaced it: a plugin removed from PLUGINS, or a test that
builds in its own process, finds Pelican as it is."""

from pelican import signals

from . import gate

# (owner, attribute, what it was: the owner's own value, or _INHERITED when it came from a base class)
_replaced: list = []
_INHERITED = object()


def replace(part: str, owner, name: str, value) -> bool:
    """owner.name = value until the build is over, when the gate allows `part`."""
    if not gate.allowed(part):
        return False
    _replaced.append((owner, name, owner.__dict__.get(name, _INHERITED)))
    setattr(owner, name, value)
    return True


def restore_all(_sender=None):
    """Receiver of `finalized` (and called when a build starts): Pelican's own attributes again."""
    while _replaced:
        owner, name, previous = _replaced.pop()
        if previous is _INHERITED:
            delattr(owner, name)
        else:
            setattr(owner, name, previous)


def build_starts(_pelican_object):
    """Receiver of `get_generators`, connected before any plugin's: what a stopped build left is
    taken back before this one replaces anything."""
    restore_all()


def connect():
    """Idempotent: every plugin that replaces something calls it from its own connect()."""
    signals.get_generators.connect(build_starts)
    signals.finalized.connect(restore_all)
