//! Cue words, in the four languages, that tell what kind of event a sentence states, which
//! sectors it touches, and which side a name stands for.
//!
//! Latin-script cues are stems matched case-insensitively at the start of a word
//! (`visit` → visit, visited, visiting); Han cues match anywhere.

use crate::language::{is_han, may_contain_han};
use crate::phrase_dfa::PhraseDfa;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What kind of event a sentence states. Read back from JSON, a kind this version does not know
/// is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Summit,
    Visit,
    Forum,
    Agreement,
    Investment,
    TradeFigure,
    JointVenture,
    Education,
    #[serde(other)]
    Other,
}

/// The sector taxonomy: small on purpose, so that filters stay meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Artificial intelligence.
    Ai,
    /// Health care, medicine, pharmaceuticals, life sciences.
    Health,
    /// Banking, financial services, capital markets.
    Finance,
    /// Universities, schools, students, talent.
    Education,
    /// Energy, power, nuclear, renewables.
    Energy,
    /// Science, technology and innovation in general; digital economy.
    Technology,
    /// Manufacturing, industry, steel.
    Manufacturing,
    /// Cars, new energy vehicles, aviation, shipping, rail.
    Transport,
    /// Trade in goods and services, exports, imports.
    Trade,
    /// Culture, tourism, sport, media.
    Culture,
    /// Climate, environment, green development.
    Environment,
    /// Agriculture, food and drink.
    Food,
}

impl Sector {
    /// Every sector, in declaration order (the order filters list them).
    pub const ALL: [Sector; 12] = [
        Sector::Ai,
        Sector::Health,
        Sector::Finance,
        Sector::Education,
        Sector::Energy,
        Sector::Technology,
        Sector::Manufacturing,
        Sector::Transport,
        Sector::Trade,
        Sector::Culture,
        Sector::Environment,
        Sector::Food,
    ];
}

/// Which side a word points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    #[serde(rename = "CN")]
    China,
    #[serde(rename = "GB")]
    Uk,
    #[serde(rename = "other")]
    Other,
}

/// What a cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Kind(EventKind),
    Sector(Sector),
    Side(Side),
    /// A role that marks a person (`ambassador`, `Bürgermeister`, `市长`).
    Role,
}

use Cue::{Kind, Role, Sector as Sec, Side as S};
use EventKind::*;

