"""pelican_adapter: every use of Pelican's private code in one place, behind a gate (gate.py).

Not a plugin: plugins import it. Each module is one part of the gate, written against Pelican 4.12.0:

- urls.py, taxonomies.py, archives.py, cache.py: faster or safer versions of Pelican functions
  (build_speed, date_archives, incremental). On a mismatch Pelican's own code runs; same site.
- writer.py: the writer of every page and feed. Pelican's write_file writes the pages unless a
  build sets a render_filter (build_speed's workers, the warm site), which needs a copy of its
  pagination loop; on a mismatch that build renders every page in one process.
- warm.py: the devserver's warm site runs Pelican.run's phases itself; on a mismatch it does not
  start and every save is a full build.
- log.py, checks.py, content.py: what the editors' messages and the photos need (required parts):
  on a mismatch the build stops with a message saying what to install.
- patches.py: the process-wide replacements, for one build only.
- gate.py: the version, the sha256 of each function's source, the one message of a fallback."""
