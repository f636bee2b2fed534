"""Bylines, photo credits and datelines: who wrote an item, who took its photo, when and where it ran.

Forms handled (each by the shape of the line, never by a known name):
``□本报记者 宋某 通讯员 杨某``, ``记者黄某通讯员勇某``, ``本报讯(记者 施某)``,
``新疆日报讯(记者张某 阿克苏记者站张某报道)``, ``(李某记者汪某)``, ``云上某某报道(记者 冯某)``,
``某某 摄``, a trailing ``(胡某)``, and datelines such as ``稿源: 宁波日报 2017-04-27``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.model import Credit

_NAME = r"[\u4e00-\u9fff·]{2,5}"
_LABELS = {
    "记者": "reporter", "本报记者": "reporter", "特约记者": "reporter", "见习记者": "reporter",
    "实习记者": "reporter", "融媒记者": "reporter", "全媒体记者": "reporter", "通讯员": "correspondent",
    "特约通讯员": "correspondent", "摄影": "photographer", "摄": "photographer", "本报摄影记者": "photographer",
    "摄影记者": "photographer", "文/图": "reporter", "文": "reporter", "图": "photographer",
}
_LABEL_RE = "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
_BULLETS = "□■◆◇●○▲△★☆>＞ \t\u3000"

# A whole line that is a byline: starts with a label (after an optional bullet).
BYLINE_LINE = re.compile(rf"^[{_BULLETS}]*(?:本报|特约|见习|实习)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]")
# A photo credit line: names, then 摄 (or 摄影).
CREDIT_LINE = re.compile(rf"^[{_BULLETS}]*(?:(?:本报)?(?:摄影)?记者\s*)?((?:{_NAME}\s*){{1,4}})\s*摄影?$")
# An inline byline opening a paragraph: 本报讯(…), 新疆日报讯(…), 云上某某报道(…), or a bare (…).
INLINE_BYLINE = re.compile(
    r"^[\s\u3000]*(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,10}?)?(?:讯|报道|消息)?[(（](?P<body>[^()（）]{2,40}?)[)）]\s*"
)
# A trailing credit closing an article's last paragraph: …。(胡某)
TRAILING_CREDIT = re.compile(rf"[(（](?P<name>{_NAME})[)）]\s*$")
_STATION = re.compile(rf"(?P<station>[\u4e00-\u9fff]{{2,8}}?记者站)\s*(?P<name>{_NAME})")
_BYLINE_FULL = re.compile(rf"(?:(?:{_LABEL_RE})[\s\u3000]*(?:[\u4e00-\u9fff·]{{1,4}}[\s\u3000、]*){{1,4}})+")
_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})")
_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|时报|都市报|商报|青年报|法治报|报|网|新闻|客户端)")


@dataclass(frozen=True)
class Dateline:
    date: str | None
    source: str | None


def parse_dateline(line: str) -> Dateline | None:
    """A source/date line (``2020年12月23日 09:28 来源:某某日报``); None for any other line."""
    text = line.strip()
    if len(text) > 120 or text.endswith("。"):
        return None
    date = _DATE.search(text)
    cue = re.search(r"来源|稿源|出处|https?://|\d{1,2}:\d\d", text)
    if not (date and cue):
        return None
    source = None
    labelled = re.search(r"(?:来源|稿源|出处)\s*[:：]\s*([^\s\d:：]{2,20})", text)
    if labelled:
        source = labelled.group(1)
    else:
        outlets = [m.group(0) for m in _OUTLET.finditer(re.sub(r"https?://\S+", "", text))]
        source = outlets[-1] if outlets else None
    if source:
        source = re.split(r"[-—－_]", source)[-1] or None
    iso = f"{date['y']}-{int(date['m']):02d}-{int(date['d']):02d}"
    return Dateline(iso, source)


def _names(chunk: str) -> list[tuple[str, str | None]]:
    """Names in a run of text, with the printed form when padded (``邓 蕾`` → 邓蕾)."""
    tokens = [t for t in re.split(r"[\s\u3000、，,]+", chunk.strip()) if t]
    if len(tokens) >= 2 and all(len(t) == 1 for t in tokens):
        return [("".join(tokens), " ".join(tokens))]
    return [(t, None) for t in tokens if re.fullmatch(_NAME, t)]


def parse_credits(text: str, outlet: str | None = None) -> list[Credit]:
    """Credits in a byline text: labels (记者, 通讯员, 摄) followed by names.

    ``(X记者Y)`` — a name before the first label — is read as the correspondent, the
    convention of papers that print ``(通讯员 记者 …)`` run together. ``某地记者站Y`` is a
    reporter of that station of the outlet.
    """
    text = re.sub(r"报道$", "", text.strip(_BULLETS + "()（）"))
    credits: list[Credit] = []
    for station in _STATION.finditer(text):
        credits.append(Credit(station.group("name"), "reporter", f"{outlet or ''}{station.group('station')}"))
    text = _STATION.sub(" ", text)
    parts = re.split(rf"({_LABEL_RE})", text)
    for name, alias in _names(parts[0]):
        credits.insert(0, Credit(name, "correspondent", None, alias))
    for label, chunk in zip(parts[1::2], parts[2::2], strict=True):
        role = _LABELS[label]
        for name, alias in _names(chunk):
            credits.append(Credit(name, role, outlet if role == "reporter" else None, alias))
    return credits


def is_byline_line(line: str) -> bool:
    """A line made only of credit labels and names (``□本报记者 宋某 通讯员 杨某``)."""
    text = line.strip(_BULLETS)
    return len(text) <= 40 and bool(BYLINE_LINE.match(line)) and bool(_BYLINE_FULL.fullmatch(text))


def parse_inline(paragraph: str, source: str | None) -> tuple[list[Credit], int] | None:
    """An inline byline at the start of a paragraph: the credits and where the text after it begins."""
    match = INLINE_BYLINE.match(paragraph)
    if not match:
        return None
    body = match.group("body")
    if not re.search(_LABEL_RE, body):
        return None
    lead = match.group("outlet") or ""
    outlet = None if lead.startswith("本报") or not lead else lead
    credits = parse_credits(body, outlet or source)
    return (credits, match.end()) if credits else None


def parse_photo_credit(line: str) -> list[Credit]:
    match = CREDIT_LINE.match(line.strip())
    if not match:
        return []
    return [Credit(name, "photographer", None, alias) for name, alias in _names(match.group(1))]
