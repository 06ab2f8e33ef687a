//! `atlas synth`: a synthetic corpus of any size, for measuring the app at scale.
//!
//! The output is an extraction (`{"documents": [...], "events": [...]}`, the schema of
//! `crates/extract/README.md`) as if the engine had read thousands of articles: documents carry
//! their `text`, and every evidence sentence and money figure sits in it at exactly the byte
//! offsets given, so the app's reader highlights them. The events are built from the engine's
//! own output types (`Event`, `Document`), so the schema cannot drift from what `atlas extract`
//! prints.
//!
//! Deterministic: the same event count and seed give the same bytes, on every machine (a
//! hand-written SplitMix64, no floating point in any choice that decides text, no hash-map
//! iteration).
//!
//! What makes it look like news rather than noise, because the app's costs depend on it:
//! - dates from 2000 to 2026, more of them in recent years and in bursts around a few big
//!   occasions (the timeline's density is uneven); day, month and year precision mixed, and
//!   some events undated;
//! - places from the engine's gazetteer, weighted by population (London and Beijing get many
//!   events, small towns a few), mostly in China and the UK, some elsewhere;
//! - articles of one to six events in English mostly, some in Chinese, German and French;
//! - actors of both sides (organisations, government bodies, people with roles), money
//!   figures in four currencies with their value in US dollars.
//!
//! Companies and people are invented (events are made up, so they are not pinned on real
//! firms or people); universities and ministries are real institutions named generically.

use atlas_extract::event::{Actor, ActorType, DateSource, Event, EventPlace, Evidence, PlaceRole, Salience};
use atlas_extract::gazetteer::{Gazetteer, Place, PlaceLevel, BUNDLED_GAZETTEER_TSV};
use atlas_extract::lexicon::{EventKind, Sector, Side};
use atlas_extract::money::{usd_per_unit, Currency, MoneyFigure};
use atlas_extract::{civil_from_days, date_expr::Resolution, days_from_civil, Document, Language, PartialDate};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

/// The seed when none is given.
pub const DEFAULT_SEED: u64 = 2026;

/// A synthetic corpus: the articles, then their events in article order.
pub struct Corpus {
    pub documents: Vec<Document>,
    pub events: Vec<Event>,
}

impl Corpus {
    /// Writes the corpus as compact extraction JSON, each document with its `text`.
    pub fn write_json(&self, out: impl Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct WithText<'a> {
            #[serde(flatten)]
            document: &'a Document,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Output<'a> {
            documents: Vec<WithText<'a>>,
            events: &'a [Event],
        }
        let documents = self
            .documents
            .iter()
            .map(|document| WithText {
                document,
                text: &document.text,
            })
            .collect();
        let mut out = io::BufWriter::new(out);
        serde_json::to_writer(
            &mut out,
            &Output {
                documents,
                events: &self.events,
            },
        )?;
        writeln!(out)?;
        out.flush()
    }
}

/// Generates `events` events (exactly) from `seed`.
pub fn generate(events: usize, seed: u64) -> Corpus {
    let places = PlacePools::from(Gazetteer::bundled());
    let mut rng = Rng::new(seed);
    let mut corpus = Corpus {
        documents: Vec::with_capacity(events / 3 + 1),
        events: Vec::with_capacity(events),
    };
    while corpus.events.len() < events {
        let wanted = (1 + rng.below(6)).min(events - corpus.events.len());
        let number = corpus.documents.len() + 1;
        let (document, article_events) = article(&mut rng, &places, number, wanted);
        corpus.documents.push(document);
        corpus.events.extend(article_events);
    }
    corpus
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data; its output
/// depends on nothing but the seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is below 2^-40 for our `n`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True `percent` times in a hundred.
    fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An item of `items` by its integer weight.
    fn weighted<T: Copy>(&mut self, items: &[(T, usize)]) -> T {
        let total: usize = items.iter().map(|&(_, w)| w).sum();
        let mut ticket = self.below(total);
        for &(item, weight) in items {
            if ticket < weight {
                return item;
            }
            ticket -= weight;
        }
        unreachable!("a ticket below the total weight falls on an item")
    }
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

/// Countries other than China and the UK where some events take place.
const OTHER_COUNTRIES: &[&str] = &["HK", "US", "FR", "DE", "SG", "JP", "AE", "KE", "BR", "AU", "CH", "IN"];

/// Gazetteer places to draw from, by side, weighted so that big cities come up often.
struct PlacePools<'g> {
    china: WeightedPlaces<'g>,
    uk: WeightedPlaces<'g>,
    other: WeightedPlaces<'g>,
    /// A place's first name in Han script (for Chinese articles), by gazetteer id.
    han_names: HashMap<&'static str, &'static str>,
}

/// Places with cumulative integer weights, for a binary search by ticket.
struct WeightedPlaces<'g> {
    places: Vec<&'g Place>,
    cumulative: Vec<u64>,
}

impl<'g> WeightedPlaces<'g> {
    /// Cities of `countries` of at least `min_population`, and their regions. A city weighs
    /// its population to the power 0.6 (so London outweighs Oxford, but not by a hundred
    /// times); a region weighs as much as a city of 200,000 (news often names a province).
    fn new(gazetteer: &'g Gazetteer, countries: &[&str], min_population: u64) -> WeightedPlaces<'g> {
        let mut places = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0u64;
        for place in gazetteer.places() {
            if !countries.contains(&place.country.as_str()) {
                continue;
            }
            let population = match place.level {
                PlaceLevel::City if place.population >= min_population => place.population,
                PlaceLevel::Region => 200_000,
                _ => continue,
            };
            // Integer weight from a float: `powf` is correctly rounded enough on every
            // platform we build on, and the weight is truncated, so tiny differences vanish.
            total += (population as f64).powf(0.6) as u64;
            places.push(place);
            cumulative.push(total);
        }
        assert!(!places.is_empty(), "the gazetteer has places in {countries:?}");
        WeightedPlaces { places, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &'g Place {
        let total = *self.cumulative.last().expect("not empty");
        let ticket = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        let index = self.cumulative.partition_point(|&c| c <= ticket);
        self.places[index]
    }
}

impl<'g> PlacePools<'g> {
    fn from(gazetteer: &'g Gazetteer) -> PlacePools<'g> {
        // The gazetteer keeps only the English name of a place; its TSV has the others.
        let han_names = BUNDLED_GAZETTEER_TSV
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut columns = line.split('\t');
                let id = columns.next()?;
                let names = columns.nth(7)?;
                let han = names.split('|').find(|name| name.chars().any(is_han))?;
                Some((id, han))
            })
            .collect();
        PlacePools {
            china: WeightedPlaces::new(gazetteer, &["CN"], 300_000),
            uk: WeightedPlaces::new(gazetteer, &["GB"], 50_000),
            other: WeightedPlaces::new(gazetteer, OTHER_COUNTRIES, 1_000_000),
            han_names,
        }
    }

    fn pick(&self, rng: &mut Rng, side: Side) -> &'g Place {
        match side {
            Side::China => self.china.pick(rng),
            Side::Uk => self.uk.pick(rng),
            Side::Other => self.other.pick(rng),
        }
    }

