"""`make bench-photos`: what the photos weigh in a browser, and what making them costs.

Part 1 — page weight. content/ is built into a temporary folder and served on 127.0.0.1; the sample
article with four 4000×3000 camera photos (one its cover) is opened in Chromium, scrolled to the end,
and the bytes of every image response are added up: at 360×800 with device pixel ratio 2 (target
≤ 400 KB) and at 1280×800, ratio 1 (target ≤ 800 KB). Medians over --runs.

Part 2 — processing. --photos camera-like photos (tools/make_photos.py; --unique distinct scenes, the
rest byte-distinct copies, so every file has its own hash) in articles of four photos each, built:
  ours cold   this site, empty photo cache (time on images from PHOTOS_REPORT_PATH)
  ours warm   this site again into a fresh output folder, as the safe build does (target ≤ 1 s on images)
  pip cold    stock Pelican + pelican-image-process making the same derivatives (WebP and JPEG at
              480…1600 px) into an empty output; its image time = build time − the same build
              without the plugin
  pip warm    the same again into the same output folder (it skips derivatives already there);
              with our safe build, whose output folder is new each time, every build is its cold one
pelican-image-process gets the first --other-photos photos (default 40: it uses one core, and 200
take over an hour on a busy 2-core machine); ours is measured again on the same subset, same run.
pelican-image-process runs in its own venv (--other-python; make bench-photos creates it from
requirements-bench-photos.txt). Results: printed, and written to bench-results/photos.md.

Usage: python tools/bench_photos.py [--photos 200] [--unique 20] [--runs 3] [--other-python PY]
                                   [--other-photos 40] [--skip-page] [--skip-processing] [--keep]"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from trangtin.tools import make_photos  # noqa: E402

ARTICLE = "2022/10/hoi-trai-thanh-nien-khoi-2022.html"
ORIGINALS = sorted((ROOT / "content" / "images" / "2022").glob("hoi-trai-thanh-nien-*.jpg"))
CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = (("phone", 360, 800, 2, 400_000), ("desktop", 1280, 800, 1, 800_000))
WIDTHS = (480, 720, 960, 1200, 1600)

OTHER_CONF = """
PATH = {content!r}
SITENAME = "bench"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
STATIC_PATHS = ["images"]
ARTICLE_URL = ARTICLE_SAVE_AS = "{{slug}}.html"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
MARKDOWN = {{"extension_configs": {{"markdown.extensions.extra": {{}}}}, "output_format": "html5"}}
PLUGINS = {plugins!r}
IMAGE_PROCESS = {{
    "photo": {{
        "type": "picture",
        "sources": [
            {{"name": "webp", "output-format": "webp", "sizes": "100vw",
              "srcset": [{webp}]}},
            {{"name": "default", "sizes": "100vw", "srcset": [{jpeg}]}},
        ],
        "default": ("default", "960w"),
    }},
}}
"""


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, **kwargs):
    """Wall seconds of a build, and CPU seconds of it and every process it waited for (the pool)."""
    started, cpu = time.perf_counter(), cpu_of_children()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench_photos: {' '.join(map(str, command[:4]))} failed:\n{result.stdout}{result.stderr}")
    run.cpu = cpu_of_children() - cpu
    return elapsed


# --- Part 1: page weight in Chromium ------------------------------------------------------------

def page_bytes(browser, url, width, height, ratio):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=ratio)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response) if response.request.resource_type == "image" else None)
    page.goto(url, wait_until="load")
    total = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, total + height, height // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    size = sum(len(response.body()) for response in responses)
    names = sorted(response.url.rsplit("/", 1)[-1] for response in responses)
    context.close()
    return size, names


def measure_page(work, runs):
    from conftest import serve  # noqa: PLC0415 - the tests' server: same as the browser tests
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    output = work / "site"
    run([sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output)], cwd=ROOT)
    results = {}
    with serve(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, width, height, ratio, target in VIEWPORTS:
            sizes, names = [], []
            for _ in range(runs):
                size, names = page_bytes(browser, base + ARTICLE, width, height, ratio)
                sizes.append(size)
            results[name] = {"viewport": f"{width}×{height} @{ratio}x", "bytes": statistics.median(sizes),
                             "target": target, "files": names}
        browser.close()
    results["originals"] = sum(path.stat().st_size for path in ORIGINALS)
    return results


# --- Part 2: processing 200 photos ----------------------------------------------------------------

def _one_scene(job):
    path, seed = job
    make_photos.save_photo(Path(path), 4000, 3000, seed=seed, sideways=seed % 5 == 0)
    return path


def make_photo_set(folder: Path, count: int, unique: int):
    """`unique` camera photos, then byte-distinct copies (a JPEG comment) up to `count` files."""
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    scenes = [str(images / f"scene-{index:03d}.jpg") for index in range(unique)]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_one_scene, [(path, 1000 + index) for index, path in enumerate(scenes)]))
    names = []
    for index in range(count):
        data = Path(scenes[index % unique]).read_bytes()
        comment = f"bench copy {index}".encode()
        marked = data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]
        name = f"anh-{index:03d}.jpg"
        (images / name).write_bytes(marked)
        names.append(name)
    for path in scenes:
        os.remove(path)
    return names


def write_articles(folder: Path, names, with_class: bool):
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(0, len(names), 4):
        group = names[number:number + 4]
        if with_class:
            # pelican-image-process's <picture>: a div holding the image once per source, each with a class.
            body = "\n\n".join(
                f'Đoạn {i}.\n\n<div><img class="image-process-photo" src="{{static}}/images/{name}" alt="Ảnh {name}">'
                f'<img class="webp image-process" src="{{static}}/images/{name}" alt=""></div>'
                for i, name in enumerate(group))
        else:
            body = "\n\n".join(f"Đoạn {i}.\n\n![Ảnh {name}]({{static}}/images/{name})" for i, name in enumerate(group))
        (folder / f"bai-{number // 4:03d}.md").write_text(
            f"Title: Bài ảnh số {number // 4}\nDate: 2022-10-{1 + number // 4 % 28:02d} 08:{number % 60:02d}\n"
            f"Category: Tin hoạt động\nAuthor: ĐTN\nSummary: Bài có bốn ảnh.\nImage: images/{group[0]}\n"
            f"Slug: bai-anh-{number // 4:03d}\n\n{body}\n",
            encoding="utf-8",
        )


def ours(content, output, cache, report):
    settings = {"PHOTOS_CACHE_PATH": str(cache), "PHOTOS_REPORT_PATH": str(report)}
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
               "-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    wall = run(["nice", "-n", "10", *command], cwd=ROOT)
    summary = json.loads(Path(report).read_text(encoding="utf-8"))
    return {"wall": wall, "cpu": run.cpu, "images": sum(summary["seconds"].values()), "made": summary["made"],
            "derivatives": summary["derivatives"]}


def other_conf(folder, content, plugins):
    srcset = lambda fmt: ", ".join(f'("{w}w", ["scale_in {w} {w} True"])' for w in WIDTHS)  # noqa: E731
    conf = folder / f"conf-{'plugin' if plugins else 'bare'}.py"
    conf.write_text(OTHER_CONF.format(content=str(content), plugins=plugins, webp=srcset("webp"), jpeg=srcset("jpeg")),
                    encoding="utf-8")
    return conf


def theirs(python, content, output, conf):
    return run(["nice", "-n", "10", python, "-m", "pelican", str(content), "-s", str(conf), "-o", str(output)], cwd=ROOT)


def measure_processing(work, count, unique, python, other_count):
    photos = work / "photos"
    names = make_photo_set(photos / "ours", count, unique)
    write_articles(photos / "ours" / "2022", names, with_class=False)
    results = {"photos": count, "unique": unique, "bytes": sum(p.stat().st_size for p in (photos / "ours" / "images").iterdir())}
    cache = work / "cache"
    results["ours cold"] = ours(photos / "ours", work / "out-ours-1", cache, work / "report-1.json")
    results["ours warm"] = ours(photos / "ours", work / "out-ours-2", cache, work / "report-2.json")
    if python:
        # pelican-image-process works on one core, about 4× our CPU per photo: on a small machine it
        # gets the first `other_count` photos, and ours is measured again on the very same ones.
        subset = names[:other_count]
        results["subset"] = len(subset)
        if len(subset) < len(names):
            same = photos / "ours-subset"
            (same / "images").mkdir(parents=True)
            for name in subset:
                os.link(photos / "ours" / "images" / name, same / "images" / name)
            write_articles(same / "2022", subset, with_class=False)
            results[f"ours cold ({len(subset)})"] = ours(same, work / "out-ours-3", work / "cache-subset", work / "report-3.json")
        theirs_content = photos / "theirs"
        (theirs_content / "images").mkdir(parents=True)
        for name in subset:
            os.link(photos / "ours" / "images" / name, theirs_content / "images" / name)
        write_articles(theirs_content / "2022", subset, with_class=True)
        bare = theirs(python, theirs_content, work / "out-bare", other_conf(work, theirs_content, []))
        bare_cpu = run.cpu
        conf = other_conf(work, theirs_content, ["pelican.plugins.image_process"])
        cold = theirs(python, theirs_content, work / "out-theirs", conf)
        cold_cpu = run.cpu
        warm = theirs(python, theirs_content, work / "out-theirs", conf)
        made = len(list((work / "out-theirs").rglob("derivatives/**/*.*")))
        results["pip bare"] = {"wall": bare, "cpu": bare_cpu}
        results["pip cold"] = {"wall": cold, "cpu": cold_cpu, "images": max(0.0, cold - bare), "derivatives": made}
        results["pip warm"] = {"wall": warm, "cpu": run.cpu, "images": max(0.0, warm - bare)}
    return results


# --- Report ---------------------------------------------------------------------------------------

def report(page, processing) -> str:
    lines = ["# Photo benchmark", ""]
    if page:
        lines += ["## Page weight: the article with four 4000×3000 photos, scrolled to the end", "",
                  "| viewport | image bytes (median) | target | result |", "|---|---:|---:|---|"]
        for name, *_rest in VIEWPORTS:
            entry = page[name]
            verdict = "PASS" if entry["bytes"] <= entry["target"] else "FAIL"
            lines.append(f"| {entry['viewport']} | {entry['bytes'] / 1000:.0f} KB | ≤ {entry['target'] / 1000:.0f} KB | {verdict} |")
        lines += ["", f"The four originals weigh {page['originals'] / 1e6:.1f} MB.", ""]
        for name, *_rest in VIEWPORTS:
            lines.append(f"- {name}: {', '.join(page[name]['files'])}")
        lines.append("")
    if processing:
        lines += [f"## Processing {processing['photos']} photos ({processing['unique']} distinct scenes, "
                  f"{processing['bytes'] / 1e6:.0f} MB), {os.cpu_count()} cores", "",
                  "| build | wall | CPU (all processes) | on images (wall) | derivatives |", "|---|---:|---:|---:|---:|"]
        subset = processing.get("subset", processing["photos"])
        names = ["ours cold", "ours warm", f"ours cold ({subset})", "pip bare", "pip cold", "pip warm"]
        lines[-2] = "| build | photos | wall | CPU (all processes) | on images (wall) | derivatives |"
        lines[-1] = "|---|---:|---:|---:|---:|---:|"
        for name in names:
            if name in processing:
                entry = processing[name]
                images = f"{entry['images']:.1f} s" if "images" in entry else "—"
                count = processing["photos"] if name in ("ours cold", "ours warm") else subset
                lines.append(f"| {name} | {count} | {entry['wall']:.1f} s | {entry['cpu']:.1f} s | {images} | {entry.get('derivatives', '—')} |")
        warm = processing["ours warm"]["images"]
        lines += ["", f"Rebuild with no photo changed: {warm:.2f} s on images (target ≤ 1 s): "
                  f"{'PASS' if warm <= 1.0 else 'FAIL'}.", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--unique", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--other-python", default=None, help="a Python with pelican-image-process installed")
    parser.add_argument("--other-photos", type=int, default=40, help="photos given to pelican-image-process")
    parser.add_argument("--skip-page", action="store_true")
    parser.add_argument("--skip-processing", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-photos-"))
    try:
        page = None if args.skip_page else measure_page(work, args.runs)
        processing = None if args.skip_processing else measure_processing(
            work, args.photos, min(args.unique, args.photos), args.other_python, min(args.other_photos, args.photos))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    text = report(page, processing)
    (ROOT / "bench-results").mkdir(exist_ok=True)
    (ROOT / "bench-results" / "photos.md").write_text(text + "\n", encoding="utf-8")
    (ROOT / "bench-results" / "photos.json").write_text(json.dumps({"page": page, "processing": processing}, indent=1, default=str), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