/// The cue table. Order does not matter; the matcher takes the longest cue at each place.
const CUES: &[(&str, Cue)] = &[
    // Summits
    ("summit", Kind(Summit)),
    ("gipfel", Kind(Summit)),
    ("sommet", Kind(Summit)),
    ("峰会", Kind(Summit)),
    ("峰會", Kind(Summit)),
    ("high-level dialogue", Kind(Summit)),
    ("strategic dialogue", Kind(Summit)),
    ("dialogue", Kind(Summit)),
    // `第十一次中英经济财金对话`: a standing dialogue's meeting, co-chaired by both sides.
    ("对话", Kind(Summit)),
    ("對話", Kind(Summit)),
    ("共同主持", Kind(Summit)),
    ("co-chair", Kind(Summit)),
    ("coprésid", Kind(Summit)),
    ("joint commission", Kind(Summit)),
    ("joint economic and trade commission", Kind(Summit)),
    ("commission mixte", Kind(Summit)),
    // The standing commission's acronym (`a Jetco session`, `la Jetco`) and its German names
    // (`Gemischte Wirtschafts- und Handelskommission`), which meet as a summit does.
    ("jetco", Kind(Summit)),
    ("handelskommission", Kind(Summit)),
    ("wirtschaftskommission", Kind(Summit)),
    ("gemischte kommission", Kind(Summit)),
    ("gemischten kommission", Kind(Summit)),
    ("联委会", Kind(Summit)),
    ("聯委會", Kind(Summit)),
    // Talks between two governments' envoys (`un entretien avec son homologue`).
    ("entretien", Kind(Summit)),
    // Calls between leaders.
    ("phone call", Kind(Summit)),
    ("telephone conversation", Kind(Summit)),
    ("telefonat", Kind(Summit)),
    ("telefoniert", Kind(Summit)),
    ("entretien téléphonique", Kind(Summit)),
    ("通电话", Kind(Summit)),
    ("通電話", Kind(Summit)),
    ("finanzdialog", Kind(Summit)),
    ("strategischer dialog", Kind(Summit)),
    ("state visit", Kind(Visit)),
    ("staatsbesuch", Kind(Visit)),
    ("visite d'état", Kind(Visit)),
    // Visits and meetings
    ("visit", Kind(Visit)),
    ("delegation", Kind(Visit)),
    ("trade mission", Kind(Visit)),
    ("handelsmission", Kind(Visit)),
    ("mission commerciale", Kind(Visit)),
    ("访问团", Kind(Visit)),
    ("訪問團", Kind(Visit)),
    ("toured", Kind(Visit)),
    ("trip", Kind(Visit)),
    // `will travel to China later this year`.
    ("travel to", Kind(Visit)),
    ("travels to", Kind(Visit)),
    ("travelled to", Kind(Visit)),
    ("traveled to", Kind(Visit)),
    ("reist nach", Kind(Visit)),
    ("reiste nach", Kind(Visit)),
    ("reisen nach", Kind(Visit)),
    // A German clause puts its verb last: `will kommende Woche nach China reisen.` (at the
    // clause's end: not `Reisende`, nor `Touristen reisen gern nach …`).
    ("reisen.", Kind(Visit)),
    ("reisen,", Kind(Visit)),
    ("se rendra", Kind(Visit)),
    // `met Chinese Commerce Minister Wang Wentao`, `met with`: whole words (not `method`).
    ("met", Kind(Visit)),
    ("meeting", Kind(Visit)),
    ("meetings", Kind(Visit)),
    ("meets", Kind(Visit)),
    ("held talks", Kind(Visit)),
    ("besuch", Kind(Visit)),
    ("besucht", Kind(Visit)),
    ("reise", Kind(Visit)),
    ("traf", Kind(Visit)),
    ("trafen", Kind(Visit)),
    ("visite", Kind(Visit)),
    ("visité", Kind(Visit)),
    ("délégation", Kind(Visit)),
    ("s'est rendu", Kind(Visit)),
    ("rencontre", Kind(Visit)),
    ("s'est entretenu", Kind(Visit)),
    // Told in the past before another past (`s'était entretenu … le mois dernier`), or by
    // both sides (`se sont entretenus`).
    ("s'était entretenu", Kind(Visit)),
    ("se sont entretenus", Kind(Visit)),
    // `war … mit seinem Amtskollegen … zusammengekommen`: a meeting told by its verb's
    // participle alone.
    ("zusammengekommen", Kind(Visit)),
    ("zusammengetroffen", Kind(Visit)),
    ("访问", Kind(Visit)),
    ("訪問", Kind(Visit)),
    ("代表团", Kind(Visit)),
    ("代表團", Kind(Visit)),
    ("考察", Kind(Visit)),
    ("会见", Kind(Visit)),
    ("會見", Kind(Visit)),
    ("会晤", Kind(Visit)),
    ("會晤", Kind(Visit)),
    ("拜会", Kind(Visit)),
    ("访华", Kind(Visit)),
    ("访英", Kind(Visit)),
    ("到访", Kind(Visit)),
    ("來訪", Kind(Visit)),
    ("来访", Kind(Visit)),
    ("出访", Kind(Visit)),
    // Forums, conferences
    ("forum", Kind(Forum)),
    ("conference", Kind(Forum)),
    ("convention", Kind(Forum)),
    ("seminar", Kind(Forum)),
    ("symposium", Kind(Forum)),
    ("roundtable", Kind(Forum)),
    ("round table", Kind(Forum)),
    ("expo", Kind(Forum)),
    ("fair", Kind(Forum)),
    ("tech week", Kind(Forum)),
    ("konferenz", Kind(Forum)),
    ("tagung", Kind(Forum)),
    ("treffen zur", Kind(Forum)),
    // "bei einem Treffen mit Chinas Vizepremier": a meeting with someone.
    ("treffen mit", Kind(Visit)),
    ("veranstaltung", Kind(Forum)),
    ("messe", Kind(Forum)),
    ("conférence", Kind(Forum)),
    ("colloque", Kind(Forum)),
    ("salon", Kind(Forum)),
    ("论坛", Kind(Forum)),
    ("論壇", Kind(Forum)),
    ("研讨会", Kind(Forum)),
    ("研討會", Kind(Forum)),
    ("博览会", Kind(Forum)),
    ("博覽會", Kind(Forum)),
    ("推介会", Kind(Forum)),
    ("推介會", Kind(Forum)),
    ("圆桌", Kind(Forum)),
    ("圓桌", Kind(Forum)),
    ("交流会", Kind(Forum)),
    ("交流會", Kind(Forum)),
    ("workshop", Kind(Forum)),
    ("webinar", Kind(Forum)),
    ("exhibition", Kind(Forum)),
    ("séminaire", Kind(Forum)),
    ("table ronde", Kind(Forum)),
    ("座谈会", Kind(Forum)),
    ("座談會", Kind(Forum)),
    ("洽谈会", Kind(Forum)),
    ("洽談會", Kind(Forum)),
    ("对接会", Kind(Forum)),
    ("對接會", Kind(Forum)),
    ("展会", Kind(Forum)),
    ("展會", Kind(Forum)),
    ("年会", Kind(Forum)),
    ("年會", Kind(Forum)),
    // Agreements
    ("signed", Kind(Agreement)),
    ("signing", Kind(Agreement)),
    ("memorandum", Kind(Agreement)),
    ("mou", Kind(Agreement)),
    ("agreement", Kind(Agreement)),
    ("deal", Kind(Agreement)),
    ("contract", Kind(Agreement)),
    ("contracts", Kind(Agreement)),
    ("accord", Kind(Agreement)),
    ("joint strategy", Kind(Agreement)),
    ("unterzeichne", Kind(Agreement)),
    ("abkommen", Kind(Agreement)),
    ("vereinbarung", Kind(Agreement)),
    ("absichtserklärung", Kind(Agreement)),
    ("einigung", Kind(Agreement)),
    ("einigten", Kind(Agreement)),
    ("vereinbart", Kind(Agreement)),
    // Twinning: a standing agreement between two cities or regions.
    ("sister city", Kind(Agreement)),
    ("sister cities", Kind(Agreement)),
    ("twin city", Kind(Agreement)),
    ("twinning", Kind(Agreement)),
    ("friendly partnership", Kind(Agreement)),
    ("jumelage", Kind(Agreement)),
    ("städtepartnerschaft", Kind(Agreement)),
    // In Chinese the standing relation (`两市友城关系`) is named far more often than the act:
    // only concluding one is an event.
    ("缔结友好", Kind(Agreement)),
    ("締結友好", Kind(Agreement)),
    ("结为友好", Kind(Agreement)),
    ("結為友好", Kind(Agreement)),
    ("agreed to", Kind(Agreement)),
    ("agreed on", Kind(Agreement)),
    ("sont convenus", Kind(Agreement)),
    ("étaient convenus", Kind(Agreement)),
    ("ont convenu", Kind(Agreement)),
    ("达成协议", Kind(Agreement)),
    ("達成協議", Kind(Agreement)),
    ("达成一致", Kind(Agreement)),
    ("達成一致", Kind(Agreement)),
    ("vertrag", Kind(Agreement)),
    ("verträge", Kind(Agreement)),
    ("signé", Kind(Agreement)),
    ("signature", Kind(Agreement)),
    ("protocole d'accord", Kind(Agreement)),
    ("签署", Kind(Agreement)),
    ("簽署", Kind(Agreement)),
    ("签约", Kind(Agreement)),
    ("簽約", Kind(Agreement)),
    ("协议", Kind(Agreement)),
    ("協議", Kind(Agreement)),
    ("备忘录", Kind(Agreement)),
    ("備忘錄", Kind(Agreement)),
    ("合同", Kind(Agreement)),
    ("签订", Kind(Agreement)),
    ("簽訂", Kind(Agreement)),
    ("letter of intent", Kind(Agreement)),
    ("inked", Kind(Agreement)),
    ("sealed", Kind(Agreement)),
    ("besiegel", Kind(Agreement)),
    ("lettre d'intention", Kind(Agreement)),
    ("意向书", Kind(Agreement)),
    ("意向書", Kind(Agreement)),
    // Investment
    ("invest", Kind(Investment)),
    // Money raised by a company in a round of funding.
    ("funding round", Kind(Investment)),
    ("financing round", Kind(Investment)),
    ("raised £", Kind(Investment)),
    ("raised $", Kind(Investment)),
    ("raised €", Kind(Investment)),
    ("raises £", Kind(Investment)),
    ("raises $", Kind(Investment)),
    ("raises €", Kind(Investment)),
    ("finanzierungsrunde", Kind(Investment)),
    ("levée de fonds", Kind(Investment)),
    ("融资", Kind(Investment)),
    ("融資", Kind(Investment)),
    ("acquisition", Kind(Investment)),
    ("acquire", Kind(Investment)),
    ("takeover", Kind(Investment)),
    ("buy ", Kind(Investment)),
    ("buys ", Kind(Investment)),
    ("bought ", Kind(Investment)),
    ("investition", Kind(Investment)),
    ("investier", Kind(Investment)),
    ("übernahme", Kind(Investment)),
    // `übernimmt den britischen Zulieferer`: like every investment cue, only with a sum.
    ("übernimmt", Kind(Investment)),
    ("übernehmen", Kind(Investment)),
    ("übernommen", Kind(Investment)),
    ("kaufen", Kind(Investment)),
    ("kauft", Kind(Investment)),
    ("verkauf", Kind(Investment)),
    ("investissement", Kind(Investment)),
    ("investir", Kind(Investment)),
    ("rachat", Kind(Investment)),
    ("rachète", Kind(Investment)),
    ("racheté", Kind(Investment)),
    ("racheter", Kind(Investment)),
    // A plant built for a sum: `eine neue Fabrik für 450 Millionen Dollar bauen`.
    ("factory", Kind(Investment)),
    ("factories", Kind(Investment)),
    ("fabrik", Kind(Investment)),
    ("usine", Kind(Investment)),
    ("工厂", Kind(Investment)),
    ("工廠", Kind(Investment)),
    ("建厂", Kind(Investment)),
    ("建廠", Kind(Investment)),
    ("投资", Kind(Investment)),
    ("投資", Kind(Investment)),
    ("收购", Kind(Investment)),
    ("收購", Kind(Investment)),
    ("并购", Kind(Investment)),
    ("落户", Kind(Investment)),
    ("落戶", Kind(Investment)),
    // Trade figures
    ("trade volume", Kind(TradeFigure)),
    ("bilateral trade", Kind(TradeFigure)),
    ("trade between", Kind(TradeFigure)),
    // `Britain's trade with China was worth …`: a figure is needed, as for every trade cue.
    ("trade with", Kind(TradeFigure)),
    ("handel mit", Kind(TradeFigure)),
    ("commerce avec", Kind(TradeFigure)),
    ("贸易总额", Kind(TradeFigure)),
    ("貿易總額", Kind(TradeFigure)),
    ("handelsvolumen", Kind(TradeFigure)),
    ("handel zwischen", Kind(TradeFigure)),
    ("échanges commerciaux", Kind(TradeFigure)),
    ("commerce bilatéral", Kind(TradeFigure)),
    ("贸易额", Kind(TradeFigure)),
    ("貿易額", Kind(TradeFigure)),
    ("进出口", Kind(TradeFigure)),
    ("進出口", Kind(TradeFigure)),
    ("双边贸易", Kind(TradeFigure)),
    ("雙邊貿易", Kind(TradeFigure)),
    // Exports and imports with a figure (`exports to China rose to £1bn`).
    ("exports", Kind(TradeFigure)),
    ("imports", Kind(TradeFigure)),
    ("exporte", Kind(TradeFigure)),
    ("importe", Kind(TradeFigure)),
    ("exportations", Kind(TradeFigure)),
    ("importations", Kind(TradeFigure)),
    ("出口额", Kind(TradeFigure)),
    ("出口額", Kind(TradeFigure)),
    ("进口额", Kind(TradeFigure)),
    ("進口額", Kind(TradeFigure)),
    // Joint ventures, labs, parks
    ("joint venture", Kind(JointVenture)),
    ("joint lab", Kind(JointVenture)),
    ("joint research centre", Kind(JointVenture)),
    ("joint research center", Kind(JointVenture)),
    ("joint research institute", Kind(JointVenture)),
    ("joint institute", Kind(JointVenture)),
    ("institut conjoint", Kind(JointVenture)),
    ("联合学院", Kind(JointVenture)),
    ("聯合學院", Kind(JointVenture)),
    ("centre de recherche conjoint", Kind(JointVenture)),
    ("联合研究中心", Kind(JointVenture)),
    ("聯合研究中心", Kind(JointVenture)),
    ("联合研究院", Kind(JointVenture)),
    ("聯合研究院", Kind(JointVenture)),
    ("innovation park", Kind(JointVenture)),
    ("industrial park", Kind(JointVenture)),
    ("innovation center", Kind(JointVenture)),
    ("innovation centre", Kind(JointVenture)),
    ("science park", Kind(JointVenture)),
    ("r&d center", Kind(JointVenture)),
    ("gemeinschaftsunternehmen", Kind(JointVenture)),
    // `ein gemeinsames Forschungszentrum`, `das gemeinsame Labor`, `des gemeinsamen Instituts`:
    // the stems, in each ending of the adjective.
    ("gemeinsames forschungs", Kind(JointVenture)),
    ("gemeinsame forschungs", Kind(JointVenture)),
    ("gemeinsamen forschungs", Kind(JointVenture)),
    ("gemeinsames labor", Kind(JointVenture)),
    ("gemeinsame labor", Kind(JointVenture)),
    ("gemeinsamen labor", Kind(JointVenture)),
    ("gemeinsames institut", Kind(JointVenture)),
    ("gemeinsame institut", Kind(JointVenture)),
    ("gemeinsamen institut", Kind(JointVenture)),
    ("gemeinschaftslabor", Kind(JointVenture)),
    ("laboratoire conjoint", Kind(JointVenture)),
    ("centre de recherche commun", Kind(JointVenture)),
    ("centre commun de recherche", Kind(JointVenture)),
    ("institut commun", Kind(JointVenture)),
    ("joint-venture", Kind(JointVenture)),
    ("coentreprise", Kind(JointVenture)),
    ("laboratoire commun", Kind(JointVenture)),
    ("合资", Kind(JointVenture)),
    ("合資", Kind(JointVenture)),
    ("联合实验室", Kind(JointVenture)),
    ("聯合實驗室", Kind(JointVenture)),
    ("产业园", Kind(JointVenture)),
    ("產業園", Kind(JointVenture)),
    ("産業園", Kind(JointVenture)),
    ("创新中心", Kind(JointVenture)),
    ("創新中心", Kind(JointVenture)),
    ("合作区", Kind(JointVenture)),
    // An office opened abroad is an opening ("other"), not a joint venture.
    ("office", Kind(Other)),
    ("offices", Kind(Other)),
    ("办事处", Kind(Other)),
    ("辦事處", Kind(Other)),
    // Education
    // Universities and students are named in many stories (university heads, visa figures);
    // only a campus, a joint programme or a scholarship is an education event.
    ("campus", Kind(Education)),
    ("campuses", Kind(Education)),
    ("scholarship", Kind(Education)),
    ("joint programme", Kind(Education)),
    ("joint program", Kind(Education)),
    ("joint degree", Kind(Education)),
    ("confucius institute", Kind(Education)),
    ("stipendi", Kind(Education)),
    ("studiengang", Kind(Education)),
    ("double diplôme", Kind(Education)),
    ("bourse d'études", Kind(Education)),
    ("合作办学", Kind(Education)),
    ("合作辦學", Kind(Education)),
    ("孔子学院", Kind(Education)),
    ("孔子學院", Kind(Education)),
    ("校区", Kind(Education)),
    ("校區", Kind(Education)),
    ("分校", Kind(Education)),
    ("奖学金", Kind(Education)),
    ("獎學金", Kind(Education)),
    // The first graduates of a joint college or programme (`首届毕业生毕业典礼`).
    ("graduation ceremony", Kind(Education)),
    ("毕业典礼", Kind(Education)),
    ("畢業典禮", Kind(Education)),
    ("联合培养", Kind(Education)),
    ("聯合培養", Kind(Education)),
    ("university", Sec(Sector::Education)),
    ("universities", Sec(Sector::Education)),
    ("students", Sec(Sector::Education)),
    ("universität", Sec(Sector::Education)),
    ("hochschule", Sec(Sector::Education)),
    ("studenten", Sec(Sector::Education)),
    ("université", Sec(Sector::Education)),
    ("étudiants", Sec(Sector::Education)),
    ("大学", Sec(Sector::Education)),
    ("大學", Sec(Sector::Education)),
    ("留学", Sec(Sector::Education)),
    ("留學", Sec(Sector::Education)),
    ("学生", Sec(Sector::Education)),
    ("學生", Sec(Sector::Education)),
    // Launches and openings: events of their own kind ("other")
    ("launch", Kind(Other)),
    ("opening ceremony", Kind(Other)),
    ("inaugurat", Kind(Other)),
    ("unveil", Kind(Other)),
    ("eröffne", Kind(Other)),
    ("einweihung", Kind(Other)),
    ("eröffnung", Kind(Other)),
    ("gestartet", Kind(Other)),
    ("lanciert", Kind(Other)),
    ("startschuss", Kind(Other)),
    ("lancé", Kind(Other)),
    ("lancement", Kind(Other)),
    ("inauguré", Kind(Other)),
    ("cérémonie d'ouverture", Kind(Other)),
    ("启动", Kind(Other)),
    ("啟動", Kind(Other)),
    ("揭牌", Kind(Other)),
    ("开业", Kind(Other)),
    ("開業", Kind(Other)),
    ("开幕", Kind(Other)),
    ("開幕", Kind(Other)),
    ("落成", Kind(Other)),
    // Receptions and celebrations a party hosts.
    ("reception", Kind(Other)),
    ("réception", Kind(Other)),
    ("招待会", Kind(Other)),
    ("招待會", Kind(Other)),
    ("庆典", Kind(Other)),
    ("慶典", Kind(Other)),
    // Sectors
    ("artificial intelligence", Sec(Sector::Ai)),
    ("(ai)", Sec(Sector::Ai)),
    (" ai ", Sec(Sector::Ai)),
    ("künstliche intelligenz", Sec(Sector::Ai)),
    ("intelligence artificielle", Sec(Sector::Ai)),
    ("人工智能", Sec(Sector::Ai)),
    // The abbreviations of German and French, as whole words.
    (" ki ", Sec(Sector::Ai)),
    (" ki-", Sec(Sector::Ai)),
    ("(ki)", Sec(Sector::Ai)),
    (" ia ", Sec(Sector::Ai)),
    ("l'ia ", Sec(Sector::Ai)),
    ("l’ia ", Sec(Sector::Ai)),
    ("(ia)", Sec(Sector::Ai)),
    ("health", Sec(Sector::Health)),
    ("medical", Sec(Sector::Health)),
    ("pharma", Sec(Sector::Health)),
    ("life science", Sec(Sector::Health)),
    ("biowissenschaft", Sec(Sector::Health)),
    ("gesundheit", Sec(Sector::Health)),
    ("santé", Sec(Sector::Health)),
    ("médic", Sec(Sector::Health)),
    ("医疗", Sec(Sector::Health)),
    ("醫療", Sec(Sector::Health)),
    ("医药", Sec(Sector::Health)),
    ("醫藥", Sec(Sector::Health)),
    ("生命科学", Sec(Sector::Health)),
    ("健康", Sec(Sector::Health)),
    ("drug", Sec(Sector::Health)),
    ("biotech", Sec(Sector::Health)),
    ("medizin", Sec(Sector::Health)),
    ("卫生", Sec(Sector::Health)),
    ("衛生", Sec(Sector::Health)),
    ("finan", Sec(Sector::Finance)),
    ("bank", Sec(Sector::Finance)),
    ("fintech", Sec(Sector::Finance)),
    ("金融", Sec(Sector::Finance)),
    ("银行", Sec(Sector::Finance)),
    ("銀行", Sec(Sector::Finance)),
    ("insurance", Sec(Sector::Finance)),
    ("versicherung", Sec(Sector::Finance)),
    ("banque", Sec(Sector::Finance)),
    ("bancaire", Sec(Sector::Finance)),
    ("assureur", Sec(Sector::Finance)),
    ("保险", Sec(Sector::Finance)),
    ("保險", Sec(Sector::Finance)),
    ("证券", Sec(Sector::Finance)),
    ("證券", Sec(Sector::Finance)),
    ("education", Sec(Sector::Education)),
    ("talent", Sec(Sector::Education)),
    ("bildung", Sec(Sector::Education)),
    ("éducation", Sec(Sector::Education)),
    ("教育", Sec(Sector::Education)),
    ("人才", Sec(Sector::Education)),
    ("energy", Sec(Sector::Energy)),
    ("nuclear", Sec(Sector::Energy)),
    ("wind power", Sec(Sector::Energy)),
    ("energie", Sec(Sector::Energy)),
    ("énergie", Sec(Sector::Energy)),
    ("能源", Sec(Sector::Energy)),
    ("核电", Sec(Sector::Energy)),
    ("renewable", Sec(Sector::Energy)),
    ("solar", Sec(Sector::Energy)),
    ("erneuerbar", Sec(Sector::Energy)),
    ("windkraft", Sec(Sector::Energy)),
    ("kernkraft", Sec(Sector::Energy)),
    ("atomkraft", Sec(Sector::Energy)),
    ("renouvelable", Sec(Sector::Energy)),
    ("nucléaire", Sec(Sector::Energy)),
    ("solaire", Sec(Sector::Energy)),
    ("éolien", Sec(Sector::Energy)),
    ("核電", Sec(Sector::Energy)),
    ("核能", Sec(Sector::Energy)),
    ("风电", Sec(Sector::Energy)),
    ("風電", Sec(Sector::Energy)),
    ("光伏", Sec(Sector::Energy)),
    ("natural gas", Sec(Sector::Energy)),
    ("petroleum", Sec(Sector::Energy)),
    ("erdgas", Sec(Sector::Energy)),
    ("erdöl", Sec(Sector::Energy)),
    ("gaz naturel", Sec(Sector::Energy)),
    ("pétrol", Sec(Sector::Energy)),
    ("天然气", Sec(Sector::Energy)),
    ("天然氣", Sec(Sector::Energy)),
    ("石油", Sec(Sector::Energy)),
    ("technolog", Sec(Sector::Technology)),
    ("innovation", Sec(Sector::Technology)),
    ("sci-tech", Sec(Sector::Technology)),
    ("digital", Sec(Sector::Technology)),
    ("quantum", Sec(Sector::Technology)),
    ("technologie", Sec(Sector::Technology)),
    ("科技", Sec(Sector::Technology)),
    ("创新", Sec(Sector::Technology)),
    ("創新", Sec(Sector::Technology)),
    ("数字", Sec(Sector::Technology)),
    ("數字", Sec(Sector::Technology)),
    ("numérique", Sec(Sector::Technology)),
    ("manufactur", Sec(Sector::Manufacturing)),
    ("steel", Sec(Sector::Manufacturing)),
    ("industr", Sec(Sector::Manufacturing)),
    ("stahl", Sec(Sector::Manufacturing)),
    ("制造", Sec(Sector::Manufacturing)),
    ("製造", Sec(Sector::Manufacturing)),
    ("钢铁", Sec(Sector::Manufacturing)),
    ("鋼鐵", Sec(Sector::Manufacturing)),
    ("fertigung", Sec(Sector::Manufacturing)),
    ("acier", Sec(Sector::Manufacturing)),
    ("sidérurg", Sec(Sector::Manufacturing)),
    ("fabrication", Sec(Sector::Manufacturing)),
    ("vehicle", Sec(Sector::Transport)),
    ("automotive", Sec(Sector::Transport)),
    ("aviation", Sec(Sector::Transport)),
    ("fahrzeug", Sec(Sector::Transport)),
    ("automobil", Sec(Sector::Transport)),
    ("véhicule", Sec(Sector::Transport)),
    ("汽车", Sec(Sector::Transport)),
    ("汽車", Sec(Sector::Transport)),
    ("航空", Sec(Sector::Transport)),
    ("shipping", Sec(Sector::Transport)),
    ("railway", Sec(Sector::Transport)),
    ("luftfahrt", Sec(Sector::Transport)),
    ("ferroviaire", Sec(Sector::Transport)),
    ("aéronautique", Sec(Sector::Transport)),
    ("铁路", Sec(Sector::Transport)),
    ("鐵路", Sec(Sector::Transport)),
    ("航运", Sec(Sector::Transport)),
    ("航運", Sec(Sector::Transport)),
    ("trade", Sec(Sector::Trade)),
    ("export", Sec(Sector::Trade)),
    ("handel", Sec(Sector::Trade)),
    ("commerc", Sec(Sector::Trade)),
    ("贸易", Sec(Sector::Trade)),
    ("貿易", Sec(Sector::Trade)),
    ("经贸", Sec(Sector::Trade)),
    ("經貿", Sec(Sector::Trade)),
    ("出口", Sec(Sector::Trade)),
    ("进口", Sec(Sector::Trade)),
    ("進口", Sec(Sector::Trade)),
    ("touris", Sec(Sector::Culture)),
    ("cultur", Sec(Sector::Culture)),
    ("kultur", Sec(Sector::Culture)),
    ("文化", Sec(Sector::Culture)),
    ("旅游", Sec(Sector::Culture)),
    ("旅遊", Sec(Sector::Culture)),
    ("sport", Sec(Sector::Culture)),
    ("体育", Sec(Sector::Culture)),
    ("體育", Sec(Sector::Culture)),
    ("climate", Sec(Sector::Environment)),
    ("green", Sec(Sector::Environment)),
    ("klima", Sec(Sector::Environment)),
    ("climat", Sec(Sector::Environment)),
    ("绿色", Sec(Sector::Environment)),
    ("綠色", Sec(Sector::Environment)),
    ("环保", Sec(Sector::Environment)),
    ("環保", Sec(Sector::Environment)),
    ("carbon", Sec(Sector::Environment)),
    ("net zero", Sec(Sector::Environment)),
    ("net-zero", Sec(Sector::Environment)),
    ("umwelt", Sec(Sector::Environment)),
    ("carbone", Sec(Sector::Environment)),
    ("气候", Sec(Sector::Environment)),
    ("氣候", Sec(Sector::Environment)),
    ("低碳", Sec(Sector::Environment)),
    ("碳中和", Sec(Sector::Environment)),
    ("food", Sec(Sector::Food)),
    ("agricult", Sec(Sector::Food)),
    ("whisky", Sec(Sector::Food)),
    ("农业", Sec(Sector::Food)),
    ("農業", Sec(Sector::Food)),
    ("食品", Sec(Sector::Food)),
    ("agricole", Sec(Sector::Food)),
    ("alimentaire", Sec(Sector::Food)),
    ("agroalimentaire", Sec(Sector::Food)),
    ("lebensmittel", Sec(Sector::Food)),
    ("landwirtschaft", Sec(Sector::Food)),
    ("agrar", Sec(Sector::Food)),
    ("农产品", Sec(Sector::Food)),
    ("農產品", Sec(Sector::Food)),
    // Sides
    ("china", S(Side::China)),
    ("chinese", S(Side::China)),
    ("sino", S(Side::China)),
    ("chinesisch", S(Side::China)),
    ("chinois", S(Side::China)),
    ("chine", S(Side::China)),
    ("中国", S(Side::China)),
    ("中國", S(Side::China)),
    ("中方", S(Side::China)),
    ("britain", S(Side::Uk)),
    ("british", S(Side::Uk)),
    ("uk", S(Side::Uk)),
    ("u.k.", S(Side::Uk)),
    ("united kingdom", S(Side::Uk)),
    ("england", S(Side::Uk)),
    ("scottish", S(Side::Uk)),
    ("welsh", S(Side::Uk)),
    ("britisch", S(Side::Uk)),
    ("brite", S(Side::Uk)),
    ("großbritannien", S(Side::Uk)),
    ("vereinigte", S(Side::Uk)),
    ("britannique", S(Side::Uk)),
    // The British Chambers of Commerce abroad call themselves so (`BritCham China`).
    ("britcham", S(Side::Uk)),
    ("royaume-uni", S(Side::Uk)),
    // The Crown's: `His Majesty's Ambassador`, `Her Majesty's Government`.
    ("his majesty's", S(Side::Uk)),
    ("her majesty's", S(Side::Uk)),
    ("his majesty’s", S(Side::Uk)),
    ("her majesty’s", S(Side::Uk)),
    // A union of states is neither side, and its name says so in whichever language.
    ("european union", S(Side::Other)),
    ("europäische union", S(Side::Other)),
    ("europäischen union", S(Side::Other)),
    ("union européenne", S(Side::Other)),
    ("欧盟", S(Side::Other)),
    ("歐盟", S(Side::Other)),
    ("英国", S(Side::Uk)),
    ("英國", S(Side::Uk)),
    ("英方", S(Side::Uk)),
    // Britain in Hong Kong's usage (`英倫銀行`, the Bank of England).
    ("英倫", S(Side::Uk)),
    ("英伦", S(Side::Uk)),
    // Roles
    ("ambassador", Role),
    ("minister", Role),
    // Whole titles, so that a side word before them goes with the title (`British Prime
    // Minister David Cameron`).
    ("prime minister", Role),
    ("chancellor of the exchequer", Role),
    ("chancelier de l'échiquier", Role),
    ("chancelier de l'Échiquier", Role),
    ("chancelière de l'échiquier", Role),
    ("chancelière de l'Échiquier", Role),
    ("chancelière", Role),
    ("chancelier", Role),
    // Academic titles and heads: `Professor Du Jiangfeng`, `Principal of the University of …`.
    ("professor", Role),
    ("professorin", Role),
    ("professeur", Role),
    ("principal", Role),
    ("教授", Role),
    ("queen", Role),
    ("königin", Role),
    ("premier ministre", Role),
    ("première ministre", Role),
    ("premier-ministre", Role),
    ("vice premier", Role),
    ("vice-premier", Role),
    ("mayor", Role),
    ("president", Role),
    ("premier", Role),
    ("chairman", Role),
    ("chief executive", Role),
    ("ceo", Role),
    ("director", Role),
    ("secretary", Role),
    ("consul", Role),
    ("governor", Role),
    ("gouverneur", Role),
    ("vizepremier", Role),
    ("vize-premier", Role),
    ("founder", Role),
    ("botschafter", Role),
    ("bürgermeister", Role),
    ("ministerpräsident", Role),
    ("premierminister", Role),
    ("präsident", Role),
    ("ambassadeur", Role),
    ("ministre", Role),
    ("maire", Role),
    ("président", Role),
    ("大使", Role),
    ("市长", Role),
    ("市長", Role),
    ("省长", Role),
    ("省長", Role),
    ("书记", Role),
    ("書記", Role),
    ("部长", Role),
    ("部長", Role),
    ("主席", Role),
    ("总理", Role),
    ("總理", Role),
    ("首相", Role),
    // A British minister in Chinese: `外交大臣`, `苏格兰首席大臣`.
    ("大臣", Role),
    ("行政长官", Role),
    ("行政長官", Role),
    ("委员长", Role),
    ("委員長", Role),
    ("总裁", Role),
    ("總裁", Role),
    ("董事长", Role),
    ("董事長", Role),
    ("head of", Role),
    ("chief executive officer", Role),
    ("principal and vice-chancellor", Role),
    ("vice-chancellor", Role),
    ("vice chancellor", Role),
    ("provost", Role),
    ("chancellor", Role),
    ("consul-general", Role),
    ("commissioner", Role),
    // `Special Envoy for Climate Change Liu Zhenmin`, `l'envoyé spécial chinois pour le climat`.
    ("envoy", Role),
    ("envoyé spécial", Role),
    ("envoyée spéciale", Role),
    ("sondergesandte", Role),
    ("sonderbeauftragte", Role),
    ("特使", Role),
    ("spokesperson", Role),
    ("spokesman", Role),
    ("spokeswoman", Role),
    ("chair", Role),
    ("vorsitzende", Role),
    ("geschäftsführer", Role),
    ("direktor", Role),
    ("konzernchef", Role),
    ("chef", Role),
    ("außenminister", Role),
    ("handelsminister", Role),
    ("wirtschaftsminister", Role),
    // A German minister's title is one word with the portfolio before it (`Finanzministerin`).
    ("finanzminister", Role),
    ("umweltminister", Role),
    ("energieminister", Role),
    ("klimaminister", Role),
    ("bildungsminister", Role),
    ("forschungsminister", Role),
    ("verkehrsminister", Role),
    ("gesundheitsminister", Role),
    ("innenminister", Role),
    ("verteidigungsminister", Role),
    ("entwicklungsminister", Role),
    // `mit seinem Amtskollegen Wang Yi`: a counterpart, as `homologue` in French.
    ("amtskolleg", Role),
    // German compounds name the government in front of the role.
    ("bundesminister", Role),
    // A deputy's title is one word too (`Vizehandelsminister`).
    ("vizeminister", Role),
    ("vizeaußenminister", Role),
    ("vizehandelsminister", Role),
    ("vizewirtschaftsminister", Role),
    ("vizefinanzminister", Role),
    ("vizepräsident", Role),
    ("vizekanzler", Role),
    ("vizebürgermeister", Role),
    ("bundeskanzler", Role),
    ("staatssekretär", Role),
    ("botschafterin", Role),
    ("directeur", Role),
    ("directrice", Role),
    ("secrétaire", Role),
    ("homologue", Role),
    ("ambassadrice", Role),
    ("porte-parole", Role),
    ("主任", Role),
    ("总监", Role),
    ("總監", Role),
    ("局长", Role),
    ("局長", Role),
    ("司长", Role),
    ("司長", Role),
    ("厅长", Role),
    ("廳長", Role),
    ("总领事", Role),
    ("總領事", Role),
    ("领事", Role),
    ("領事", Role),
    ("校长", Role),
    ("校長", Role),
    ("院长", Role),
    ("院長", Role),
    ("会长", Role),
    ("會長", Role),
    ("理事长", Role),
    ("理事長", Role),
    ("秘书长", Role),
    ("秘書長", Role),
    ("巡视员", Role),
    ("巡視員", Role),
    ("外联官", Role),
    ("外聯官", Role),
    ("总经理", Role),
    ("總經理", Role),
    ("经理", Role),
    ("經理", Role),
    ("首席执行官", Role),
    ("首席執行官", Role),
    ("行长", Role),
    ("行長", Role),
    ("处长", Role),
    ("處長", Role),
    ("外交部长", Role),
    ("外交部長", Role),
    ("会面", Kind(Visit)),
    ("會面", Kind(Visit)),
    // Talks and receptions between officials.
    ("talks with", Kind(Visit)),
    ("rencontré", Kind(Visit)),
    ("s'est rendue", Kind(Visit)),
    ("empfing", Kind(Visit)),
    ("empfangen", Kind(Visit)),
    ("会谈", Kind(Visit)),
    ("會談", Kind(Visit)),
    ("接见", Kind(Visit)),
    ("接見", Kind(Visit)),
    ("抵达", Kind(Visit)),
    ("抵達", Kind(Visit)),
];