    /// The place as an article in `lang` writes it.
    fn written<'a>(&'a self, place: &'a Place, lang: Lang) -> &'a str {
        match lang {
            Lang::Zh => self.han_names.get(place.id.as_str()).copied().unwrap_or(&place.name),
            _ => &place.name,
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

/// An organisation or government body: English and Chinese names.
type Body = (&'static str, &'static str);

const CN_COMPANIES: &[Body] = &[
    ("Yangtze Robotics", "长江机器人"),
    ("Pearl River Bank", "珠江银行"),
    ("Huaxia New Energy", "华夏新能源"),
    ("Jinling Pharmaceuticals", "金陵制药"),
    ("Kunlun Semiconductors", "昆仑半导体"),
    ("Donghai Shipping", "东海航运"),
    ("Tianfu Motors", "天府汽车"),
    ("Xinghe Data", "星河数据"),
    ("Lianhua Foods", "莲花食品"),
    ("Baiyun Aviation", "白云航空"),
    ("Tsinghua University", "清华大学"),
    ("Peking University", "北京大学"),
    ("Zhejiang University", "浙江大学"),
    ("Fudan University", "复旦大学"),
];
const CN_GOVERNMENT: &[Body] = &[
    ("Ministry of Commerce", "商务部"),
    ("Ministry of Foreign Affairs", "外交部"),
    ("National Development and Reform Commission", "国家发展改革委"),
    ("Chinese Embassy in the UK", "中国驻英国大使馆"),
    ("Ministry of Education", "教育部"),
    ("Ministry of Science and Technology", "科技部"),
];
const GB_COMPANIES: &[Body] = &[
    ("Northbridge Pharma", "诺桥制药"),
    ("Thames Energy", "泰晤士能源"),
    ("Pennine Motors", "奔宁汽车"),
    ("Clyde Robotics", "克莱德机器人"),
    ("Severn Analytics", "塞文分析"),
    ("Albion Bank", "阿尔比恩银行"),
    ("Cotswold Foods", "科茨沃尔德食品"),
    ("Mersey Logistics", "默西物流"),
    ("Kestrel Aerospace", "红隼航空"),
    ("University of Oxford", "牛津大学"),
    ("University of Cambridge", "剑桥大学"),
    ("Imperial College London", "帝国理工学院"),
    ("University of Edinburgh", "爱丁堡大学"),
    ("University of Manchester", "曼彻斯特大学"),
];
const GB_GOVERNMENT: &[Body] = &[
    ("Department for Business and Trade", "英国商业贸易部"),
    ("Foreign, Commonwealth and Development Office", "英国外交部"),
    ("HM Treasury", "英国财政部"),
    ("British Embassy in Beijing", "英国驻华大使馆"),
    ("Department for Education", "英国教育部"),
];
const OTHER_BODIES: &[Body] = &[
    ("World Bank", "世界银行"),
    ("UNESCO", "联合国教科文组织"),
    ("Asian Infrastructure Investment Bank", "亚洲基础设施投资银行"),
    ("World Health Organization", "世界卫生组织"),
];

/// Pinyin and Han pairs: Chinese people's names are a surname and a given name from these.
const CN_SURNAMES: &[Body] = &[
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Hu", "胡"),
    ("Zhu", "朱"),
    ("Gao", "高"),
    ("Lin", "林"),
];
const CN_GIVEN: &[Body] = &[
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Jun", "军"),
    ("Yong", "勇"),
    ("Yan", "艳"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Hua", "华"),
    ("Ping", "平"),
    ("Gang", "刚"),
    ("Hui", "慧"),
];
const GB_FIRST: &[&str] = &[
    "Oliver",
    "James",
    "Sarah",
    "Emma",
    "David",
    "Catherine",
    "Richard",
    "Helen",
    "Thomas",
    "Rachel",
    "Andrew",
    "Laura",
    "Michael",
    "Fiona",
    "Peter",
    "Alison",
];
const GB_LAST: &[&str] = &[
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Roberts", "Walker", "Wright", "Hughes",
    "Green", "Hall", "Clarke", "Edwards", "Morgan",
];

/// A role as each language writes it: English, Chinese, German, French.
type Role = [&'static str; 4];

const CN_ROLES: &[Role] = &[
    ["Vice Premier", "副总理", "Vizepremier", "le vice-Premier ministre"],
    [
        "Commerce Minister",
        "商务部部长",
        "Handelsminister",
        "le ministre du Commerce",
    ],
    ["Ambassador", "大使", "Botschafter", "l'ambassadeur"],
    ["Mayor", "市长", "Bürgermeister", "le maire"],
    [
        "Party Secretary",
        "党委书记",
        "Parteisekretär",
        "le secrétaire du Parti",
    ],
    ["Chairman", "董事长", "Vorstandsvorsitzender", "le président"],
];
const GB_ROLES: &[Role] = &[
    [
        "Trade Secretary",
        "商业贸易大臣",
        "Handelsminister",
        "le ministre du Commerce",
    ],
    ["Ambassador", "大使", "Botschafter", "l'ambassadeur"],
    ["Lord Mayor", "市长", "Oberbürgermeister", "le lord-maire"],
    [
        "Chief Executive",
        "首席执行官",
        "Geschäftsführer",
        "le directeur général",
    ],
    ["Vice-Chancellor", "校长", "Rektor", "le vice-chancelier"],
    ["Minister", "大臣", "Minister", "le ministre"],
];

/// An actor of `side`, as an article in `lang` names it: the actor, and how the sentence
/// writes it (a person with their role before the name).
fn actor(rng: &mut Rng, side: Side, lang: Lang) -> (Actor, String) {
    let (actor_type, name, role) = match (side, rng.below(10)) {
        (Side::Other, _) => (ActorType::Org, lang.body(*rng.pick(OTHER_BODIES)).to_string(), None),
        (Side::China, 0..=3) => (ActorType::Org, lang.body(*rng.pick(CN_COMPANIES)).to_string(), None),
        (Side::Uk, 0..=3) => (ActorType::Org, lang.body(*rng.pick(GB_COMPANIES)).to_string(), None),
        (Side::China, 4..=5) => (ActorType::Gov, lang.body(*rng.pick(CN_GOVERNMENT)).to_string(), None),
        (Side::Uk, 4..=5) => (ActorType::Gov, lang.body(*rng.pick(GB_GOVERNMENT)).to_string(), None),
        (Side::China, _) => {
            let (surname, given) = (*rng.pick(CN_SURNAMES), *rng.pick(CN_GIVEN));
            let name = match lang {
                Lang::Zh => format!("{}{}", surname.1, given.1),
                _ => format!("{} {}", surname.0, given.0),
            };
            (ActorType::Person, name, Some(lang.role(*rng.pick(CN_ROLES))))
        }
        (Side::Uk, _) => {
            let name = format!("{} {}", rng.pick(GB_FIRST), rng.pick(GB_LAST));
            (ActorType::Person, name, Some(lang.role(*rng.pick(GB_ROLES))))
        }
    };
    let written = match (role, lang) {
        (Some(role), Lang::Zh) => format!("{role}{name}"),
        (Some(role), _) => format!("{role} {name}"),
        (None, _) => name.clone(),
    };
    // The engine does not always tell a side; one actor in twenty has none.
    let country = (!rng.percent(5)).then_some(side);
    let actor = Actor {
        name,
        actor_type,
        country,
        role: role.map(str::to_string),
    };
    (actor, written)
}

// ---------------------------------------------------------------------------------------------
// Languages and sentences
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Zh,
    De,
    Fr,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Lang::En => Language::English,
            Lang::Zh => Language::ChineseSimplified,
            Lang::De => Language::German,
            Lang::Fr => Language::French,
        }
    }

    fn body(self, (en, zh): Body) -> &'static str {
        if self == Lang::Zh {
            zh
        } else {
            en
        }
    }

    fn role(self, [en, zh, de, fr]: Role) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
            Lang::De => de,
            Lang::Fr => fr,
        }
    }

    /// The event sentence of `kind`: `{a}`, `{b}` actors, `{p}` the venue, `{d}` the date,
    /// `{s}` the sector phrase, `{f}` the money figure. The figure suffix, if any, is added
    /// for kinds whose figure is optional.
    fn template(self, kind: EventKind) -> (&'static str, Option<&'static str>) {
        use EventKind::*;
        match (self, kind) {
            (Lang::En, Summit) => ("{a} and {b} held a summit{s} in {p} {d}", None),
            (Lang::En, Visit) => ("{a} led a delegation to {p} {d} and met {b}", None),
            (Lang::En, Forum) => ("{a} and {b} co-hosted a forum{s} in {p} {d}", None),
            (Lang::En, Agreement) => (
                "{a} and {b} signed a memorandum of understanding{s} in {p} {d}",
                Some(", worth {f}"),
            ),
            (Lang::En, Investment) => (
                "{a} announced an investment of {f} in {p} {d}, in partnership with {b}",
                None,
            ),
            (Lang::En, TradeFigure) => (
                "Trade between China and the United Kingdom reached {f}, {a} said in {p} {d}",
                None,
            ),
            (Lang::En, JointVenture) => ("{a} and {b} set up a joint venture{s} in {p} {d}", Some(", worth {f}")),
            (Lang::En, Education) => ("{a} and {b} launched a joint degree programme in {p} {d}", None),
            (Lang::En, Other) => ("{a} and {b} held talks{s} in {p} {d}", None),
            (Lang::De, Summit) => ("{a} und {b} trafen sich {d} in {p} zu einem Gipfel{s}", None),
            (Lang::De, Visit) => ("{a} besuchte {d} mit einer Delegation {p} und traf {b}", None),
            (Lang::De, Forum) => ("{a} und {b} veranstalteten {d} in {p} ein Forum{s}", None),
            (Lang::De, Agreement) => (
                "{a} und {b} unterzeichneten {d} in {p} eine Absichtserklärung{s}",
                Some(" im Wert von {f}"),
            ),
            (Lang::De, Investment) => (
                "{a} kündigte {d} gemeinsam mit {b} eine Investition von {f} in {p} an",
                None,
            ),
            (Lang::De, TradeFigure) => (
                "Der Handel zwischen China und Großbritannien erreichte {f}, teilte {a} {d} in {p} mit",
                None,
            ),
            (Lang::De, JointVenture) => (
                "{a} und {b} gründeten {d} in {p} ein Gemeinschaftsunternehmen{s}",
                Some(" im Wert von {f}"),
            ),
            (Lang::De, Education) => ("{a} und {b} starteten {d} in {p} einen gemeinsamen Studiengang", None),
            (Lang::De, Other) => ("{a} und {b} führten {d} in {p} Gespräche{s}", None),
            (Lang::Fr, Summit) => ("{a} et {b} ont tenu un sommet {d} à {p}{s}", None),
            (Lang::Fr, Visit) => ("{a} a conduit une délégation à {p} {d} et a rencontré {b}", None),
            (Lang::Fr, Forum) => ("{a} et {b} ont organisé un forum {d} à {p}{s}", None),
            (Lang::Fr, Agreement) => (
                "{a} et {b} ont signé {d} à {p} un protocole d'accord{s}",
                Some(" d'une valeur de {f}"),
            ),
            (Lang::Fr, Investment) => (
                "{a} a annoncé {d} un investissement de {f} à {p}, en partenariat avec {b}",
                None,
            ),
            (Lang::Fr, TradeFigure) => (
                "Les échanges entre la Chine et le Royaume-Uni ont atteint {f}, a indiqué {a} à {p} {d}",
                None,
            ),
            (Lang::Fr, JointVenture) => (
                "{a} et {b} ont créé {d} une coentreprise à {p}{s}",
                Some(" d'une valeur de {f}"),
            ),
            (Lang::Fr, Education) => ("{a} et {b} ont lancé {d} un programme de diplôme commun à {p}", None),
            (Lang::Fr, Other) => ("{a} et {b} ont tenu des discussions {d} à {p}{s}", None),
            (Lang::Zh, Summit) => ("{d}{a}与{b}在{p}举行峰会{s}", None),
            (Lang::Zh, Visit) => ("{d}{a}率团访问{p}，会见了{b}", None),
            (Lang::Zh, Forum) => ("{d}{a}与{b}在{p}联合举办论坛{s}", None),
            (Lang::Zh, Agreement) => ("{d}{a}与{b}在{p}签署合作谅解备忘录{s}", Some("，金额达{f}")),
            (Lang::Zh, Investment) => ("{d}{a}宣布与{b}合作在{p}投资{f}", None),
            (Lang::Zh, TradeFigure) => ("{a}在{p}表示，{d}中英贸易额达到{f}", None),
            (Lang::Zh, JointVenture) => ("{d}{a}与{b}在{p}成立合资企业{s}", Some("，投资额{f}")),
            (Lang::Zh, Education) => ("{d}{a}与{b}在{p}启动联合办学项目", None),
            (Lang::Zh, Other) => ("{d}{a}与{b}在{p}举行会谈{s}", None),
        }
    }

    /// The second evidence sentence of an event with a place of origin.
    fn origin_sentence(self, origin: &str) -> String {
        match self {
            Lang::En => format!("The delegation came from {origin}."),
            Lang::De => format!("Die Delegation kam aus {origin}."),
            Lang::Fr => format!("La délégation venait de {origin}."),
            Lang::Zh => format!("代表团来自{origin}。"),
        }
    }

    fn filler(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "The talks took place in a friendly atmosphere.",
                "Officials said further meetings would follow.",
                "Both sides praised the progress made so far.",
                "The event drew wide attention from the business community.",
            ],
            Lang::De => &[
                "Die Gespräche verliefen in freundlicher Atmosphäre.",
                "Weitere Treffen sollen folgen.",
                "Beide Seiten lobten die bisherigen Fortschritte.",
            ],
            Lang::Fr => &[
                "Les discussions se sont déroulées dans une atmosphère amicale.",
                "D'autres rencontres devraient suivre.",
                "Les deux parties ont salué les progrès accomplis.",
            ],
            Lang::Zh => &[
                "双方表示将进一步加强交流。",
                "会谈在友好的气氛中进行。",
                "此次活动受到各界广泛关注。",
            ],
        }
    }

    fn sentence_end(self) -> &'static str {
        if self == Lang::Zh {
            "。"
        } else {
            "."
        }
    }

    /// Between two sentences of a paragraph.
    fn sentence_gap(self) -> &'static str {
        if self == Lang::Zh {
            ""
        } else {
            " "
        }
    }

    /// `{d}`: the date as the sentence states it (empty for an undated event).
    fn date_phrase(self, date: Option<PartialDate>) -> String {
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const DE_MONTHS: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const FR_MONTHS: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let Some(date) = date else { return String::new() };
        let year = date.year_number();
        let month = date.month_number().map(|m| usize::from(m) - 1);
        match (self, month, date.day_number()) {
            (Lang::En, Some(m), Some(d)) => format!("on {d} {} {year}", EN_MONTHS[m]),
            (Lang::En, Some(m), None) => format!("in {} {year}", EN_MONTHS[m]),
            (Lang::En, None, _) => format!("in {year}"),
            (Lang::De, Some(m), Some(d)) => format!("am {d}. {} {year}", DE_MONTHS[m]),
            (Lang::De, Some(m), None) => format!("im {} {year}", DE_MONTHS[m]),
            (Lang::De, None, _) => format!("im Jahr {year}"),
            (Lang::Fr, Some(m), Some(d)) => {
                let day = if d == 1 { "1er".to_string() } else { d.to_string() };
                format!("le {day} {} {year}", FR_MONTHS[m])
            }
            (Lang::Fr, Some(m), None) => format!("en {} {year}", FR_MONTHS[m]),
            (Lang::Fr, None, _) => format!("en {year}"),
            // The comma ends the date's phrase, which opens the sentence.
            (Lang::Zh, Some(m), Some(d)) => format!("{year}年{}月{d}日，", m + 1),
            (Lang::Zh, Some(m), None) => format!("{year}年{}月，", m + 1),
            (Lang::Zh, None, _) => format!("{year}年，"),
        }
    }

    /// `{s}`: the sector the event is about (empty when it has none).
    fn sector_phrase(self, sector: Option<Sector>) -> String {
        let Some(sector) = sector else { return String::new() };
        let [en, zh, de, fr] = sector_words(sector);
        match self {
            Lang::En => format!(" on {en} cooperation"),
            Lang::De => format!(" über die Zusammenarbeit im Bereich {de}"),
            Lang::Fr => format!(" sur la coopération dans le domaine {fr}"),
            Lang::Zh => format!("，深化{zh}领域合作"),
        }
    }

    /// Between two names of a list.
    fn list_separator(self) -> &'static str {
        if self == Lang::Zh {
            "、"
        } else {
            ", "
        }
    }

    fn title(self, kind: EventKind, venue: &str) -> String {
        let [en, zh, de, fr] = kind_words(kind);
        match self {
            Lang::En => format!("China and UK: {en} in {venue}"),
            Lang::Zh => format!("中英合作：{venue}{zh}"),
            Lang::De => format!("China und Großbritannien: {de} in {venue}"),
            Lang::Fr => format!("Chine et Royaume-Uni : {fr} à {venue}"),
        }
    }

    fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["Synthetic Wire", "Example Daily", "Test Herald"],
            Lang::Zh => &["合成通讯社", "示例日报"],
            Lang::De => &["Beispiel-Zeitung"],
            Lang::Fr => &["Journal Exemple"],
        }
    }

    /// A money amount as the language writes it.
    fn figure_text(self, money: &Money) -> String {
        let Money {
            currency,
            tenths_of_unit,
            unit,
        } = *money;
        // The amount in millions or billions, with one decimal only when it has one.
        let amount = |decimal: char| {
            let (whole, tenth) = (tenths_of_unit / 10, tenths_of_unit % 10);
            if tenth == 0 {
                whole.to_string()
            } else {
                format!("{whole}{decimal}{tenth}")
            }
        };
        let billions = unit == 1_000_000_000;
        match self {
            Lang::En => {
                let scale = if billions { "billion" } else { "million" };
                match currency {
                    Currency::Usd => format!("${} {scale}", amount('.')),
                    Currency::Gbp => format!("£{} {scale}", amount('.')),
                    Currency::Eur => format!("€{} {scale}", amount('.')),
                    _ => format!("{} {scale} yuan", amount('.')),
                }
            }
            Lang::De => {
                let scale = match (billions, tenths_of_unit) {
                    (true, 10) => "Milliarde",
                    (true, _) => "Milliarden",
                    (false, 10) => "Million",
                    (false, _) => "Millionen",
                };
                let currency = match currency {
                    Currency::Usd => "US-Dollar",
                    Currency::Gbp => "Pfund",
                    Currency::Eur => "Euro",
                    _ => "Yuan",
                };
                format!("{} {scale} {currency}", amount(','))
            }
            Lang::Fr => {
                let plural = tenths_of_unit >= 20;
                let scale = match (billions, plural) {
                    (true, true) => "milliards",
                    (true, false) => "milliard",
                    (false, true) => "millions",
                    (false, false) => "million",
                };
                let currency = match currency {
                    Currency::Usd => "de dollars",
                    Currency::Gbp => "de livres sterling",
                    Currency::Eur => "d'euros",
                    _ => "de yuans",
                };
                format!("{} {scale} {currency}", amount(','))
            }
            Lang::Zh => {
                // Chinese counts in 万 (10^4) and 亿 (10^8).
                let value = money.value_units();
                let number = if value >= 100_000_000 {
                    let tenths = value / 10_000_000;
                    if tenths % 10 == 0 {
                        format!("{}亿", tenths / 10)
                    } else {
                        format!("{}.{}亿", tenths / 10, tenths % 10)
                    }
                } else {
                    format!("{}万", value / 10_000)
                };
                let currency = match currency {
                    Currency::Usd => "美元",
                    Currency::Gbp => "英镑",
                    Currency::Eur => "欧元",
                    _ => "元",
                };
                format!("{number}{currency}")
            }
        }
    }
}

