"""Files → Documents: real encoded bytes of every encoding a Chinese archive holds, and bad files."""

from __future__ import annotations

import codecs
import hashlib
import time

import pytest

from govkg.errors import InputError
from govkg.ingest.files import decode, discover, doc_id_for, file_sha256, html_text, read_document

SIMPLIFIED = "区人民政府昨天召开会议，部署今年冬季供暖保障工作。会议要求各街道社区落实责任，确保居民温暖过冬。\n"
TRADITIONAL = "區人民政府昨天召開會議，部署今年冬季供暖保障工作。會議要求各街道社區落實責任，確保居民溫暖過冬。\n"


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("utf-8", SIMPLIFIED, "utf-8"),
        ("utf-8-sig", SIMPLIFIED, "utf-8-sig"),
        ("gbk", SIMPLIFIED, "gb18030"),
        ("gb2312", SIMPLIFIED, "gb18030"),
        ("gb18030", SIMPLIFIED + "𠮷\n", "gb18030"),  # a character outside GBK: four bytes in GB18030
        ("big5", TRADITIONAL, "big5"),
        ("utf-16", SIMPLIFIED, "utf-16"),  # with a BOM
        ("utf-16-le", SIMPLIFIED, "utf-16-le"),  # without
        ("utf-16-be", SIMPLIFIED, "utf-16-be"),
        ("utf-32", SIMPLIFIED, "utf-32"),
    ],
)
def test_encodings_are_detected_and_decoded(encoding, text, expected):
    decoded, found = decode(text.encode(encoding), "page.txt")
    assert decoded.lstrip("\ufeff") == text
    assert found == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("今天天气很好，我们去公园散步。", "gbk"), ("今天天氣很好，我們去公園散步。", "big5")],
)
def test_short_gbk_and_big5_are_told_apart(text, encoding):
    assert decode(text.encode(encoding), "p.txt")[0] == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t ", "empty file"),
        (bytes(range(256)) * 8, "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64) + b"IHDR" + bytes(range(200)), "binary file"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13" * 20, "binary file"),
        ("café résumé naïve".encode("latin-1"), "undecodable"),
        (SIMPLIFIED.strip().encode("utf-8")[:-1], "truncated"),
        (SIMPLIFIED.strip().encode("utf-8")[:-2], "truncated"),
        (SIMPLIFIED.strip().encode("gbk")[:-1], "truncated"),
        (TRADITIONAL.strip().encode("big5")[:-1], "truncated"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),  # a lone surrogate after a UTF-16 BOM
    ],
    ids=["empty", "blank", "bytes", "png", "controls", "latin-1", "utf8-cut-1", "utf8-cut-2", "gbk-cut",
         "big5-cut", "bad-utf16"],
)
def test_bad_bytes_raise_one_clear_reason(data, reason):
    with pytest.raises(InputError) as caught:
        decode(data, "corpus/bad.txt")
    assert reason in caught.value.reason
    assert str(caught.value).startswith("corpus/bad.txt: ")
    assert "\n" not in str(caught.value)


def test_the_document_keeps_the_hash_of_its_bytes_and_drops_the_bom(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(SIMPLIFIED.encode("utf-8-sig"))
    doc = read_document(path, "page.txt")
    assert doc.text == SIMPLIFIED
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() == file_sha256(path)


def test_discover_recurses_into_folders_and_keeps_text_md_and_html(tmp_path):
    for name in ("a.txt", "sub/b.md", "sub/deeper/c.html", "sub/d.HTM", "e.pdf", "f.json", "sub/g.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [(path.relative_to(tmp_path).as_posix(), doc_id) for path, doc_id in discover([tmp_path])]
    assert found == [("a.txt", "a.txt"), ("sub/b.md", "sub-b.md"), ("sub/d.HTM", "sub-d.HTM"),
                     ("sub/deeper/c.html", "sub-deeper-c.html"), ("sub/g.TXT", "sub-g.TXT")]


def test_a_file_given_directly_is_kept_whatever_its_suffix(tmp_path):
    path = tmp_path / "notes.log"
    path.write_text("x", encoding="utf-8")
    assert list(discover([path])) == [(path, "notes.log")]


@pytest.mark.parametrize(("relative", "expected"), [("a b/c d.txt", "a-b-c-d.txt"), ("新闻/第1版.txt", "新闻-第1版.txt"),
                                                    ("///", "document"), ("x?y#z", "x-y-z")])
def test_document_ids_are_iri_safe(relative, expected):
    assert doc_id_for(relative) == expected


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_document(tmp_path / "gone.txt", "gone.txt")


def test_html_is_stripped_to_its_visible_text():
    page = ("<!doctype html><html><head><title>标题栏</title><style>p{color:red}</style>"
            "<script>var s = '<p>不是正文</p>';</script></head><body><h1>社区办起&ldquo;暖心食堂&rdquo;</h1>"
            "<p>本报讯 记者 某某\n   报道</p><div>居民&amp;志愿者<br>共同参与</div><!-- 注释 --></body></html>")
    assert html_text(page) == "社区办起“暖心食堂”\n\n本报讯 记者 某某 报道\n\n居民&志愿者\n共同参与"


@pytest.mark.parametrize("charset", ["gbk", "gb2312", "big5", "utf-8"])
def test_html_follows_its_declared_charset(tmp_path, charset):
    body = TRADITIONAL if charset == "big5" else SIMPLIFIED
    page = f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(charset))
    doc = read_document(path, "page.html")
    assert doc.text == body.strip()


def test_html_without_text_is_skipped(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="without text"):
        read_document(path, "blank.html")


def test_a_50_mb_single_line_file_is_refused_fast_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    line = "各街道社区落实责任确保居民温暖过冬".encode()
    with path.open("wb") as f:
        for _ in range(50 * 2**20 // len(line)):
            f.write(line)
    started = time.perf_counter()
    with pytest.raises(InputError, match="too large") as caught:
        read_document(path, "huge.txt")
    assert time.perf_counter() - started < 1.0
    assert "--max-chars" in caught.value.reason


def test_a_document_over_the_character_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("很长的一行" * 1000, encoding="utf-8")  # 5,000 characters, 15,000 bytes
    assert len(read_document(path, "long.txt", max_chars=5000).text) == 5000
    with pytest.raises(InputError, match="5000 characters, over the limit of 4999"):
        read_document(path, "long.txt", max_chars=4999)


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-8-sig"])
def test_read_document_of_every_encoding_round_trips(tmp_path, encoding):
    text = TRADITIONAL if encoding == "big5" else SIMPLIFIED
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path, path.name)
    assert (doc.text, doc.encoding) == (text, encoding)
