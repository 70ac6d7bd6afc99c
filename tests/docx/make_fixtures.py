#!/usr/bin/env python3
"""Writes the Word documents the .docx tests read, into OUT_DIR (made if missing):

    /usr/bin/python3 tests/docx/make_fixtures.py OUT_DIR [--big N]

made with python3-docx, plus the parts python-docx has no API for, written as OOXML by hand: a
text box (w:txbxContent, inside mc:AlternateContent with Word's VML fallback, which holds the
same text a second time), a hyperlink, a footnote and a comment. Word's 字数 counts the body
(paragraphs, tables, text boxes) and leaves out headers, footers, footnotes and comments
(docs/deliverables.md, "Counting 字"); every text outside the body below says so, in words that would change
the count if they were counted.

  facts.docx      the body counts 40 字 (word_processor) — see EXPECTED below
  table-only.docx a document whose text is all in a table: 7 字
  empty.docx      no text: 0 字
  broken.docx     a .docx cut in half (not a zip archive any more)
  not-a-zip.docx  a text file named .docx
  no-body.docx    a zip archive without word/document.xml
  bad-xml.docx    word/document.xml is not well-formed XML
  encrypted.docx  an encrypted Word document: an OLE compound file with EncryptionInfo and
                  EncryptedPackage streams, as Word writes one with a password
  legacy.doc      a Word 97-2003 document: an OLE compound file with a WordDocument stream
  big.docx        with --big N: N paragraphs of Chinese text, for bench/docx_bench.cpp

The expected counts are written to OUT_DIR/expected.json.
"""

from __future__ import annotations

import json
import pathlib
import struct
import sys
import zipfile

import docx  # python3-docx

# The body of facts.docx, paragraph by paragraph, and what Word counts in each (docs/deliverables.md).
PARAGRAPHS = [
    ("Hello、World。", 4),                  # 2 words + 2 full-width marks
    ("宁夏科协2025年学术交流项目。", 13),   # 11 Han + 2025 + 。
    ("Hello, world.", 2),                   # half-width marks stuck to words add nothing
    ("Hello , world .", 4),                 # a lone mark is a run of its own
]
TABLE = [["宁夏科协", "2025年"]]            # 4 + 2 (2025 is one run, 年 one)
TEXT_BOX = "文本框中的字"                    # 6, counted once although Word stores it twice
HYPERLINK = "链接"                          # 2
SPLIT_RUNS = ("Hel", "lo")                  # one word across two runs: 1
TABBED = "alpha\tbeta"                      # a tab separates: 2
EXPECTED_FACTS = sum(n for _, n in PARAGRAPHS) + 4 + 2 + 6 + 2 + 1 + 2  # 40