/// A sector in English, Chinese, German and French (French with its article: "de la santé").
fn sector_words(sector: Sector) -> [&'static str; 4] {
    match sector {
        Sector::Ai => [
            "artificial intelligence",
            "人工智能",
            "Künstliche Intelligenz",
            "de l'intelligence artificielle",
        ],
        Sector::Health => ["health", "卫生健康", "Gesundheit", "de la santé"],
        Sector::Finance => ["finance", "金融", "Finanzen", "de la finance"],
        Sector::Education => ["education", "教育", "Bildung", "de l'éducation"],
        Sector::Energy => ["energy", "能源", "Energie", "de l'énergie"],
        Sector::Technology => ["technology", "科技", "Technologie", "de la technologie"],
        Sector::Manufacturing => ["manufacturing", "制造业", "Industrie", "de l'industrie"],
        Sector::Transport => ["transport", "交通", "Verkehr", "des transports"],
        Sector::Trade => ["trade", "贸易", "Handel", "du commerce"],
        Sector::Culture => ["cultural", "文化", "Kultur", "de la culture"],
        Sector::Environment => ["environmental", "环境", "Umwelt", "de l'environnement"],
        Sector::Food => ["food", "食品", "Ernährung", "de l'alimentation"],
    }
}

/// A kind of event as a headline names it, in English, Chinese, German and French.
fn kind_words(kind: EventKind) -> [&'static str; 4] {
    match kind {
        EventKind::Summit => ["summit", "峰会", "Gipfel", "sommet"],
        EventKind::Visit => ["delegation visit", "访问", "Delegationsbesuch", "visite"],
        EventKind::Forum => ["forum", "论坛", "Forum", "forum"],
        EventKind::Agreement => ["agreement signed", "签署合作协议", "Abkommen", "accord signé"],
        EventKind::Investment => ["new investment", "投资", "Investition", "investissement"],
        EventKind::TradeFigure => ["trade figures", "贸易数据", "Handelszahlen", "chiffres du commerce"],
        EventKind::JointVenture => ["joint venture", "合资企业", "Gemeinschaftsunternehmen", "coentreprise"],
        EventKind::Education => ["joint programme", "联合办学", "Bildungskooperation", "programme commun"],
        EventKind::Other => ["talks", "会谈", "Gespräche", "discussions"],
    }
}

