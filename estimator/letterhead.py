"""The practice's letterhead for the letter: from the app's settings or from a letterhead file (TOML, for
`hkp estimate --letterhead`), read as untrusted input like every other: known keys, texts of bounded length,
a logo that is a PNG or JPEG of at most 2 MB."""

from __future__ import annotations

import io
import json
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from estimator.files import file_problem, not_a_file
from estimator.invisible import printable_text

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 16_000_000  # width × height: decoded, four bytes each
SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})  # JPEG frame headers
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
TEXT_LIMITS = {"practice": 120, "address": 240, "phone": 60, "email": 120, "logo": 1000}
FIELD_NAMES = {"practice": "Name der Praxis", "address": "Anschrift", "phone": "Telefon", "email": "E-Mail", "logo": "Logo"}
TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[^\W\d_]{2,}")  # name@domain.tld, no spaces


class LetterheadError(ValueError):
    """A letterhead that cannot be used; the message names the field and says why in German."""


@dataclass(frozen=True)
class Letterhead:
    """The practice as the letter's head shows it; an empty name or address comes from the plan's Patient sheet."""

    practice: str = ""
    address: str = ""  # one line, or lines separated by line breaks
    phone: str = ""
    email: str = ""
    logo: str = ""  # a PNG or JPEG file

    def __post_init__(self) -> None:
        for name, limit in TEXT_LIMITS.items():
            value = getattr(self, name)
            if not isinstance(value, str):
                raise LetterheadError(f"Briefkopf, {FIELD_NAMES[name]} ({name}): Text erwartet")
            value = printable_text(value)  # every letter's head: no direction mark or control character prints in it
            object.__setattr__(self, name, value)
            if len(value) > limit:
                raise LetterheadError(f"Briefkopf, {FIELD_NAMES[name]}: höchstens {limit} Zeichen, {len(value)} angegeben")
        said = email_problem(self.email)
        if said:
            raise LetterheadError(said)
        if self.logo:
            logo_problem(Path(self.logo))

    @classmethod
    def from_file(cls, path: Path, said: list[str] | None = None) -> Letterhead:
        """A letterhead file (TOML: practice, address, phone, email, logo; a relative logo path is taken from the
        file's folder). Its values are taken without spaces around them; an e-mail that is no address is left out
        of the letter, and `said` gets why (a file written before addresses were checked still serves)."""
        try:
            raw = _bounded(path, 64 * 1024)
            if raw is None:
                raise LetterheadError(f"{path.name}: ein Briefkopf hat höchstens 64 KB")
            data = tomllib.loads(raw.decode("utf-8"))
        except OSError as error:
            raise LetterheadError(f"Briefkopf: {file_problem(error)}") from None
        except UnicodeDecodeError:
            raise LetterheadError(f"{path.name}: kein gültiger Briefkopf, die Datei ist kein UTF-8-Text") from None
        except tomllib.TOMLDecodeError as error:
            place = TOML_PLACE.search(str(error))
            where = f" in Zeile {place[1]}, Spalte {place[2]}" if place else ""
            raise LetterheadError(
                f'{path.name}: kein gültiger Briefkopf (TOML-Fehler{where}); Muster: practice = "Praxis …"'
            ) from None
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise LetterheadError(f"{path.name}: unbekannte Angabe {', '.join(unknown)}; erlaubt: {', '.join(sorted(known))}")
        data = {name: value.strip() if isinstance(value, str) else value for name, value in data.items()}
        if isinstance(data.get("email"), str) and email_problem(data["email"]):
            if said is not None:
                said.append(f"{path.name}: {email_problem(data['email'])} – das Schreiben nennt keine E-Mail")
            data["email"] = ""
        if isinstance(data.get("logo"), str) and data["logo"] and not Path(data["logo"]).is_absolute():
            data["logo"] = str(path.parent / data["logo"])
        try:
            return cls(**data)
        except LetterheadError as error:
            raise LetterheadError(f"{path.name}: {error}") from None