/// Cues that are only themselves as whole words: `accord` (according), `uk` (Ukraine),
/// `office` (officer), `deal` (dealer), `fair` (fairly), `trip` (triple)… None of them may be
/// the start of another cue: the matcher takes the longest cue at a place, and a rejected long
/// cue would hide a shorter one.
const WHOLE_WORD_CUES: &[&str] = &[
    "accord", "uk", "office", "deal", "fair", "trip", "salon", "expo", "mou", "messe", "reise", "traf", "ceo", "green",
    "food", "trade", "mayor", "maire", "premier", "director", "chair", "contract", "met", "meets",
];

/// German cues that also end compounds (`Handelsabkommen`, `Staatsbesuch`,
/// `Wirtschaftsforum`, `Direktinvestitionen`, `Jingye-Chef`), so they match inside a word too.
const COMPOUND_HEADS: &[&str] = &[
    "abkommen",
    "vereinbarung",
    "vertrag",
    "verträge",
    "besuch",
    "gipfel",
    "forum",
    "konferenz",
    "investition",
    // `Batteriefabrik`.
    "fabrik",
    // Roles: `Jingye-Chef`, `Regierungschef`.
    "chef",
];

/// A cue found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

/// What a pattern of a [`Scanner`] stands for.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// A cue: its index in [`CUES`].
    Cue(usize),
    /// A phrase of the caller's: its index in the list given to [`Scanner::new`].
    Extra(usize),
}

