"""The metadata block at the top of an article, read once for the checker and the build.

Two styles:
- Pelican's (Python-Markdown `meta`): `Key: value` lines up to the first blank line, a value
  continued on lines indented by 4 spaces or more; `Tags : a, b` (a space before the colon) is
  accepted.
- YAML front matter between `---` lines (Jekyll, Hugo, Decap CMS), read by PyYAML's safe loader:
  lists become `a, b`; values stay text: `Views: 1.234` is the string "1.234", never the float.
Vietnamese keys (`Tiêu đề`, `Ngày`, ...) are aliases of Pelican's (KEY_ALIASES, one table).
Problems are (code, line, params) tuples; the caller words them. Pure: no Pelican, no I/O."""

import re
from dataclasses import dataclass, field

import yaml

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
    _read_yaml(lines, end, block)
    block.body_start = min(end + 1, len(lines))
    return block


def _read_yaml(lines, end: int, block: Block):
    """The fields between the `---` lines (lines[1:end]), read by PyYAML. Only the node tree is built
    (yaml.compose, the safe loader): no Python object is made from the text, and every value stays the
    text the editor typed (`Views: 1.234` is "1.234"), with the line it is on."""
    try:
        root = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        # An unclosed quote is named where it opens; any other mistake where the parser stopped.
        quote = "quoted scalar" in str(getattr(error, "context", "") or "")
        mark = getattr(error, "context_mark" if quote else "problem_mark", None)
        number = min((mark.line if mark else 0) + 2, end)
        text = lines[number - 1].strip()
        if quote:
            block.problems.append(("yaml_bad_value", number, {"text": text.partition(":")[2].strip() or text}))
        else:
            block.problems.append(("yaml_syntax", number, {"text": text}))
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        number = root.start_mark.line + 2
        block.problems.append(("not_key_value", number, {"text": lines[number - 1].strip()}))
        return
    for key_node, value_node in root.value:
        number = key_node.start_mark.line + 2
        written = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        value = _node_text(value_node)
        if not KEY_RE.match(f"{written}:") or value is None:
            block.problems.append(("not_key_value", number, {"text": lines[number - 1].strip()}))
            continue
        if canonical_key(written) == "draft":
            # Hugo and Decap CMS mark a draft with `draft: true`: it must stay a draft here too.
            if value.lower() in YAML_TRUE:
                _add(block, "Status", "draft", number)
            continue
        _add(block, written, value, number)


def _node_text(node):
    """A value as Pelican's metadata text: a list joined with ", "; None for a nested mapping."""
    if isinstance(node, yaml.ScalarNode):
        return node.value.strip()
    if isinstance(node, yaml.SequenceNode):
        items = [_node_text(item) for item in node.value]
        return None if None in items else ", ".join(item for item in items if item)
    return None
