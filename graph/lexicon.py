"""General vocabulary of the genre: ranks, titles, honorifics, organisation heads,
abbreviations, administrative units, meeting kinds and award types.

These are dictionaries of Vietnamese public-administration language (see
../shared/GLOSSARY.md), not answers: nothing here names a person, meeting or figure.
"""

from __future__ import annotations

RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    "Đại uý", "Thượng uý", "Trung uý", "Thiếu uý",
)

HONORIFICS = ("đồng chí", "Đồng chí", "ông", "Ông", "bà", "Bà", "các đồng chí", "Các đồng chí")
# Religious dignitaries' forms of address (not ranks): the name that follows is a person's.
CLERGY = ("Hòa thượng", "Hoà thượng", "Thượng tọa", "Thượng toạ", "Đại đức", "Ni sư", "Ni trưởng", "Linh mục",
          "Mục sư", "Giám mục", "Tổng Giám mục", "Truyền đạo")

# Titles that stand before an organisation. Longer first, so the regex prefers them.
# "Trưởng Công an", "Trưởng Ban": the head noun of the organisation follows the bare title.
TITLE_BASES = (
    "Ủy viên Ban Thường vụ", "Uỷ viên Ban Thường vụ", "Ủy viên Đoàn Chủ tịch", "Uỷ viên Đoàn Chủ tịch",
    "Ủy viên Thường trực", "Uỷ viên Thường trực",
    "Tổng Cục trưởng", "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Giám đốc", "Bộ trưởng", "Thứ trưởng",
    "Trưởng phòng", "Trưởng Phòng", "Trưởng ban", "Trưởng Ban", "Trưởng khối", "Trưởng Khối",
    "Chủ tịch", "Chủ nhiệm", "Tổng Thư ký", "Tổng thư ký", "Bí thư", "Chánh Văn phòng", "Chánh văn phòng", "Chánh Thanh tra",
    "Chi hội trưởng", "Chi hội phó", "Đội trưởng", "Đội phó", "Trung đội trưởng", "Phó Tư lệnh", "Chỉ huy trưởng", "Tư lệnh", "Chính ủy", "Chính uỷ", "Đồn trưởng", "Hiệu trưởng", "Tổng Biên tập",
    "Ủy viên Ban Thường trực", "Uỷ viên Ban Thường trực",
    "Cảnh sát khu vực", "Thủ trưởng", "Chánh xứ", "Quản xứ", "Chính trị viên phó", "Chính trị viên", "Trụ trì", "Sư cả", "Achar", "Quản nhiệm", "Tổ trưởng", "Tổ phó", "Buôn trưởng",
    "Trưởng", "Ủy viên", "Uỷ viên",
    *(f"Trưởng {unit}" for unit in ("thôn", "xóm", "ấp", "bản", "buôn", "làng", "khóm", "khu phố", "tổ dân phố")),
)
# The last word of a title that heads a residential community ("Trưởng thôn X"): its body is
# the community itself, "thôn X", named by the capitalised words or the number that follow.
# A standing a person is described by between the name and the posts: "Ông X, người có uy
# tín, Trưởng thôn Y". It is no post and no body; the posts after it are still the person's.
STANDINGS = ("người có uy tín", "già làng", "trưởng dòng họ", "trưởng tộc", "cựu chiến binh", "đảng viên")
COMMUNITY_UNITS = ("thôn", "xóm", "ấp", "bản", "buôn", "làng", "khóm", "khu phố", "tổ dân phố")
# Titles followed by the kind of unit they head: "Tổ trưởng tổ dân phố N", "buôn trưởng buôn X",
# "Trụ trì chùa X", "sư cả chùa X", "Chánh xứ giáo xứ X". A pagoda or a parish is a body; the
# communities are places with a head, not bodies.
TITLE_UNITS = {"Tổ trưởng": ("tổ dân phố",), "Tổ phó": ("tổ dân phố",), "Buôn trưởng": ("buôn",), "Trụ trì": ("chùa",),
               "Sư cả": ("chùa",), "Achar": ("chùa",), "Chánh xứ": ("giáo xứ",), "Quản xứ": ("giáo xứ",), "Quản nhiệm": ("giáo xứ", "giáo họ")}
# Titles that are also forms of address: a post only with the pagoda they serve ("Achar chùa X").
ADDRESS_TITLES = ("Achar", "Sư cả")
TITLE_PREFIXES = ("Phó",)
TITLE_SUFFIXES = ("Thường trực", "phụ trách", "Thường vụ")

