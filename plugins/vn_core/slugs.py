"""Slug rules around Pelican's slugify (which stays the source of slugs, handed in by the caller).

A slug is capped at a word boundary (a file name of a very long title would not fit the disk's
limit); a capped slug ends with six characters of a digest of the whole one, so two long titles
that only differ after the cut keep two addresses instead of overwriting each other. And a slug an editor typed is normalised the way a title is (no spaces, slashes, capitals
or diacritics in URLs)."""

import hashlib

MAX_SLUG_LENGTH = 80
DIGEST_LENGTH = 6


def cap_slug(slug: str, limit: int = MAX_SLUG_LENGTH) -> str:
    """`slug` cut at the last `-` that keeps it, with `-` and a short digest of the whole slug,
    within `limit` characters."""
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]
    room = limit - DIGEST_LENGTH - 1
    head = slug[:room]
    if slug[room] != "-" and "-" in head:
        head = head.rsplit("-", 1)[0]
    return f"{head.strip('-')}-{digest}"


def normalise_slug(typed: str, slugify) -> str:
    """An explicit `Slug:` as URL-safe as a slug from a title: `/` and `\\` separate words."""
    return cap_slug(slugify(typed.replace("/", " ").replace("\\", " ")))


def content_slug(title, typed, slugify, source="title", basename=None) -> str | None:
    """The slug the site uses: the typed one normalised, or the capped slugify of the title (or of
    the file's base name when SLUGIFY_SOURCE is "basename"); None when there is nothing to make
    one from (Pelican then decides)."""
    if typed is not None and typed.strip():
        return normalise_slug(typed.strip(), slugify)
    value = title if source == "title" else basename
    if value is None:
        return None
    return cap_slug(slugify(value))


_SLUGS = {}


def remembered(slugify):
    """`slugify` (Pelican's) with its answers remembered, per text and options, for the whole process:
    a title is slugified by the checker and by the reader, and a category, author or tag name by
    every article that names it (Pelican makes their objects per article, and compares them by slug).
    The answer is the same, only made once."""

    def remembered_slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
        try:
            key = (slugify, value, tuple(tuple(sub) for sub in regex_subs), preserve_case, use_unicode)
            return _SLUGS[key]
        except KeyError:
            made = _SLUGS[key] = slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)
            return made
        except TypeError:  # an option that cannot be a key: asked every time
            return slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)

    return remembered_slugify
