"""What the content checks need to make a file's address as Pelican's reader would: the metadata
processors and the marker of a value Pelican drops (a private name of pelican.readers, 4.12).
Under the required `log` part (plugins/content_checks checks it when it registers)."""

from pelican.readers import _DISCARD as DISCARD  # noqa: F401, PLC2701 - re-exported for content_checks
from pelican.readers import METADATA_PROCESSORS  # noqa: F401
