"""From one document to its extraction record: segment, recognise, resolve, assemble.

Each recogniser is a small function over a sentence; this module runs them in order and
turns their mentions into the plain-data record of ``antq.graph.record``.
"""

from __future__ import annotations

import re
from collections import Counter

from antq.graph import lexicon
from antq.graph.corpus import Document
from antq.graph.extract import dates
from antq.graph.extract import awards as award_rec
from antq.graph.extract import figures as figure_rec
from antq.graph.extract import meetings as meeting_rec
from antq.graph.extract import programmes as programme_rec
from antq.graph.extract.orgs import OrgMention, document_abbreviations, find_orgs
from antq.graph.extract.people import PersonMention, PostMention, find_people, given_name_reference
from antq.graph.extract.resolve import DocPlaces, conferrer_key, doc_places, org_key
from antq.graph.gazetteer import gazetteer
from antq.graph.record import (
    Award, DocumentRecord, Evidence, Meeting, Organization, Person, Post, Programme, Statistic,
)
from antq.graph.text import CAP_WORD, Sentence, match_key, sentences

_KIND_BY_HEAD = (
    ("Công an", "police"), ("Bộ Công an", "police"), ("Cục", "police"), ("CATP", "police"), ("CAT", "police"),
    ("BCA", "police"), ("Phòng", "police"), ("Đồn", "police"),
    ("MTTQ", "front"), ("Mặt trận", "front"), ("UBTƯ", "front"), ("UBMTTQ", "front"),
    ("ủy", "party"), ("uỷ", "party"), ("Ban Thường vụ", "party"), ("Ban Tuyên giáo", "party"), ("Ban Dân vận", "party"),
    ("UBND", "government"), ("Ủy ban nhân dân", "government"), ("HĐND", "government"), ("Hội đồng", "government"),
    ("Sở", "government"), ("Bộ", "government"), ("Ban Chỉ đạo", "steering"),
)


def _kind(org: OrgMention) -> str:
    if "MTTQ" in org.name or "Mặt trận" in org.name:
        return "front"
    if org.head.split()[0] in ("Ban", "Đội", "Tổ") and org.parent is not None:
        return _kind(org.parent)  # "Đội Cảnh sát giao thông, Công an huyện X": the police's own squad
    for needle, kind in _KIND_BY_HEAD:
        if org.head.startswith(needle) or org.head.endswith(needle) and needle in ("ủy", "uỷ"):
            return kind
    return "other"


# A page's masthead or dateline, "Báo X | Thứ Bảy, 28/12/2024": the outlet, not an actor.
_MASTHEAD = re.compile(r"[^|\n]{2,60}\|\s*(?:Thứ\s+\S+|Chủ nhật|Cập nhật|\d{1,2}[/-]\d{1,2})")


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sents = sentences(doc.text)
        self.people: dict[int, list[PersonMention]] = {}
        self.orgs: dict[int, list[OrgMention]] = {}
        self.titles: dict[int, list[PostMention]] = {}
        self.two_unit_programmes: set[str] = set()  # "… giữa hai đơn vị": parties are the organisers
        for i, s in enumerate(self.sents):
            if _MASTHEAD.match(s.text):
                self.people[i], self.orgs[i], self.titles[i] = [], [], []
                continue
            self.people[i], self.orgs[i], self.titles[i] = find_people(doc.text, s.start, s.end)
        all_orgs = [o for os_ in self.orgs.values() for o in os_]
        self.places: DocPlaces = doc_places(all_orgs, doc.text, doc.id)

    def evidence(self, s: Sentence, start: int, end: int) -> Evidence:
        return Evidence(self.doc.id, s.text, s.start, s.end, start, end)

    def sentence_of(self, pos: int) -> Sentence:
        return next((s for s in self.sents if s.start <= pos < s.end), self.sents[-1])


def extract(doc: Document) -> DocumentRecord:
    """The extraction record of one document."""
    with document_abbreviations(doc.text):
        return _extract(doc)


