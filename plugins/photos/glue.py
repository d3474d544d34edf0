"""Pelican glue for responsive photos.

1. content_object_init (each article/page, after our reader sanitised its HTML): every raster
   `<img src="{static}/…">` becomes a `<picture>` whose files are named from the source's hash and
   the settings (rules.plan); the cover (`Image:`) gets thumbnail, cover and social-card plans. Only
   headers are read here (and hashes, behind a memo on path, size and mtime).
2. PhotosGenerator.generate_context: the derivatives missing from the cache (PHOTOS_CACHE_PATH,
   outside output/) are made, in a process pool on every core. Broken images stop the build.
3. static_generator_finalized: original raster photos are not copied to the site unless an article
   links to them (`[tải ảnh gốc]({static}/images/a.jpg)`): what readers see are the derivatives.
4. PhotosGenerator.generate_output: derivatives are hard-linked (or copied) from the cache into
   output/photos/ — the safe build's fresh folder gets them in a fraction of a second."""

import json
import logging
import os
import time
import posixpath
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

from pelican import signals
from pelican.contents import Static
from pelican.generators import Generator

from trangtin.vn_core.links import EXTERNAL_PREFIXES, STATIC_PREFIXES, cover_path, split_intrasite
from trangtin.vn_core.paths import is_inside, output_file
from trangtin.vn_core.uploads import DEFAULT_MAX_PIXELS, PIXELS_MESSAGE, pixels_params

from . import processing, rules

logger = logging.getLogger(__name__)

DEFAULTS = {
    "PHOTOS_CACHE_PATH": "cache-photos",
    "PHOTOS_OUTPUT_DIR": "photos",
    "PHOTOS_QUALITY": {},
    "PHOTOS_WIDTHS": {},  # role -> widths, e.g. {"body": [480, 720, 960]}
    # Warn below this width: the photo will look blurred in the column of a wide screen.
    "PHOTOS_MIN_WIDTH": 600,
    # Warn above this many pixels (still processed): the build slows down, the file is needlessly big.
    "PHOTOS_WARN_PIXELS": 50_000_000,
    # Refuse above this many pixels, read from the header before decoding (a pixel bomb: a 304 KB PNG
    # of 50000 × 50000 takes 7.4 GB once decoded). The checker reports the same (vn_core.uploads).
    "PHOTOS_MAX_PIXELS": DEFAULT_MAX_PIXELS,
    # The social card of an article without a raster cover (a path under the content folder).
    "PHOTOS_DEFAULT_SOCIAL_IMAGE": None,
    "PHOTOS_WORKERS": None,  # None: every core
    # Where to write a JSON summary of the photo work (counts, seconds); tools/bench_photos.py reads it.
    "PHOTOS_REPORT_PATH": None,
}

