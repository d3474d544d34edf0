"""Generate the sample content's illustrations: small SVG pictures, each labelled as generated.

The sample articles need photos to show figures and captions; real photos of the events are not
ours to publish, so each illustration says plainly that it is a generated image.
Usage: python tools/make_illustrations.py content/images/2022/a.svg "Caption" [...]"""

import hashlib
import sys
from pathlib import Path
from xml.sax.saxutils import escape

PALETTES = [("#0b4ea2", "#e8f0fb"), ("#c62828", "#fdecea"), ("#2e7d32", "#e8f5e9"), ("#6a1b9a", "#f3e5f5"), ("#ef6c00", "#fff3e0")]


def illustration(label: str) -> str:
    digest = hashlib.sha256(label.encode("utf-8")).digest()
    ink, paper = PALETTES[digest[0] % len(PALETTES)]
    circles = "".join(
        f'<circle cx="{40 + digest[i] * 2.2:.0f}" cy="{60 + digest[i + 1] % 200}" r="{20 + digest[i + 2] % 50}" fill="{ink}" opacity="0.{2 + digest[i] % 5}"/>'
        for i in range(1, 16, 3)
    )
    text = escape(label if len(label) <= 60 else label[:57] + "…")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360" role="img">'
        f'<rect width="640" height="360" fill="{paper}"/>{circles}'
        f'<rect x="0" y="290" width="640" height="70" fill="{ink}"/>'
        f'<text x="20" y="320" font-family="sans-serif" font-size="18" fill="#fff">{text}</text>'
        '<text x="20" y="345" font-family="sans-serif" font-size="14" fill="#fff">Ảnh minh họa (tạo tự động)</text>'
        "</svg>\n"
    )


def main(argv):
    for path, label in zip(argv[0::2], argv[1::2]):
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(illustration(label), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