def _extract(doc: Document) -> DocumentRecord:
    b = _Builder(doc)
    rec = DocumentRecord(doc=doc.id, title=doc.title, date=doc.date, url=doc.url, source=doc.source,
                         province=b.places.province, text=doc.text)
    if not b.sents:
        return rec
    _organisations(b, rec)
    _people(b, rec)
    _programmes(b, rec)
    awards = [(s, a) for i, s in enumerate(b.sents) for a in award_rec.find_awards(b.doc.text, s.start, s.end, b.people[i])]
    _presenters_of_the_above(b, awards)
    spans = _meetings(b, rec, awards)
    _awards(b, rec, awards, spans)
    _figures(b, rec)
    return rec


def _area(o: OrgMention) -> str | None:
    """The unit a body serves with its level word ("quận 1"), which tells apart same-named units."""
    return f"{o.unit} {o.place}" if o.unit and o.place else o.place


def _org_record(b: _Builder, rec: DocumentRecord, by_key: dict[str, Organization], o: OrgMention) -> Organization:
    key = org_key(o, b.places)
    org = by_key.get(key)
    s = b.sentence_of(o.start)
    if org is None:
        org = Organization(name=o.name, key=key, kind=_kind(o), place=_area(o))
        by_key[key] = org
        rec.organizations.append(org)
    elif (o.place is not None, len(o.name)) > (org.place is not None, len(org.name)):
        org.aliases.append(org.name)
        org.name, org.place = o.name, _area(o) or org.place
    elif o.name != org.name and o.name not in org.aliases:
        org.aliases.append(o.name)
    if o.parent is not None and org.parent_key is None:
        parent = _org_record(b, rec, by_key, o.parent)
        if parent.key != key:
            org.parent, org.parent_key = parent.name, parent.key
    org.evidence.append(b.evidence(s, o.start, o.end))
    return org


def _organisations(b: _Builder, rec: DocumentRecord) -> dict[str, Organization]:
    # A bare name ("Ủy ban MTTQ Việt Nam", "Ban Chỉ đạo Chương trình phối hợp", "Phòng X") that
    # is the start of exactly one fuller name in the article stands for that body.
    # Of several, the one the article names most often ("Hội Người cao tuổi" in an article about
    # the district's association, which also names one ward's association once).
    mentions = [o for i in range(len(b.sents)) for o in b.orgs[i] if not o.generic]
    counts = Counter(org_key(o, b.places) for o in mentions)
    for o in mentions:
        if o.unit is None and o.place is None:
            bare = org_key(o, b.places)
            fuller = sorted((n, k) for k, n in counts.items() if k.startswith((bare + " ", bare + ", ")))  # "Phòng X, Công an tỉnh Y" too
            if len(fuller) == 1 or len(fuller) > 1 and fuller[-1][0] > fuller[-2][0]:
                b.places.aliases[bare] = fuller[-1][1]
    by_key: dict[str, Organization] = {}
    communes: dict[str, set[str]] = {}  # the communes the article names, by unit word: read once
    for i in range(len(b.sents)):
        for o in b.orgs[i]:
            if not o.generic and not _unanchored_post(b, o) and not _any_of_several_communes(o, mentions, b.doc.text, communes):
                _org_record(b, rec, by_key, o)
    for org in rec.organizations:  # a parent is named by its fullest form in the article
        if org.parent_key in by_key:
            org.parent = by_key[org.parent_key].name
    return by_key