/// The cue table and, read in the same pass, other phrases a caller looks for in every sentence
/// (`extract::reading`'s signals): one scan of a text, not one per list.
///
/// Two automata: Han phrases, and all others. One over both would be a table three times the
/// size, its alphabet swollen by the bytes of Han text; apart, the Han one runs only on Han
/// text. Both report every occurrence of every phrase (case-insensitively for ASCII letters);
/// the cues are then chosen among them as a leftmost-longest search picks its matches.
pub(crate) struct Scanner {
    han: (PhraseDfa, Vec<Entry>),
    other: (PhraseDfa, Vec<Entry>),
    /// What [`CueEdges::stands`] needs to know of each cue of [`CUES`], by index: read once
    /// here rather than from the cue's text at each occurrence.
    edges: Vec<CueEdges>,
}

/// How a cue of [`CUES`] must stand in the text: Han cues match anywhere; others must start a
/// word (or bring their own edge), and short ones that begin longer words (`accord` in
/// `according`) must end one too; German compound heads match inside a word.
#[derive(Debug, Clone, Copy)]
struct CueEdges {
    han: bool,
    /// It starts with its own edge (a space or a bracket).
    brings_edge: bool,
    /// One of [`WHOLE_WORD_CUES`].
    whole_word: bool,
    /// One of [`COMPOUND_HEADS`].
    compound_head: bool,
}

