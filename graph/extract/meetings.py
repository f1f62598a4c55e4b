"""Meetings and the role of each person at them.

The lead sentence names the event: "Sáng 24/5, <organisers> tổ chức hội nghị tổng kết …".
Roles come from the verbs of the genre: chủ trì / đồng chủ trì (chair), dự / tham dự /
đến dự … có (attend), phát biểu / báo cáo / kết luận / khai mạc (speak).
"""

from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field

from antq.graph import lexicon
from antq.graph.extract import dates
from antq.graph.extract.orgs import OrgMention, find_orgs
from antq.graph.extract.people import PersonMention
from antq.graph.text import CAP_WORD, Sentence

_NOUN = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(lexicon.MEETING_NOUNS, key=len, reverse=True)) + r")(?![\w])")
_ORGANISE = re.compile(r"(?<![\w])(?:phối hợp\s+)?(?:tổ chức|long trọng tổ chức|đã tổ chức)(?![\w])")
_KIND_AFTER_ORGANISE = re.compile(r"\s+(tổng kết|sơ kết|triển khai|ký kết|lễ|Lễ|Ngày hội|ngày hội|tọa đàm|hội thảo)(?![\w])")
_LABEL_CUT = re.compile(
    r"\s+(?:giữa|về|trên địa bàn|giai đoạn|nhằm|với sự|với chủ đề|tại|do)\s|[,;:.“\"(]|\s+ngày\s+\d|\s+năm\s+\d{4}\s*,"
)
_AT_PLACE = re.compile(
    rf"(?<![\w])tại\s+((?:(?:TP\.?|{lexicon.unit_words(lexicon.COMMUNITY_UNITS, lexicon.COMMUNE_UNITS, lexicon.DISTRICT_UNITS, lexicon.PROVINCE_UNITS)})\s*)?"
    rf"(?:{CAP_WORD}|\d+)(?:\s+{CAP_WORD}){{0,3}})"
)
_ATTEND = re.compile(r"(?:^|[\s,;:])(?:[Dd]ự|[Tt]ham dự|[Đđ]ến dự|[Cc]ó mặt|[Vv]ề phía|[Cc]hứng kiến|[Cc]ùng đi(?= có| với)|[Tt]iếp đoàn(?= có))(?![\w])")
_CHAIR_FIRST = re.compile(r"(?:[Đđ]ồng chủ trì|[Cc]hủ trì)\s+(?:hội nghị|buổi lễ|lễ|ngày hội|chương trình|tọa đàm|hội thảo)?[^,;.:]{0,20}?(?:\s*(?:có|là|gồm)\s|\s*:\s*)")
_BY = re.compile(r"\s+do\s+")
_PASSIVE_EVENT = re.compile(
    r"(?:" + "|".join(re.escape(n) for n in lexicon.MEETING_NOUNS) + r")(?![\w])[^.;]{0,120}?\s+do\s+[^.;]{3,160}?(?:tổ chức)(?![\w])"
)
# ("Đồn Biên phòng chủ trì tuần tra": leading an activity, not chairing the event)
_CHAIR = re.compile(r"(?<![\w])(?:đồng chủ trì|chủ trì)(?![\w])(?!\s+(?:tuần tra|phối hợp|tổ chức|triển khai|thực hiện|xây dựng"
                    r"|giải quyết|xử lý|tham mưu|soạn thảo|kiểm tra|truy quét|điều tra)(?![\w]))")