def _any_of_several_communes(o: OrgMention, mentions: list[OrgMention], text: str,
                             cache: dict[str, set[str]] | None = None) -> bool:
    """A bare "Công an xã" in an article about several communes, none of whose police it
    names, is every commune's ("phối hợp với Công an xã cảm hóa người lầm lỗi"), not one body."""
    if o.place or o.head not in ("Công an", "CA") or (o.unit or "").lower() not in lexicon.COMMUNE_UNITS:
        return False
    unit = o.unit.lower()
    if any(m.place and m.head == o.head and (m.unit or "").lower() == unit for m in mentions):
        return False  # "Công an xã X" named in full: the bare form is that body
    commune = re.compile(rf"(?<![\w]){unit}\s+({CAP_WORD}(?:\s+{CAP_WORD})*)")
    if len(set(commune.findall(text, text.rfind("\n", 0, o.start) + 1, o.start))) == 1:
        return False  # "ông A, … phường X chia sẻ: “… Công an phường …”": the commune just named
    named = cache.setdefault(unit, set(commune.findall(text))) if cache is not None else set(commune.findall(text))
    return len(named) >= 2 or re.search(rf"(?<![\w])các\s+{unit}(?![\w])", text) is not None


def _unanchored_post(b: _Builder, o: OrgMention) -> bool:
    """A bare "Đồn" ("Chính trị viên Đồn cho biết") stands for a border post only when the
    article named one before; alone it names no body."""
    if o.name != "Đồn":
        return False
    return not any(m.head.startswith("Đồn") and m.name != "Đồn" and m.start < o.start
                   for os_ in b.orgs.values() for m in os_)


def _named_in_full(name: str, known: list[Person]) -> str:
    """ "ông Y Kông" after "ông Y Kông Adrơng": Ê Đê and M'Nông names put the family name last,
    and a later mention drops it. The one person already named with those first words (or,
    for a two-syllable name with no family name, with those last words)."""
    words = name.split()
    if len(words) == 2 and words[0] not in lexicon.SURNAMES:
        # "bà Thu Hà" after "bà Tôn Nữ Thu Hà": a later mention by the last two syllables
        longer = [p for p in known if len(p.name.split()) > 2 and p.name.split()[-2:] == words]
        if len(longer) == 1:
            return longer[0].name
    if len(words) == 1 and re.search(r"['’]", name):
        # "bà H'Mai" after "bà H'Mai Êban"; "già làng K'Drang" alone stays as written
        longer = [p for p in known if len(p.name.split()) > 1 and p.name.split()[0] == name]
        return longer[0].name if len(longer) == 1 else name
    if not (words[0] == "Y" or words[0].startswith(("H'", "H’"))) or len(words) < 2:
        return name
    longer = [p for p in known if len(p.name.split()) > len(words) and p.name.split()[: len(words)] == words]
    return longer[0].name if len(longer) == 1 else name


def _people(b: _Builder, rec: DocumentRecord) -> dict[str, Person]:
    by_key: dict[str, Person] = {}
    for i, s in enumerate(b.sents):
        b.people[i] = [m for m in b.people[i] if not _a_place_here(b.doc.text, m)]
        for m in b.people[i]:
            m.name = _named_in_full(m.name, rec.people)
            key = match_key(m.name)
            person = by_key.get(key)
            if person is None:
                person = Person(name=m.name, key=key)
                by_key[key] = person
                rec.people.append(person)
            person.rank = person.rank or m.rank
            person.evidence.append(b.evidence(s, m.span_start, m.span_end))
            for pm in m.posts:
                okey = org_key(pm.org, b.places) if pm.org and not _unanchored_post(b, pm.org) else None
                same = [p for p in person.posts if match_key(p.title) == match_key(pm.title) and (p.org_key == okey or okey is None)]
                if same:
                    same[0].evidence.append(b.evidence(s, pm.start, pm.end))
                    continue
                if okey is not None:
                    person.posts = [p for p in person.posts if not (p.org is None and match_key(p.title) == match_key(pm.title))]
                person.posts.append(Post(pm.title, pm.org.name if pm.org else None, okey, [b.evidence(s, pm.start, pm.end)]))
        for post in b.titles[i]:
            # A later mention by title alone: the one person who holds that post here. A bare title
            # ("Chủ tịch") is too vague, and "Bằng khen của Giám đốc …" names the office, not a person;
            # so does "Chủ tịch UBND xã … tặng Giấy khen": the office confers it.
            if post.org is None or re.search(r"(?:của|quyền)\s*$", b.doc.text[max(s.start, post.start - 12) : post.start]) \
                    or _OFFICE_CONFERS.match(b.doc.text, post.end):
                continue
            okey = org_key(post.org, b.places)
            if (speaker := _first_person_post(b, rec, i, post)) is not None:  # 'A chia sẻ: "Tôi làm Trưởng ban …"'
                if not any(match_key(q.title) == match_key(post.title) and q.org_key == okey for q in speaker.posts):
                    speaker.posts.append(Post(post.title, post.org.name, okey, [b.evidence(s, post.start, post.end)]))
                continue
            holders = [p for p in rec.people if any(match_key(q.title) == match_key(post.title)
                                                    and (okey is None or q.org_key == okey) for q in p.posts)]
            if len(holders) == 1:
                holders[0].evidence.append(b.evidence(s, post.start, post.end))
                b.people[i].append(PersonMention(holders[0].name, post.start, post.end, span_start=post.start, span_end=post.end))
        for given, start, end in given_name_reference(b.doc.text, s.start, s.end):
            match = [p for p in rec.people if p.name.split()[-1] == given]
            if not match and given.startswith(("H'", "H’")):
                # "bà H'X" after "bà H'X Niê": an Ê Đê woman's given name comes first
                match = [p for p in rec.people if p.name.split()[0] == given]
            if len(match) == 1:
                match[0].evidence.append(b.evidence(s, start, end))
                b.people[i].append(PersonMention(match[0].name, start, end, span_start=start, span_end=end))
    return by_key


