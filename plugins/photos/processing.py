"""Pillow work: read what a source image is (probe) and make its derivatives (render).

No Pelican here. Both functions return plain dicts — never raise for a bad image — so they run the
same in the build process and in a process pool, and plugin.py turns failures into messages.
Privacy: derivatives are written from pixels only; EXIF (GPS, camera serials), XMP and comments of
the source are never passed to the encoder. Orientation is applied to the pixels first."""

import hashlib
import io
import os
import re
import warnings
from pathlib import Path

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

try:  # iPhones save HEIC; pillow-heif teaches Pillow to read it.
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_SUPPORT = True
except ImportError:  # pragma: no cover - pillow-heif is pinned in requirements.txt
    HEIF_SUPPORT = False

# Orientations 5-8 turn the picture a quarter: stored width is displayed height.
_QUARTER_TURNS = {5, 6, 7, 8}
_RESAMPLE = Image.Resampling.LANCZOS


def _allow_large_images():
    # The limit is ours (PHOTOS_MAX_PIXELS, checked from the header in probe), not Pillow's default.
    Image.MAX_IMAGE_PIXELS = None
    ImageFile.LOAD_TRUNCATED_IMAGES = False


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def probe(path, max_pixels=None) -> dict:
    """What the rules need: digest, upright size, alpha, animation — or {"error": code, "detail": ...}.
    Above `max_pixels` (read from the header) nothing is decoded: {"error": "too_many_pixels", size}."""
    _allow_large_images()
    path = Path(path)
    if path.suffix.lower() in (".heic", ".heif") and not HEIF_SUPPORT:
        return {"error": "heic"}
    try:
        data = path.read_bytes()
    except OSError as error:
        return {"error": "unreadable", "detail": error.strerror or str(error)}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if max_pixels and width * height > max_pixels:
                    # getexif() of a PNG decodes every pixel: stop at the header.
                    return {"error": "too_many_pixels", "width": width, "height": height}
                orientation = image.getexif().get(0x0112, 1)
                if orientation in _QUARTER_TURNS:
                    width, height = height, width
                alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
                return {
                    "digest": file_digest(data),
                    "width": width,
                    "height": height,
                    "alpha": bool(alpha),
                    "animated": bool(getattr(image, "is_animated", False)),
                    "format": image.format,
                    "mode": image.mode,
                }
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        return {"error": "corrupt", "detail": str(error)}
    except MemoryError:
        return {"error": "memory"}


def _normalised(image: Image.Image) -> Image.Image:
    """8-bit RGB, L or RGBA pixels, whatever the source: CMYK, 16-bit, palette, 1-bit."""
    mode = image.mode
    if mode in ("RGB", "L", "RGBA"):
        return image
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greys: scale to 8 bits (a plain convert would clip everything above 255 to white).
        return image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    if mode == "F":
        return image.point(lambda value: value * 255).convert("L")
    if mode in ("LA", "La", "PA", "RGBa") or (mode == "P" and "transparency" in image.info):
        return image.convert("RGBA")
    if mode == "1":
        return image.convert("L")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, P without transparency


def _flattened(image: Image.Image) -> Image.Image:
    """A JPEG cannot hold transparency: lay the picture on white (never the black of a bare convert)."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _encode(image: Image.Image, fmt: str, quality, icc) -> bytes:
    buffer = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=4, **extra)
    elif fmt == "avif":
        image.save(buffer, "AVIF", quality=quality, **extra)
    elif fmt == "jpeg":
        image = _flattened(image)
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True, **extra)
    elif fmt == "png":
        image.save(buffer, "PNG", compress_level=6, **extra)
    else:
        raise ValueError(f"unknown format {fmt}")
    return buffer.getvalue()


def render(path, derivatives, cache_dir) -> dict:
    """Make every derivative of one source into cache_dir (atomic writes). `derivatives` is a list of
    {"name", "width", "height", "format", "quality"}. Returns {"written": [names]} or {"error": ...}."""
    _allow_large_images()
    cache_dir = Path(cache_dir)
    if Path(path).suffix.lower() in (".heic", ".heif") and not HEIF_SUPPORT:
        return {"error": "heic"}
    biggest = max(derivatives, key=lambda item: item["width"])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as opened:
                quarter = opened.getexif().get(0x0112, 1) in _QUARTER_TURNS
                # JPEG decodes at 1/2, 1/4 or 1/8 scale for free: ask for no more than the largest derivative.
                if opened.format == "JPEG":
                    wanted = (biggest["width"], biggest["height"])
                    opened.draft(None, wanted[::-1] if quarter else wanted)
                icc = opened.info.get("icc_profile") if opened.mode != "CMYK" else None
                image = ImageOps.exif_transpose(opened)
                image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        return {"error": "corrupt", "detail": str(error)}
    except MemoryError:
        return {"error": "memory"}
    image = _normalised(image)
    image.info = {}  # nothing of the source's metadata (EXIF, XMP, comments) may reach an encoder
    written = []
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Largest first, each size resized once from the previous one (cheaper than from the full image).
    resized = {}
    current = image
    for size in sorted({(item["width"], item["height"]) for item in derivatives}, reverse=True):
        if current.size != size:
            current = current.resize(size, _RESAMPLE, reducing_gap=3.0 if current is image else None)
        current.info = {}
        resized[size] = current
    try:
        for item in derivatives:
            data = _encode(resized[(item["width"], item["height"])], item["format"], item["quality"], icc)
            target = cache_dir / item["name"]
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, target)
            written.append(item["name"])
    except (OSError, ValueError) as error:
        return {"error": "encode", "detail": str(error)}
    return {"written": written}


def render_job(job) -> dict:
    """Process-pool entry point: (key, path, derivatives, cache_dir) -> result with the key."""
    key, path, derivatives, cache_dir = job
    result = render(path, derivatives, cache_dir)
    result["key"] = key
    return result


def svg_size(path):
    """(width, height) of an SVG from its width/height or viewBox attributes, or None."""
    try:
        head = Path(path).read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    tag = re.search(r"<svg\b[^>]*>", head, re.S)
    if not tag:
        return None
    attrs = dict(re.findall(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', tag.group(0)))

    def number(value):
        match = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
        return round(float(match.group(1))) if match else None

    width, height = number(attrs.get("width")), number(attrs.get("height"))
    if width and height:
        return width, height
    box = (attrs.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            return None
    return None