# The Youth Union of a city, province, district: "Thành đoàn Đà Nẵng", "Quận Đoàn Sơn Trà".
YOUTH_UNION_HEADS = tuple(f"{unit} {d}oàn" for unit in ("Thành", "Tỉnh", "Quận", "Huyện", "Thị") for d in "đĐ")

# Bodies formed inside another body and named after it: "Đảng ủy Công an tỉnh …", "Đoàn Thanh
# niên Bộ Công an", "Công đoàn Công an tỉnh …".
INNER_BODY_HEADS = ("Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh",
                    "Đoàn Thanh niên", "Chi đoàn", "Công đoàn",
                    "Hội Phụ nữ", "Hội Cựu chiến binh", "Tổng Liên hội", "Công đoàn cơ sở")

# Organisation head nouns, longest first. A head starts an organisation name.
ORG_HEADS = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Uỷ ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc",
    "Uỷ ban Mặt trận Tổ quốc", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam",
    # the central committee with its abbreviations, as newspapers write it ("Ủy ban T.Ư MTTQ VN")
    *(f"{uy} {central} MTTQ" for uy in ("Ủy ban", "Uỷ ban") for central in ("Trung ương", "TƯ", "T.Ư", "TW")),
    "Uỷ ban Trung ương MTTQ Việt Nam", "Ủy ban MTTQ Việt Nam", "Uỷ ban MTTQ Việt Nam", "Ủy ban MTTQ", "Uỷ ban MTTQ",
    "UBTƯ MTTQ Việt Nam", "UBTW MTTQ Việt Nam", "UBTƯ MTTQ", "UBTW MTTQ", "UBMTTQ Việt Nam", "UBMTTQVN", "UBMTTQ", "MTTQVN",
    "Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam",
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "Ủy ban Nhân dân", "Uỷ ban Nhân dân", "UBND",
    "Hội đồng nhân dân", "Hội đồng Nhân dân", "HĐND",
    "Ban Chấp hành Trung ương Đảng", "Trung ương Đảng", "Bộ Chính trị", "Ban Bí thư", "Ủy ban Thường vụ Quốc hội",
    "Quốc hội", "Chính phủ", "Bộ Công an", "Bộ Quốc phòng", "Bộ Tư lệnh", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng", "Bộ Chỉ huy BĐBP",
    "Bộ đội Biên phòng", "BĐBP", "Bộ",
    "Ban Chỉ huy Quân sự", "BCH Quân sự", "BCHQS",
    "Công an", "Tổng cục", "Cục", "Vụ", "Sở", "Phòng", "Đội", "Đồn Biên phòng", "Đồn",
    "Ban Thường trực", "Ban Thường vụ", "Ban Chỉ đạo", "Ban Công tác", "Ban Dân chủ", "Ban Tuyên giáo và Dân vận", "Ban Tuyên giáo", "Ban Dân vận",
    "Ban Nội chính", "Ban Tổ chức", "Ban Chấp hành", "Ban quản trị", "Ban Quản trị", "Ban quản lý", "Ban Quản lý",
    "Ban điều hành", "Ban Điều hành", "Ban",
    "Tổng công ty", "Công ty TNHH", "Công ty cổ phần", "Công ty CP", "Công ty",
    "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Quận ủy", "Quận uỷ", "Huyện ủy", "Huyện uỷ", "Thị ủy", "Thị uỷ",
    "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ", "Chi hội", "Ban công tác Mặt trận", "Ban Công tác Mặt trận",
    "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Nông dân",
    "BCĐ", "CA",
    *YOUTH_UNION_HEADS,
    "Tổng Liên đoàn Lao động", "Công đoàn", "Cơ quan Cảnh sát điều tra",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên", "Liên đoàn Lao động", "Hội", "Đoàn", "Liên đoàn", "Trường Đại học", "Trường Cao đẳng",
    "Trường Chính trị", "Trường THPT", "Trường THCS", "Trường Tiểu học", "Đoàn trường", "Đoàn Trường", "Chi đoàn", "Viện", "Học viện", "Báo", "Tòa án",
    "Viện kiểm sát", "Giáo hội Phật giáo Việt Nam", "Ban Trị sự", "Giáo xứ", "Giáo họ", "Giáo phận", "Hội thánh", "Tổng Liên hội",
    "Ban hành giáo", "Quân khu", "Công đoàn cơ sở", "Trung đội", "Bộ CHQS", "Hội đồng mục vụ",
)