_I_HOLD = re.compile(r"[“\"]\s*[Tt]ôi\s+(?:là|làm|đang làm|hiện là|từng làm)\s+$")


def _first_person_post(b: _Builder, rec: DocumentRecord, i: int, post: PostMention) -> Person | None:
    """The speaker whose quotation opens with "Tôi làm <post>": the one person named in the
    sentence before the quotation ("Ông A, …, chia sẻ: “Tôi làm Trưởng ban …”")."""
    s = b.sents[i]
    opening = _I_HOLD.search(b.doc.text, s.start, post.start)
    if opening is None:
        return None
    before = {m.name for m in b.people[i] if m.end <= opening.start()}
    if len(before) != 1:
        return None
    name = before.pop()
    return next((p for p in rec.people if p.name == name), None)


_UNIT_WORD = lexicon.unit_words(lexicon.COMMUNITY_UNITS, lexicon.COMMUNE_UNITS, ("huyện", "quận", "thị xã", "tỉnh"))
_PLACE_BEFORE = re.compile(rf"(?<!già )(?:{_UNIT_WORD}|Biên phòng)\s+$", re.IGNORECASE)  # "già làng X" is an elder
# A unit word right after a body's head: "UBND xã ", "Ủy ban MTTQ Việt Nam phường ".
_BODY_UNIT_BEFORE = re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, sorted({*lexicon.ORG_HEADS, 'Việt Nam'}, key=len, reverse=True)))})"
                               rf"\s+(?:{_UNIT_WORD})\s+$", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"(?:ông|bà|anh|chị|đồng chí|đ/c|cụ)\s+$", re.IGNORECASE)


def _a_place_here(text: str, m: PersonMention) -> bool:
    """"X là xã biên giới …": a name with no rank, post or form of address that the
    same article writes after a unit word ("xã X", "Đồn Biên phòng X") is
    that place, not a person. After a body's head ("Chủ tịch UBND xã Nguyễn Văn A", the
    commune left unsaid) the unit word may be followed by its head's name: only a place the
    map knows counts there."""
    if m.rank or m.posts or _HONORIFIC_BEFORE.search(text, max(0, m.start - 12), m.start):
        return False
    known = gazetteer().is_place(m.name)
    return any(_PLACE_BEFORE.search(text, max(0, w.start() - 12), w.start())
               and (known or not _BODY_UNIT_BEFORE.search(text, max(0, w.start() - 60), w.start()))
               for w in re.finditer(rf"(?<![\w]){re.escape(m.name)}(?![\w])", text))