# "… dưới sự (đồng) chủ trì của A, …và B, …": the chairs follow.
_AGENT = re.compile(r"(?<![\w])do\s")
# A speech verb whose subject is "tôi" / "chúng tôi": an interviewee's own words.
_FIRST_PERSON = re.compile(r"(?<![\w])(?:tôi|chúng tôi)\s+(?:(?:đã|cũng|vừa|từng)\s+)*$", re.IGNORECASE)
# "Bà X: …", "Thượng tá Y: …": who answers, at the head of an interview's answer.
_ANSWER_LABEL = re.compile(r"[^:.!?]{2,60}:")
_CHAIRED_BY = re.compile(r"(?<![\w])(?:dưới\s+)?sự\s+(?:đồng\s+)?chủ trì\s+của(?![\w])")
_SPEAK = re.compile(
    r"(?<![\w])(?:[Pp]hát biểu(?: chỉ đạo)?|[Bb]áo cáo(?:\s+[^\s,.;]+){0,3}\s+tại|[Bb]áo cáo\s+(?:hội nghị|kết quả|tổng kết|sơ kết|tham luận)"
    r"|báo cáo(?=\s*[,:])|(?P<weak>(?<=\w )báo cáo(?=\s+\w)|(?<=[\w),] )(?:cho biết|cho rằng|nhấn mạnh|khẳng định|đề nghị|chia sẻ(?!\s+tại)|đánh giá|kiến nghị|đề xuất|cam kết|giới thiệu|nêu|kể lại|phản ánh|mong|bày tỏ|hỏi(?:\s+thẳng|\s+lại)?(?=\s*:)|nói thêm|thông tin thêm|ghi nhận(?=\s*,)|nói(?=\s*[:,]|\s+bằng))(?=[\s,:]))|[Kk]ết luận|[Kk]hai mạc|[Tt]rình bày|[Tt]ham luận|[Tt]rao đổi tại|[Cc]hia sẻ tại|[Kk]ể tại|chia sẻ(?=\s*:)"
    r"|[Pp]hát biểu cảm ơn)(?![\w])"
)
# "A và B đã ký kết Chương trình": whoever signs an agreement at the event is there (not in a
# passive clause: "… đã được ông A ký ban hành").
_SIGN = re.compile(r"(?<![\w])ký(?:\s+kết)?\s+(?:các\s+|bản\s+)?(?:[Cc]hương trình|[Qq]uy chế|[Kk]ế hoạch|[Tt]hỏa thuận|[Tt]hoả thuận"
                   r"|[Gg]iao ước|[Cc]am kết|[Bb]iên bản|[Nn]ghị quyết liên tịch)(?![\w])|(?<![\w])ký kết(?=\s*[,.;]|\s*$)")
# "Theo báo cáo, …" cites a document; "Theo báo cáo do <người> trình bày" names a speaker.
_NO_SPEAK = re.compile(r"[Tt]heo báo cáo(?!\s+(?:do|của)\s)|với (?:phóng viên|PV|chúng tôi)(?![\w])|[Bb]ên lề(?![\w])"
                       r"|(?:[Ss]au|[Tt]rước|[Kk]ết thúc)\s+(?:phần|khi|các)\s+(?:ý kiến\s+)?phát biểu")  # a time, not a speech
# (words to the reporter, on the sidelines, are no speech at the event either)


@dataclass
class MeetingMention:
    label: str
    sentence: Sentence
    start: int
    end: int
    date: str | None = None
    place: str | None = None
    kind: str | None = None
    organizers: list[OrgMention] = field(default_factory=list)
    chairs: list[PersonMention] = field(default_factory=list)
    attendees: list[PersonMention] = field(default_factory=list)
    speakers: list[PersonMention] = field(default_factory=list)
    index: int = 0  # of the sentence naming the event
    incidental: bool = False  # named in passing, late in an article about something else


def _kind(label: str) -> str | None:
    low = label.lower()
    for word, kind in lexicon.MEETING_KINDS:
        if word in low:
            return kind
    return None