impl CueEdges {
    fn of(pattern: &str) -> CueEdges {
        CueEdges {
            han: pattern.chars().next().is_some_and(is_han),
            brings_edge: pattern.starts_with([' ', '(']),
            whole_word: WHOLE_WORD_CUES.contains(&pattern),
            compound_head: COMPOUND_HEADS.contains(&pattern),
        }
    }

    /// Whether the cue's occurrence at `start..end` of `text` stands as it must.
    fn stands(self, text: &str, start: usize, end: usize) -> bool {
        let starts_word = || self.brings_edge || !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        let ends_word = || !self.whole_word || !text[end..].chars().next().is_some_and(char::is_alphanumeric);
        self.han || self.compound_head || (starts_word() && ends_word())
    }
}

impl Scanner {
    pub(crate) fn new(extra: &[&str]) -> Scanner {
        let build = |han: bool| {
            // The cues are chosen among the occurrences each automaton finds: by script, as
            // they are written. An extra phrase may go to the Han automaton whenever it can only
            // be in text that one reads (a first byte of 0xE3 or above: full-width digits).
            let in_script = |phrase: &str| phrase.chars().next().is_some_and(is_han) == han;
            let runs_with_han = |phrase: &str| phrase.as_bytes().first().is_some_and(|&b| b >= 0xE3) == han;
            let entries: Vec<Entry> = (0..CUES.len())
                .filter(|&i| in_script(CUES[i].0))
                .map(Entry::Cue)
                .chain((0..extra.len()).filter(|&i| runs_with_han(extra[i])).map(Entry::Extra))
                .collect();
            let phrases = entries.iter().map(|&entry| match entry {
                Entry::Cue(i) => CUES[i].0,
                Entry::Extra(i) => extra[i],
            });
            let matcher = PhraseDfa::new(phrases);
            (matcher, entries)
        };
        Scanner {
            han: build(true),
            other: build(false),
            edges: CUES.iter().map(|&(pattern, _)| CueEdges::of(pattern)).collect(),
        }
    }