# "… do hai đơn vị tổ chức", "hai đơn vị đã tổ chức …": the parties of the programme organise it.
_BY_THE_TWO = re.compile(r"(?<![\w])(?:do\s+)?(?:hai|2|ba|3)\s+(?:đơn vị|lực lượng|cơ quan|bên|ngành)(?:\s+\S+){0,3}?\s+(?:đã\s+)?"
                         r"(?:phối hợp\s+)?tổ chức")
# "hội nghị sơ kết 3 năm thực hiện Quy chế": a programme named by its kind alone, no number.
_KIND_ALONE = re.compile(r"(?<![\w])(chương trình|quy chế|kế hoạch)(?:\s+(?:phối hợp|liên tịch))?(?![\w])(?!\s+(?:số\s+)?\d)",
                         re.IGNORECASE)
_OFFICE_CONFERS = re.compile(r"\s*(?:đã\s+|cũng\s+|vừa\s+)?(?:tặng|khen thưởng)(?![\w])")


def _programmes(b: _Builder, rec: DocumentRecord) -> dict[str, Programme]:
    by_num: dict[str, Programme] = {}
    mentions = [(i, p) for i, s in enumerate(b.sents) for p in programme_rec.find_programmes(b.doc.text, s.start, s.end)]
    full = {programme_rec.short_number(p.number): p.number for _, p in mentions if "/" in p.number}
    for i, p in mentions:
        number = full.get(programme_rec.short_number(p.number), p.number)
        prog = by_num.get(number)
        if prog is None:
            prog = Programme(name=f"{p.kind} số {number}", number=number, key=number)
            by_num[number] = prog
            rec.programmes.append(prog)
        prog.signed = prog.signed or p.signed
        prog.period = prog.period or p.period
        for o in p.parties:
            key = org_key(o, b.places)
            if key not in prog.party_keys:
                prog.parties.append(o.name)
                prog.party_keys.append(key)
        if p.between_two_units:
            b.two_unit_programmes.add(number)  # parties filled from the meeting's organisers
        prog.evidence.append(b.evidence(b.sents[i], p.start, p.end))
    return by_num


def _fullest_name(rec: DocumentRecord, o: OrgMention, b: _Builder) -> str:
    """A bare "Ủy ban MTTQ Việt Nam phường" is named as the article names that body in full."""
    if o.place is not None:
        return o.name
    key = org_key(o, b.places)
    return next((org.name for org in rec.organizations if org.key == key), o.name)


def _parties_organise(rec: DocumentRecord, prog: Programme) -> tuple[list[str], list[str]]:
    """A programme's parties as a meeting's organisers, each named as the article names it in full."""
    names = {org.key: org.name for org in rec.organizations}
    return [names.get(k, n) for n, k in zip(prog.parties, prog.party_keys)], list(prog.party_keys)


def _meetings(b: _Builder, rec: DocumentRecord, awards: list[tuple[Sentence, award_rec.AwardMention]]
              ) -> list[tuple[range, Meeting]]:
    """The article's events, each with the sentences that report it: the first event owns
    everything before the second (headline and lead included), each later one its paragraphs
    up to the next."""
    found = meeting_rec.find_meetings(b.sents, b.orgs, b.doc.date)
    starts = [0] + [m.index for m in found[1:]] + [len(b.sents)]
    spans = []
    for n, m in enumerate(found):
        span = range(starts[n], starts[n + 1]) if len(found) > 1 else range(len(b.sents))
        in_span = [a for s, a in awards if b.sents.index(s) in span]
        spans.append((span, _meeting(b, rec, m, n + 1, span if len(found) > 1 else None, in_span)))
    return spans