/// How often each kind comes up (out of 100).
const KINDS: [(EventKind, usize); 9] = [
    (EventKind::Visit, 20),
    (EventKind::Agreement, 18),
    (EventKind::Forum, 14),
    (EventKind::Investment, 12),
    (EventKind::Education, 9),
    (EventKind::TradeFigure, 7),
    (EventKind::JointVenture, 7),
    (EventKind::Summit, 5),
    (EventKind::Other, 8),
];

/// Fills `{x}` placeholders of `template` into `out`; returns where `{f}` went. A placeholder
/// with nothing to say takes the space before it along (an undated event has no "on 3 May").
fn render(out: &mut String, template: &str, fill: impl Fn(char) -> String) -> Option<Range<usize>> {
    let mut figure = None;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let key = rest[open + 1..].chars().next().expect("a placeholder has a name");
        rest = &rest[open + 3..];
        let value = fill(key);
        if value.is_empty() && out.ends_with(' ') {
            out.pop();
        }
        let start = out.len();
        out.push_str(&value);
        if key == 'f' {
            figure = Some(start..out.len());
        }
    }
    out.push_str(rest);
    figure
}

// ---------------------------------------------------------------------------------------------
// Dates and money
// ---------------------------------------------------------------------------------------------

fn first_day() -> i64 {
    days_from_civil(2000, 1, 1)
}

