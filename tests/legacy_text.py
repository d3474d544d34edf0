"""Legacy Vietnamese encoders, for tests only: they write the VNI, TCVN3 and Windows-1258 bytes that
old editors saved, from the decoding tables of vn_core.legacy_encodings (which the site itself only
ever reads)."""

import sys
import unicodedata
from pathlib import Path


from trangtin.vn_core.legacy_encodings import _VNI_BASES, TCVN3_DECODE, VNI_MARKS, VNI_SINGLE  # noqa: E402


def encode_tcvn3(text: str) -> bytes:
    table = {letter: byte for byte, letter in TCVN3_DECODE.items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            out.append(ord(char))
        elif char in table:
            out.append(table[char])
        elif char.lower() in table:
            out.append(table[char.lower()])
        else:
            raise ValueError(f"TCVN3 has no byte for {char!r}")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    singles = {letter: key for key, letter in VNI_SINGLE.items()}
    marks = {}
    for key, combining in VNI_MARKS.items():
        upper = key.isupper()
        for base in ("a", "e", "o", "u", "y", "ô", "ö"):
            if key.lower() in _VNI_BASES[base]:
                source = VNI_SINGLE.get(base, base) if base in ("ô", "ö") else base
                letter = unicodedata.normalize("NFC", (source.upper() if upper else source) + combining)
                written = base.upper() if upper else base
                marks.setdefault(letter, written + key)
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            out.append(char)
        elif char in singles:
            out.append(singles[char])
        elif char in marks:
            out.append(marks[char])
        else:
            raise ValueError(f"VNI has no spelling for {char!r}")
    return "".join(out).encode("latin-1")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: precomposed where the code page has the letter, otherwise the
    base letter (with its circumflex, breve or horn) followed by a combining tone byte."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed[1:] if mark in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)