def find_meeting(sents: list[Sentence], orgs: dict[int, list[OrgMention]], article_date: str | None) -> MeetingMention | None:
    """The event an article reports, from its lead sentence (one of the first few); a dated
    lead ("Tối 10/8, … tổ chức …") wins over a headline that names the same event. An article
    that leads with something else (an interview, a report) may name its event later, in the
    passive: "Ngày hội … do Công an phường phối hợp với … tổ chức ngày 15/8"."""
    dated = [i for i, s in enumerate(sents[:8]) if dates.meeting_date(s.text, article_date)]
    later = [i for i in range(8, len(sents)) if _PASSIVE_EVENT.search(sents[i].text)]
    # or in the active voice, dated, opening a paragraph ("Ngày 9/8, hai đơn vị đã tổ chức hội nghị …")
    later += [i for i in range(8, len(sents)) if i not in later and sents[i].paragraph_start
              and _ORGANISE.search(sents[i].text) and dates.meeting_date(sents[i].text, article_date)]
    for idx in dated + [i for i in range(min(8, len(sents))) if i not in dated] + later:
        m = _event(sents[idx], idx, orgs, article_date)
        if m is not None:
            m.incidental = idx in later
            return m
    return None


def find_meetings(sents: list[Sentence], orgs: dict[int, list[OrgMention]], article_date: str | None) -> list[MeetingMention]:
    """Every event an article reports: the lead's, then each later one introduced the way a
    lead is ("Cùng ngày, <bodies> tổ chức <event>", "Trước đó, ngày 12/9, …"): dated (or
    "the same day"), organised by other named bodies, and at the start of a paragraph. A
    round-up of several localities reports one event per paragraph; a report of one event
    cites others in passing, mid-paragraph, as done ("đã tổ chức"), by the same organisers
    or long before."""
    first = find_meeting(sents, orgs, article_date)
    if first is None:
        return []
    found = [first]
    for idx in range(first.index + 1, len(sents)):
        s = sents[idx]
        if first.kind == "thăm" and s.paragraph_start and (session := _DELEGATION_SESSION.search(s.text)):
            found.append(_delegation_session(first, s, idx, session))
            continue
        same_day = _SAME_DAY.match(s.text)
        follow_on = _FOLLOW_ON.match(s.text)  # "Ngay sau lễ bàn giao, <the same bodies> tổ chức buổi gặp mặt …"
        if first.incidental or not s.paragraph_start or not (same_day or follow_on or dates.meeting_date(s.text, article_date)):
            continue
        m = _event(s, idx, orgs, article_date)
        organise = _ORGANISE.search(s.text)
        if m is None or not m.organizers or not organise or _DONE.search(s.text[: organise.start()]):
            continue
        m.date = m.date or (first.date if same_day or follow_on else None)
        names = {o.name.casefold() for o in m.organizers}
        if not follow_on and any(names & {o.name.casefold() for o in x.organizers} for x in found) or _long_before(m.date, first.date):
            continue
        found.append(m)
    return found


# "Cùng ngày, …", "Chiều cùng ngày, …", "Cũng trong ngày, …": a round-up's next event, on the lead's date
_SAME_DAY = re.compile(r"(?:(?:Sáng|Chiều|Tối|Trưa)\s+cùng ngày|Cùng ngày|Cũng trong (?:ngày|sáng|chiều)(?: cùng ngày| nay)?)(?![\w])")
_DONE = re.compile(r"(?<![\w])đã\s*$")
_SAID = re.compile(r":\s*[“\"]")  # a colon opening a quotation
# "Ngay sau lễ bàn giao, …", "Sau hội nghị, …", "Tiếp đó, …": the next event of the same day
_FOLLOW_ON = re.compile(r"(?:(?:Ngay\s+)?[Ss]au\s+(?:khi\s+)?(?:kết thúc\s+)?(?:lễ|buổi|hội nghị|ngày hội)[^,.;]{0,40}|Tiếp đó|Tiếp theo),")


def _long_before(when: str | None, lead: str | None) -> bool:
    """An event more than a month before the lead's is background, not part of a round-up."""
    if not when or not lead or len(when) < 10 or len(lead) < 10:
        return False
    return (date.fromisoformat(lead) - date.fromisoformat(when)).days > 31


