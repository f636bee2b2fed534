"""Bylines, photo credits and datelines: who wrote an item, who took its photo, when and where it ran.

Forms handled (each by the shape of the line, never by a known name):
``□本报记者 宋某 通讯员 杨某``, ``记者黄某通讯员勇某``, ``记者：张某``, ``作者：张某``, ``文/张某``,
``本报讯(记者 施某)``, ``某某日报讯(记者张某 某地记者站张某报道)``, ``(李某记者汪某)``,
``某某报道(记者 冯某)``, ``新华社某地5月6日电（记者张某、李某）``, ``某某 摄``, a trailing ``(胡某)``,
and datelines such as ``稿源: 某某日报 2017-04-27`` or ``来源：某某日报 作者：张某 2024-01-02``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govkg.model import Credit
from govkg.resources import read_lexicon

_NAME = r"[\u4e00-\u9fff·]{2,5}"
_INTERN = "实习生"  # a correspondent's label that is also the title the byline gives
_PREFIX = r"(?:本报|特约|见习|实习|首席|融媒体?|全媒体|新媒体)?"
# Label → role; None for the desk's other credits (校对, 审核), which are read and dropped.
_LABELS = [
    (rf"{_PREFIX}摄影记者|摄影|摄|图/|图", "photographer"),
    (rf"{_PREFIX}记者|作者|文/图|文/|撰文", "reporter"),
    (rf"{_PREFIX}通讯员|实习生", "correspondent"),
    (r"责任编辑|责编|编辑", "editor"),
    (r"校对|审核|监制|统筹|美编", None),
]
BYLINE_ROLES = ("reporter", "correspondent")  # the credits that make a byline (an editor's do not)
_LABEL_RE = "|".join(f"(?:{pattern})" for pattern, _ in _LABELS)
_LABEL_SPLIT = re.compile(rf"((?:{_LABEL_RE})\s*[:：]?)")
_BULLETS = "□■◆◇●○▲△★☆>＞ \t\u3000|｜"

BYLINE_LINE = re.compile(rf"^[{_BULLETS}]*(?:{_LABEL_RE})\s*[:：]?\s*[\u4e00-\u9fff·]")
_BYLINE_FULL = re.compile(
    rf"(?:(?:{_LABEL_RE})[\s\u3000]*[:：]?[\s\u3000]*(?:[\u4e00-\u9fff·]{{1,4}}[\s\u3000、，,|｜]*){{1,6}})+")
_SPACED_NAME = r"[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,2}"  # 林 海, printed with a space to fill the column
CREDIT_LINE = re.compile(
    rf"^[{_BULLETS}]*(?:{_PREFIX}(?:摄影)?记者\s*)?((?:(?:{_NAME}|{_SPACED_NAME})[\s、]*){{1,4}})\s*摄影?$")
INLINE_BYLINE = re.compile(
    r"^[\s\u3000]*(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,10}?)?(?:讯|报道|消息)?[(（](?P<body>[^()（）]{2,40}?)[)）]\s*")
# 新华社北京5月6日电（记者张某）: an agency dateline opening the text.
WIRE_BYLINE = re.compile(
    r"^[\s\u3000]*(?P<outlet>[\u4e00-\u9fff]{2,8}?社)[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日电\s*"
    r"[(（](?P<body>[^()（）]{2,40}?)[)）]\s*")
TRAILING_CREDIT = re.compile(r"[(（](?P<body>[^()（）]{2,30})[)）]\s*$")
_STATION = re.compile(rf"(?P<station>[\u4e00-\u9fff]{{2,8}}?记者站)\s*(?P<name>{_NAME})")
_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})")
_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|时报|都市报|商报|青年报|法治报|报|网|新闻|客户端|社)")
_NOT_A_PERSON = re.compile(r"(?:社|报|台|网|站|中心|部|局|委|办|厅|处)$")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(read_lexicon("surnames"))


def looks_like_name(text: str) -> bool:
    """A plausible Chinese personal name: 2–4 characters opening with a known surname."""
    if not 2 <= len(text) <= 4 or _NOT_A_PERSON.search(text):
        return False
    return text[:1] in _surnames() or text[:2] in _surnames()


def _role(label: str) -> str | None:
    for pattern, role in _LABELS:
        if re.fullmatch(pattern, label.rstrip(":： ")):
            return role
    return None


@dataclass(frozen=True)
class Dateline:
    date: str | None
    source: str | None
    credits: tuple[Credit, ...] = ()


def parse_dateline(line: str) -> Dateline | None:
    """A source/date line (``2020年12月23日 09:28 来源:某某日报``); None for any other line."""
    text = line.strip()
    if len(text) > 120 or text.endswith("。"):
        return None
    date = _DATE.search(text)
    cue = re.search(r"来源|稿源|出处|发布|https?://|\d{1,2}:\d\d", text)
    if not (date and cue):
        return None
    labelled = re.search(r"(?:来源|稿源|出处)\s*[:：]\s*([^\s\d:：|｜]{2,20})", text)
    if labelled:
        source = labelled.group(1)
    else:
        outlets = [m.group(0) for m in _OUTLET.finditer(re.sub(r"https?://\S+", "", text))]
        source = outlets[-1] if outlets else None
    if source:
        source = re.split(r"[-—－_]", source)[-1] or None
    author = re.search(r"(?:作者|记者)\s*[:：]\s*(.{2,24})", text)
    credits = ()
    if author:
        chunk = re.split(r"[\u4e00-\u9fff]{2,6}\s*[:：]|\d|[|｜]", author.group(1))[0]
        if _LABEL_SPLIT.search(chunk):  # 作者：记者 某某 通讯员 某某
            credits = tuple(parse_credits(chunk, source))
        else:
            credits = tuple(Credit(n, "reporter", source, a) for n, a in _names(chunk))
    iso = f"{date['y']}-{int(date['m']):02d}-{int(date['d']):02d}"
    return Dateline(iso, source, credits)


def _names(chunk: str) -> list[tuple[str, str | None]]:
    """Names in a run of text, with the printed form when padded (``林 海`` → 林海)."""
    tokens = [t for t in re.split(r"[\s\u3000、，,|｜:：]+", chunk.strip()) if t]
    if len(tokens) >= 2 and all(len(t) == 1 for t in tokens):
        return [("".join(tokens), " ".join(tokens))]
    return [(t, None) for t in tokens if re.fullmatch(_NAME, t) and t not in ("报道", "摄影")]


def parse_credits(text: str, outlet: str | None = None) -> list[Credit]:
    """Credits in a byline text: labels (记者, 通讯员, 摄) followed by names.

    ``(X记者Y)`` — a name before the first label — is read as the correspondent, the
    convention of papers that print ``(通讯员 记者 …)`` run together. ``某地记者站Y`` is a
    reporter of that station of the outlet.
    """
    text = re.sub(r"\s*报道$", "", text.strip(_BULLETS + "()（）"))
    credits: list[Credit] = []
    for station in _STATION.finditer(text):
        credits.append(Credit(station.group("name"), "reporter", f"{outlet or ''}{station.group('station')}"))
    text = _STATION.sub(" ", text)
    parts = _LABEL_SPLIT.split(text)
    for name, alias in _names(parts[0]):
        if looks_like_name(name):
            credits.insert(0, Credit(name, "correspondent", None, alias))
    for label, chunk in zip(parts[1::2], parts[2::2], strict=True):
        role = _role(label)
        if role is None:
            continue
        printed = label.rstrip(":： ")
        title = printed if role == "editor" else _INTERN if printed.endswith(_INTERN) else None
        for name, alias in _names(chunk):
            credits.append(Credit(name, role, outlet if role == "reporter" else None, alias, title=title))
    return credits


def is_byline_line(line: str) -> bool:
    """A line made only of credit labels and names (``□本报记者 宋某 通讯员 杨某``)."""
    text = line.strip(_BULLETS)
    return len(text) <= 40 and bool(BYLINE_LINE.match(line)) and bool(_BYLINE_FULL.fullmatch(text))


def is_desk_line(line: str) -> bool:
    """A line crediting only the desk, in parentheses or not (（责任编辑：某某）)."""
    text = line.strip(_BULLETS)
    if text[:1] in "(（" and text[-1:] in ")）":
        text = text[1:-1]
    if not is_byline_line(text):
        return False
    credits = parse_credits(text)
    return bool(credits) and all(c.role == "editor" for c in credits)


def parse_inline(paragraph: str, source: str | None) -> tuple[list[Credit], int] | None:
    """An inline byline at the start of a paragraph: the credits and where the text after it begins."""
    match = WIRE_BYLINE.match(paragraph) or INLINE_BYLINE.match(paragraph)
    if not match:
        return None
    body = match.group("body")
    if not re.search(_LABEL_RE, body):
        return None
    lead = match.group("outlet") or ""
    outlet = None if lead.startswith("本报") or not lead else lead
    credits = parse_credits(body, outlet or source)
    return (credits, match.end()) if credits else None


def parse_trailing(paragraph: str, source: str | None) -> tuple[list[Credit], int] | None:
    """A credit closing an article's last paragraph — ``…。(胡某)`` or ``…。（记者 张某）`` — and where it starts."""
    match = TRAILING_CREDIT.search(paragraph)
    if not match:
        return None
    body = match.group("body").strip()
    if re.search(_LABEL_RE, body):
        credits = parse_credits(body, source)
    elif looks_like_name(body):
        credits = [Credit(body, "reporter", source)]
    else:
        return None
    return (credits, match.start()) if credits else None


INLINE_PHOTO_CREDIT = re.compile(rf"(?<=[。！？!?\s])[\s\u3000]*((?:{_NAME}[\s、]*){{1,4}}?)\s*摄影?$")


def split_photo_credit(line: str) -> tuple[list[Credit], int] | None:
    """A caption that ends with its credit on the same line (``图为…。 王某 摄``): the credits and where they start."""
    match = INLINE_PHOTO_CREDIT.search(line)
    if not match:
        return None
    credits = [Credit(name, "photographer", None, alias) for name, alias in _names(match.group(1))]
    return (credits, match.start(1)) if credits else None


def parse_photo_credit(line: str) -> list[Credit]:
    match = CREDIT_LINE.match(line.strip())
    if not match:
        return []
    return [Credit(name, "photographer", None, alias) for name, alias in _names(match.group(1))]