def _meeting(b: _Builder, rec: DocumentRecord, m: meeting_rec.MeetingMention, number: int,
             span: range | None, awards_in: list[award_rec.AwardMention]) -> Meeting:
    meeting_rec.assign_roles(m, b.sents, b.people, span)
    names = lambda ms: list(dict.fromkeys(x.name for x in ms))  # noqa: E731
    chairs, speakers = names(m.chairs), names(m.speakers)
    presenters = [n for a in awards_in for n in a.presenters]
    attendees = list(dict.fromkeys(chairs + names(m.attendees) + speakers + presenters))
    meeting = Meeting(
        label=m.label, date=m.date, place=m.place, kind=m.kind,
        organizers=[_fullest_name(rec, o, b) for o in m.organizers], organizer_keys=[org_key(o, b.places) for o in m.organizers],
        chairs=chairs, attendees=attendees, speakers=speakers, key=f"{b.doc.id}#meeting-{number}",
        evidence=[b.evidence(m.sentence, m.start, m.end)],
    )
    about = [p for p in programme_rec.find_programmes(b.doc.text, m.sentence.start, m.sentence.end)]
    kind_alone = _KIND_ALONE.search(m.label) if not about else None
    if kind_alone:  # the one programme of that kind the article names
        same_kind = [p for p in rec.programmes if p.name.lower().startswith(kind_alone.group(1).lower())]
        if len(same_kind) == 1:
            meeting.programme = same_kind[0].key
            if not meeting.organizers and same_kind[0].parties and _BY_THE_TWO.search(m.sentence.text):
                meeting.organizers, meeting.organizer_keys = _parties_organise(rec, same_kind[0])
    if about:
        prog = next((p for p in rec.programmes if programme_rec.short_number(p.number) == programme_rec.short_number(about[0].number)), None)
        if prog is not None:
            meeting.programme = prog.key
            if not meeting.organizers and prog.parties and _BY_THE_TWO.search(m.sentence.text):
                # "Hội nghị tổng kết <chương trình giữa A và B> do hai đơn vị tổ chức": A and B organise it
                meeting.organizers, meeting.organizer_keys = _parties_organise(rec, prog)
            if not prog.parties and (prog.number in b.two_unit_programmes or "ký kết" in m.label.lower() or not about[0].parties):
                prog.parties, prog.party_keys = list(meeting.organizers), list(meeting.organizer_keys)
            if "ký kết" in m.label.lower() and not prog.signed:
                prog.signed = meeting.date
    for role, mentions in (("chair", m.chairs), ("attendee", m.attendees), ("speaker", m.speakers)):
        for x in mentions:
            s = b.sentence_of(x.start)
            meeting.role_evidence.setdefault(f"{role}|{x.name}", []).append(b.evidence(s, x.span_start, x.span_end))
    for role in ("chair", "speaker"):
        for key, evs in list(meeting.role_evidence.items()):
            if key.startswith(role + "|"):
                meeting.role_evidence.setdefault("attendee|" + key.split("|", 1)[1], []).extend(evs)
    rec.meetings.append(meeting)
    return meeting


# "… được Chủ tịch nước tặng Huân chương …; … được Bộ trưởng tặng Bằng khen. Thừa ủy quyền,
# Thiếu tướng A đã trao tặng các phần thưởng cao quý này.": A presents the awards just named.
# "… trên địa bàn" and "… cho các tập thể này" are no reference to the awards named before.
_THESE_AWARDS = re.compile(r"(?<![\w])trao(?:\s+tặng)?\s+(?:các|những)\s+(?:phần thưởng|danh hiệu|hình thức khen thưởng)"
                           r"(?:\s+(?!cho(?![\w]))[^\s.;,]+){0,3}?\s+(?:này|nêu trên|trên)\s*(?:[.,;]|$)")
# Presenters joined in a list: "Thiếu tướng A và ông B đã trao …", "A, B và C …".
_JOINED = re.compile(r"\s*(?:,|\s(?:và|cùng))\s*(?:(?:ông|bà|đồng chí)\s+)?", re.IGNORECASE)


