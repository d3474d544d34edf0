"""Make sample photos that behave like camera photos, and the odd files editors send.

Camera-like photos: 4000×3000 by default, a scene with soft light, shapes at every scale and sensor
noise, so they compress like real photos (3–6 MB at JPEG quality 92); EXIF with a camera make,
model and serial, a GPS position, an XMP packet and, on request, the orientation flag of a photo
stored sideways. A fixed seed makes the same bytes on every run (same Pillow version).

The sample content's photos are labelled as generated images (like tools/make_illustrations.py).

Usage:
  python tools/make_photos.py photo OUT.jpg [--seed N] [--size 4000x3000] [--sideways] [--quality 92]
  python tools/make_photos.py social-card OUT.jpg     the site's default social image (1200×630)
  python tools/make_photos.py kind KIND OUT           one odd file: cmyk, png16, png-alpha, gif-animated,
                                                      truncated, heic, tiny, huge
Tests import the functions directly and make smaller photos into temporary folders."""

import argparse
import io
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

# A city centre in northern Vietnam: the kind of position a phone writes into every photo.
GPS_POSITION = ((21.0, 49.0, 25.2), (105.0, 13.0, 4.8))
CAMERA = {"make": "SampleCam", "model": "SC-4000", "serial": "SN-00042-PRIVATE"}
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,49.42N" '
    b'exif:GPSLongitude="105,13.08E" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'dc:creator="Private Person"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# EXIF orientation 6: "rotate 90° clockwise to display" — how phones store a portrait-held shot.
SIDEWAYS = 6
# A red block marks the top-left corner of the upright scene, so a test can tell which way is up.
MARKER = (220, 20, 20)


def scene(width: int, height: int, seed: int) -> Image.Image:
    """An upright scene: a sky-to-ground gradient, shapes at several scales, texture and sensor noise."""
    rng = random.Random(seed)
    # Low frequencies: light and colour across the frame.
    small = Image.new("RGB", (6, 5))
    small.putdata([tuple(rng.randint(40, 220) for _ in range(3)) for _ in range(30)])
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    # People, trees, banners: shapes from large to small.
    for scale in (6, 14, 40, 120):
        for _ in range(scale):
            size = rng.uniform(0.4, 1.0) * width / scale
            x, y = rng.uniform(0, width), rng.uniform(height * 0.2, height)
            colour = tuple(rng.randint(0, 255) for _ in range(3))
            if rng.random() < 0.5:
                draw.ellipse((x, y, x + size, y + size * rng.uniform(0.5, 2)), fill=colour)
            else:
                draw.rectangle((x, y, x + size * rng.uniform(0.3, 1.5), y + size), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(radius=max(1, width // 1600)))
    # Mid frequencies: foliage-like texture.
    texture = Image.frombytes("L", (width // 8, height // 8), rng.randbytes((width // 8) * (height // 8)))
    texture = texture.resize((width, height), Image.Resampling.BILINEAR).point(lambda v: 128 + (v - 128) * 0.25)
    image = ImageChops.add(image, Image.merge("RGB", (texture,) * 3), offset=-128)
    # High frequencies: luminance and chroma noise, as from a small sensor at ISO 400.
    bands = []
    for amplitude in (0.10, 0.08, 0.12):
        noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
        bands.append(noise.point(lambda v, a=amplitude: round(128 + (v - 128) * a)))
    image = ImageChops.add(image, Image.merge("RGB", bands), offset=-128)
    ImageDraw.Draw(image).rectangle((0, 0, width // 8, height // 8), fill=MARKER)
    return image


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = CAMERA["make"]
    exif[0x0110] = CAMERA["model"]
    exif[0x0112] = orientation
    exif[0x0131] = "SampleCam firmware 1.0"
    details = exif.get_ifd(0x8769)
    details[0xA431] = CAMERA["serial"]  # BodySerialNumber
    details[0x9003] = "2022:09:20 08:15:00"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    (lat, lon) = GPS_POSITION
    gps[1], gps[2], gps[3], gps[4] = "N", lat, "E", lon
    return exif


def photo(width: int = 4000, height: int = 3000, seed: int = 1, sideways: bool = False) -> Image.Image:
    """The upright scene; if `sideways`, stored rotated with EXIF orientation 6 (displayed the same)."""
    image = scene(width, height, seed)
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise; orientation 6 undoes it
    return image


def save_photo(path: Path, width=4000, height=3000, seed=1, sideways=False, quality=92) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image = photo(width, height, seed, sideways)
    exif = camera_exif(SIDEWAYS if sideways else 1)
    image.save(path, "JPEG", quality=quality, exif=exif, xmp=XMP_PACKET)
    return path


def social_card(path: Path) -> Path:
    """The site's default social image: the Youth Union's colours and a five-pointed star, no text."""
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), (11, 78, 162))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 90, width, height), fill=(198, 40, 40))
    cx, cy, outer, inner = width / 2, (height - 90) / 2, 170, 68
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 204, 0))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90)
    return path


def save_kind(kind: str, path: Path, seed: int = 7) -> Path:
    """One of the odd files editors send; small sizes, made in a fraction of a second."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "cmyk":
        photo(800, 600, seed).convert("CMYK").save(path, "JPEG", quality=90, exif=camera_exif())
    elif kind == "png16":
        gradient = Image.linear_gradient("L").resize((900, 600)).convert("I")
        gradient.point(lambda v: v * 257).convert("I;16").save(path, "PNG")
    elif kind == "png-alpha":
        image = photo(900, 600, seed).convert("RGBA")
        mask = Image.new("L", image.size, 0)
        ImageDraw.Draw(mask).ellipse((100, 50, 800, 550), fill=255)
        image.putalpha(mask)
        image.save(path, "PNG")
    elif kind == "gif-animated":
        frames = [Image.new("RGB", (200, 120), colour) for colour in ((200, 0, 0), (0, 160, 0), (0, 0, 200))]
        frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0)
    elif kind == "truncated":
        buffer = io.BytesIO()
        photo(800, 600, seed).save(buffer, "JPEG", quality=90)
        path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    elif kind == "heic":
        import pillow_heif  # noqa: PLC0415 - optional

        pillow_heif.register_heif_opener()
        photo(1600, 1200, seed).save(path, "HEIF", quality=80, exif=camera_exif())
    elif kind == "tiny":
        photo(240, 180, seed).save(path, "JPEG", quality=90)
    elif kind == "huge":
        # Many pixels, tiny file: a flat 9000×6000 image (54 MP) compresses to almost nothing.
        Image.new("RGB", (9000, 6000), (90, 140, 60)).save(path, "JPEG", quality=70)
    else:
        raise SystemExit(f"make_photos: unknown kind {kind!r}")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("photo")
    one.add_argument("out", type=Path)
    one.add_argument("--seed", type=int, default=1)
    one.add_argument("--size", default="4000x3000")
    one.add_argument("--sideways", action="store_true")
    one.add_argument("--quality", type=int, default=92)
    card = sub.add_parser("social-card")
    card.add_argument("out", type=Path)
    odd = sub.add_parser("kind")
    odd.add_argument("kind")
    odd.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "photo":
        width, height = (int(part) for part in args.size.lower().split("x"))
        out = save_photo(args.out, width, height, args.seed, args.sideways, args.quality)
    elif args.command == "social-card":
        out = social_card(args.out)
    else:
        out = save_kind(args.kind, args.out)
    print(f"{out}: {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