def email_problem(email: str) -> str:
    """Why an e-mail address cannot go into the letterhead („praxis(at)beispiel“), in German; "" when it can (or
    when there is none)."""
    if not email or EMAIL.fullmatch(email):
        return ""
    return (
        f"Briefkopf, {FIELD_NAMES['email']}: „{email}“ ist keine E-Mail-Adresse; bitte in der Form name@praxis.de "
        "eintragen (mit @ und Punkt vor der Endung, ohne Leerzeichen) oder das Feld leeren"
    )


def _bounded(path: Path, limit: int) -> bytes | None:
    """The file's bytes, None when it has more than `limit`; a device or a pipe (/dev/zero, a FIFO: endless, or
    waiting for ever) is refused before it is opened, and a file is never read beyond the limit."""
    problem = not_a_file(path)
    if problem:
        raise LetterheadError(problem.split(";")[0])
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels a PNG or JPEG says it has (from its header, before anything is decoded)."""
    if data.startswith(b"\x89PNG") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    at = 2
    while at + 9 < len(data) and data[at] == 0xFF:
        if data[at + 1] == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in SOF_MARKERS:
            return int.from_bytes(data[at + 7 : at + 9], "big"), int.from_bytes(data[at + 5 : at + 7], "big")
        at += 2 + length
    return None


def logo_problem(path: Path) -> None:
    """Refuse a logo that is no readable PNG or JPEG of at most 2 MB and MAX_LOGO_PIXELS pixels (a small file may
    unpack to a huge picture: 688 KB to 13.300 × 13.300 pixels took 2,6 GB)."""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise LetterheadError(f"Logo {path.name}: ein Bild als PNG oder JPEG erwartet")
    try:
        data = _bounded(path, MAX_LOGO_BYTES)  # read once, and only as far as it may be used
        size = path.stat().st_size
    except OSError as error:
        raise LetterheadError(f"Logo: {file_problem(error)}") from None
    if data is None:
        raise LetterheadError(f"Logo {path.name}: höchstens 2 MB, die Datei hat {size // 1024} KB")
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise LetterheadError(f"Logo {path.name}: kein PNG- oder JPEG-Bild")
    whole = b"IEND" in data[-16:] if data.startswith(b"\x89PNG") else data.rstrip(b"\x00").endswith(b"\xff\xd9")
    pixels = image_size(data)
    if not whole or pixels is None:
        raise LetterheadError(f"Logo {path.name}: das Bild ist unvollständig oder beschädigt")
    if min(pixels) < 1:
        raise LetterheadError(f"Logo {path.name}: {pixels[0]} × {pixels[1]} Bildpunkte – das Bild ist leer")
    if pixels[0] * pixels[1] > MAX_LOGO_PIXELS:
        raise LetterheadError(
            f"Logo {path.name}: {pixels[0]} × {pixels[1]} Bildpunkte; höchstens 16 Millionen – bitte das Bild verkleinern "
            "(ein Logo im Briefkopf braucht weniger als 1000 × 1000)"
        )
    _decoded(path.name, data)


def _decoded(name: str, data: bytes) -> None:
    """The picture decoded once, as the letter will (its header and end alone passed a PNG whose data is no picture,
    and every letter then left the logo out unsaid); its size was checked before, so decoding is bounded."""
    from PIL import Image  # noqa: PLC0415 - the imaging library loads only when a logo is given

    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
    except Exception:  # whatever the decoder fails on, the logo cannot be drawn
        raise LetterheadError(f"Logo {name}: das Bild lässt sich nicht lesen (beschädigt) – bitte neu speichern") from None


DEL_ESCAPED = "\\u007f"


def to_toml(letterhead: Letterhead) -> str:
    """The letterhead as a file that `hkp estimate --letterhead` reads (JSON strings are TOML strings once DEL,
    which JSON leaves as it is, is escaped too)."""
    lines = []
    for field in fields(letterhead):
        text = json.dumps(getattr(letterhead, field.name), ensure_ascii=False).replace(chr(127), DEL_ESCAPED)
        lines.append(f"{field.name} = {text}\n")
    return "".join(lines)
