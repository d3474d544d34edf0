"""Which derivatives a photo gets, what they are called and how the browser chooses among them.

Pure: no Pelican, no Pillow, no I/O. A *source* is described by its content hash, its upright size
and two flags (alpha, animated); a *role* (body image, cover, thumbnail, social card) says which
widths and formats fit the theme's layout. Everything here is data plugin.py writes into HTML."""

import hashlib
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

# Bump when the processing changes what a derivative looks like: every cache key changes with it.
PIPELINE_VERSION = 1

# Extensions the build turns into derivatives; others (SVG, GIF, ...) pass through untouched.
RASTER_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif")
PASS_THROUGH_EXTENSIONS = (".svg", ".gif")

# The theme's article text column (site.css `--measure`): 38rem wide, or the screen less `.wrap`'s
# 1rem padding each side where the screen is narrower than 40rem.
BODY_SIZES = "(min-width: 40rem) 38rem, calc(100vw - 2rem)"
COLUMN_MAX_PX = 608

MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png", "avif": "image/avif"}
EXTENSION = {"webp": "webp", "jpeg": "jpg", "png": "png", "avif": "avif"}


@dataclass(frozen=True)
class Role:
    widths: tuple
    sizes: str
    # Modern formats first (a <source> each); the last one is the <img> fallback.
    formats: tuple = ("webp", "jpeg")
    # Social cards must be at least 1200 px wide even from a smaller photo; pictures never grow.
    upscale: bool = False


DEFAULT_ROLES = {
    # Article body: from a phone (360 px × 2) up to the full column on a wide screen.
    "body": Role(widths=(480, 720, 960, 1200, 1600), sizes=BODY_SIZES),
    # A cover shown large (home page lead, category head): the same ladder, the template may narrow sizes.
    "cover": Role(widths=(480, 720, 960, 1200), sizes=BODY_SIZES),
    # Home page cards and category blocks: 6.4rem on a phone, at most 22rem wide; 2× for sharp
    # screens. 240, 480 and 720 are also thumb and cover widths, so the files are shared.
    "card": Role(widths=(240, 480, 720), sizes="(min-width: 64rem) 22rem, (min-width: 40rem) calc((100vw - 4rem) / 2), 6.4rem"),
    # Listing thumbnail: `.news-item .cover-thumb` is 6.4rem wide; 2× for sharp phone screens.
    "thumb": Role(widths=(120, 240), sizes="6.4rem"),
    # og:image / twitter:image / JSON-LD: one JPEG, 1200 px wide, as Facebook, Zalo and X expect.
    "social": Role(widths=(1200,), sizes="1200px", formats=("jpeg",), upscale=True),
}

DEFAULT_QUALITY = {"webp": 75, "jpeg": 80, "png": None, "avif": 55}


@dataclass(frozen=True)
class Source:
    """What the rules need to know of a source image (upright size: EXIF orientation applied)."""

    digest: str  # sha256 of the file's bytes
    width: int
    height: int
    alpha: bool = False
    animated: bool = False


@dataclass(frozen=True)
class Derivative:
    name: str  # file name inside the photos folder, unique for (bytes, recipe)
    width: int
    height: int
    format: str
    quality: object  # int, or None for lossless PNG

    @property
    def recipe(self) -> dict:
        return {"width": self.width, "height": self.height, "format": self.format, "quality": self.quality}


@dataclass(frozen=True)
class Plan:
    """The derivatives of one source for one role, grouped by format, with the <img> fallback."""

    role: str
    sizes: str
    width: int  # the <img> width/height attributes: the largest derivative's size
    height: int
    sources: tuple = ()  # ((format, (Derivative, ...)), ...) modern formats, for <source>
    fallback: tuple = ()  # (Derivative, ...) of the fallback format, for <img srcset>
    src: Derivative = None  # the fallback's middle candidate, for <img src>
    all: tuple = field(default=(), repr=False)