def _event(s: Sentence, idx: int, orgs: dict[int, list[OrgMention]], article_date: str | None) -> MeetingMention | None:
    """The event sentence ``s`` reports as organised or dated, if any."""
    organise = _ORGANISE.search(s.text)
    # The event is what is organised ("… tổ chức Ngày hội …"), not a board named after it.
    noun = (_NOUN.search(s.text, organise.end()) if organise else None) or _NOUN.search(s.text)
    noun = noun or (_KIND_AFTER_ORGANISE.match(s.text, organise.end()) if organise else None)
    if noun and noun.re is _KIND_AFTER_ORGANISE:
        noun = re.compile(re.escape(noun.group(1))).search(s.text, organise.end())
    when = dates.meeting_date(s.text, article_date)
    if not noun and when and (work := _WORK_WITH.search(s.text)):
        return _working_session(s, idx, orgs, when, work)
    if not noun and when and (visit := _VISIT.search(s.text)):
        return _visit(s, idx, orgs, when, visit)
    by = _BY.search(s.text, noun.end(), organise.start()) if noun and organise and organise.start() > noun.start() else None
    if not noun or not (organise or when) or (organise and noun.start() < organise.start() - 40 and not when and not by):
        return None
    rest = s.text[noun.start():]
    cut = _LABEL_CUT.search(rest)
    label = rest[: cut.start() if cut else len(rest)].strip()
    label = label[0].upper() + label[1:]
    m = MeetingMention(label, s, s.start + noun.start(), s.start + noun.start() + len(label))
    m.date = when[0] if when else (dates.date_at(s.text, organise.end(), article_date) if by else None)
    m.index = idx
    m.kind = _kind(label)
    subject_start = s.start + (when[2] if when else 0)
    subject_end = s.start + (organise.start() if organise and organise.start() < noun.start() else noun.start())
    if by:  # "<event> do <organisers> tổ chức"
        subject_start, subject_end = s.start + by.end(), s.start + organise.start()
    found = [o for o in orgs.get(idx, []) if subject_start <= o.start and o.end <= subject_end and not o.generic
             and not re.search(r"tại(?:\s+(?:trụ sở|hội trường|sân))?\s*$", s.text[: o.start - s.start], re.IGNORECASE)]
    # A parent named inside an organiser's name ("Ban Thường trực <Ủy ban …>") or stated after it
    # ("Đồn Biên phòng X thuộc <Bộ Chỉ huy …>") is not a second organiser; nor is a body named twice.
    parents = {x.parent.start for x in found if x.parent is not None}
    found = [o for i, o in enumerate(found) if o.start not in parents and o.name not in {x.name for x in found[:i]}]
    m.organizers = [o for o in found if not any(x is not o and x.start <= o.start and o.end <= x.end for x in found)
                    and not (s.text[o.start - s.start - 1 : o.start - s.start] == "(" and o.head not in lexicon.ORG_HEADS[:40])]
    _place(m, s)
    return m


def _place(m: MeetingMention, s: Sentence) -> None:
    """Where: the place after "tại", else the first organiser's unit."""
    at = _AT_PLACE.search(s.text)
    if at:
        m.place = at.group(1)
    elif m.organizers:
        o = m.organizers[0]
        if o.place:
            m.place = o.place if o.unit in (None, "tỉnh", "Tỉnh", "thành phố", "Thành phố", "TP", "TP.") else f"{o.unit} {o.place}"


# "Ngày 6/12, Ban Thường trực Ủy ban MTTQ tỉnh làm việc với Công an tỉnh về …": a working session
_WORK_WITH = re.compile(r"(?<![\w])(?:đã\s+)?(?:có\s+buổi\s+)?(?P<verb>làm việc với)(?![\w])")


# "Sáng 3/2, đoàn công tác của Công an tỉnh và Ủy ban MTTQ tỉnh do A dẫn đầu đã đến thăm, chúc Tết, tặng quà …"
_VISIT = re.compile(r"(?<![\w])[Đđ]oàn(?:\s+công tác)?(?:\s+của)?\s(?P<who>.{0,300}?)(?:\s+đã)?(?:\s+đến|\s+về)?\s+"
                    r"(?P<verb>thăm(?:\s+hỏi)?(?:,\s*(?:chúc Tết|chúc mừng|tặng quà|động viên))*)(?![\w])")