    /// Every cue in `text`, in order; every occurrence of an extra phrase, in no particular
    /// order, goes to `extra` as (index of the phrase, start, end).
    /// `occurrences` is a buffer the caller keeps from one text to the next: a sentence would
    /// otherwise cost an allocation or two for it.
    pub(crate) fn scan(
        &self,
        text: &str,
        occurrences: &mut Occurrences,
        mut extra: impl FnMut(usize, usize, usize),
    ) -> Vec<CueMatch> {
        let mut found: Vec<CueMatch> = Vec::new();
        let han = may_contain_han(text).then_some(&self.han);
        let occurrences = &mut occurrences.0;
        for (matcher, entries) in [Some(&self.other), han].into_iter().flatten() {
            occurrences.clear();
            matcher.for_each(text, |phrase, start, end| match entries[phrase] {
                Entry::Cue(i) => occurrences.push((start, end, i)),
                Entry::Extra(i) => extra(i, start, end),
            });
            // Leftmost-longest: the earliest cue, the longest there, then the next one after
            // it (no two cues are the same words in another case, so there are no ties).
            occurrences.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
            // At most one cue per occurrence: one allocation.
            found.reserve(occurrences.len());
            let mut from = 0;
            for &(start, end, i) in occurrences.iter() {
                if start < from {
                    continue;
                }
                from = end;
                if self.edges[i].stands(text, start, end) {
                    let cue = CUES[i].1;
                    found.push(CueMatch { start, end, cue });
                }
            }
        }
        if han.is_some() {
            found.sort_by_key(|m| m.start);
        }
        found
    }
}