def widths_for(role: Role, source_width: int) -> list:
    """The widths to make: the role's ladder up to the source's width, never enlarged, and the
    source's own width when it falls between two steps (so a 1000 px photo is served at 1000)."""
    if role.upscale:
        return [max(role.widths)] if source_width < max(role.widths) else list(role.widths)
    widths = [width for width in role.widths if width <= source_width]
    if source_width < max(role.widths) and (not widths or widths[-1] != source_width):
        widths.append(source_width)
    return widths


def scaled_height(source: Source, width: int) -> int:
    return max(1, round(source.height * width / source.width))


def formats_for(role: Role, source: Source) -> tuple:
    """A photo with transparency keeps it: PNG instead of JPEG as the fallback (never black).
    A social card stays JPEG (the processing lays it on white), since the networks want JPEG."""
    if source.alpha and not role.upscale:
        return tuple("png" if fmt == "jpeg" else fmt for fmt in role.formats)
    return role.formats


def slug_stem(path: str) -> str:
    """`images/2022/Ảnh Đại hội.JPG` -> `anh-dai-hoi`: readable, ASCII, stable."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    stem = stem.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "anh"


def derivative_name(path: str, source: Source, recipe: dict) -> str:
    """`<stem>-<key>-<width>w.<ext>`: the key hashes the source bytes and everything that shapes the
    file (size, format, quality, pipeline version), so a changed setting never reuses a stale file."""
    shaped = json.dumps({"source": source.digest, "v": PIPELINE_VERSION, **recipe}, sort_keys=True)
    key = hashlib.sha256(shaped.encode("utf-8")).hexdigest()[:12]
    return f"{slug_stem(path)}-{key}-{recipe['width']}w.{EXTENSION[recipe['format']]}"


def plan(path: str, source: Source, role_name: str, roles=None, quality=None) -> Plan:
    roles = roles or DEFAULT_ROLES
    quality = {**DEFAULT_QUALITY, **(quality or {})}
    role = roles[role_name]
    widths = widths_for(role, source.width)
    groups = []
    for fmt in formats_for(role, source):
        items = []
        for width in widths:
            recipe = {"width": width, "height": scaled_height(source, width), "format": fmt, "quality": quality[fmt]}
            items.append(Derivative(derivative_name(path, source, recipe), **recipe))
        groups.append((fmt, tuple(items)))
    fallback = groups[-1][1]
    largest = fallback[-1]
    return Plan(
        role=role_name,
        sizes=sizes_for(role, largest.width),
        width=largest.width,
        height=largest.height,
        sources=tuple(groups[:-1]),
        fallback=fallback,
        src=middle(fallback),
        all=tuple(item for _fmt, items in groups for item in items),
    )


def sizes_for(role: Role, width: int) -> str:
    """A photo narrower than the column is shown at its own width: say so, or phones fetch too much."""
    if role.sizes == BODY_SIZES and width < COLUMN_MAX_PX:
        return f"min({width}px, 38rem, calc(100vw - 2rem))"
    return role.sizes


def middle(derivatives: tuple) -> Derivative:
    """The <img src> for browsers without srcset: the candidate closest to 960 px, else the largest."""
    return min(derivatives, key=lambda item: (abs(item.width - 960), -item.width))


def srcset(derivatives, url) -> str:
    return ", ".join(f"{url(item.name)} {item.width}w" for item in derivatives)


def is_raster(path: str) -> bool:
    return path.lower().endswith(RASTER_EXTENSIONS)


def is_pass_through(path: str) -> bool:
    return path.lower().endswith(PASS_THROUGH_EXTENSIONS)


def loading_attributes(index: int) -> dict:
    """The first picture of a page is likely the largest thing on the first screen: fetch it first."""
    if index == 0:
        return {"loading": "eager", "fetchpriority": "high", "decoding": "async"}
    return {"loading": "lazy", "decoding": "async"}


def too_small(source: Source, minimum: int) -> bool:
    return not source.animated and source.width < minimum


def too_many_pixels(source: Source, limit: int) -> bool:
    return source.width * source.height > limit
