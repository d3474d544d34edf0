"""Recognise the legacy Vietnamese encodings that articles copied from old Word files arrive in.

Pure functions over bytes: no Pelican imports, no I/O. Each detector measures how much of the
non-ASCII text fits that encoding's byte pattern; the best fit above a threshold names the file's
likely encoding, so the editor knows what to convert from (Unikey's "Chuyển mã" does it)."""

import re
import unicodedata

# TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter. Upper-case letters with a tone mark use
# the same bytes as lower case (the ".VnTimeH" fonts draw them upper-case).
_TCVN3_LETTERS = (
    "b5à b6ả b7ã b8á b9ạ a8ă bbằ bcẳ bdẵ beắ c6ặ a9â c7ầ c8ẩ c9ẫ caấ cbậ aeđ "
    "ccè ceẻ cfẽ d0é d1ẹ aaê d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị dfò e1ỏ e2õ e3ó e4ọ "
    "abô e5ồ e6ổ e7ỗ e8ố e9ộ acơ eaờ ebở ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ adư f5ừ f6ử f7ữ "
    "f8ứ f9ự faỳ fbỷ fcỹ fdý feỵ a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ"
)
TCVN3_DECODE = {int(item[:2], 16): item[2:] for item in _TCVN3_LETTERS.split()}

# VNI-Windows: an ASCII vowel followed by a mark byte (Latin-1 glyphs in a VNI font), a few
# letters in one byte. Keys are the Latin-1 spelling the bytes show as in a non-VNI font.
_VNI_MARKS_LOWER = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
}
VNI_MARKS = {**_VNI_MARKS_LOWER, **{key.upper(): value for key, value in _VNI_MARKS_LOWER.items()}}
_VNI_SINGLE_LOWER = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "î": "ỵ", "ñ": "đ"}
VNI_SINGLE = {**_VNI_SINGLE_LOWER, **{key.upper(): value.upper() for key, value in _VNI_SINGLE_LOWER.items()}}
# Which marks each ASCII vowel takes in VNI (ă/â on a, â on e and o; tones on all).
_TONES = {"ù", "ø", "û", "õ", "ï"}
_VNI_BASES = {"a": set(_VNI_MARKS_LOWER), "e": _TONES | {"â", "á", "à", "å", "ã", "ä"},
              "o": _TONES | {"â", "á", "à", "å", "ã", "ä"}, "u": _TONES, "y": _TONES,
              "ô": _TONES, "ö": _TONES}

# Windows-1258: Vietnamese letters partly precomposed, tone marks as separate combining bytes.
CP1258_TONE_BYTES = {0xCC, 0xEC, 0xDE, 0xD2, 0xF2}

_BASE_VIETNAMESE = set("aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz")
VIETNAMESE_LETTERS = frozenset(
    char
    for base in "aăâeêioôơuưy"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    for char in (unicodedata.normalize("NFC", base + tone), unicodedata.normalize("NFC", base + tone).upper())
) | frozenset("đĐ")

# A detector must explain at least this share of the non-ASCII bytes to be named.
THRESHOLD = 0.9


def _high_bytes(data: bytes) -> int:
    return sum(1 for byte in data if byte >= 0x80)


def vni_score(data: bytes) -> float:
    """Share of non-ASCII bytes that are VNI: a mark right after a vowel that takes it, or a
    one-byte VNI letter."""
    total = _high_bytes(data)
    if not total:
        return 0.0
    text = data.decode("latin-1")
    fits = 0
    for index, char in enumerate(text):
        if ord(char) < 0x80:
            continue
        previous = text[index - 1].lower() if index else ""
        if char.lower() in _VNI_BASES.get(previous, ()):
            fits += 1
        elif char in VNI_SINGLE:
            fits += 1
    return fits / total


def tcvn3_score(data: bytes) -> float:
    """Share of non-ASCII bytes that are TCVN3 letters (a weak test alone: TCVN3 fills most of
    0xA1-0xFE, so guess_legacy_encoding also asks for Vietnamese syllables)."""
    total = _high_bytes(data)
    if not total:
        return 0.0
    fits = sum(1 for byte in data if byte in TCVN3_DECODE)
    return fits / total