fn last_day() -> i64 {
    days_from_civil(2026, 12, 31)
}

/// Days of big occasions that bring bursts of news (state visits, summits, forums).
const OCCASIONS: [(i32, u8, u8); 6] = [
    (2005, 11, 8),
    (2013, 12, 2),
    (2015, 10, 20),
    (2018, 1, 31),
    (2023, 8, 30),
    (2025, 1, 11),
];

/// An article's publication day: one in six around a big occasion, the others spread over
/// 2000–2026 with more news in later years (the square root of a uniform draw leans late).
fn publication_day(rng: &mut Rng) -> i64 {
    if rng.percent(16) {
        let (y, m, d) = *rng.pick(&OCCASIONS);
        let spread = rng.below(41) as i64 - 20;
        return (days_from_civil(y, m, d) + spread).clamp(first_day(), last_day());
    }
    let span = (last_day() - first_day()) as u64;
    // isqrt of a uniform draw in 0..span² is a day leaning to the end of the span.
    let draw = rng.next_u64() % (span * span);
    first_day() + draw.isqrt() as i64
}

/// A day number as a date of the given precision.
fn date_of_day(day: i64, precision: u8) -> PartialDate {
    let (year, month, d) = civil_from_days(day);
    let year = year as i32;
    match precision {
        0 => PartialDate::day(year, month, d),
        1 => PartialDate::month(year, month),
        _ => PartialDate::year(year),
    }
    .expect("a day of the calendar")
}