# "… do Đại tá A, …, và bà B, … dẫn đầu": who leads a delegation is there
_LED_BY = re.compile(r"(?<![\w])do\s+(?P<leaders>[^;]{3,300}?)\s+dẫn đầu(?![\w])")


def _visit(s: Sentence, idx: int, orgs: dict[int, list[OrgMention]], when: tuple[str, int, int],
           visit: re.Match) -> MeetingMention:
    """A dated lead in which a delegation of bodies visits people: the bodies organise the visit."""
    cut = _LABEL_CUT.search(s.text, visit.end("verb"))
    end = cut.start() if cut else len(s.text)
    label = s.text[visit.start("verb") : end].strip()
    m = MeetingMention(label[0].upper() + label[1:], s, s.start + visit.start("verb"), s.start + end, date=when[0],
                       index=idx, kind="thăm")
    led = _LED_BY.search(s.text, visit.start("who"), visit.end("who"))
    who_end = s.start + (led.start() if led else visit.end("who"))
    found = [o for o in orgs.get(idx, []) if not o.generic and s.start + visit.start("who") <= o.start and o.end <= who_end]
    inner = {x.parent.start for x in found if x.parent is not None}
    m.organizers = [o for o in found if o.start not in inner]
    _place(m, s)
    return m


# "Trước khi xuống các bản, đoàn đã có buổi làm việc với lãnh đạo xã X": a visit's second event
_DELEGATION_SESSION = re.compile(r"(?<![\w])[Đđ]oàn(?:\s+công tác)?\s+(?:đã\s+)?(?:có\s+)?(?:buổi\s+)?(?P<verb>làm việc với)\s")


def _delegation_session(visit: MeetingMention, s: Sentence, idx: int, work: re.Match) -> MeetingMention:
    """The visiting delegation's working session, on the visit's day, held by the visit's bodies."""
    cut = _LABEL_CUT.search(s.text, work.end())
    end = cut.start() if cut else len(s.text)
    label = "Buổi " + s.text[work.start("verb") : end].strip()
    return MeetingMention(label, s, s.start + work.start("verb"), s.start + end, date=visit.date, place=visit.place,
                          kind="làm việc", organizers=list(visit.organizers), index=idx)


def _working_session(s: Sentence, idx: int, orgs: dict[int, list[OrgMention]], when: tuple[str, int, int],
                     work: re.Match) -> MeetingMention:
    """A dated lead in which one body works with another: both hold the session."""
    cut = _LABEL_CUT.search(s.text, work.end())
    end = cut.start() if cut else len(s.text)
    label = "Buổi " + s.text[work.start("verb") : end].strip()
    m = MeetingMention(label, s, s.start + work.start("verb"), s.start + end, date=when[0], index=idx, kind="làm việc")
    hosts = [o for o in orgs.get(idx, []) if not o.generic and s.start + when[2] <= o.start and o.end <= s.start + work.start()]
    guests = [o for o in orgs.get(idx, []) if not o.generic and s.start + work.end() <= o.start and o.end <= s.start + end]
    inner = {x.parent.start for x in hosts + guests if x.parent is not None}
    m.organizers = [o for o in hosts + guests if o.start not in inner]
    _place(m, s)
    return m


def _clauses(s: Sentence) -> list[tuple[int, int, str]]:
    return [(s.start + c.start(), s.start + c.end(), c.group()) for c in re.finditer(r"[^;]+", s.text)]


# "ông A, người có uy tín trong cộng đồng … cho biết": a description of the speaker, not a body
_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)")
# places after a post or a description: ", phường X", ", xã Y, huyện Z"
_PLACES = (rf"(?:\s*,\s*(?:{lexicon.unit_words(lexicon.COMMUNITY_UNITS, lexicon.COMMUNE_UNITS, lexicon.DISTRICT_UNITS, lexicon.PROVINCE_UNITS)}|TP\.?)"
           rf"\s+{CAP_WORD}(?:\s+{CAP_WORD})*)")
