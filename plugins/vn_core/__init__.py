"""vn_core: the rules every plugin and tool shares, in one Pelican-free place.

Vietnamese text and formatting (vietnamese), the one news order (ordering), the pager (pager),
the dates editors type (dates) and the legacy Vietnamese encodings (legacy_encodings). Importing
any of it imports neither Pelican nor nh3, so plugins may load in any order and tools may use it
alone. Plugins import vn_core; vn_core imports no plugin."""