# Heads that only make an organisation when a unit, a place or a proper name follows
# ("Công an tỉnh Hà Tĩnh", "Cục Xây dựng …") — "lực lượng Công an" alone is not a body.
NEEDS_COMPLEMENT = {"CA", "Ban Tổ chức", "Cơ quan Cảnh sát điều tra", "Công đoàn", "Ban Chỉ đạo", "Đảng bộ", "Chi bộ", "Chi hội", "Công an", "Bộ", "Cục", "Vụ", "Sở", "Phòng", "Đội", "Ban", "Hội", "Đoàn", "Liên đoàn", "Viện",
                    "Học viện", "Báo", "Đồn", "Tổng cục"}

# Bodies that every administrative level has: named bare, they stand for that level's body.
LEVEL_BODY_WORDS = ("ủy ban", "uỷ ban", "ubnd", "ubmttq", "mttq", "mặt trận", "đảng ủy", "đảng uỷ", "hđnd", "hội đồng nhân dân",
                    "công an")

# Abbreviations of the genre and their long forms (GLOSSARY.md).
ABBREVIATIONS = {
    "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBTƯ": "Ủy ban Trung ương",
    "UBTW": "Ủy ban Trung ương",
    "TƯ": "Trung ương",
    "TW": "Trung ương",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CATP": "Công an thành phố",
    "CAT": "Công an tỉnh",
    "CA": "Công an",
    "BCA": "Bộ Công an",
    "BTV": "Ban Thường vụ",
    "BCH": "Ban Chỉ huy",
    "BĐBP": "Bộ đội Biên phòng",
    "BCHQS": "Ban Chỉ huy Quân sự",
    "CCB": "Cựu chiến binh",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP. HCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "TP": "thành phố",
    "ANTQ": "an ninh Tổ quốc",
    "BVANTQ": "bảo vệ an ninh Tổ quốc",
    "ANTT": "an ninh trật tự",
    "TTATXH": "trật tự an toàn xã hội",
    "TNXH": "tệ nạn xã hội",
    "PCCC": "phòng cháy chữa cháy",
}

# What the genre counts: a number followed by one of these is a count ("N nguồn tin"), even
# right after a unit word that would make it a ward's number ("cho Công an phường N nguồn tin").
COUNT_NOUNS = ("nguồn tin", "tin báo", "tin", "vụ", "đối tượng", "người", "lượt", "hộ", "mô hình", "camera", "tổ tự quản",
               "buổi", "trường hợp", "khẩu", "kg", "triệu", "nghìn", "tập thể", "cá nhân", "cuộc", "lớp", "suất", "tấn", "đồng",
               "chiếc", "bộ", "xe", "máy", "phần quà", "thành viên")

# Administrative units by level, as the genre writes them: the one list every recogniser builds from.
# "thành phố" is a province (Hà Nội) or a district (a provincial city); "đặc khu" is an island
# special zone of the 2025 two-level reform, at the level of a commune.
PROVINCE_UNITS = ("tỉnh", "thành phố")
DISTRICT_UNITS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_UNITS = ("xã", "phường", "thị trấn", "đặc khu")


def unit_words(*groups: tuple[str, ...]) -> str:
    """A regex alternation of the unit words of ``groups``, longest first ("thị xã" before "xã")."""
    return "|".join(sorted({w for g in groups for w in g}, key=len, reverse=True))


# Administrative unit words (largest first) and the level they name.
ADMIN_UNITS = {
    "tỉnh": "tỉnh", "Tỉnh": "tỉnh", "thành phố": "tỉnh", "Thành phố": "tỉnh", "TP.": "tỉnh", "TP": "tỉnh",
    "Tp.": "tỉnh", "quận": "huyện", "Quận": "huyện", "huyện": "huyện", "Huyện": "huyện", "thị xã": "huyện",
    "Thị xã": "huyện", "phường": "xã", "Phường": "xã", "xã": "xã", "Xã": "xã", "thị trấn": "xã",
    "Thị trấn": "xã", "đặc khu": "xã", "Đặc khu": "xã", "thôn": "thôn", "xóm": "thôn", "ấp": "thôn", "bản": "thôn", "khu phố": "thôn",
}