_DESCRIBED = re.compile(rf"\s*,\s*(?:một\s+)?(?:người|già làng|trưởng thôn|trưởng bản|tổ trưởng|thành viên|chủ)\s[^,;:.“”\"]*{_PLACES}*,?\s*"
                        r"(?:(?:thì|cũng|đã|còn|lại)\s+)*")  # "bà A, người Khơ Mú ở bản X, thì đề nghị …"


_AND_THEN = re.compile(r"\s+và\s+(?:(?:" + "|".join(map(re.escape, (*lexicon.HONORIFICS, *lexicon.RANKS))) + r")\s+)?")


def _joined_before(s: Sentence, last: PersonMention, mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions joined to ``last`` by "và" (a comma may precede it), nearest first."""
    joined: list[PersonMention] = []
    for q in sorted((q for q in mentions if q.span_end <= last.span_start), key=lambda q: -q.span_end):
        gap_start, gap_end = q.span_end - s.start, last.span_start - s.start
        if not _AND_THEN.fullmatch(s.text[gap_start:gap_end].lstrip(",")):
            break
        joined.append(q)
        last = q
    return joined


_I_AND = re.compile(r"\s*(?:[Tt]ôi|[Cc]húng tôi)\s+và\s")


def _answerer(sents: list[Sentence], people: dict[int, list[PersonMention]], idx: int) -> PersonMention | None:
    """Who says "tôi" in sentence ``idx`` of an interview: the person labelling the answer it
    belongs to ("Đại tá X: …" opening this paragraph or an earlier one of the same answer)."""
    for j in range(idx, -1, -1):
        if not sents[j].paragraph_start:
            continue
        label = _ANSWER_LABEL.match(sents[j].text)
        if label:
            named = [p for p in people.get(j, []) if p.end <= sents[j].start + label.end()]
            return named[0] if named else None  # "PV: …" asks; no one answers before it
    return None


_PLACE_AFTER = re.compile(rf"{_PLACES}+\s*,?\s*")


_ADVERBS = re.compile(r"[\s,]*(?:(?:thì|cũng|đã|còn|lại|xúc động|phấn khởi|vui mừng|hồ hởi|tự hào|bồi hồi|nghẹn ngào|hào hứng)\s*)+")


def _subject_of(s: Sentence, p: PersonMention, verb: int) -> bool:
    """The verb at ``verb`` follows the person's mention at once, or after the body they
    serve in ("A, Phó Trưởng phòng X, Công an tỉnh Y cho biết")."""
    gap_start, gap_end = p.span_end - s.start, verb - s.start
    # "…, Chủ tịch Ủy ban MTTQ phường X (quận Y) cho biết": a place in brackets may follow the post
    bracket = _BRACKETED.match(s.text, gap_start, gap_end)
    gap_start = bracket.end() if bracket else gap_start
    gap = s.text[gap_start:gap_end]
    if not gap.strip(" ,") or _DESCRIBED.fullmatch(gap) or _ADVERBS.fullmatch(gap):
        return True  # "Bà A cũng nhấn mạnh", "anh B xúc động chia sẻ": an adverb may stand between them
    if _PLACE_AFTER.fullmatch(gap):
        return True  # "B, tổ trưởng tổ dân phố số 3, phường X trình bày": the post's place follows it
    comma = re.match(r"\s*,\s*", gap)
    if not comma:
        return False
    bodies = find_orgs(s.text, gap_start + comma.end(), gap_end)
    rest = s.text[bodies[-1].end : gap_end] if bodies else ""
    rest = rest[bracket.end() - bracket.start():] if (bracket := _BRACKETED.match(rest)) else rest
    return bool(bodies) and bodies[0].start == gap_start + comma.end() and not rest.strip()


_LIST_ITEM = re.compile(r"\s*[-–+•]\s")


def _about_the_event(paragraph: str, noun: str) -> bool:
    """A paragraph that goes on reporting the event: it names it ("Phát biểu tại hội nghị") or
    gives someone a speaking part with a verb of the genre ("A trình bày báo cáo …")."""
    if re.search(rf"(?<![\w]){re.escape(noun)}(?![\w])", paragraph.lower()):
        return True
    return any(not m.group("weak") for m in _SPEAK.finditer(paragraph))


def _paragraph_end(sents: list[Sentence], index: int) -> int:
    """The index of the first sentence of the paragraph after the one holding ``sents[index]``."""
    return next((j for j in range(index + 1, len(sents)) if sents[j].paragraph_start), len(sents))


# A feature's reportage: "Về ấp X, chúng tôi gặp ông A …": what A says there is said to the
# reporter, not at the event, until a subheading or a sentence back at the event.
_REPORTER_VISIT = re.compile(r"(?<![\w])chúng tôi\s+(?:đã\s+)?(?:gặp|đến|về|có mặt|ghé|tìm gặp|trò chuyện)(?![\w])", re.IGNORECASE)
_AT_THE_EVENT = re.compile(r"(?<![\w])tại\s+(?:hội nghị|buổi|lễ|ngày hội|Ngày hội|hội thảo|tọa đàm|chương trình)(?![\w])")


def _inside_quote(sents: list[Sentence], s: Sentence) -> bool:
    """The sentence continues a quotation opened in an earlier sentence of its paragraph."""
    first = next(i for i in range(sents.index(s), -1, -1) if sents[i].paragraph_start or i == 0)
    before = "".join(x.text for x in sents[first : sents.index(s)])
    return before.count("“") > before.count("”")


def _is_subheading(s: Sentence) -> bool:
    return s.paragraph_start and len(s.text) < 100 and not s.text.rstrip().endswith((".", "!", "?", "…", ":"))


def assign_roles(meeting: MeetingMention, sents: list[Sentence], people: dict[int, list[PersonMention]],
                 span: range | None = None) -> None:
    """Roles from every sentence of a report (of ``span`` when the article reports several
    events); from the naming sentence alone for an event named in passing (the quotes of an
    interview are not speeches at it)."""
    if meeting.incidental:  # its own paragraph: "… đã tổ chức hội nghị. Tôi và đồng chí X đồng chủ trì …"
        end = _paragraph_end(sents, meeting.index)
        # … and the paragraphs right after it that go on about it ("Phát biểu tại hội nghị, …")
        noun = _NOUN.search(meeting.label)
        while noun and end < len(sents) and _about_the_event(" ".join(x.text for x in sents[end : _paragraph_end(sents, end)]),
                                                              noun.group().lower()):
            end = _paragraph_end(sents, end)
        span = range(meeting.index, end)
    listing = False  # inside "Tham dự có các đồng chí:" followed by one line per person ("- A, <post>;")
    visiting = False  # inside the reporter's own visit ("… chúng tôi gặp ông A …"), up to the next subheading
    for idx, s in enumerate(sents):
        item = bool(_LIST_ITEM.match(s.text))
        listing = listing and item
        if _is_subheading(s) or _AT_THE_EVENT.search(s.text):
            visiting = False
        quoted = s.text.count("“") != s.text.count("”") or _inside_quote(sents, s)
        visiting = visiting or (idx > meeting.index and not quoted and _REPORTER_VISIT.search(s.text) is not None)
        # "Chiều cùng ngày, đoàn đã trao nhà …" after the event: another activity, not the event
        visiting = visiting or (idx > meeting.index and s.paragraph_start and _SAME_DAY.match(s.text) is not None)
        if _ATTEND.search(s.text[:60]) and s.text.rstrip().endswith(":"):
            listing = True
        mentions = people.get(idx, [])
        if not mentions or (span is not None and idx not in span):
            continue
        if listing and item:
            meeting.attendees += mentions
        if led := _LED_BY.search(s.text):  # the leaders of a visiting delegation
            meeting.attendees += [p for p in mentions if s.start + led.start("leaders") <= p.start and p.end <= s.start + led.end("leaders")]
        chair = _CHAIR.search(s.text)
        lead_chair = _CHAIR_FIRST.match(s.text) or _CHAIRED_BY.search(s.text)
        if lead_chair:
            # "Chủ trì hội nghị có đồng chí A, …; đồng chí B, …": the chairs follow the verb.
            stop = _ATTEND.search(s.text, lead_chair.end())
            limit = s.start + (stop.start() if stop else len(s.text))
            meeting.chairs += [p for p in mentions if s.start + lead_chair.start() <= p.start < limit]
        elif chair:
            cpos = s.start + chair.start()
            for c_start, c_end, body in _clauses(s):
                if c_start > cpos or _ATTEND.search(body[:40]):
                    continue
                # "…, do A và B đồng chủ trì": the agent after the last "do" chairs, not the
                # clause's subject ("Bà X: Như tôi đã báo cáo tại hội nghị …, do A … chủ trì");
                # a "do" with no one after it describes a post ("A, Trưởng ban do tỉnh lập, chủ trì")
                agents = [a for a in _AGENT.finditer(s.text, c_start - s.start, cpos - s.start)
                          if any(s.start + a.end() <= p.start and p.end <= cpos for p in mentions)]
                first = s.start + agents[-1].end() if agents else c_start
                meeting.chairs += [p for p in mentions if first <= p.start and p.end <= min(c_end, cpos)]
                if _I_AND.match(body) and (me := _answerer(sents, people, idx)):  # "Tôi và đồng chí X đồng chủ trì"
                    meeting.chairs.append(me)
        if _ATTEND.search(s.text[:60]):
            meeting.attendees += mentions
        # the signers, up to the verb: "A; B, <post>; C và D đã ký kết Quy chế" (a list split by semicolons)
        if (sign := _SIGN.search(s.text)) and not re.search(r"(?<![\w])được(?![\w])", s.text[: sign.start()]):
            meeting.attendees += [p for p in mentions if p.end <= s.start + sign.start()]
        # Each clause can name its own speaker: "A phát biểu …; B trình bày tham luận …".
        for c_start, c_end, body in _clauses(s) if not visiting else ():
            speak = _SPEAK.search(body)
            if not speak and (said := _SAID.search(body)) and not _NO_SPEAK.search(body):
                # "Già làng A ở bản B, năm nay đã 78 tuổi: “…”": the subject's own words, no verb
                meeting.speakers += [p for p in mentions if c_start <= p.start < c_start + 30 and p.end <= c_start + said.start()][:1]
                continue
            if not speak or _NO_SPEAK.search(body[: speak.start() + 20]):
                continue
            spos = c_start + speak.start()
            near = [p for p in mentions if c_start <= p.start < c_end]
            # "A, Phó Giám đốc … báo cáo tóm tắt …": the verb right after a person's mention is theirs
            if _FIRST_PERSON.search(s.text, 0, spos - s.start):
                # "Bà X: Như tôi đã báo cáo tại …": the one answering speaks, no one else named
                label = _ANSWER_LABEL.match(s.text)
                meeting.speakers += [p for p in mentions if label and s.start <= p.start and p.end <= s.start + label.end()]
                continue
            right_before = [p for p in near if _subject_of(s, p, spos)]
            near = right_before if right_before or speak.group("weak") else near  # a bare "báo cáo" needs its subject
            if near:
                first = min(near, key=lambda p: min(abs(p.start - spos), abs(p.span_end - spos)))
                meeting.speakers.append(first)
                if right_before:  # "A, <post> và B, <post> trình bày tham luận": A is a subject too
                    meeting.speakers += _joined_before(s, first, mentions)
                # "Phát biểu kết luận, A và B thống nhất …": both speak
                meeting.speakers += [q for q in mentions if q is not first and spos < first.start
                                     and _AND_THEN.fullmatch(s.text[first.span_end - s.start : q.span_start - s.start])]