/// A money amount: `tenths_of_unit / 10` millions or billions of `currency`.
#[derive(Clone, Copy)]
struct Money {
    currency: Currency,
    tenths_of_unit: u64,
    unit: u64,
}

impl Money {
    fn random(rng: &mut Rng) -> Money {
        let currency = rng.weighted(&[
            (Currency::Gbp, 40),
            (Currency::Usd, 30),
            (Currency::Cny, 20),
            (Currency::Eur, 10),
        ]);
        let (tenths_of_unit, unit) = if rng.percent(70) {
            // 1 to 999 million, whole or with a half.
            ((1 + rng.below(999) as u64) * 10 + 5 * rng.below(2) as u64, 1_000_000)
        } else {
            // 1.0 to 50.0 billion.
            (10 + rng.below(491) as u64, 1_000_000_000)
        };
        Money {
            currency,
            tenths_of_unit,
            unit,
        }
    }

    /// The value in units of its currency (exact: it is a whole number).
    fn value_units(&self) -> u64 {
        self.tenths_of_unit * self.unit / 10
    }

    fn figure(&self, text: String, at: Range<usize>, year: i32) -> MoneyFigure {
        let value = self.value_units() as f64;
        MoneyFigure {
            text,
            start: at.start,
            end: at.end,
            value,
            currency: self.currency,
            value_usd: usd_per_unit(self.currency, year).map(|rate| value * rate),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

/// Article `number`, with `count` events.
fn article(rng: &mut Rng, places: &PlacePools, number: usize, count: usize) -> (Document, Vec<Event>) {
    let lang = rng.weighted(&[(Lang::En, 70), (Lang::Zh, 12), (Lang::De, 9), (Lang::Fr, 9)]);
    let name = format!("s{number:06}.txt");
    let file = format!("synth/{name}");
    let published_day = publication_day(rng);
    let published = match rng.below(100) {
        0..=89 => Some(date_of_day(published_day, 0)),
        90..=96 => Some(date_of_day(published_day, 1)),
        _ => None,
    };
    let source = rng.pick(lang.sources()).to_string();

    // The events first (their sentences need nothing from the header), the header after,
    // since the title names the first event; then every offset is shifted by the header.
    let mut body = String::new();
    let mut events = Vec::with_capacity(count);
    let mut title = None;
    for ordinal in 1..=count {
        if ordinal > 1 {
            body.push_str("\n\n");
        }
        if rng.percent(40) {
            body.push_str(rng.pick::<&str>(lang.filler()));
            body.push_str(lang.sentence_gap());
        }
        let salience = if ordinal == 1 || rng.percent(20) {
            Salience::Main
        } else {
            Salience::Secondary
        };
        let mut event = make_event(
            rng,
            places,
            lang,
            &mut body,
            published_day,
            published.is_some(),
            salience,
        );
        event.id = format!("{name}#{ordinal}");
        event.file = file.clone();
        title.get_or_insert_with(|| lang.title(event.kind, &event.places[0].name));
        events.push(event);
    }
    body.push_str("\n\n");
    body.push_str(rng.pick::<&str>(lang.filler()));
    body.push('\n');

    let title = title.expect("an article has at least one event");
    // `date 2012-02` rather than `date: 2012-02`: the key form reads only full dates.
    let mut header = published.map(|date| format!("date {date}\n")).unwrap_or_default();
    header.push_str(&format!("title: {title}\n"));
    header.push_str(&format!("source: {source}\nlang: {}\n\n", lang.language().tag()));
    let body_start = header.len();
    for event in &mut events {
        for evidence in &mut event.evidence {
            evidence.start += body_start;
            evidence.end += body_start;
        }
        for figure in &mut event.figures {
            figure.start += body_start;
            figure.end += body_start;
        }
    }
    // The engine reads the header, so the document is what `atlas extract` would say of
    // this file (an article without a date line gets the date its first lines state).
    let document = Document::from_text(file, header + &body);
    debug_assert_eq!(document.body_start, body_start);
    (document, events)
}

/// One event: appends its sentences to `body` and returns it with offsets into `body` (and
/// no id or file yet).
fn make_event(
    rng: &mut Rng,
    places: &PlacePools,
    lang: Lang,
    body: &mut String,
    published_day: i64,
    has_published: bool,
    salience: Salience,
) -> Event {
    let kind = rng.weighted(&KINDS);
    // Where: China or the UK mostly; the other side is where the visitors come from.
    let venue_side = rng.weighted(&[(Side::China, 46), (Side::Uk, 44), (Side::Other, 10)]);
    let other_side = if venue_side == Side::China {
        Side::Uk
    } else {
        Side::China
    };
    let venue = places.pick(rng, venue_side);
    let origin = rng.percent(30).then(|| places.pick(rng, other_side));

    // When: the main news just before publication, background further back, and now and then
    // an announced event after it.
    let mut planned = false;
    let day = if salience == Salience::Main {
        if has_published && rng.percent(5) && published_day + 130 <= last_day() {
            planned = true;
            published_day + 7 + rng.below(120) as i64
        } else {
            published_day - rng.below(8) as i64
        }
    } else {
        published_day - rng.below(5 * 365) as i64
    };
    let date = (!rng.percent(8)).then(|| {
        // An announced event is announced for a day (a month or year could contain the
        // article's own date, and so not lie after it).
        let precision = if planned {
            0
        } else {
            rng.weighted(&[(0u8, 60), (1, 25), (2, 15)])
        };
        date_of_day(day.max(first_day()), precision)
    });
    let planned = planned && date.is_some();

    let sectors: Vec<Sector> = match rng.below(10) {
        0..=1 => Vec::new(),
        2..=7 => vec![*rng.pick(&Sector::ALL)],
        _ => {
            let first = rng.below(Sector::ALL.len());
            let second = (first + 1 + rng.below(Sector::ALL.len() - 1)) % Sector::ALL.len();
            vec![Sector::ALL[first], Sector::ALL[second]]
        }
    };

    let (first, mut first_written) = actor(rng, venue_side, lang);
    let (second, second_written) = actor(rng, other_side, lang);
    let mut actors = vec![first, second];
    if rng.percent(20) {
        // A third party joins the first in a list: "A, C and B signed…".
        let (third, written) = actor(rng, other_side, lang);
        if third.name != actors[1].name {
            first_written = format!("{first_written}{}{written}", lang.list_separator());
            actors.push(third);
        }
    }

    let (template, figure_suffix) = lang.template(kind);
    let money = match kind {
        EventKind::Investment | EventKind::TradeFigure => Some(Money::random(rng)),
        _ if figure_suffix.is_some() && rng.percent(40) => Some(Money::random(rng)),
        _ => None,
    };
    let figure_text = money.as_ref().map(|m| lang.figure_text(m)).unwrap_or_default();
    let venue_written = places.written(venue, lang);
    let date_phrase = lang.date_phrase(date);
    let sector_phrase = lang.sector_phrase(sectors.first().copied());
    let fill = |key: char| match key {
        'a' => first_written.clone(),
        'b' => second_written.clone(),
        'p' => venue_written.to_string(),
        'd' => date_phrase.clone(),
        's' => sector_phrase.clone(),
        'f' => figure_text.clone(),
        other => unreachable!("no placeholder {{{other}}}"),
    };

    let sentence_start = body.len();
    let mut figure_at = render(body, template, fill);
    if let (Some(suffix), Some(_)) = (figure_suffix, &money) {
        figure_at = render(body, suffix, fill);
    }
    body.push_str(lang.sentence_end());
    capitalise_first(body, sentence_start);
    let mut evidence = vec![evidence_of(body, sentence_start)];

    let mut event_places = vec![EventPlace::of(venue_written, venue, PlaceRole::Venue, false)];
    if let Some(origin) = origin {
        let written = places.written(origin, lang);
        body.push_str(lang.sentence_gap());
        let start = body.len();
        body.push_str(&lang.origin_sentence(written));
        evidence.push(evidence_of(body, start));
        event_places.push(EventPlace::of(written, origin, PlaceRole::Origin, false));
    }
    if rng.percent(30) {
        body.push_str(lang.sentence_gap());
        body.push_str(rng.pick::<&str>(lang.filler()));
    }

    let rate_year = date.map_or(civil_from_days(published_day).0 as i32, |d| d.year_number());
    let figures = match (money, figure_at) {
        (Some(money), Some(at)) => vec![money.figure(figure_text.clone(), at, rate_year)],
        _ => Vec::new(),
    };
    Event {
        id: String::new(),
        file: String::new(),
        kind,
        salience,
        date,
        date_precision: date.map(|d| d.precision()),
        date_source: date.map(|_| DateSource::Stated(Resolution::Absolute)),
        planned,
        places: event_places,
        actors,
        sectors,
        figures,
        evidence,
    }
}

/// The sentence from `start` to the end of `body`, as evidence.
fn evidence_of(body: &str, start: usize) -> Evidence {
    Evidence {
        start,
        end: body.len(),
        text: body[start..].to_string(),
    }
}

/// Upper-cases the sentence's first letter ("le maire Wang Wei …" opens a sentence as "Le").
fn capitalise_first(body: &mut String, start: usize) {
    let Some(first) = body[start..].chars().next() else {
        return;
    };
    if first.is_lowercase() {
        let upper: String = first.to_uppercase().collect();
        body.replace_range(start..start + first.len_utf8(), &upper);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_of(corpus: &Corpus) -> Vec<u8> {
        let mut bytes = Vec::new();
        corpus.write_json(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn the_same_count_and_seed_give_the_same_bytes_and_another_seed_others() {
        let a = json_of(&generate(300, 7));
        assert_eq!(a, json_of(&generate(300, 7)));
        assert_ne!(a, json_of(&generate(300, 8)));
        // A smaller corpus of the same seed is the start of the larger one, so that 1k, 10k
        // and 100k are the same news, only more of it (the last article may be cut short).
        let (small, large) = (generate(100, 7), generate(300, 7));
        assert_eq!(small.events[..90], large.events[..90]);
    }

    #[test]
    fn it_has_exactly_the_events_asked_for_with_unique_ids_in_articles_of_one_to_six() {
        for n in [0, 1, 5, 997] {
            let corpus = generate(n, 1);
            assert_eq!(corpus.events.len(), n);
            let mut ids: Vec<&str> = corpus.events.iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "ids are unique");
            for document in &corpus.documents {
                let count = corpus.events.iter().filter(|e| e.file == document.file).count();
                assert!((1..=6).contains(&count), "{}: {count} events", document.file);
            }
        }
    }

    #[test]
    fn evidence_and_figures_are_the_exact_bytes_of_their_article_at_their_offsets() {
        let corpus = generate(2000, 3);
        let text_of: HashMap<&str, &str> = corpus
            .documents
            .iter()
            .map(|d| (d.file.as_str(), d.text.as_str()))
            .collect();
        let mut figures = 0;
        for event in &corpus.events {
            let text = text_of[event.file.as_str()];
            assert!(!event.evidence.is_empty());
            for evidence in &event.evidence {
                assert_eq!(&text[evidence.start..evidence.end], evidence.text, "{}", event.id);
            }
            for figure in &event.figures {
                assert_eq!(&text[figure.start..figure.end], figure.text, "{}", event.id);
                let inside = event
                    .evidence
                    .iter()
                    .any(|e| e.start <= figure.start && figure.end <= e.end);
                assert!(inside, "{}: the figure is in the event's sentence", event.id);
                figures += 1;
            }
            // The venue is named in the sentence as the place says it was written.
            assert!(event.evidence[0].text.contains(&event.places[0].name), "{}", event.id);
        }
        assert!(figures > 300, "{figures} figures");
    }

    #[test]
    fn dates_lie_in_2000_to_2026_with_every_precision_and_some_undated() {
        let corpus = generate(3000, 5);
        let (first, last) = (
            PartialDate::year(2000).unwrap(),
            PartialDate::day(2026, 12, 31).unwrap(),
        );
        let mut precisions = std::collections::BTreeMap::new();
        for event in &corpus.events {
            if let Some(date) = event.date {
                assert!(first <= date && date <= last, "{}: {date}", event.id);
                assert_eq!(event.date_precision, Some(date.precision()));
            }
            *precisions.entry(event.date_precision).or_insert(0) += 1;
            if event.planned {
                let published = corpus
                    .documents
                    .iter()
                    .find(|d| d.file == event.file)
                    .unwrap()
                    .published;
                assert!(event.date > published, "{}: planned after publication", event.id);
            }
        }
        assert_eq!(precisions.len(), 4, "day, month, year and undated: {precisions:?}");
        assert!(precisions[&None] > 100 && precisions[&None] < 400, "{precisions:?}");
        let recent = corpus
            .events
            .iter()
            .filter(|e| e.date.is_some_and(|d| d.year_number() >= 2013))
            .count();
        assert!(recent > corpus.events.len() / 2, "more news in later years");
    }

    #[test]
    fn places_are_gazetteer_places_mostly_in_china_and_the_uk_in_four_languages() {
        let corpus = generate(3000, 11);
        let gazetteer = Gazetteer::bundled();
        let by_id: HashMap<&str, &Place> = gazetteer.places().iter().map(|p| (p.id.as_str(), p)).collect();
        let mut countries = HashMap::new();
        for place in corpus.events.iter().flat_map(|e| &e.places) {
            let known = by_id[place.gazetteer_id.as_str()];
            assert_eq!(
                (known.name.as_str(), known.lat, known.lon),
                (place.canonical.as_str(), place.lat, place.lon)
            );
            assert_eq!(known.country, place.country);
            *countries.entry(place.country.as_str()).or_insert(0) += 1;
        }
        let total: usize = countries.values().sum();
        let china_uk = countries["CN"] + countries["GB"];
        assert!(china_uk * 100 > total * 80 && china_uk < total, "{countries:?}");
        let chinese = corpus
            .documents
            .iter()
            .filter(|d| d.lang == Language::ChineseSimplified)
            .count();
        assert!(chinese * 100 > corpus.documents.len() * 6, "{chinese} Chinese articles");
        for lang in [Language::English, Language::German, Language::French] {
            assert!(corpus.documents.iter().any(|d| d.lang == lang), "{lang:?}");
        }
        let han_place = corpus.events.iter().flat_map(|e| &e.places).any(|p| p.name == "伦敦");
        assert!(han_place, "Chinese articles write London 伦敦");
    }

    #[test]
    fn each_article_has_a_header_the_engine_reads_then_its_body() {
        let corpus = generate(400, 13);
        for document in &corpus.documents {
            let header = &document.text[..document.body_start];
            let title = document.title.as_deref().unwrap();
            assert!(header.contains(&format!("title: {title}\n")), "{header}");
            assert!(
                header.ends_with(&format!("lang: {}\n\n", document.lang.tag())),
                "{header}"
            );
            assert!(document.source.is_some(), "{header}");
            if let Some(line) = header.lines().next().and_then(|line| line.strip_prefix("date ")) {
                // The engine may refine a month or year by a date in the first lines.
                let date = document.published.expect("the engine reads the date line").to_string();
                assert!(date.starts_with(line), "{date}: {header}");
            }
        }
        let undated = corpus.documents.iter().filter(|d| !d.text.starts_with("date ")).count();
        assert!(undated > 0, "some articles have no date line");
    }

    #[test]
    fn figures_carry_their_value_and_value_in_us_dollars() {
        let corpus = generate(2000, 17);
        for figure in corpus.events.iter().flat_map(|e| &e.figures) {
            assert!(figure.value >= 1e6 && figure.value <= 5e10, "{figure:?}");
            let usd = figure.value_usd.expect("every currency used has a rate");
            if figure.currency == Currency::Usd {
                assert_eq!(usd, figure.value);
            } else {
                assert!(usd > 0.0 && usd != figure.value, "{figure:?}");
            }
        }
    }

    /// The fixture the app's own reader is tested on (`src/dataset.rs`) is this generator's
    /// output: regenerate it with `atlas synth --events 60 --seed 1 --out FIXTURE` when this
    /// fails after a deliberate change.
    #[test]
    fn the_apps_fixture_is_what_the_generator_writes() {
        let fixture = include_bytes!("../../../tests/fixtures/synth/synth-60.json");
        assert!(
            json_of(&generate(60, 1)) == fixture,
            "tests/fixtures/synth/synth-60.json is stale: regenerate it (see this test's comment)"
        );
    }

    #[test]
    fn the_output_is_the_schema_atlas_eval_reads() {
        let bytes = json_of(&generate(50, 2));
        let read: crate::eval::Extraction = serde_json::from_slice(&bytes).expect("the extraction schema");
        assert_eq!(read.events.len(), 50);
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["events"].as_array().unwrap().len(), 50);
        let document = &value["documents"][0];
        assert!(document["text"].as_str().unwrap().contains("title: "));
        assert_eq!(
            document["body_start"].as_u64().unwrap() as usize,
            generate(50, 2).documents[0].body_start
        );
    }
}