/// Where [`Scanner::scan`] gathers the cues' occurrences (start, end, index in [`CUES`]) before
/// it chooses among them.
pub(crate) struct Occurrences(Vec<(usize, usize, usize)>);

impl Default for Occurrences {
    /// Room for a long sentence's occurrences from the start, rather than a list grown (and
    /// copied) four times over the first sentences of each story.
    fn default() -> Self {
        Occurrences(Vec::with_capacity(64))
    }
}

/// Every cue in `text`, in order.
///
/// # Example
/// ```
/// use atlas_extract::lexicon::{cues, Cue, EventKind};
/// let found = cues("The delegation visited Hefei.");
/// assert!(found.iter().any(|c| c.cue == Cue::Kind(EventKind::Visit)));
/// ```
pub fn cues(text: &str) -> Vec<CueMatch> {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER
        .get_or_init(|| Scanner::new(&[]))
        .scan(text, &mut Occurrences::default(), |_, _, _| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<EventKind> {
        cues(text)
            .into_iter()
            .filter_map(|c| match c.cue {
                Cue::Kind(kind) => Some(kind),
                _ => None,
            })
            .collect()
    }

    /// Every sector of the taxonomy is found in each of the four languages, in the words and
    /// compounds news writes it with.
    #[test]
    fn every_sector_has_words_in_the_four_languages() {
        let sectors = |text: &str| -> Vec<Sector> {
            cues(text)
                .into_iter()
                .filter_map(|c| match c.cue {
                    Cue::Sector(sector) => Some(sector),
                    // A trade cue is the longest match where the sector's word stands.
                    Cue::Kind(EventKind::TradeFigure) => Some(Sector::Trade),
                    _ => None,
                })
                .collect()
        };
        let cases: &[(Sector, [&str; 4])] = &[
            (
                Sector::Ai,
                [
                    "investment in AI chips",
                    "die KI-Forschung",
                    "l'IA générative",
                    "人工智能",
                ],
            ),
            (
                Sector::Health,
                ["medical devices", "Medizintechnik", "la santé", "卫生"],
            ),
            (
                Sector::Finance,
                ["financial services", "Finanzdienstleistungen", "la banque", "保险"],
            ),
            (Sector::Education, ["students", "Hochschulen", "les étudiants", "留学"]),
            (Sector::Energy, ["solar farms", "Windkraft", "l'éolien en mer", "风电"]),
            (Sector::Energy, ["natural gas", "Erdgas", "le pétrole", "液化天然气"]),
            (
                Sector::Health,
                ["British drugmaker", "Biotechnologie", "les biotechs", "医药"],
            ),
            (
                Sector::Technology,
                ["digital economy", "Digitalisierung", "le numérique", "科技"],
            ),
            (Sector::Manufacturing, ["steel", "Fertigung", "l'acier", "制造"]),
            (
                Sector::Transport,
                ["shipping lines", "Luftfahrt", "le ferroviaire", "铁路"],
            ),
            (Sector::Trade, ["exports", "Handel", "le commerce", "出口"]),
            (Sector::Culture, ["sport", "Kulturaustausch", "le tourisme", "体育"]),
            (
                Sector::Environment,
                ["net zero", "Umweltschutz", "bas carbone", "气候变化"],
            ),
            (Sector::Food, ["food", "Landwirtschaft", "l'agroalimentaire", "农产品"]),
        ];
        for (sector, texts) in cases {
            for text in texts {
                assert!(sectors(text).contains(sector), "{text:?}: {:?}", sectors(text));
            }
        }
    }

    #[test]
    fn money_raised_in_a_round_of_funding_is_an_investment() {
        for text in [
            "Quantix Labs has raised £20 million in a Series A round.",
            "a funding round of $5 million",
            "eine Finanzierungsrunde über 10 Millionen Euro",
            "une levée de fonds de 8 millions d'euros",
            "完成1亿元融资",
        ] {
            assert!(kinds(text).contains(&EventKind::Investment), "{text:?}");
        }
    }

    #[test]
    fn stems_match_word_starts_in_any_case() {
        assert_eq!(kinds("They Visited the plant"), [EventKind::Visit]);
        assert_eq!(kinds("a revisit"), []);
        assert_eq!(
            kinds("Bei der Veranstaltung wurde eine Absichtserklärung unterzeichnet"),
            [EventKind::Forum, EventKind::Agreement, EventKind::Agreement]
        );
    }

    #[test]
    fn short_cues_do_not_match_inside_longer_words() {
        assert_eq!(kinds("According to the officer, the dealer was fairly tripled"), []);
        let sides: Vec<Cue> = cues("Ukraine").into_iter().map(|c| c.cue).collect();
        assert_eq!(sides, []);
        assert_eq!(
            kinds("They opened trade offices and signed a deal."),
            [EventKind::Other, EventKind::Agreement, EventKind::Agreement]
        );
    }

    #[test]
    fn launches_and_openings_are_events_of_their_own() {
        assert_eq!(kinds("The drive was launched Monday"), [EventKind::Other]);
        assert_eq!(
            kinds("青島中英創新産業園正式啟動"),
            [EventKind::JointVenture, EventKind::Other]
        );
    }

    #[test]
    fn talks_receptions_workshops_seals_and_exports_are_cues_in_each_language() {
        assert_eq!(kinds("She held talks with the mayor"), [EventKind::Visit]);
        assert_eq!(kinds("双方举行会谈"), [EventKind::Visit]);
        assert_eq!(
            kinds("Der Bürgermeister empfing die Delegation"),
            [EventKind::Visit, EventKind::Visit]
        );
        assert_eq!(kinds("un séminaire sur la finance"), [EventKind::Forum]);
        assert_eq!(kinds("举办中英对接会"), [EventKind::Forum]);
        assert_eq!(kinds("Li besiegelte eine Reihe"), [EventKind::Agreement]);
        assert_eq!(kinds("Scotch whisky exports to China rose"), [EventKind::TradeFigure]);
        assert_eq!(kinds("出口额达到"), [EventKind::TradeFigure]);
    }

    #[test]
    fn han_cues_match_inside_text() {
        assert_eq!(
            kinds("双方签署合作备忘录"),
            [EventKind::Agreement, EventKind::Agreement]
        );
        assert_eq!(kinds("英國代表團訪問青島"), [EventKind::Visit, EventKind::Visit]);
    }

    #[test]
    fn sides_and_roles() {
        let found: Vec<Cue> = cues("Chinese Ambassador to the UK")
            .into_iter()
            .map(|c| c.cue)
            .collect();
        assert_eq!(found, [Cue::Side(Side::China), Cue::Role, Cue::Side(Side::Uk)]);
    }

    /// [`Scanner::scan`] sorts the cues' occurrences by where they start and end, whatever the
    /// order the automaton gives them in: no two may be found at the same place.
    #[test]
    fn no_two_cues_are_the_same_words_in_another_case() {
        let mut folded: Vec<String> = CUES.iter().map(|(phrase, _)| phrase.to_ascii_lowercase()).collect();
        folded.sort_unstable();
        let before = folded.len();
        folded.dedup();
        assert_eq!(folded.len(), before);
    }

    #[test]
    fn the_cue_automaton_finds_every_occurrence_aho_corasick_finds() {
        let phrases: Vec<&str> = CUES.iter().map(|&(phrase, _)| phrase).collect();
        let dfa = PhraseDfa::new(phrases.iter().copied());
        let reference = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&phrases)
            .unwrap();
        for text in [
            "The UK-China Joint Research Centre signed an MoU; British Ambassador visited the Expo.",
            "Die Delegation unterzeichnete am Montag in Großbritannien eine Absichtserklärung.",
            "À l'issue de la visite d'État, le Premier ministre a signé un protocole d'accord.",
            "英国驻华大使访问重庆，双方签署合作备忘录。",
        ] {
            let mut found = Vec::new();
            dfa.for_each(text, |phrase, start, end| found.push((phrase, start, end)));
            found.sort_unstable();
            let mut expected: Vec<(usize, usize, usize)> = reference
                .find_overlapping_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            expected.sort_unstable();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn kinds_read_back_from_json_and_an_unknown_one_is_other() {
        let read = |json: &str| serde_json::from_str::<EventKind>(json).unwrap();
        assert_eq!(read("\"trade_figure\""), EventKind::TradeFigure);
        assert_eq!(read("\"ceremony\""), EventKind::Other);
    }

    #[test]
    fn german_compounds_end_in_their_cue() {
        assert_eq!(
            kinds("ein Handelsabkommen nach dem Staatsbesuch"),
            [EventKind::Agreement, EventKind::Visit]
        );
    }

    #[test]
    fn a_compound_title_is_a_role() {
        let roles = cues("erklärte Jingye-Chef Li Ganpo")
            .into_iter()
            .filter(|c| c.cue == Cue::Role)
            .count();
        assert_eq!(roles, 1);
    }
}