STATE_KEY = "_photos_build"
PLACEHOLDER = "{photo}"
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*["'](?:\{static\}|\|static\||\{attach\}|\|attach\|)([^"']+)["']""", re.I)
_PLACEHOLDER_URL = re.compile(re.escape(PLACEHOLDER) + r"([^\s\"',]+)")

MESSAGES = {
    "corrupt": ("lỗi", "ảnh {image} bị hỏng hoặc bị cắt cụt, không đọc được ({detail})",
                "mở ảnh gốc trên máy rồi lưu (xuất) lại thành JPEG, chép đè tệp và dựng lại trang"),
    "encode": ("lỗi", "không tạo được các bản thu nhỏ của ảnh {image} ({detail})",
               "lưu lại ảnh thành JPEG rồi dựng lại trang"),
    "unreadable": ("lỗi", "không đọc được tệp ảnh {image} ({detail})", "kiểm tra quyền đọc của tệp"),
    "heic": ("lỗi", "ảnh {image} ở định dạng HEIC của iPhone, bản cài này không đọc được",
             "trên iPhone chọn Cài đặt › Camera › Định dạng › Tương thích nhất, hoặc xuất ảnh thành JPEG rồi chép đè"),
    "small": ("cảnh báo", "ảnh {image} chỉ rộng {width} px, sẽ bị mờ trên màn hình rộng (nên từ {minimum} px trở lên)",
              "dùng ảnh gốc cỡ lớn hơn từ máy ảnh hoặc điện thoại"),
    "too_many_pixels": ("lỗi", *PIXELS_MESSAGE[0].split(" — ", 1)),
    "memory": ("lỗi", "không đủ bộ nhớ để xử lý ảnh {image}", "thu nhỏ ảnh (ví dụ còn 4000 px chiều ngang) rồi chép đè tệp"),
    "huge": ("cảnh báo", "ảnh {image} có {megapixels} triệu điểm ảnh, quá {limit} triệu: dựng trang chậm",
             "thu nhỏ ảnh còn khoảng 4000 px chiều ngang trước khi đưa lên"),
}


class PhotoBuildFailed(SystemExit):
    """A broken image stops the build with exit status 1 and a summary, never a traceback."""

    def __init__(self, summary: str):
        super().__init__(summary)
        self.code = summary


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


class PhotoBuild:
    """Everything one build knows about its photos; lives in Pelican's context (one per run)."""

    def __init__(self, settings):
        self.settings = settings
        self.content_root = Path(settings["PATH"]).resolve()
        self.cache_dir = Path(setting(settings, "PHOTOS_CACHE_PATH")).resolve()
        self.files_dir = self.cache_dir / "files"
        self.output_dir = setting(settings, "PHOTOS_OUTPUT_DIR").strip("/")
        roles = dict(rules.DEFAULT_ROLES)
        for name, widths in setting(settings, "PHOTOS_WIDTHS").items():
            roles[name] = rules.Role(**{**roles[name].__dict__, "widths": tuple(widths)})
        self.roles = roles
        self.quality = dict(setting(settings, "PHOTOS_QUALITY"))
        self.relative_urls = settings.get("RELATIVE_URLS", False)
        self.memo_path = self.cache_dir / "probes.json"
        self.memo = self._load_memo()
        self.probes = {}  # rel path -> probe dict
        self.jobs = {}  # rel path -> {name: recipe}
        self.usages = {}  # rel path -> [(source file, line)]
        self.plans = {}  # (rel path, role) -> rules.Plan
        self.linked = set()  # rel paths that content links to (download links keep the original)
        self.problems = []  # (severity, text)
        self.warned = set()
        self.published = set()  # derivative names to put in the output
        self.made = 0
        self.seconds = {"probe": 0.0, "make": 0.0, "link": 0.0}

    # --- sources ---------------------------------------------------------------------------

    def _load_memo(self):
        try:
            return json.loads(self.memo_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_memo(self):
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = self.memo_path.with_name(f".probes.{os.getpid()}.tmp")
        # Forget files that are gone, so the memo does not grow with every renamed photo.
        kept = {path: entry for path, entry in self.memo.items() if os.path.exists(path)}
        temporary.write_text(json.dumps(kept, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.memo_path)

    def source(self, rel):
        """The file `rel` names in the content folder; None when it would lie outside (`..`, a link
        leading out): such a file is never read."""
        path = self.content_root / rel
        return path if is_inside(path, self.content_root) else None

    def svg_size(self, rel):
        path = self.source(rel)
        return processing.svg_size(path) if path else None

    def probe(self, rel):
        if rel in self.probes:
            return self.probes[rel]
        path = self.source(rel)
        try:
            if path is None:
                raise FileNotFoundError(rel)  # outside the content folder: the checks name it
            stat = path.stat()
        except OSError:
            self.probes[rel] = None  # missing: the content checks report it with file and line
            return None
        stamp = [stat.st_size, stat.st_mtime_ns]
        started = time.perf_counter()
        remembered = self.memo.get(str(path))
        if remembered and remembered["stamp"] == stamp and "error" not in remembered["probe"]:
            result = remembered["probe"]
        else:
            result = processing.probe(path, setting(self.settings, "PHOTOS_MAX_PIXELS"))
            self.memo[str(path)] = {"stamp": stamp, "probe": result}
        self.probes[rel] = result
        self.seconds["probe"] += time.perf_counter() - started
        return result

    def plan(self, rel, role, used_in):
        """The plan of `rel` for `role`, queuing its derivatives; None (and a message) if unusable."""
        self.usages.setdefault(rel, [])
        if used_in not in self.usages[rel]:
            self.usages[rel].append(used_in)
        probe = self.probe(rel)
        if probe is None:
            return None
        maximum = setting(self.settings, "PHOTOS_MAX_PIXELS")
        if probe.get("error") == "too_many_pixels" or (maximum and probe.get("width", 0) * probe.get("height", 0) > maximum):
            self.report("too_many_pixels", rel, used_in, **pixels_params(rel, probe["width"], probe["height"], maximum))
            return None
        if "error" in probe:
            self.report(probe["error"], rel, used_in, detail=probe.get("detail", ""))
            return None
        source = rules.Source(probe["digest"], probe["width"], probe["height"], probe["alpha"], probe["animated"])
        if source.animated:
            return None
        if role == "body" and rules.too_small(source, setting(self.settings, "PHOTOS_MIN_WIDTH")):
            self.report("small", rel, used_in, width=source.width, minimum=setting(self.settings, "PHOTOS_MIN_WIDTH"))
        limit = setting(self.settings, "PHOTOS_WARN_PIXELS")
        if rules.too_many_pixels(source, limit):
            self.report("huge", rel, used_in, megapixels=round(source.width * source.height / 1e6),
                        limit=round(limit / 1e6))
        key = (rel, role)
        if key not in self.plans:
            self.plans[key] = rules.plan(rel, source, role, self.roles, self.quality)
            queue = self.jobs.setdefault(rel, {})
            for item in self.plans[key].all:
                queue[item.name] = {"name": item.name, **item.recipe}
        return self.plans[key]

    def report(self, code, rel, used_in, **params):
        key = (code, rel, used_in)
        if key in self.warned:
            return
        self.warned.add(key)
        severity, what, fix = MESSAGES[code]
        params.setdefault("detail", "")
        params.setdefault("image", rel)
        text = f"{display(used_in[0])}:{used_in[1]}: {severity}: {what.format(**params)} — {fix}"
        self.problems.append((severity, text))

    # --- URLs --------------------------------------------------------------------------------

    def url(self, name):
        return f"{self.output_dir}/{name}"

    def resolve_placeholders(self, text, siteurl):
        """`{photo}photos/a.webp` -> the URL from the page being written, as Pelican joins `{static}`."""
        if PLACEHOLDER not in text:
            return text
        if self.relative_urls:
            return _PLACEHOLDER_URL.sub(lambda m: posixpath.join(siteurl, m.group(1)), text)
        base = siteurl if siteurl.endswith("/") else siteurl + "/"
        return _PLACEHOLDER_URL.sub(lambda m: urljoin(base, m.group(1)), text)


def display(path):
    """A path as the editor typed it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def state(context, settings):
    build = context.get(STATE_KEY)
    if build is None:
        build = context[STATE_KEY] = PhotoBuild(settings)
    return build


def static_target(value, relative_dir):
    """`{static}/images/a.jpg` (from the content root) or `{static}a.jpg` (from the article's folder)
    -> `images/a.jpg`; None for anything else (external URLs, plain paths)."""
    prefix, rest = split_intrasite(value, STATIC_PREFIXES)
    if prefix is None:
        return None
    path = unquote(rest.split("#")[0].split("?")[0])
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(relative_dir.replace(os.sep, "/"), path))


def cover_target(value):
    """`Image:` metadata: `images/a.jpg`, `/images/a.jpg` or `{static}/images/a.jpg`."""
    path = cover_path(value)
    if path is None or path.startswith(EXTERNAL_PREFIXES):
        return None
    return posixpath.normpath(unquote(path))


def source_line(source_path, needles):
    """The first line of the source file that mentions one of `needles` (1 if none)."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    for needle in needles:
        for number, line in enumerate(lines, 1):
            if needle and needle in line:
                return number
    return 1


class _Tag(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def tag_attributes(tag: str) -> list:
    parser = _Tag()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def render_attributes(pairs) -> str:
    return "".join(f' {name}="{escape(str(value), quote=True)}"' if value is not None else f" {name}" for name, value in pairs)


def picture_markup(build, plan, attrs, index) -> str:
    """`<picture>`: a <source> per modern format, the fallback <img> with srcset, sizes, width, height."""
    url = lambda name: PLACEHOLDER + build.url(name)  # noqa: E731
    kept = [(name, value) for name, value in attrs if name not in _REPLACED]
    img = [
        ("src", url(plan.src.name)),
        ("srcset", rules.srcset(plan.fallback, url)),
        ("sizes", plan.sizes),
        ("width", plan.width),
        ("height", plan.height),
        *kept,
        *rules.loading_attributes(index).items(),
    ]
    sources = "".join(
        f'<source type="{rules.MIME[fmt]}" srcset="{escape(rules.srcset(items, url))}" sizes="{escape(plan.sizes)}">'
        for fmt, items in plan.sources
    )
    return f"<picture>{sources}<img{render_attributes(img)}></picture>"


_REPLACED = {"src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority"}


def rewrite_images(build, content) -> str:
    html = content._content
    relative_dir = getattr(content, "relative_dir", "") or ""
    counter = iter(range(10**6))

    def replace(match):
        tag = match.group(0)
        attrs = tag_attributes(tag)
        values = dict(attrs)
        index = next(counter)
        target = static_target(values.get("src") or "", relative_dir)
        if target and rules.is_raster(target):
            line = source_line(content.source_path, [target, posixpath.basename(target)])
            plan = build.plan(target, "body", (content.source_path, line))
            if plan is not None:
                return picture_markup(build, plan, attrs, index)
        extra = []
        if target and not values.get("width"):
            size = None
            if target.lower().endswith(".svg"):
                size = build.svg_size(target)
            else:
                probe = build.probe(target)
                if probe and "error" not in probe:
                    size = (probe["width"], probe["height"])
            if size:
                extra = [("width", size[0]), ("height", size[1])]
        kept = [(name, value) for name, value in attrs if name not in ("loading", "decoding", "fetchpriority")]
        return f"<img{render_attributes([*kept, *extra, *rules.loading_attributes(index).items()])}>"

    return _IMG.sub(replace, html)


class PhotoLinks:
    """`content._update_content` of a body with photos: our `{photo}` placeholders are turned into
    URLs from the page being written, then Pelican's own `{static}`/`{filename}` links. A class at
    module level, not a closure, so the content object stays picklable (Pelican's content cache)."""

    def __init__(self, content):
        self.content = content

    def __call__(self, text, siteurl):
        content = self.content
        build = state(content._context, content.settings)
        return type(content)._update_content(content, build.resolve_placeholders(text, siteurl), siteurl)


def prepare_content(content):
    """content_object_init: rewrite the body's images, plan the cover's derivatives."""
    if isinstance(content, Static) or getattr(content, "_context", None) is None:
        return
    build = state(content._context, content.settings)
    html = getattr(content, "_content", None) or ""
    relative_dir = getattr(content, "relative_dir", "") or ""
    for match in _HREF.finditer(html):
        target = static_target("{static}" + match.group(1), relative_dir)
        if target:
            build.linked.add(target)
    if "<img" in html:
        content._content = rewrite_images(build, content)
        # Pelican turns `{static}` into URLs per page written; srcset lists are ours to turn.
        content._update_content = PhotoLinks(content)
    cover = cover_target(content.metadata.get("image"))
    used_in = (content.source_path, source_line(content.source_path, ["Image:", "image:"]))
    social = None
    if cover and rules.is_raster(cover):
        for role in ("thumb", "card", "cover"):
            build.plan(cover, role, used_in)
        social = build.plan(cover, "social", used_in)
    external = str(content.metadata.get("image") or "").strip()
    if social is None and external.startswith(("http://", "https://")):
        # Another site's photo: nothing to process (the build fetches nothing); named as it is.
        content.social_image = {"url": external, "width": None, "height": None, "type": None}
        return
    if social is None:
        social = default_social(build)
    if social is not None:
        content.social_image = {"url": build.url(social.src.name), "width": social.width,
                                "height": social.height, "type": "image/jpeg"}


def default_social(build):
    rel = setting(build.settings, "PHOTOS_DEFAULT_SOCIAL_IMAGE")
    if not rel:
        return None
    rel = cover_target(rel)
    return build.plan(rel, "social", (str(build.content_root / rel), 1))


def picture(build, path, role, sizes=None):
    """Template data for partials/picture.html, or None when there is nothing to show."""
    rel = cover_target(path)
    if not rel:
        return None
    plan = build.plans.get((rel, role))
    if plan is None:
        # SVG and animated GIF pass through as they are.
        if rules.is_pass_through(rel) or (build.probes.get(rel) or {}).get("animated"):
            size = build.svg_size(rel) if rel.lower().endswith(".svg") else None
            return {"src": rel, "srcset": [], "sources": [], "sizes": None,
                    "width": size[0] if size else None, "height": size[1] if size else None}
        return None

    def candidates(items):
        return [{"url": build.url(item.name), "width": item.width} for item in items]

    return {
        "src": build.url(plan.src.name),
        "srcset": candidates(plan.fallback),
        "sources": [{"type": rules.MIME[fmt], "srcset": candidates(items)} for fmt, items in plan.sources],
        "sizes": sizes or plan.sizes,
        "width": plan.width,
        "height": plan.height,
    }


def add_template_helpers(generator):
    env = getattr(generator, "env", None)
    if env is None:
        return
    context = generator.context
    settings = generator.settings
    env.globals["picture"] = lambda path, role="cover", sizes=None: picture(state(context, settings), path, role, sizes)


def _log(severity, text) -> bool:
    """True when Pelican's --fatal turned the message into an exception (the rest are still listed)."""
    try:
        logger.log(logging.ERROR if severity == "lỗi" else logging.WARNING, "%s", text)
    except RuntimeError:
        return True
    return False


def workers(settings, jobs):
    wanted = setting(settings, "PHOTOS_WORKERS") or os.cpu_count() or 1
    return max(1, min(wanted, jobs))


class PhotosGenerator(Generator):
    """Context phase: make what the cache lacks. Output phase: link the derivatives into the site."""

    def generate_context(self):
        build = state(self.context, self.settings)
        default_social(build)  # its derivatives exist even if every article has a raster cover
        pending = []
        for rel, recipes in sorted(build.jobs.items()):
            missing = [recipe for name, recipe in recipes.items() if not (build.files_dir / name).is_file()]
            if missing:
                pending.append((rel, str(build.content_root / rel), missing, str(build.files_dir)))
        if pending:
            logger.info("photos: making derivatives of %d images on %d cores", len(pending), workers(self.settings, len(pending)))
        started = time.perf_counter()
        results = self._run(pending)
        build.made = len(pending)
        build.seconds["make"] = time.perf_counter() - started
        for result in results:
            if "error" in result:
                for used_in in build.usages.get(result["key"], []):
                    build.report(result["error"], result["key"], used_in, detail=result.get("detail", ""))
                build.memo.pop(str(build.content_root / result["key"]), None)
        build.save_memo()
        fatal = False
        for severity, text in build.problems:
            fatal |= _log(severity, text)
        errors = sum(1 for severity, _text in build.problems if severity == "lỗi")
        if errors:
            raise PhotoBuildFailed(f"Ảnh: {errors} lỗi — sửa các ảnh nêu trên rồi dựng lại trang.")
        if fatal:
            raise PhotoBuildFailed("Ảnh: có cảnh báo, mà bản dựng này coi cảnh báo là lỗi (--fatal warnings).")
        build.published = {name for recipes in build.jobs.values() for name in recipes}

    def refresh_after_edit(self):
        """The devserver's warm site (plugins/incremental/warm.py) read some files again: make what
        their photos need, and report only their problems (the others were reported already)."""
        state(self.context, self.settings).problems = []
        self.generate_context()

    def _run(self, pending):
        count = workers(self.settings, len(pending))
        if count == 1:
            return [processing.render_job(job) for job in pending]
        with ProcessPoolExecutor(max_workers=count) as pool:
            return list(pool.map(processing.render_job, pending, chunksize=1))

    def generate_output(self, writer):
        build = state(self.context, self.settings)
        started = time.perf_counter()
        self._link(build)
        build.seconds["link"] = time.perf_counter() - started
        report = setting(self.settings, "PHOTOS_REPORT_PATH")
        if report:
            summary = {"sources": len(build.jobs), "made": build.made, "derivatives": len(build.published),
                       "seconds": build.seconds}
            Path(report).write_text(json.dumps(summary, indent=1), encoding="utf-8")

    def _link(self, build):
        if not build.published:
            return
        target = Path(output_file(self.output_path, build.output_dir, "cài đặt PHOTOS_OUTPUT_DIR"))
        target.mkdir(parents=True, exist_ok=True)
        for name in sorted(build.published):
            destination = Path(output_file(self.output_path, f"{build.output_dir}/{name}", "cài đặt PHOTOS_OUTPUT_DIR"))
            if destination.exists():
                continue
            try:
                os.link(build.files_dir / name, destination)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(build.files_dir / name, destination)


def get_generators(pelican_object):
    return PhotosGenerator


def keep_originals_private(generator):
    """Raster originals reach the site only when content links to them (a download link)."""
    build = state(generator.context, generator.settings)
    kept = []
    for static in generator.staticfiles:
        rel = static.relative_source_path.replace(os.sep, "/")
        if rules.is_raster(rel) and rel not in build.linked:
            continue
        kept.append(static)
    generator.staticfiles[:] = kept


def connect():
    signals.content_object_init.connect(prepare_content)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(keep_originals_private)
