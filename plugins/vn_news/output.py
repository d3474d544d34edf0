"""What the output may be: no setting names a file outside the output folder, and every feed
states the site's language (Pelican's public `initialized` and `feed_generated` signals). The writer
itself is plugins/pelican_adapter/writer.py."""

import re

from trangtin.vn_core.paths import WriteOutside, output_file


# Settings that name a file or a folder of the output (Pelican's and our plugins').
OUTPUT_SETTING = re.compile(r"(_SAVE_AS|^FEED_.*|_FEED_(ATOM|RSS)|_STATIC_DIR|_OUTPUT_DIR|_BUNDLE_DIR)$")
FORMAT_FIELD = re.compile(r"\{[^{}]*\}")


def refuse_settings_leaving_output(pelican_object):
    """`initialized`: a setting naming a file outside the output folder (`../output-old/{slug}.html`)
    stops the build before anything is written, named in the message. Format fields are filled with
    a plain word: what is left is the path every page of that setting shares."""
    output = pelican_object.output_path
    for key, value in sorted(pelican_object.settings.items()):
        if isinstance(value, str) and value and OUTPUT_SETTING.search(key):
            try:
                output_file(output, FORMAT_FIELD.sub("x", value), f"cài đặt {key}")
            except WriteOutside:
                raise WriteOutside(value, output, f"cài đặt {key}") from None


def state_feed_language(context, feed):
    """Receiver of `feed_generated`: every feed says it is in the site's language."""
    feed.feed["language"] = context.get("DEFAULT_LANG") or "vi"
