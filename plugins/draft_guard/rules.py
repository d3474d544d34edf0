"""Which drafts to withhold. Pure: no Pelican, no I/O."""

ARTICLE_SETTINGS = ("DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS")
PAGE_SETTINGS = ("DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS")


def drafts_are_withheld(settings, keys) -> bool:
    """True when every save-as setting for that kind of draft is empty: the site writes none of them."""
    return all(not settings.get(key) for key in keys)
