#!/usr/bin/env python3
"""Generates the Korean-name test tables in this folder (offline, deterministic).

  name_pairs.csv   a,b,same,a_hangul,b_hangul,a_style,b_style
                   pairs of spellings of one Hangul name (same=1) and of two
                   look-alike names: same family name, one given-name
                   syllable differs (same=0)
  hangul_names.txt Hangul names for the round-trip test

The spellings come from this script's own variant rules (RR, McCune-Reischauer,
DPRK, passport and press habits), written independently of the C++ romanizer in
src/korean/, so the tests of the parser are not circular. Run:
  python3 tests/korean/data/make_name_tables.py
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240611)

# Family names: Hangul, rough weight, North form, spellings seen in the press.
SURNAMES = [
    ("김", 215, "김", ["Kim"]), ("이", 147, "리", ["Lee", "Yi", "Rhee"]),
    ("박", 84, "박", ["Park", "Pak"]), ("정", 48, "정", ["Jung", "Chung", "Jeong", "Chong"]),
    ("최", 47, "최", ["Choi", "Choe"]), ("조", 29, "조", ["Cho", "Jo"]),
    ("강", 25, "강", ["Kang"]), ("윤", 20, "윤", ["Yoon", "Yun"]),
    ("장", 20, "장", ["Jang", "Chang"]), ("임", 20, "림", ["Lim", "Im", "Yim"]),
    ("신", 20, "신", ["Shin", "Sin"]), ("유", 19, "류", ["Yoo", "Yu", "Ryu"]),
    ("한", 16, "한", ["Han"]), ("오", 15, "오", ["Oh", "O"]),
    ("전", 15, "전", ["Jeon", "Jun", "Chun"]), ("서", 15, "서", ["Seo", "Suh"]),
    ("권", 14, "권", ["Kwon"]), ("황", 14, "황", ["Hwang"]),
    ("안", 14, "안", ["Ahn", "An"]), ("송", 14, "송", ["Song"]),
    ("홍", 11, "홍", ["Hong"]), ("양", 11, "량", ["Yang"]),
    ("고", 10, "고", ["Ko", "Koh"]), ("문", 9, "문", ["Moon", "Mun"]),
    ("손", 9, "손", ["Son", "Sohn"]), ("배", 8, "배", ["Bae", "Pae"]),
    ("백", 8, "백", ["Baek", "Paik"]), ("허", 7, "허", ["Heo", "Huh"]),
    ("노", 6, "로", ["Noh", "Roh"]), ("심", 6, "심", ["Shim", "Sim"]),
    ("남", 6, "남", ["Nam"]), ("주", 5, "주", ["Joo", "Ju"]),
    ("하", 5, "하", ["Ha"]), ("곽", 4, "곽", ["Kwak"]), ("구", 4, "구", ["Koo", "Ku"]),
    ("차", 4, "차", ["Cha"]), ("우", 4, "우", ["Woo"]), ("성", 4, "성", ["Sung"]),
    ("진", 4, "진", ["Jin", "Chin"]), ("나", 4, "라", ["Na", "Ra"]),
    ("민", 3, "민", ["Min"]), ("지", 3, "지", ["Ji"]), ("현", 2, "현", ["Hyun"]),
    ("방", 2, "방", ["Bang"]), ("변", 2, "변", ["Byun"]), ("엄", 2, "엄", ["Um", "Eom"]),
]

# Common given-name syllables of people born 1930-2000, North and South.
GIVEN = ("철 호 영 수 희 민 정 성 진 현 준 숙 자 순 옥 미 경 은 혜 지 연 선 남 길 동 석 용 일 광 "
         "명 식 춘 학 상 국 원 재 훈 혁 환 종 기 태 범 금 화 애 실 란 복 만 창 근 봉 한 대 규 병 "
         "삼 덕 문 익 찬 승 우 하 빈 서 윤 아 주 나 열 웅 송 인 의 신 세 형 택 필 구 관 운 섭 향 "
         "림 련 룡 녀 분 월 심 청 소 건 완 홍 효 강 평").split()

# Syllables that the press and passports write their own way.
PRESS = {
    "철": ["Chul", "Chol", "Cheol"], "영": ["Young", "Yong", "Yeong"], "수": ["Soo", "Su"],
    "희": ["Hee", "Hui", "Heui"], "경": ["Kyung", "Kyong", "Gyeong", "Kyeong"],
    "주": ["Joo", "Ju"], "성": ["Sung", "Seong", "Song"], "정": ["Jung", "Jeong", "Chung", "Jong"],
    "현": ["Hyun", "Hyon", "Hyeon"], "준": ["Joon", "Jun"], "우": ["Woo", "U"],
    "윤": ["Yoon", "Yun"], "석": ["Suk", "Seok", "Sok"], "순": ["Soon", "Sun"],
    "숙": ["Sook", "Suk"], "혜": ["Hye", "Hae"], "은": ["Eun", "Un"], "명": ["Myung", "Myong"],
    "용": ["Yong", "Young"], "선": ["Sun", "Seon", "Son"], "연": ["Yeon", "Yon", "Yun"],
    "진": ["Jin", "Chin"], "원": ["Won", "Weon"], "근": ["Keun", "Kun", "Geun"],
    "훈": ["Hoon", "Hun"], "문": ["Moon", "Mun"], "운": ["Woon", "Un"], "중": ["Joong", "Jung"],
    "동": ["Dong", "Tong"], "기": ["Ki", "Gi", "Kee"], "광": ["Kwang", "Gwang"],
    "국": ["Kook", "Guk", "Kuk"], "규": ["Kyu", "Gyu"], "구": ["Koo", "Gu", "Ku"],
    "길": ["Gil", "Kil"], "금": ["Keum", "Kum", "Geum"], "태": ["Tae"], "택": ["Taek", "Thaek"],
    "섭": ["Seop", "Sub", "Sop"], "범": ["Bum", "Beom", "Pom"], "병": ["Byung", "Byeong", "Pyong"],
    "복": ["Bok", "Pok"], "봉": ["Bong", "Pong"], "덕": ["Duk", "Deok", "Tok"],
    "찬": ["Chan"], "창": ["Chang"], "춘": ["Choon", "Chun"], "청": ["Chung", "Cheong", "Chong"],
    "열": ["Yeol", "Yul", "Yol"], "형": ["Hyung", "Hyeong", "Hyong"], "혁": ["Hyuk", "Hyeok", "Hyok"],
}

LEAD_RR = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
LEAD_MR = "k kk n t tt r m p pp s ss - ch tch ch' k' t' p' h".split()
LEAD_DPRK = "k kk n t tt r m p pp s ss - j jj ch kh th ph h".split()
VOWEL_RR = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
VOWEL_MR = "a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i".split()
TAIL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def jamo(syl):
    i = ord(syl) - 0xAC00
    return i // 588, (i // 28) % 21, i % 28


def make(l, v, t):
    return chr(0xAC00 + (l * 21 + v) * 28 + t)


def voiced_after(prev_tail):
    return prev_tail in (0, 4, 8, 16, 21)


def syl_rr(s):
    l, v, t = jamo(s)
    return LEAD_RR[l].replace("-", "") + VOWEL_RR[v] + TAIL[t]


def syl_mr(s, prev, diacritics, apostrophes):
    l, v, t = jamo(s)
    lead = LEAD_MR[l].replace("-", "")
    if prev is not None and voiced_after(jamo(prev)[2]):
        lead = {"k": "g", "t": "d", "p": "b", "ch": "j"}.get(lead, lead)
    if l == 9 and v == 20 and rng.random() < 0.5:
        lead = "sh"  # original MR writes 시 as shi
    vowel = VOWEL_MR[v]
    out = lead + vowel + TAIL[t]
    if not diacritics:
        out = out.replace("ŏ", "o").replace("ŭ", "u")
    if not apostrophes:
        out = out.replace("'", "")
    return out


def syl_dprk(s, prev):
    l, v, t = jamo(s)
    lead = LEAD_DPRK[l].replace("-", "")
    if prev is not None and voiced_after(jamo(prev)[2]):
        lead = {"k": "g", "t": "d", "p": "b"}.get(lead, lead)
    return lead + VOWEL_MR[v].replace("ŏ", "o").replace("ŭ", "u") + TAIL[t]


def syl_press(s):
    if s in PRESS and rng.random() < 0.8:
        return rng.choice(PRESS[s])
    word = syl_rr(s)
    # Press habits: eo -> u/o, u -> oo, i -> ee (sometimes).
    r = rng.random()
    if "eo" in word and r < 0.5:
        word = word.replace("eo", rng.choice(["u", "o"]))
    elif word.endswith("u") and r < 0.3:
        word = word[:-1] + "oo"
    return word.capitalize()


def cap(w):
    return w[:1].upper() + w[1:]


def join_given(parts, how):
    if how == "joined":
        return cap("".join(p.lower() for p in parts))
    if how == "hyphen":
        return cap("-".join(p.lower() for p in parts))
    return " ".join(cap(p.lower()) for p in parts)


def render(name, style):
    """Writes NAME = (surname, given syllables, surname record) in STYLE."""
    sur, given, rec = name
    hangul_sur, _, north, press = rec
    if style == "hangul":
        return sur + "".join(given)
    if style == "hangul_space":
        return sur + " " + "".join(given)
    if style == "rr":
        g = [syl_rr(s) for s in given]
        return cap(syl_rr(sur)) + " " + join_given(g, rng.choice(["joined", "hyphen"]))
    if style in ("mr", "mr_ascii"):
        d = style == "mr"
        g = [syl_mr(s, given[i - 1] if i else None, d, d) for i, s in enumerate(given)]
        s = "Yi" if sur == "이" else cap(syl_mr(sur, None, d, d))
        return s + " " + join_given(g, "hyphen")
    if style == "dprk":
        g = [syl_dprk(s, given[i - 1] if i else None) for i, s in enumerate(given)]
        return cap(syl_dprk(north, None)) + " " + join_given(g, "spaced")
    if style == "dprk_hangul":
        return north + "".join(given)
    if style == "passport":
        g = [syl_press(s) for s in given]
        how = rng.choice(["joined", "hyphen"])
        return (press[0] + " " + join_given(g, how)).upper()
    if style == "press":
        g = [syl_press(s) for s in given]
        given_text = join_given(g, rng.choice(["joined", "hyphen", "spaced"]))
        s = rng.choice(press)
        if rng.random() < 0.35:
            return given_text + " " + s  # Western order
        return s + " " + given_text
    if style == "mixed":
        g = [syl_dprk(s, given[i - 1] if i else None) for i, s in enumerate(given)]
        return (north + "".join(given) + " (" + cap(syl_dprk(north, None)) + " " +
                join_given(g, "spaced") + ")")
    raise ValueError(style)


STYLES = ["hangul", "hangul_space", "rr", "mr", "mr_ascii", "dprk", "dprk_hangul", "passport",
          "press", "mixed"]


def random_name():
    rec = rng.choices(SURNAMES, weights=[s[1] for s in SURNAMES])[0]
    n = 2 if rng.random() < 0.9 else 1
    given = [rng.choice(GIVEN) for _ in range(n)]
    return (rec[0], given, rec)


def look_alike(name):
    sur, given, rec = name
    given = list(given)
    i = rng.randrange(len(given))
    old = given[i]
    while True:
        if rng.random() < 0.5:
            new = rng.choice(GIVEN)
        else:  # change one jamo of the syllable, keeping it a name syllable
            l, v, t = jamo(old)
            which = rng.randrange(3)
            cands = [g for g in GIVEN if sum(a != b for a, b in zip(jamo(g), (l, v, t))) == 1
                     and jamo(g)[which] != (l, v, t)[which]]
            new = rng.choice(cands) if cands else rng.choice(GIVEN)
        if new != old:
            break
    given[i] = new
    return (sur, given, rec)


def pair_styles():
    a = rng.choice(STYLES)
    b = rng.choice([s for s in STYLES if s != a])
    return a, b


def main():
    rows = []
    seen = set()
    while len(rows) < 600:
        name = random_name()
        a_style, b_style = pair_styles()
        a, b = render(name, a_style), render(name, b_style)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        h = name[0] + "".join(name[1])
        rows.append([a, b, 1, h, h, a_style, b_style])
    while len(rows) < 1200:
        name = random_name()
        other = look_alike(name)
        a_style, b_style = pair_styles()
        a, b = render(name, a_style), render(other, b_style)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        rows.append([a, b, 0, name[0] + "".join(name[1]), other[0] + "".join(other[1]),
                     a_style, b_style])
    with open(os.path.join(HERE, "name_pairs.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "same", "a_hangul", "b_hangul", "a_style", "b_style"])
        w.writerows(rows)
    names = set()
    while len(names) < 600:
        n = random_name()
        names.add(n[0] + "".join(n[1]))
    with open(os.path.join(HERE, "hangul_names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(names)) + "\n")


if __name__ == "__main__":
    main()
