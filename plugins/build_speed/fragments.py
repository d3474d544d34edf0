"""Parts of pages that the theme renders many times with the same inputs, rendered once per build.

A news item of a list (its thumbnail, linked title, date and summary) is the same on its category's
page, its tags', its author's, its day's, month's and year's archives and in every "Các tin đã đăng"
list that reaches it: some twenty times per article. The theme wraps such a part in

    {% call fragment("news-item", item.url, item_heading, show_category) %}…{% endcall %}

and the part is rendered the first time a build asks for that key, then reused. The key must name
everything the part shows; the page's SITEURL (which differs by folder with RELATIVE_URLS) is added
to it here, so no template has to remember it. One memo serves the whole build: it is emptied when
each build's output phase starts and ends (the warm site's re-render after an edit is such a phase),
so a rebuild in the same process (Pelican's autoreload, the devserver) never shows a part of the
previous one, and the memory is free again before the search index is built. Without this
plugin, or with BUILD_SPEED_PLAIN, the theme gets plugins/vn_news's `fragment`, which renders the
part every time."""

from jinja2 import Undefined, pass_context


class Fragments:
    def __init__(self):
        self.known = {}

    def key(self, context, parts) -> tuple:
        # An undefined variable tests false in the part, as None does; keys must be hashable (a dict
        # or a list in a key is a theme mistake, and fails the page with Jinja's TypeError).
        return (context.get("SITEURL"), *(None if isinstance(part, Undefined) else part for part in parts))

    def clear(self):
        self.known.clear()


FRAGMENTS = Fragments()


@pass_context
def fragment(context, *parts, caller):
    key = FRAGMENTS.key(context, parts)
    try:
        return FRAGMENTS.known[key]
    except KeyError:
        made = FRAGMENTS.known[key] = caller()
        return made