# Common Vietnamese family names (GLOSSARY.md, plus other frequent ones).
# ("Văn", "Công", "Quang" are far more often middle names, "Ông"/"Bà" honorifics: not listed.
# A name after a rank or honorific is recognised even when its family name is not here.)
SURNAMES = frozenset(
    "Lô Lê Ksor Rcom Nay Kpă H'Mok Êban Byă Mlô Êñuôl "
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Đinh Trương Lâm Đoàn Mai "
    "Trịnh Đào Cao Lương Hà Tạ Chu Lưu Kiều Thái Quách Hứa Tăng Vương Triệu Lại La Châu Phùng Nghiêm Từ "
    "Âu Khổng Thân Tống Mạc Hầu Giang Đàm Lục Đồng Bạch Diệp Tôn Nông Lò Lã Vi Đậu Kim Quan Thạch "
    "Khúc Ninh Doãn Cù Lữ Hàn Viên Mẫn Yên Khuất Tiêu Phí Mã Ksor Rơ Siu Giàng Sùng Vàng Thào "
    "Mùa Lầu Tráng Cầm Quàng Điêu Y H' Rah Niê Bế Sầm Lường Ma Mông Đèo Kha Điểu Ngọ Giáp Tẩn Danh "
    "Lù Chảo Sình Hảng "
    "Sơn Chau Bàn Vừ Hờ Tòng Bạc Lộc Ưng Lạc Ôn Phó Trình Tiết Thiều Văng Hạ Hồng Ân Nhan Quản Chử "
    "Cung Đoàn Đồng Đới Lều Mạch Ngụy Nhữ Trang Vương "
    "Đàng Thập Quảng Chế Hán "  # Chăm family names
    "Thích".split()  # the family name every Buddhist monk and nun takes
)

# Vietnam's ethnic groups whose names look like personal names ("Hà Nhì" starts with a family
# name): "đồng bào Mông, Hà Nhì, Dao" names peoples, not people.
ETHNIC_GROUPS = frozenset({
    "Hà Nhì", "Lô Lô", "Phù Lá", "La Chí", "La Ha", "La Hủ", "Si La", "Cơ Lao", "Pà Thẻn", "Pu Péo", "Bố Y", "Cống",
    "Lự", "Mảng", "Chứt", "Ơ Đu", "Brâu", "Rơ Măm", "Gié Triêng", "Xơ Đăng", "Ba Na", "Gia Rai", "Ê Đê", "Cơ Ho",
    "Mnông", "Xtiêng", "Chơ Ro", "Mạ", "Co", "Hrê", "Cơ Tu", "Tà Ôi", "Bru Vân Kiều", "Khơ Mú", "Xinh Mun", "Kháng",
    "Giáy", "Nùng", "Tày", "Thái", "Mường", "Mông", "Dao", "Sán Dìu", "Sán Chay", "Ngái", "Hoa", "Khmer", "Chăm",
    "Raglai", "Chu Ru", "Kinh", "Lào", "Lô", "Ra Glai",
})

# Kinds of meeting, recognised from the words that name them.
MEETING_KINDS = (
    ("ngày hội", "Ngày hội"), ("tổng kết", "tổng kết"), ("sơ kết", "sơ kết"), ("ký kết", "ký kết"),
    ("triển khai", "triển khai"), ("tọa đàm", "tọa đàm"), ("toạ đàm", "tọa đàm"), ("hội thảo", "hội thảo"),
    ("giao ban", "giao ban"), ("họp báo", "họp báo"), ("làm việc", "làm việc"), ("sinh hoạt", "sinh hoạt"), ("lễ", "lễ"),
    ("hội nghị", "hội nghị"),
)
MEETING_NOUNS = ("Hội nghị", "hội nghị", "Lễ", "lễ", "Ngày hội", "ngày hội", "Tọa đàm", "tọa đàm", "Toạ đàm",
                 "Hội thảo", "hội thảo", "buổi lễ", "Buổi lễ", "Hội thi", "hội thi", "buổi gặp mặt", "Lễ ra mắt",
                 "buổi sinh hoạt", "Buổi sinh hoạt", "buổi làm việc", "Buổi làm việc", "buổi họp báo", "Buổi họp báo",
                 "họp báo", "Họp báo")

AWARD_TYPES = ("Huân chương", "Huy chương", "Huy hiệu", "Bằng khen", "Giấy khen", "Kỷ niệm chương", "Cờ thi đua", "Giấy chứng nhận")

# Verbs that give a person's role at a meeting.
CHAIR_VERBS = ("đồng chủ trì", "chủ trì")
SPEAKER_VERBS = ("phát biểu chỉ đạo", "phát biểu", "báo cáo", "kết luận", "khai mạc", "chỉ đạo", "trình bày", "nhấn mạnh",
                 "quán triệt", "tổng kết", "đánh giá", "đề nghị", "yêu cầu", "ghi nhận", "cho biết")
ATTEND_WORDS = ("dự", "tham dự", "đến dự", "có mặt", "tham gia")
