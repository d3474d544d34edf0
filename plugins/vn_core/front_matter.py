"""The metadata block at the top of an article, read once for the checker and the build.

Two styles:
- Pelican's (Python-Markdown `meta`): `Key: value` lines up to the first blank line, a value
  continued on lines indented by 4 spaces or more; `Tags : a, b` (a space before the colon) is
  accepted.
- YAML front matter between `---` lines (Jekyll, Hugo, Decap CMS): quoted values, `[a, b]` and
  `- item` lists, `|`/`>` blocks, `# comments`. Values stay text: `Views: 1.234` is the string
  "1.234", never the float 1.234.
Vietnamese keys (`Tiêu đề`, `Ngày`, ...) are aliases of Pelican's (KEY_ALIASES, one table).
Problems are (code, line, params) tuples; the caller words them. Pure: no Pelican, no I/O."""

import re
from dataclasses import dataclass, field

from .vietnamese import fold

# Canonical (Pelican) key -> Vietnamese aliases editors type. docs/thong-bao-kiem-tra.md shows it.
KEY_ALIASES = {
    "title": ("Tiêu đề",),
    "date": ("Ngày", "Ngày đăng"),
    "modified": ("Ngày sửa", "Cập nhật"),
    "category": ("Chuyên mục",),
    "author": ("Tác giả",),
    "tags": ("Thẻ",),
    "summary": ("Tóm tắt",),
    "image": ("Ảnh", "Ảnh đại diện"),
    "views": ("Lượt xem",),
    "status": ("Trạng thái",),
}
_ALIAS_LOOKUP = {fold(alias): key for key, aliases in KEY_ALIASES.items() for alias in aliases}

# A key: letters (any script), digits, `_`, `-`, inner spaces; at most 30 characters.
KEY_RE = re.compile(r"^[ ]{0,3}(?P<key>[^\W\d][\w\- ]{0,29}?)[ \t]*:(?:[ \t]+(?P<value>.*)|[ \t]*)$")
MORE_RE = re.compile(r"^(?: {4,}|\t)(?P<value>.*)$")
YAML_TRUE = ("true", "yes", "on")
YAML_OPEN_RE = re.compile(r"^-{3}\s*$")
YAML_CLOSE_RE = re.compile(r"^(?:-{3}|\.{3})\s*$")
YAML_ITEM_RE = re.compile(r"^\s+-\s+(?P<value>.*)$|^-\s+(?P<top>.*)$")


@dataclass(frozen=True)
class Field:
    key: str  # canonical, lower case: "title", "tags", or the typed key folded for unknown ones
    written: str  # the key as the editor typed it
    value: str
    line: int  # 1-based


@dataclass
class Block:
    fields: list = field(default_factory=list)  # every Field, duplicates included, in order
    problems: list = field(default_factory=list)  # (code, line, params dict)
    body_start: int = 0  # index of the first body line
    style: str | None = None  # "pelican", "yaml" or None (no block)

    def first(self, key):
        """The first Field of a key (the one the build uses), or None."""
        return next((f for f in self.fields if f.key == key), None)

    def values(self) -> dict:
        """key -> value of the first definition of each key, the build's metadata."""
        out = {}
        for item in self.fields:
            out.setdefault(item.key, item.value)
        return out


def canonical_key(written: str) -> str:
    folded = fold(written)
    return _ALIAS_LOOKUP.get(folded, written.strip().lower())


def _add(block, written, value, line):
    key = canonical_key(written)
    earlier = block.first(key)
    if earlier is not None:
        block.problems.append(("duplicate_key", line, {"key": written.strip(), "first_line": earlier.line}))
    block.fields.append(Field(key, written.strip(), value, line))


def parse_block(lines) -> Block:
    """The metadata block of a file's lines (NFC, without line ends)."""
    if lines and YAML_OPEN_RE.match(lines[0]):
        return _parse_yaml(lines)
    return _parse_pelican(lines)


