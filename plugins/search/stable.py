"""The same bytes for the same site: Pagefind writes its filter values and its list of filters in
hash-map order (different on every run), so the filter files, the meta file that names them and the
entry that names the meta change on a rebuild where nothing changed, and an upload sends them again.
Here the filter values and filters are put in name order and the three kinds of files renamed after
their new bytes; the index chunks and fragments are already stable and stay as Pagefind wrote them.

Pagefind's files are gzip of b"pagefind_dcd" + CBOR (arrays, text, unsigned integers); the small codec
below reads and writes exactly what they hold and refuses anything else, so a future Pagefind format
stops the build instead of publishing a broken search."""

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class UnexpectedIndex(ValueError):
    """Pagefind wrote something this module does not know: its version changed."""


def _head(data: bytes, at: int):
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        return major, info, at
    if info > 27:
        raise UnexpectedIndex(f"CBOR head {data[at - 1]:#x}")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at:at + size], "big"), at + size


def cbor_loads(data: bytes, at: int = 0):
    """(value, next offset) for unsigned integers, text and arrays."""
    major, argument, at = _head(data, at)
    if major == 0:
        return argument, at
    if major == 3:
        return data[at:at + argument].decode("utf-8"), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = cbor_loads(data, at)
            items.append(item)
        return items, at
    raise UnexpectedIndex(f"CBOR major type {major}")


def cbor_dumps(value) -> bytes:
    """The shortest encoding, as Pagefind's own writer (minicbor) gives it."""
    def head(major, argument):
        if argument < 24:
            return bytes([major << 5 | argument])
        for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
            if argument < 1 << (8 * size):
                return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
        raise UnexpectedIndex("integer too large")

    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise UnexpectedIndex(f"cannot write {type(value).__name__}")
    if isinstance(value, int):
        return head(0, value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return head(3, len(encoded)) + encoded
    return head(4, len(value)) + b"".join(cbor_dumps(item) for item in value)


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedIndex(f"{path.name}: no Pagefind signature")
    value, end = cbor_loads(data, len(SIGNATURE))
    if end != len(data):
        raise UnexpectedIndex(f"{path.name}: bytes after the index")
    return value


def encode(value) -> bytes:
    # mtime=0 and no file name in the header: the bytes depend on the content only.
    return gzip.compress(SIGNATURE + cbor_dumps(value), compresslevel=9, mtime=0)


def _name(language: str, content: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(content).hexdigest()[:length]}"


def stabilise_bundle(bundle: Path) -> None:
    """Rewrite one Pagefind bundle's filter files, meta file and entry in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry["languages"].items():
        meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
            raise UnexpectedIndex(f"{meta_path.name}: no list of filters where Pagefind 1.5 has it")
        filters = []
        for name, chunk in meta[3]:
            chunk_path = bundle / "filter" / f"{chunk}.pf_filter"
            filter_name, values = read(chunk_path)
            data = encode([filter_name, sorted(values, key=lambda value: value[0])])
            new_chunk = _name(language, data, 7)
            chunk_path.unlink()
            (bundle / "filter" / f"{new_chunk}.pf_filter").write_bytes(data)
            filters.append([name, new_chunk])
        meta[3] = sorted(filters)
        data = encode(meta)
        about["hash"] = _name(language, data, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{about['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
