"""Awards: "<presenter> trao <Bằng khen> của <conferrer> cho <9 tập thể và 15 cá nhân>".

A registration ("đăng ký Bằng khen") or a proposal ("đề nghị … tặng bằng khen") is not an
award; "thừa ủy quyền của X" names the conferrer; "<body> khen thưởng N tập thể" is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from antq.graph import lexicon
from antq.graph.extract.orgs import OrgMention, find_orgs
from antq.graph.extract.people import PersonMention
from antq.graph.text import CAP_WORD

_TYPES = "|".join(sorted({t for t in lexicon.AWARD_TYPES} | {t.lower() for t in lexicon.AWARD_TYPES}, key=len, reverse=True))
# Who receives awards, counted or not: "9 tập thể", "6 già làng, người có uy tín".
_RECIPIENT_NOUNS = ("tập thể", "cá nhân", "cán bộ", "đơn vị", "chiến sĩ", "hộ gia đình", "gia đình", "đồng chí", "hội viên",
                    "đoàn viên", "đảng viên", "công đoàn cơ sở", "doanh nghiệp", "công nhân", "người có uy tín", "già làng", "trưởng thôn", "trưởng bản", "học sinh",
                    "công dân", "quần chúng", "người", "hộ")
_RECIPIENT_NOUN = "|".join(sorted(_RECIPIENT_NOUNS, key=len, reverse=True))
_RECIPIENT = rf"(?:các\s+|\d+\s+)?(?:{_RECIPIENT_NOUN})(?![\w])"
_SECOND_NOUN = r"(?:\s*,\s*(?:chiến sĩ|cá nhân|tập thể|hội viên|đoàn viên)(?![\w]))?"  # "4 cán bộ, chiến sĩ"
_COUNTED_OR_ALL = rf"(?:các\s+|\d+\s+)(?:{_RECIPIENT_NOUN})(?![\w])"
# One named person, with a rank or an honorific: "cho Thiếu tá Lò Văn A và 2 cán bộ Công an xã", "cho anh B, chị C".
_RANK = "|".join(sorted(lexicon.RANKS, key=len, reverse=True))
_NAMED_RECIPIENT = rf"(?:{_RANK}|anh|chị|ông|bà|em)\s+{CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}(?![\w])"
# Inside a clause: anything but a comma, a semicolon or a full stop; a dot inside a word ("TP.HCM") stays.
_IN_CLAUSE = r"(?:[^,;.]|\.(?=\w))"
# A named order: "Huân chương Bảo vệ Tổ quốc hạng Ba" (capitalised words after the type).
_NAME_WORD = r"(?:Bảo|Bảo vệ|Vì|vì|Chiến công|Lao động|Dũng cảm|Quân công|Độc lập|An ninh|an ninh|Tổ quốc|Quốc phòng|Hữu nghị|Bảo vệ Tổ quốc)"
# An organisation as the recipient: "cho Công an huyện X" (up to the end of the clause).
# … or a village or quarter: "cho thôn X và 3 cá nhân"
_ORG_RECIPIENT = (r"(?:Công an|UBND|Ủy ban|Uỷ ban|Ban|Đội|Phòng|Đồn|Hội|Đoàn|Công đoàn|Liên đoàn|Chi hội|Câu lạc bộ|Trường|Nhân dân|tập thể"
                  r"|(?:các\s+)?đội\s+(?=[A-ZĐ]|huyện|thành phố|thị xã|quận|xã|phường)"  # a contest's teams
                  r"|(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư)\s+(?=[A-ZĐ\d]))"
                  + _IN_CLAUSE + r"{0,60}?(?=\s+(?:có|vì|đã)\s|[,;]|\.(?!\w)|$)")
AWARD_RE = re.compile(
    rf"(?P<type>{_TYPES})(?P<name>(?:\s+(?:{_NAME_WORD}|“[^”]{{1,60}}”|\x22[^\x22]{{1,60}}\x22)){{0,6}}(?:\s+hạng\s+(?:Nhất|Nhì|Ba|nhất|nhì|ba))?)"
    rf"(?:\s+của\s+(?P<conf>{_IN_CLAUSE}+?))?"
    rf"(?=\s+cho\s+|\s+vì\s+|\s*(?:[,;]|\.(?!\w))|\s+và\s+|$)"
    rf"(?:\s+cho\s+(?P<rec>(?:{_RECIPIENT}|{_NAMED_RECIPIENT})(?:(?:\s*,\s*|\s+và\s+)(?:{_RECIPIENT}|{_NAMED_RECIPIENT}))*"
    # "cho Công an phường A, Công an phường B và 4 cán bộ, chiến sĩ": bodies, then people
    # ("cho Công an phường 7, đơn vị dẫn đầu …": an apposition, no second recipient; "cho Phòng X,
    # Công an tỉnh Y": a unit and its parent, so a body after a comma opens as the first one does)
    rf"|(?=(?P<orghead>\S+\s+\S+)){_ORG_RECIPIENT}"
    rf"(?:\s*,\s*(?=(?P=orghead)){_ORG_RECIPIENT}|\s*,\s*{_COUNTED_OR_ALL}|\s+và\s+(?:{_ORG_RECIPIENT}|{_COUNTED_OR_ALL}))*{_SECOND_NOUN}))?"
)
GIVE_RE = re.compile(rf"(?<![\w])(?:trao tặng|trao|tặng|khen thưởng|biểu dương, trao|trao thưởng|(?<!tiếp )(?P<receive>nhận)(?=\s+(?:{_TYPES})))(?![\w])")
_COUNTED_RECIPIENT = rf"\d+\s+(?:{_RECIPIENT_NOUN})(?![\w])"
_COUNTED_RECIPIENTS = rf"{_COUNTED_RECIPIENT}(?:(?:\s*,\s*|\s+và\s+){_COUNTED_RECIPIENT})*"
COMMEND_RE = re.compile(rf"(?P<who>{_IN_CLAUSE}{{3,80}}?)\s+khen thưởng\s+(?P<rec>{_COUNTED_RECIPIENTS})")
# The passive: "16 tập thể và 24 cá nhân được Giám đốc Công an tỉnh tặng Giấy khen",
# "9 tập thể, 11 cá nhân khác nhận Bằng khen của …": the recipients come first;
# "3 tập thể và 12 cá nhân là người có uy tín được …": a short description may stand between.
# So may a second noun ("12 cán bộ, chiến sĩ Công an tỉnh vinh dự được …").
_PASSIVE_RECIPIENTS = re.compile(
    rf"(?P<rec>{_COUNTED_RECIPIENTS}(?:\s*,\s*(?:chiến sĩ|cá nhân|tập thể|hội viên|đoàn viên)(?![\w]))?)(?:\s+khác)?"
    # "… có thành tích xuất sắc trong 5 năm thực hiện Chương trình số 15 được …": a merit, digits and all
    # "8 đồng chí lãnh đạo, chỉ huy và cán bộ Công an tỉnh được …": a comma inside a list of nouns too
    rf"(?:\s+(?:là\s+)?(?:[^,;.\d]|,(?=\s+[a-zà-ỹđ])|\.(?=\w)){{1,60}}?|\s+có thành tích(?:[^,;.]|\.(?=\w)){{1,100}}?)?"
    rf"\s+(?:vinh dự\s+)?(?:được|đã được|nhận|được nhận)(?![\w])")
_MORE_CONFERRERS = re.compile(
    r"\s*,\s*((?:UBND|Ủy ban|Uỷ ban|UBMTTQ|Công an|CATP|Bộ|Sở|Thành ủy|Tỉnh ủy|Hội|Ban)" + _IN_CLAUSE + r"*?)(?=\s*,|\s+cho\s|\s*(?:;|\.(?!\w))|$)"
)
_DELEGATED = re.compile(rf"[Tt]hừa ủy quyền của\s+(?P<conf>{_IN_CLAUSE}+)")
# Not an act of giving: a registration, a proposal, a decision being announced, a ceremony's name.
_NOT_GIVEN = re.compile(r"đăng ký|đề nghị|đăng\s+(?:Bằng|Giấy)|xét tặng|đề xuất|về việc|công bố|[Ll]ễ\s*$|lễ\s+$")


@dataclass
class AwardMention:
    type: str
    start: int
    end: int
    conferred_by: str | None = None
    recipients: str | None = None
    presenters: list[str] = field(default_factory=list)
    name: str | None = None  # "Huân chương Bảo vệ Tổ quốc hạng Ba": the type with its own name


def _counts(recipients: str | None) -> tuple[int | None, int | None]:
    if not recipients:
        return None, None
    col = re.search(r"(\d+)\s+tập thể", recipients)
    ind = re.search(r"(\d+)\s+cá nhân", recipients)
    return (int(col.group(1)) if col else None, int(ind.group(1)) if ind else None)


def _subject_body(text: str, start: int, end: int, gap: str) -> OrgMention | None:
    """The last body in ``text[start:end]`` when only ``gap`` (adverbs) stands between it and ``end``."""
    orgs = [o for o in find_orgs(text, start, end) if not o.generic]
    return orgs[-1] if orgs and re.fullmatch(gap, text[orgs[-1].end : end]) else None


def _giving_body(text: str, start: int, verb: int) -> str | None:
    """ "Công an tỉnh đã trao Giấy khen …": a body that is the subject of the verb confers it."""
    body = _subject_body(text, start, verb, r"\s*(?:đã|cũng|vừa)?\s*")
    if body is None:
        return None
    # "Bộ trưởng Bộ Công an tặng Bằng khen": an office (title + body) as the subject confers it
    title = _OFFICE.search(text, max(start, body.start - 30), body.start)
    return text[title.start() : body.end] if title else body.name


_OFFICE = re.compile(r"(?:Phó\s+)?(?:Bộ trưởng|Thủ tướng|Chủ tịch|Giám đốc|Cục trưởng|Tư lệnh|Bí thư)\s+$")


# An office named without a body: "Chủ tịch nước", "Thủ tướng Chính phủ".
_OFFICE_NAME = re.compile(r"\s*(?:Chủ tịch nước|Thủ tướng(?: Chính phủ)?|Phó Thủ tướng(?: Chính phủ)?|Chủ tịch Quốc hội)\s*")


def _honoured_body(text: str, start: int, end: int) -> str | None:
    """The body that is the subject of a passive award ("<body> (vinh dự) được … tặng"), if one is."""
    body = _subject_body(text, start, end, r"\s*(?:cũng\s+|đã\s+)?(?:vinh dự\s+)?")
    return body.name if body is not None else None


_REPORTED = re.compile(r"cho biết|thông tin|(?<![\w])nói(?![\w])|phát biểu|báo cáo|đề nghị|nhấn mạnh|khẳng định|chia sẻ"
                       r"|(?<![\w])(?:các|nhiều)\s+(?:tập thể|cá nhân|đơn vị|hộ|người|gia đình)")
_PASSIVE_BY = re.compile(r"(?<![\w])(?:được|đã được)(?=\s+\S+[^;]*$)")
# "…; (đồng thời) trao Bằng khen …": nothing but a connective before the verb, the presenter goes on
# "… được Chủ tịch UBND huyện tặng Giấy khen, do bà A trao": who hands the award over
_HANDED_BY = re.compile(r",?\s*do\s+([^,;.]{3,80}?)\s+(?:trao tặng|trao)(?![\w])")
_CARRY_ON = re.compile(r"[\s,]*(?:(?:đồng thời|và|cùng|cũng|tiếp tục|tiếp đó)[\s,]*)?")


def find_awards(text: str, start: int, end: int, people: list[PersonMention]) -> list[AwardMention]:
    sentence = text[start:end]
    out: list[AwardMention] = []
    delegated = _DELEGATED.search(sentence)
    carried: list[str] | None = None  # "… trao Bằng khen …; Giấy khen của X cho …": the verb carries over
    for clause in re.finditer(r"[^;]+", sentence):
        c_start = start + clause.start()
        body = clause.group()
        give = GIVE_RE.search(body)
        if not give and carried is not None and re.match(rf"\s*(?:\d+\s+)?(?:{_TYPES})", body):  # "…; 2 giải Ba cho …"
            give = re.match(r"\s*", body)
        elif not give or _NOT_GIVEN.search(body[max(0, give.start() - 40) : give.start()]) or _NOT_GIVEN.search(body[give.start() : give.start() + 40]):
            carried = None
            continue
        receiving = bool(give.groupdict().get("receive"))  # "X nhận Bằng khen": X is a recipient, not a presenter
        passive = None
        for passive in _PASSIVE_RECIPIENTS.finditer(body, 0, give.start() + len(give.group())):
            pass
        if receiving and passive is None:  # "đón nhận Huân chương": a ceremony, told elsewhere in full
            carried = None
            continue
        honoured: list[str] = []
        by = _PASSIVE_BY.search(body, 0, give.start()) if passive is None and not receiving else None
        if by is not None:  # "ông A … vinh dự được Chủ tịch UBND tỉnh tặng Bằng khen": A receives it
            before = [p for p in people if c_start <= p.start and p.end <= c_start + by.start()]
            # … unless A only reports it: "A cho biết, nhiều tập thể được tặng …"
            if before and not _REPORTED.search(text, max(p.end for p in before), c_start + by.start()):
                honoured = list(dict.fromkeys(p.name for p in before))
            elif not before and (unit := _honoured_body(text, c_start, c_start + by.start())):
                honoured = [unit]  # "Công an xã X vinh dự được Chủ tịch nước tặng Huân chương …"
        # in the passive, whoever gives stands between "được" and the verb, never before "được"
        after = passive.end() if passive else by.end() if by is not None else 0
        bare_passive = re.search(r"(?<![\w])được\s+$", body[: give.start()])  # "các cá nhân được tặng …": no giver named
        presenters = [] if receiving or bare_passive else list(dict.fromkeys(
            p.name for p in people if c_start + after <= p.start and p.end <= c_start + give.start()))
        giver = _giving_body(text, c_start + after, c_start + give.start()) if not presenters and not receiving else None
        if giver is None and honoured and _OFFICE_NAME.fullmatch(text, c_start + after, c_start + give.start()):
            giver = text[c_start + after : c_start + give.start()].strip()  # "được Chủ tịch nước tặng"
        if not presenters and (handed := _HANDED_BY.search(body, give.end())):  # "…, do bà A trao"
            presenters = list(dict.fromkeys(p.name for p in people if c_start + handed.start(1) <= p.start
                                            and p.end <= c_start + handed.end(1)))
        if not presenters and _CARRY_ON.fullmatch(body[: give.start()]) and carried:
            presenters = list(carried)  # "…; trao Cờ thi đua …": the same presenter goes on
        carried = presenters
        found = False
        for m in AWARD_RE.finditer(body, give.start()):
            conf = m.group("conf")
            if not conf and delegated:
                conf = delegated.group("conf").strip()
            conf = conf or giver
            t = m.group("type")
            kind = t[0].upper() + t[1:]
            recipients, first = m.group("rec"), m.start()
            if not recipients and passive is not None and not found:
                recipients, first = passive.group("rec"), passive.start()
            elif not recipients and honoured and not found:
                recipients = " và ".join(honoured)
            titled = " ".join(f"{kind}{m.group('name')}".split()) if m.group("name").strip() else None
            out.append(AwardMention(kind, c_start + first, c_start + m.end(),
                                    conf.strip() if conf else None, recipients, presenters, titled))
            # "Bằng khen của UBND Thành phố, Ủy ban MTTQ Việt Nam Thành phố": one award per conferrer.
            for more in _MORE_CONFERRERS.finditer(body, m.end()) if not m.group("rec") else ():  # after recipients: their parent
                if not more.group(1) or more.start() != (m.end() if more.start() == m.end() else -1):
                    break
                out.append(AwardMention(kind, c_start + more.start(1), c_start + more.end(1), more.group(1).strip(),
                                        m.group("rec"), presenters))
            found = True
        if not found:
            cm = COMMEND_RE.search(body)
            if cm:
                who = re.sub(r"^(?:Dịp này|Nhân dịp này|Tại hội nghị)\s*,\s*", "", cm.group("who").strip())
                out.append(AwardMention("Khen thưởng", c_start + cm.start(), c_start + cm.end(), who, cm.group("rec"), presenters))
    # Recipients named once for several awards ("Bằng khen của A, Giấy khen của B cho các tập thể"): share them.
    shared = next((a.recipients for a in reversed(out) if a.recipients), None)
    for a in out:
        a.recipients = a.recipients or shared
    return out


recipient_counts = _counts