def _parse_pelican(lines) -> Block:
    block = Block()
    if not lines or not KEY_RE.match(lines[0]):
        return block
    block.style = "pelican"
    pending = None  # [written, [values], line]
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        match = KEY_RE.match(line)
        more = MORE_RE.match(line)
        if more and pending:
            pending[1].append(more.group("value").strip())
        elif match:
            if pending:
                _add(block, pending[0], "\n".join(pending[1]).strip(), pending[2])
            pending = [match.group("key"), [(match.group("value") or "").strip()], index + 1]
        else:
            block.problems.append(("not_key_value", index + 1, {"text": line.strip()}))
            break
        index += 1
    if pending:
        _add(block, pending[0], "\n".join(pending[1]).strip(), pending[2])
    block.body_start = index
    return block


def _unquote(raw: str, line: int, block: Block) -> str:
    raw = raw.strip()
    if raw[:1] == '"':
        match = re.match(r'^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$', raw)
        if not match:
            block.problems.append(("yaml_bad_value", line, {"text": raw}))
            return raw.strip('"')
        return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), match.group(1))
    if raw[:1] == "'":
        match = re.match(r"^'((?:[^']|'')*)'\s*(?:#.*)?$", raw)
        if not match:
            block.problems.append(("yaml_bad_value", line, {"text": raw}))
            return raw.strip("'")
        return match.group(1).replace("''", "'")
    return re.sub(r"\s+#.*$", "", raw)


def _yaml_value(raw: str, line: int, block: Block) -> str:
    raw = raw.strip()
    if raw.startswith("[") and raw.rstrip().endswith("]"):
        items = [item for item in raw.strip()[1:-1].split(",") if item.strip()]
        return ", ".join(_unquote(item, line, block) for item in items)
    return _unquote(raw, line, block)


def _parse_yaml(lines) -> Block:
    block = Block(style="yaml")
    end = next((i for i in range(1, len(lines)) if YAML_CLOSE_RE.match(lines[i])), None)
    if end is None:
        # No closing `---`: Python-Markdown's meta style with its optional opening `---`.
        inner = _parse_pelican(lines[1:])
        shifted = Block(
            [Field(f.key, f.written, f.value, f.line + 1) for f in inner.fields],
            [(code, line + 1, params) for code, line, params in inner.problems],
            inner.body_start + 1, "pelican",
        )
        for code, _line, params in shifted.problems:
            if code == "duplicate_key":
                params["first_line"] += 1
        return shifted
    index = 1
    while index < end:
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            index += 1
            continue
        match = KEY_RE.match(line)
        if not match or line[:1] == " ":
            block.problems.append(("not_key_value", index + 1, {"text": line.strip()}))
            index += 1
            continue
        written, raw, number = match.group("key"), (match.group("value") or "").strip(), index + 1
        index += 1
        continued = []
        while index < end and (
            not lines[index].strip()
            or lines[index][:1] in (" ", "\t")
            or (not raw and YAML_ITEM_RE.match(lines[index]))
        ):
            if lines[index].strip() or raw[:1] in ("|", ">"):
                continued.append(lines[index])
            index += 1
        if raw[:1] in ("|", ">"):
            texts = [text.strip() for text in continued]
            value = ("\n" if raw[0] == "|" else " ").join(texts).strip()
        elif continued and all(YAML_ITEM_RE.match(text) for text in continued if text.strip()):
            items = [YAML_ITEM_RE.match(text) for text in continued if text.strip()]
            value = ", ".join(_unquote(m.group("value") or m.group("top"), number, block) for m in items)
        elif continued:
            # A plain value folded over several lines.
            value = " ".join([_yaml_value(raw, number, block)] + [text.strip() for text in continued])
        else:
            value = _yaml_value(raw, number, block)
        if canonical_key(written) == "draft":
            # Hugo and Decap CMS mark a draft with `draft: true`: it must stay a draft here too.
            if value.strip().lower() in YAML_TRUE:
                _add(block, "Status", "draft", number)
            continue
        _add(block, written, value, number)
    block.body_start = min(end + 1, len(lines))
    return block
