#!/usr/bin/env python3
"""Writes the hostile PDF files of indexer/tests/data/bad-input/ (see BAD_INPUT.md).

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pypdf cryptography
    /tmp/v/bin/python scripts/make-bad-pdfs.py indexer/tests/data/bad-input

- encrypted.pdf: a one-page French notice, encrypted (AES-256) with a user password;
- bomb.pdf: a page whose content stream is 1 MB of Flate data inflating to 1 GiB;
- broken.pdf: a valid PDF cut in the middle of its content stream.
"""
import io
import sys
import zlib
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject,
                           NumberObject)


def notice_pdf(text: str) -> bytes:
    """A one-page PDF writing `text` in Helvetica."""
    w = PdfWriter()
    page = w.add_blank_page(width=595, height=842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)}),
    })
    stream = DecodedStreamObject()
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream.set_data(f"BT /F1 12 Tf 72 770 Td ({escaped}) Tj ET".encode("cp1252"))
    page[NameObject("/Contents")] = w._add_object(stream)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue(), w


def main(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    text = "Compte rendu du conseil municipal : la fibre optique arrive à Allonnes."
    plain, _ = notice_pdf(text)

    _, w = notice_pdf(text)
    w.encrypt(user_password="secret-mairie", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    w.write(out)
    (target / "encrypted.pdf").write_bytes(out.getvalue())

    # The bomb: a content stream of zeros, compressed.
    comp = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(1024)) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        pdf += b"%010d 00000 n \n" % off
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    (target / "bomb.pdf").write_bytes(bytes(pdf))

    cut = plain[: plain.index(b"stream") + 20]
    (target / "broken.pdf").write_bytes(cut)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "indexer/tests/data/bad-input"))