NOT_COUNTED = "页眉页脚脚注批注中的文字不计入字数"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def text_box_run(text: str) -> str:
    """A run holding a text box as Word 2010+ writes it: the DrawingML shape, and a VML fallback
    with the same text for older readers."""
    para = f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionV><wp:extent cx="1828800" cy="457200"/><wp:wrapNone/>'
        '<wp:docPr id="100" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{para}</w:txbxContent>'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def add_parts(path: pathlib.Path, body_xml: str) -> None:
    """Rewrites the package at `path`: the marker paragraph of document.xml becomes `body_xml`,
    and footnotes.xml and comments.xml (with their relationships and content types) are added."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode("utf-8")
    head_end = doc.index(">", doc.index("<w:document")) + 1
    head = doc[:head_end]
    for prefix, uri in NAMESPACES.items():
        if f"xmlns:{prefix}=" not in head:
            head = head[:-1] + f' xmlns:{prefix}="{uri}">'
    doc = head + doc[head_end:]
    marker_p = doc.rindex("<w:p", 0, doc.index("MARKER"))
    marker_end = doc.index("</w:p>", doc.index("MARKER")) + len("</w:p>")
    doc = doc[:marker_p] + body_xml + doc[marker_end:]
    parts["word/document.xml"] = doc.encode("utf-8")

    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>脚注：{NOT_COUNTED}</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>'
    )
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="审核" w:initials="SH">'
        f'<w:p><w:r><w:t>批注：{NOT_COUNTED}</w:t></w:r></w:p></w:comment></w:comments>'
    )
    parts["word/footnotes.xml"] = footnotes.encode("utf-8")
    parts["word/comments.xml"] = comments.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.org/" TargetMode="External"/>'
        "</Relationships>")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        "</Types>")
    parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def facts_docx(path: pathlib.Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：" + NOT_COUNTED
    d.sections[0].footer.paragraphs[0].text = "页脚：" + NOT_COUNTED
    for text, _ in PARAGRAPHS:
        d.add_paragraph(text)
    table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    p = d.add_paragraph()
    p.add_run(SPLIT_RUNS[0]).bold = True
    p.add_run(SPLIT_RUNS[1])
    d.add_paragraph(TABBED)
    d.add_paragraph("MARKER")
    d.save(str(path))
    body = (
        # The text box, anchored in a paragraph of its own.
        f"<w:p>{text_box_run(TEXT_BOX)}</w:p>"
        # A hyperlink, a footnote reference and a commented range (the comment itself is in
        # comments.xml, the footnote in footnotes.xml: neither counts).
        '<w:p><w:commentRangeStart w:id="0"/><w:hyperlink r:id="rIdLink"><w:r><w:t>'
        f'{HYPERLINK}</w:t></w:r></w:hyperlink><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        # A deleted run (tracked change): its w:delText is not text of the document.
        f'<w:del w:id="9" w:author="审核"><w:r><w:delText>{NOT_COUNTED}</w:delText></w:r></w:del>'
        '</w:p>'
    )
    add_parts(path, body)


def table_only_docx(path: pathlib.Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in zip([(0, 0), (0, 1), (1, 0), (1, 1)], ["学会", "协会", "2025", "年。"]):
        t.cell(r, c).text = text  # 2 + 2 + 1 + 2 = 7
    d.save(str(path))


def big_docx(path: pathlib.Path, n: int) -> None:
    d = docx.Document()
    line = "宁夏科协2025年学术交流及学会能力提升项目，面向产业园区、企业等发展需求，开展产学研对接活动。"
    for i in range(n):
        d.add_paragraph(f"{i + 1}. {line}")
    d.save(str(path))


def compound_file(streams: list) -> bytes:
    """A minimal OLE compound file (MS-CFB, version 3, 512-byte sectors): a root storage and the
    named streams, each empty. Enough for a reader to see what kind of file it is."""
    sector = 512
    free, end_of_chain, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)            # one FAT sector
    struct.pack_into("<I", header, 48, 1)            # the directory starts at sector 1
    struct.pack_into("<I", header, 56, 4096)         # mini stream cutoff
    struct.pack_into("<I", header, 60, end_of_chain)  # no mini FAT
    struct.pack_into("<I", header, 68, end_of_chain)  # no DIFAT sectors
    struct.pack_into("<I", header, 76, 0)            # DIFAT[0]: the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, free)
    fat = bytearray(sector)
    for i in range(sector // 4):
        struct.pack_into("<I", fat, 4 * i, free)
    struct.pack_into("<II", fat, 0, fat_sect, end_of_chain)

    def entry(name: str, kind: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<I", e, 116, end_of_chain)
        return bytes(e)

    entries = [entry("Root Entry", 5, child=1 if streams else 0xFFFFFFFF)]
    for i, name in enumerate(streams):
        entries.append(entry(name, 2, right=i + 2 if i + 1 < len(streams) else 0xFFFFFFFF))
    directory = b"".join(entries).ljust(sector, b"\0")
    return bytes(header) + bytes(fat) + directory


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 64
    out = pathlib.Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    if "--big" in args:
        big_docx(out / "big.docx", int(args[args.index("--big") + 1]))
    facts_docx(out / "facts.docx")
    table_only_docx(out / "table-only.docx")
    docx.Document().save(str(out / "empty.docx"))
    whole = (out / "facts.docx").read_bytes()
    (out / "broken.docx").write_bytes(whole[: len(whole) // 2])
    (out / "not-a-zip.docx").write_text("这不是 Word 文档\n", encoding="utf-8")
    with zipfile.ZipFile(out / "no-body.docx", "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
    with zipfile.ZipFile(out / "facts.docx") as src, zipfile.ZipFile(out / "bad-xml.docx", "w") as z:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data[: len(data) // 2]
            z.writestr(name, data)
    (out / "encrypted.docx").write_bytes(
        compound_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    (out / "legacy.doc").write_bytes(compound_file(["WordDocument", "1Table"]))
    expected = {
        "facts.docx": {"word_processor": EXPECTED_FACTS},
        "table-only.docx": {"word_processor": 7},
        "empty.docx": {"word_processor": 0},
    }
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