def _presenters_of_the_above(b: _Builder, awards: list[tuple[Sentence, award_rec.AwardMention]]) -> None:
    for i, s in enumerate(b.sents):
        these = _THESE_AWARDS.search(s.text)
        if not these or i == 0:
            continue
        verb = s.start + these.start()
        before = [m for m in b.people[i] if m.end <= verb]
        who = before[-1:]
        for m in reversed(before[:-1]):  # the last one named, and those joined to them
            if not _JOINED.fullmatch(b.doc.text, m.span_end, who[0].span_start):
                break
            who.insert(0, m)
        above = [a for t, a in awards if t is b.sents[i - 1] and not a.presenters]
        for a in above if who else []:
            a.presenters = list(dict.fromkeys(m.name for m in who))


def _names_agree(a: str | None, b: str | None) -> bool:
    """Two names of one award: unnamed, or one the other shortened ("Huân chương X" / "… hạng Ba")."""
    if not a or not b:
        return True
    a, b = match_key(a).lower(), match_key(b).lower()
    return a.startswith(b) or b.startswith(a)


def _same_award(known: Award, new: award_rec.AwardMention, new_key: str | None) -> bool:
    """A photo caption or a summary repeats an award the text gives in full: same type, and
    conferrer and counted recipients that agree wherever both are stated."""
    if known.conferred_by and new.conferred_by and (known.conferrer_key or known.conferred_by) != (new_key or new.conferred_by):
        return False
    counted = lambda r: bool(r and re.search(r"\d", r))  # noqa: E731
    if counted(known.recipients) and counted(new.recipients) and known.recipients != new.recipients:
        # "8 cán bộ … được tặng Kỷ niệm chương X" in a headline, "8 đồng chí …" in the text: one award
        return bool(known.name and new.name and _names_agree(known.name, new.name)
                    and re.findall(r"\d+", known.recipients or "") == re.findall(r"\d+", new.recipients or ""))
    bare_known = not (known.conferred_by or known.presented_by or known.recipients)
    bare_new = not (new.conferred_by or new.presenters or new.recipients)
    if (bare_known or bare_new) and _names_agree(known.name, new.name):
        return True  # "… và trao tặng Huân chương X" in a lead, told in full later ("… hạng Ba cho …")
    unnamed = not new.recipients or re.match(r"(?:các|những|toàn thể)\s", new.recipients)
    if not known.presented_by and new.presenters and not new.conferred_by and unnamed:
        return True  # "… được X tặng Kỷ niệm chương; thừa ủy quyền, ông A trao Kỷ niệm chương cho các cá nhân"
    if not (known.conferred_by and new.conferred_by) and not set(known.presented_by) & set(new.presenters):
        return False  # two vaguely described awards by different people stay apart
    return True


def _awards(b: _Builder, rec: DocumentRecord, awards: list[tuple[Sentence, award_rec.AwardMention]],
            meetings: list[tuple[range, Meeting]]) -> None:
    for s, a in awards:
        idx = b.sents.index(s)
        meeting = next((m for span, m in meetings if idx in span), None)
        ckey = conferrer_key(a.conferred_by, b.places) if a.conferred_by else None
        dup = next((x for x in rec.awards if x.type.lower() == a.type.lower() and _same_award(x, a, ckey)), None)
        if dup is not None:
            dup.presented_by += [p for p in a.presenters if p not in dup.presented_by]
            dup.evidence.append(b.evidence(s, a.start, a.end))
            dup.name = dup.name if dup.name and len(dup.name) >= len(a.name or "") else a.name
            if not dup.conferred_by and a.conferred_by:
                dup.conferred_by, dup.conferrer_key = a.conferred_by, ckey
            if a.recipients and (not dup.recipients or re.search(r"\d", a.recipients) and not re.search(r"\d", dup.recipients)):
                dup.recipients = a.recipients
                dup.collectives, dup.individuals = award_rec.recipient_counts(a.recipients)
                dup.awarded_people, dup.awarded_org_keys = _named_recipients(b, rec, a.recipients)
            continue
        col, ind = award_rec.recipient_counts(a.recipients)
        people, org_keys = _named_recipients(b, rec, a.recipients)
        rec.awards.append(Award(
            type=a.type, name=a.name, conferred_by=a.conferred_by, recipients=a.recipients, presented_by=list(a.presenters),
            awarded_people=people, awarded_org_keys=org_keys,
            collectives=col, individuals=ind, meeting=meeting.key if meeting else None, conferrer_key=ckey,
            evidence=[b.evidence(s, a.start, a.end)],
        ))