def cp1258_score(data: bytes) -> float:
    """Share of non-ASCII bytes that decode in Windows-1258 to a Vietnamese letter, or to a tone
    mark that follows a vowel."""
    total = _high_bytes(data)
    if not total:
        return 0.0
    text = data.decode("cp1258", errors="replace")
    fits = 0
    for index, char in enumerate(text):
        if ord(char) < 0x80:
            continue
        if unicodedata.combining(char):
            previous = unicodedata.normalize("NFD", text[index - 1])[:1].lower() if index else ""
            fits += previous in set("aăâeêioôơuưy") or text[index - 1].lower() in VIETNAMESE_LETTERS
        elif char in VIETNAMESE_LETTERS:
            fits += 1
    return fits / total


# A Vietnamese syllable without its tone: onset, one to three vowels, coda. Text decoded with the
# wrong table breaks this shape ("Café" read as TCVN3 gives "Cafộ").
SYLLABLE_RE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"[aăâeêioôơuưy]{1,3}(ch|ng|nh|c|m|n|p|t)?$"
)
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Share of the words with non-ASCII letters that must be Vietnamese syllables once decoded.
SYLLABLE_THRESHOLD = 0.8


def syllable_score(text: str) -> float:
    """Share of the words with non-ASCII letters that are well-formed Vietnamese syllables."""
    words = [word for word in re.findall(r"[^\W\d_]+", text) if not word.isascii()]
    if not words:
        return 0.0
    good = 0
    for word in words:
        decomposed = unicodedata.normalize("NFD", word.lower())
        tones = sum(1 for mark in decomposed if mark in _TONE_MARKS)
        toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        good += tones <= 1 and bool(SYLLABLE_RE.match(toneless))
    return good / len(words)


def decode_vni(data: bytes) -> str:
    text = data.decode("latin-1")
    out, index = [], 0
    while index < len(text):
        char = text[index]
        following = text[index + 1] if index + 1 < len(text) else ""
        base = VNI_SINGLE.get(char, char) if char.lower() in ("ô", "ö") else char
        if following in VNI_MARKS and following.lower() in _VNI_BASES.get(char.lower(), ()):
            out.append(unicodedata.normalize("NFC", base + VNI_MARKS[following]))
            index += 2
            continue
        out.append(VNI_SINGLE.get(char, char))
        index += 1
    return "".join(out)


def decode_tcvn3(data: bytes) -> str:
    return "".join(TCVN3_DECODE.get(byte, chr(byte) if byte < 0x80 else "\ufffd") for byte in data)


def decode_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _has_vni_pairs(data: bytes) -> bool:
    text = data.decode("latin-1")
    return any(char in VNI_MARKS and text[index - 1].lower() in "aeouy" for index, char in enumerate(text) if index)


def guess_legacy_encoding(data: bytes):
    """'VNI', 'TCVN3' or 'Windows-1258' when the bytes look like that encoding, else None.

    Each candidate must explain the non-ASCII bytes (its byte pattern) and, decoded, give
    Vietnamese syllables. VNI is tried first because its vowel+mark pairs are the most specific
    pattern; TCVN3 next, because Windows-1258 decodes almost any byte to some Latin letter."""
    candidates = [
        ("VNI", vni_score(data) if _has_vni_pairs(data) else 0.0, decode_vni),
        ("TCVN3", tcvn3_score(data), decode_tcvn3),
        ("Windows-1258", cp1258_score(data), decode_cp1258),
    ]
    plausible = [
        (syllable_score(decoder(data)), score, name)
        for name, score, decoder in candidates
        if score >= THRESHOLD
    ]
    plausible = [item for item in plausible if item[0] >= SYLLABLE_THRESHOLD]
    if not plausible:
        return None
    best = max(plausible, key=lambda item: (item[0], item[1]))
    return best[2]


# Encoders used by the tests to make sample bytes (and by editors' tools, should they need them).