def _named_recipients(b: _Builder, rec: DocumentRecord, recipients: str | None) -> tuple[list[str], list[str]]:
    """The people and bodies an award's recipients name ("cho anh A và Công an phường B"), so
    that a person's or a body's page can list what it received; counts name no one."""
    if not recipients:
        return [], []
    bodies = [o for o in find_orgs(recipients) if not o.generic]
    taken = [(o.start, o.end) for o in bodies]  # "cho Công an phường Lê Lợi": a ward, not the person Lê Lợi
    people = []
    for person in sorted(rec.people, key=lambda p: len(p.name), reverse=True):  # "Nguyễn Văn An" before "Văn An"
        for m in re.finditer(rf"(?<![\w]){re.escape(person.name)}(?![\w])", recipients):
            if not any(a < m.end() and m.start() < z for a, z in taken):
                people.append(person.name)
                taken.append(m.span())
                break
    known = {org.key for org in rec.organizations}
    keys = [k for o in bodies if (k := org_key(o, b.places)) in known]
    order = {name: recipients.find(name) for name in people}
    return sorted(people, key=order.get), list(dict.fromkeys(keys))


_AREA = re.compile(rf"trên địa bàn\s+((?:{lexicon.unit_words(lexicon.PROVINCE_UNITS, lexicon.DISTRICT_UNITS, lexicon.COMMUNE_UNITS)}|TP\.?)\s*(?:{CAP_WORD}|\d+)(?:\s+{CAP_WORD})*)")


def _figure_place(s: Sentence) -> str | None:
    m = _AREA.search(s.text)
    return m.group(1) if m else None


def _is_heading(text: str, s: Sentence) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return line == s.text and len(line) < 100 and not line.endswith((".", "!", "?", "…", ":"))


def _figures(b: _Builder, rec: DocumentRecord) -> None:
    # Award counts belong to awards.recipients, programme numbers to programmes.
    blocked = [(e.start, e.end) for a in rec.awards for e in a.evidence]
    for s in b.sents:
        blocked += [(p.start, p.end) for p in programme_rec.find_programmes(b.doc.text, s.start, s.end)]
    found = [(s, f) for s in b.sents for f in figure_rec.find_figures(b.doc.text, s.start, s.end)]
    lead_period = next((p for s in b.sents[:6] if (p := dates.reporting_period(s.text, b.doc.date))), None)
    doc_place = rec.meetings[0].place if rec.meetings and rec.meetings[0].place else rec.province
    for s, f in found:
        if any(a <= f.start < z for a, z in blocked):
            continue
        if _is_heading(b.doc.text, s) and any(g.value == f.value and t is not s for t, g in found):
            continue  # a subheading repeats a figure the body gives
        if re.search(r"(?<![\w])cả\s+$", b.doc.text[max(0, f.start - 6) : f.start]) and any(
                (x.value, x.unit) == (f.value, f.unit) for x in rec.statistics):
            continue  # "… 4 hộ bị lôi kéo …; đến nay cả 4 hộ đã quay lại": the same households again
        rec.statistics.append(Statistic(
            text=f.text, value=f.value, unit=f.unit, qualifier=f.qualifier, of_total=f.of_total,
            place=_figure_place(s) or doc_place, period=dates.reporting_period(s.text, b.doc.date) or lead_period,
            evidence=[b.evidence(s, f.start, f.end)],
        ))
