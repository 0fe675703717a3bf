//! Evaluation: score the extractor against gold answer keys (`gold-json.md`).
//!
//! A labelled set is a directory with `articles/NAME.txt` and, for each, an answer key
//! `gold/NAME.json` ([`Gold`]). [`evaluate_dir`] extracts every article and [`score`]s it;
//! the [`Report`] sums the counts (micro-averaging) and prints them as a table, as JSON or
//! article by article.
//!
//! The rules, from the contract:
//!
//! - Every name is compared after [`fold`]: case, typographic quotes and dashes, and runs of
//!   white space do not matter.
//! - `people`, `titles`, `organizations` and `dates` are sets: duplicates collapse. Dates
//!   are compared by value; a range (`"FROM/TO"` in gold, a `{from, to}` value in the
//!   facts) counts as its two endpoints, and the publication date counts as a found date.
//! - A role matches on (person, role) and a release on (title, date), a null date matching
//!   only null. Items pair one to one: those agreeing on every attribute first, then those
//!   with the same title (roles) or status (releases), then any left. Unpaired gold items
//!   are misses, unpaired predicted ones extras. Over the pairs, `roles.title`,
//!   `roles.character`, `releases.status` and `releases.venue` are attribute accuracies.
//!
//! What this leaves out: spans and kinds (`titles[].kind`, `organizations[].kind`) are not
//! scored, and neither are `hedged` and `platform`.
//!
//! ```
//! use newsfacts::eval::{score, Gold};
//! use newsfacts::{ArticleMeta, Date, Extractor};
//!
//! let ex = Extractor::new()?;
//! let meta = ArticleMeta::published("2025-06-01".parse::<Date>()?);
//! let facts = ex.extract_bytes(b"Lionsgate shared a new featurette.", &meta)?;
//! let gold: Gold = serde_json::from_str(
//!     r#"{"organizations": ["LIONSGATE"], "dates": ["2025-06-01"], "people": ["Ana de Armas"]}"#,
//! ).unwrap();
//! let s = score(&facts, &gold);
//! assert_eq!((s.organizations.counts.tp, s.dates.counts.tp), (1, 1));
//! assert_eq!(s.people.missed, ["Ana de Armas"]);
//! assert_eq!(s.people.counts.recall(), 0.0);
//! # Ok::<(), newsfacts::Error>(())
//! ```

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article::ArticleMeta;
use crate::error::{Error, ErrorKind};
use crate::extractor::Extractor;
use crate::facts::{DateValue, Facts, ReleaseStatus, RoleKind, Venue};

/// The scored categories, in report order; with `"overall"`, the names [`Report::f1`] and
/// [`Report::counts`] accept.
pub const CATEGORIES: [&str; 6] = ["people", "titles", "organizations", "dates", "roles", "releases"];

/// The attribute accuracies, in report order: the names [`Report::accuracy`] accepts.
pub const ATTRIBUTES: [&str; 4] = ["roles.title", "roles.character", "releases.status", "releases.venue"];

/// The answer key of one article: the JSON of `gold-json.md`.
///
/// Arrays that are missing are empty; a key that is not in the format is an error (a typo
/// such as `"organisations"` would otherwise score as an empty list).
///
/// ```
/// use newsfacts::eval::Gold;
/// let g = Gold::parse(r#"{"people": ["Ana de Armas"], "releases": [
///     {"title": "Ballerina", "date": "2025-06-06", "status": "scheduled", "venue": null}]}"#, "x.json")?;
/// assert_eq!(g.people, ["Ana de Armas"]);
/// assert!(g.titles.is_empty());
/// assert_eq!(g.releases[0].status, newsfacts::ReleaseStatus::Scheduled);
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Gold {
    /// Every real person named, canonical names.
    pub people: Vec<String>,
    /// Titles of works and franchises.
    pub titles: Vec<String>,
    /// Organizations.
    pub organizations: Vec<String>,
    /// Every distinct date value, ISO; a range is `"FROM/TO"`.
    pub dates: Vec<String>,
    /// Credits.
    pub roles: Vec<GoldRole>,
    /// Release and production-status claims.
    pub releases: Vec<GoldRelease>,
}

/// One credit in a [`Gold`] answer key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoldRole {
    /// The person's canonical name.
    pub person: String,
    /// The role, in the contract's vocabulary (`actor`, `director`, ...).
    pub role: RoleKind,
    /// The title's canonical name, or `null`.
    #[serde(default)]
    pub title: Option<String>,
    /// The character played, or `null`.
    #[serde(default)]
    pub character: Option<String>,
}

/// One release claim in a [`Gold`] answer key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoldRelease {
    /// The title's canonical name.
    pub title: String,
    /// The date, ISO (`"FROM/TO"` for a range), or `null`.
    #[serde(default)]
    pub date: Option<String>,
    /// The status claimed.
    pub status: ReleaseStatus,
    /// Where, or `null`.
    #[serde(default)]
    pub venue: Option<Venue>,
}

impl Gold {
    /// Parses an answer key; `name` (a file name) is what an error names.
    pub fn parse(json: &str, name: &str) -> Result<Gold, Error> {
        serde_json::from_str(json).map_err(|e| Error::json(name, e.to_string()))
    }

    /// Reads and parses an answer key file; a missing, unreadable or malformed file is an
    /// error naming it.
    ///
    /// ```no_run
    /// let gold = newsfacts::eval::Gold::load("fixtures/gold/10_venice_2025_lineup.json")?;
    /// assert!(!gold.people.is_empty());
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Gold, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(name.clone(), e))?;
        Gold::parse(&text, &name)
    }
}

/// Folds a name for comparison: lowercase, typographic quotes and apostrophes to `'` and
/// `"`, dash, hyphen and minus variants to `-`, runs of white space to one space, trimmed.
///
/// ```
/// use newsfacts::eval::fold;
/// assert_eq!(fold("  John Wick: Chapter 3 – Parabellum "), "john wick: chapter 3 - parabellum");
/// assert_eq!(fold("Ocean’s\u{a0}Eleven"), fold("ocean's eleven"));
/// assert_eq!(fold("“Wicked”"), "\"wicked\"");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '\u{FF07}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True positives, false positives and false negatives of one category.
///
/// ```
/// use newsfacts::eval::Counts;
/// let c = Counts { tp: 3, fp: 1, fn_: 2 };
/// assert_eq!((c.precision(), c.recall()), (0.75, 0.6));
/// assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
/// assert_eq!(Counts::default().f1(), 1.0); // nothing expected, nothing found
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted items that match a gold item.
    pub tp: usize,
    /// Predicted items that match none (extras).
    pub fp: usize,
    /// Gold items that nothing matched (misses).
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`, or 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`, or 1 when the gold is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall, or 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// How often an attribute of matched items was right.
///
/// ```
/// let a = newsfacts::eval::Accuracy { correct: 3, total: 4 };
/// assert_eq!(a.ratio(), Some(0.75));
/// assert_eq!(a.to_string(), "3/4 (75.0%)");
/// assert_eq!(newsfacts::eval::Accuracy::default().to_string(), "0/0 (n/a)");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Matched items whose attribute agrees (`null` agreeing with `null`).
    pub correct: usize,
    /// Matched items.
    pub total: usize,
}

impl Accuracy {
    /// `correct / total`, or `None` when nothing matched.
    pub fn ratio(&self) -> Option<f64> {
        (self.total > 0).then(|| self.correct as f64 / self.total as f64)
    }
}

impl std::ops::AddAssign for Accuracy {
    fn add_assign(&mut self, o: Accuracy) {
        self.correct += o.correct;
        self.total += o.total;
    }
}

impl std::fmt::Display for Accuracy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.ratio() {
            Some(r) => write!(f, "{}/{} ({:.1}%)", self.correct, self.total, r * 100.0),
            None => write!(f, "{}/{} (n/a)", self.correct, self.total),
        }
    }
}

/// The score of one category in one article, with what was missed and what was extra.
///
/// Items are shown as written (the first spelling seen): a name, a date, a role as
/// `person|role|title|character` or a release as `title|date|status|venue`, `null` for a
/// missing value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CategoryScore {
    /// The counts.
    pub counts: Counts,
    /// Gold items nothing matched, in gold order.
    pub missed: Vec<String>,
    /// Predicted items that matched nothing, in output order.
    pub extra: Vec<String>,
    /// Roles and releases: each of `missed` as its fields ([`ROLE_FIELDS`] or
    /// [`RELEASE_FIELDS`], `None` for null), for the tables of `eval --html`; empty for
    /// the other categories.
    pub(crate) missed_fields: Vec<Vec<Option<String>>>,
    /// The same for `extra`.
    pub(crate) extra_fields: Vec<Vec<Option<String>>>,
}

/// The fields of a role as [`CategoryScore`] shows it, in order.
pub(crate) const ROLE_FIELDS: [&str; 4] = ["person", "role", "title", "character"];
/// The fields of a release as [`CategoryScore`] shows it, in order.
pub(crate) const RELEASE_FIELDS: [&str; 4] = ["title", "date", "status", "venue"];

/// The score of one article: counts per category, attribute accuracies and details.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArticleScore {
    /// People.
    pub people: CategoryScore,
    /// Titles.
    pub titles: CategoryScore,
    /// Organizations.
    pub organizations: CategoryScore,
    /// Dates (range endpoints and the publication date included).
    pub dates: CategoryScore,
    /// Roles, matched on (person, role).
    pub roles: CategoryScore,
    /// Releases, matched on (title, date).
    pub releases: CategoryScore,
    /// `title` over matched roles.
    pub roles_title: Accuracy,
    /// `character` over matched roles.
    pub roles_character: Accuracy,
    /// `status` over matched releases.
    pub releases_status: Accuracy,
    /// `venue` over matched releases.
    pub releases_venue: Accuracy,
    /// Matched items with a wrong attribute, e.g.
    /// `roles.character: Oscar Isaac|actor|Frankenstein: gold "Victor Frankenstein", got null`.
    pub wrong_attributes: Vec<String>,
    /// Credits and releases by the rule that read them (`evidence.rule`): how many
    /// matched a gold item and how many were extra.
    pub by_rule: BTreeMap<String, RuleCounts>,
}

/// What one rule's credits and releases scored (see [`ArticleScore::by_rule`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleCounts {
    /// Matched a gold credit or release.
    pub found: usize,
    /// Matched nothing in the gold.
    pub extra: usize,
}

impl ArticleScore {
    /// The categories in report order, with their names.
    pub fn categories(&self) -> [(&'static str, &CategoryScore); 6] {
        [
            ("people", &self.people),
            ("titles", &self.titles),
            ("organizations", &self.organizations),
            ("dates", &self.dates),
            ("roles", &self.roles),
            ("releases", &self.releases),
        ]
    }

    /// The attribute accuracies in report order, with their names.
    pub fn attributes(&self) -> [(&'static str, Accuracy); 4] {
        [
            ("roles.title", self.roles_title),
            ("roles.character", self.roles_character),
            ("releases.status", self.releases_status),
            ("releases.venue", self.releases_venue),
        ]
    }

    /// The counts of all six categories summed.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for (_, s) in self.categories() {
            c += s.counts;
        }
        c
    }
}

/// Scores one article's facts against its answer key (the rules are in the
/// [module docs](self)).
///
/// ```
/// use newsfacts::eval::{score, Gold};
/// let gold = Gold::parse(r#"{"roles": [
///     {"person": "Ana de Armas", "role": "actor", "title": "Ballerina", "character": "Eve"}]}"#, "g")?;
/// let s = score(&newsfacts::Facts::default(), &gold);
/// assert_eq!(s.roles.counts.fn_, 1);
/// assert_eq!(s.roles.missed, ["Ana de Armas|actor|Ballerina|Eve"]);
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn score(facts: &Facts, gold: &Gold) -> ArticleScore {
    let people = score_set(gold.people.iter().map(String::as_str), facts.people.iter().map(|p| p.name.as_str()));
    let titles = score_set(gold.titles.iter().map(String::as_str), facts.titles.iter().map(|t| t.name.as_str()));
    let organizations = score_set(gold.organizations.iter().map(String::as_str), facts.organizations.iter().map(|o| o.name.as_str()));

    let mut found: Vec<String> = Vec::new();
    found.extend(facts.published.iter().cloned());
    for d in facts.dates.iter().filter_map(|d| d.value.as_ref()) {
        match d {
            DateValue::Point(s) => found.extend(endpoints(s).map(str::to_string)),
            DateValue::Range { from, to } => found.extend([from.clone(), to.clone()]),
        }
    }
    let dates = score_set(gold.dates.iter().flat_map(|d| endpoints(d)), found.iter().map(String::as_str));

    let mut wrong = Vec::new();
    let gold_roles: Vec<Item> =
        gold.roles.iter().map(|r| role_item(&r.person, r.role, r.title.as_deref(), r.character.as_deref())).collect();
    let pred_roles: Vec<Item> =
        facts.roles.iter().map(|r| role_item(&r.person, r.role, r.title.as_deref(), r.character.as_deref())).collect();
    let (roles, [roles_title, roles_character], roles_paired) =
        score_items(&gold_roles, &pred_roles, ["roles.title", "roles.character"], &mut wrong);

    let gold_rels: Vec<Item> = gold.releases.iter().map(|r| release_item(&r.title, r.date.as_deref(), r.status, r.venue)).collect();
    let pred_rels: Vec<Item> = facts
        .releases
        .iter()
        .map(|r| release_item(&r.title, r.date.as_ref().map(DateValue::to_iso).as_deref(), r.status, r.venue))
        .collect();
    let (releases, [releases_status, releases_venue], releases_paired) =
        score_items(&gold_rels, &pred_rels, ["releases.status", "releases.venue"], &mut wrong);

    let mut by_rule: BTreeMap<String, RuleCounts> = BTreeMap::new();
    let rules = facts.roles.iter().map(|r| &r.evidence.rule).chain(facts.releases.iter().map(|r| &r.evidence.rule));
    for (rule, &paired) in rules.zip(roles_paired.iter().chain(&releases_paired)) {
        let name = if rule.is_empty() { "(none)" } else { rule };
        let c = by_rule.entry(name.to_string()).or_default();
        if paired {
            c.found += 1;
        } else {
            c.extra += 1;
        }
    }

    ArticleScore {
        people,
        titles,
        organizations,
        dates,
        roles,
        releases,
        roles_title,
        roles_character,
        releases_status,
        releases_venue,
        wrong_attributes: wrong,
        by_rule,
    }
}

/// The endpoints of a date value: `"A/B"` is `A` and `B`, anything else itself.
fn endpoints(d: &str) -> impl Iterator<Item = &str> {
    d.split('/').map(str::trim).filter(|s| !s.is_empty())
}

/// A date compared whole (release dates): folded, a range's ends trimmed.
fn date_key(d: &str) -> String {
    endpoints(d).map(fold).collect::<Vec<_>>().join("/")
}

/// Scores a set category: folded, duplicates collapsed, empty names ignored.
fn score_set<'a>(gold: impl Iterator<Item = &'a str>, pred: impl Iterator<Item = &'a str>) -> CategoryScore {
    let gold = dedup(gold);
    let pred = dedup(pred);
    let gold_keys: HashSet<&str> = gold.iter().map(|(k, _)| k.as_str()).collect();
    let pred_keys: HashSet<&str> = pred.iter().map(|(k, _)| k.as_str()).collect();
    let missed: Vec<String> = gold.iter().filter(|(k, _)| !pred_keys.contains(k.as_str())).map(|(_, s)| s.to_string()).collect();
    let extra: Vec<String> = pred.iter().filter(|(k, _)| !gold_keys.contains(k.as_str())).map(|(_, s)| s.to_string()).collect();
    let counts = Counts { tp: gold.len() - missed.len(), fp: extra.len(), fn_: missed.len() };
    CategoryScore { counts, missed, extra, ..CategoryScore::default() }
}

/// Folded keys with the first spelling of each, in order; empty names are dropped.
fn dedup<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(String, &'a str)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in items {
        let k = fold(s);
        if !k.is_empty() && seen.insert(k.clone()) {
            out.push((k, s.trim()));
        }
    }
    out
}

/// A role or release reduced to what matching needs: the match key and two attributes,
/// folded, plus their display forms.
struct Item {
    key: (String, Option<String>),
    attrs: [Option<String>; 2],
    shown_attrs: [String; 2],
    shown: String,
    /// `shown`, field by field (`ROLE_FIELDS` or `RELEASE_FIELDS`).
    fields: Vec<Option<String>>,
    /// The item without its attributes, to name it in attribute errors.
    shown_key: String,
}

fn shown(v: Option<&str>) -> String {
    v.map_or_else(|| "null".to_string(), str::to_string)
}

fn quoted(v: Option<&str>) -> String {
    v.map_or_else(|| "null".to_string(), |s| format!("{s:?}"))
}

/// The contract name of a kind (`executive_producer`), from its serde form.
fn kind_name<T: Serialize>(kind: &T) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn role_item(person: &str, role: RoleKind, title: Option<&str>, character: Option<&str>) -> Item {
    let role = kind_name(&role);
    Item {
        key: (fold(person), Some(role.clone())),
        attrs: [title.map(fold), character.map(fold)],
        shown_attrs: [quoted(title), quoted(character)],
        shown: format!("{}|{role}|{}|{}", person.trim(), shown(title), shown(character)),
        fields: vec![Some(person.trim().to_string()), Some(role.clone()), title.map(str::to_string), character.map(str::to_string)],
        shown_key: format!("{}|{role}", person.trim()),
    }
}

fn release_item(title: &str, date: Option<&str>, status: ReleaseStatus, venue: Option<Venue>) -> Item {
    let status = kind_name(&status);
    let venue = venue.map(|v| kind_name(&v));
    Item {
        key: (fold(title), date.map(date_key)),
        attrs: [Some(status.clone()), venue.clone()],
        shown_attrs: [quoted(Some(&status)), quoted(venue.as_deref())],
        shown: format!("{}|{}|{status}|{}", title.trim(), shown(date), shown(venue.as_deref())),
        fields: vec![Some(title.trim().to_string()), date.map(str::to_string), Some(status.clone()), venue.clone()],
        shown_key: format!("{}|{}", title.trim(), shown(date)),
    }
}

/// Pairs gold and predicted items one to one on equal keys: first those agreeing on both
/// attributes, then on the first (title, status), then any. Within one key any gold item
/// may pair with any predicted one, so the number of pairs is the same whatever the order;
/// the tiers only decide which pairs, so that attribute accuracy is not lowered by an
/// arbitrary pairing (gold: director of A and of B; predicted: of B → pair B with B).
/// Also returns, for each predicted item, whether it was paired.
fn score_items(gold: &[Item], pred: &[Item], attr_names: [&str; 2], wrong: &mut Vec<String>) -> (CategoryScore, [Accuracy; 2], Vec<bool>) {
    let mut pair_of: Vec<Option<usize>> = vec![None; gold.len()];
    let mut taken = vec![false; pred.len()];
    let tiers: [fn(&Item, &Item) -> bool; 3] = [|g, p| g.attrs == p.attrs, |g, p| g.attrs[0] == p.attrs[0], |_, _| true];
    for same in tiers {
        for (gi, g) in gold.iter().enumerate() {
            if pair_of[gi].is_some() {
                continue;
            }
            let hit = pred.iter().enumerate().find(|&(pi, p)| !taken[pi] && p.key == g.key && same(g, p));
            if let Some((pi, _)) = hit {
                taken[pi] = true;
                pair_of[gi] = Some(pi);
            }
        }
    }

    let mut acc = [Accuracy::default(); 2];
    let mut missed = Vec::new();
    let mut missed_fields = Vec::new();
    for (g, pair) in gold.iter().zip(&pair_of) {
        let Some(p) = pair.and_then(|pi| pred.get(pi)) else {
            missed.push(g.shown.clone());
            missed_fields.push(g.fields.clone());
            continue;
        };
        for (i, a) in acc.iter_mut().enumerate() {
            a.total += 1;
            if g.attrs[i] == p.attrs[i] {
                a.correct += 1;
            } else {
                wrong.push(format!("{}: {}: gold {}, got {}", attr_names[i], g.shown_key, g.shown_attrs[i], p.shown_attrs[i]));
            }
        }
    }
    let unpaired: Vec<&Item> = pred.iter().zip(&taken).filter(|(_, &t)| !t).map(|(p, _)| p).collect();
    let extra: Vec<String> = unpaired.iter().map(|p| p.shown.clone()).collect();
    let extra_fields = unpaired.iter().map(|p| p.fields.clone()).collect();
    let counts = Counts { tp: gold.len() - missed.len(), fp: extra.len(), fn_: missed.len() };
    (CategoryScore { counts, missed, extra, missed_fields, extra_fields }, acc, taken)
}

/// Scores of many articles, summed for micro-averaged precision, recall and F1.
///
/// ```
/// use newsfacts::eval::{score, Gold, Report};
/// let gold = Gold::parse(r#"{"people": ["Ana de Armas", "Keanu Reeves"]}"#, "g")?;
/// let ex = newsfacts::Extractor::builder().people(["Keanu Reeves"]).build()?;
/// let facts = ex.extract_bytes(b"Keanu Reeves returns.", &Default::default())?;
/// let mut report = Report::new();
/// report.add("one", score(&facts, &gold));
/// assert_eq!(report.f1("people"), 2.0 / 3.0);
/// assert_eq!(report.to_json()["categories"]["people"]["fn"], 1);
/// assert!(report.table().contains("people"));
/// assert!(report.verbose().contains("people missed: Ana de Armas"));
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    scores: Vec<(String, ArticleScore)>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Adds one article's score under a name (its file stem).
    pub fn add(&mut self, name: impl Into<String>, score: ArticleScore) {
        self.scores.push((name.into(), score));
    }

    /// How many articles were scored.
    pub fn articles(&self) -> usize {
        self.scores.len()
    }

    /// Each article's name and score, in the order added.
    pub fn scores(&self) -> impl Iterator<Item = (&str, &ArticleScore)> {
        self.scores.iter().map(|(n, s)| (n.as_str(), s))
    }

    /// Summed counts of a category (one of [`CATEGORIES`] or `"overall"`); `None` for
    /// another name.
    pub fn counts(&self, category: &str) -> Option<Counts> {
        if category != "overall" && !CATEGORIES.contains(&category) {
            return None;
        }
        let mut c = Counts::default();
        for (_, s) in &self.scores {
            c += match s.categories().iter().find(|(n, _)| *n == category) {
                Some((_, cs)) => cs.counts,
                None => s.overall(),
            };
        }
        Some(c)
    }

    /// Summed accuracy of an attribute (one of [`ATTRIBUTES`]); `None` for another name.
    pub fn accuracy(&self, attribute: &str) -> Option<Accuracy> {
        if !ATTRIBUTES.contains(&attribute) {
            return None;
        }
        let mut a = Accuracy::default();
        for (_, s) in &self.scores {
            a += s.attributes().iter().find(|(n, _)| *n == attribute).map_or_else(Accuracy::default, |&(_, x)| x);
        }
        Some(a)
    }

    /// Micro-averaged F1 of a category (one of [`CATEGORIES`] or `"overall"`).
    ///
    /// # Panics
    ///
    /// When `category` is not one of those names: a floor test with a typo should fail,
    /// not pass. [`counts`](Report::counts) is the non-panicking form.
    pub fn f1(&self, category: &str) -> f64 {
        match self.counts(category) {
            Some(c) => c.f1(),
            None => panic!("unknown category {category:?}: expected one of {CATEGORIES:?} or \"overall\""),
        }
    }

    fn rows(&self) -> Vec<(&'static str, Counts)> {
        CATEGORIES.iter().chain(["overall"].iter()).map(|&n| (n, self.counts(n).unwrap_or_default())).collect()
    }

    /// A plain-text table: precision, recall and F1 (3 decimals) and tp/fp/fn per category
    /// and overall, then the attribute accuracies as `correct/total (pct)`.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} articles", self.articles());
        let _ = writeln!(out, "{:<16}{:>10}{:>8}{:>8}{:>7}{:>7}{:>7}", "category", "precision", "recall", "f1", "tp", "fp", "fn");
        for (name, c) in self.rows() {
            let _ = writeln!(out, "{name:<16}{:>10.3}{:>8.3}{:>8.3}{:>7}{:>7}{:>7}", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_);
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "{:<16}{:>10}", "attribute", "accuracy");
        for name in ATTRIBUTES {
            let _ = writeln!(out, "{name:<16}{:>10}", self.accuracy(name).unwrap_or_default().to_string());
        }
        out
    }

    /// The report as JSON: `{"articles": N, "categories": {"people": {"precision", "recall",
    /// "f1", "tp", "fp", "fn"}, ...}, "overall": {...}, "attributes": {"roles.title":
    /// {"correct", "total"}, ...}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let counts = |c: Counts| {
            serde_json::json!({
                "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
                "tp": c.tp, "fp": c.fp, "fn": c.fn_,
            })
        };
        let mut categories = serde_json::Map::new();
        for name in CATEGORIES {
            categories.insert(name.to_string(), counts(self.counts(name).unwrap_or_default()));
        }
        let mut attributes = serde_json::Map::new();
        for name in ATTRIBUTES {
            let a = self.accuracy(name).unwrap_or_default();
            attributes.insert(name.to_string(), serde_json::json!({"correct": a.correct, "total": a.total}));
        }
        serde_json::json!({
            "articles": self.articles(),
            "categories": categories,
            "overall": counts(self.counts("overall").unwrap_or_default()),
            "attributes": attributes,
        })
    }

    /// One Markdown table row for `fixtures/FIRST_SIGHT.md`: the number of articles, then
    /// `P / R / F1` for each category and overall, then the attribute accuracies as
    /// `correct/total`.
    ///
    /// ```
    /// let r = newsfacts::eval::Report::new();
    /// assert!(r.markdown_row().starts_with("| 0 | "));
    /// ```
    pub fn markdown_row(&self) -> String {
        let mut out = format!("| {} |", self.articles());
        for (_, c) in self.rows() {
            let _ = write!(out, " {:.2} / {:.2} / **{:.3}** |", c.precision(), c.recall(), c.f1());
        }
        for name in ATTRIBUTES {
            let a = self.accuracy(name).unwrap_or_default();
            let _ = write!(out, " {}/{} |", a.correct, a.total);
        }
        out
    }

    /// The header of [`markdown_row`](Report::markdown_row)'s table.
    pub fn markdown_header() -> String {
        let mut head = String::from("| articles |");
        for name in CATEGORIES.iter().chain(["overall"].iter()) {
            let _ = write!(head, " {name} P / R / F1 |");
        }
        for name in ATTRIBUTES {
            let _ = write!(head, " {name} |");
        }
        let cols = head.matches('|').count() - 1;
        format!("{head}\n{}|", "|---".repeat(cols))
    }

    /// Article by article: the name with its overall counts, then one line per category
    /// with misses and one with extras (`; `-separated), then wrong attributes; empty lines
    /// are left out.
    pub fn verbose(&self) -> String {
        let mut out = String::new();
        for (name, s) in &self.scores {
            let c = s.overall();
            let _ = writeln!(out, "{name}: tp {} fp {} fn {}", c.tp, c.fp, c.fn_);
            for (cat, cs) in s.categories() {
                if !cs.missed.is_empty() {
                    let _ = writeln!(out, "  {cat} missed: {}", cs.missed.join("; "));
                }
                if !cs.extra.is_empty() {
                    let _ = writeln!(out, "  {cat} extra: {}", cs.extra.join("; "));
                }
            }
            for w in &s.wrong_attributes {
                let _ = writeln!(out, "  {w}");
            }
        }
        out.push_str(&self.rules_table());
        out
    }

    /// Credits and releases by the rule that read them, summed over the articles.
    pub fn by_rule(&self) -> BTreeMap<String, RuleCounts> {
        let mut all: BTreeMap<String, RuleCounts> = BTreeMap::new();
        for (_, s) in &self.scores {
            for (rule, c) in &s.by_rule {
                let t = all.entry(rule.clone()).or_default();
                t.found += c.found;
                t.extra += c.extra;
            }
        }
        all
    }

    /// One line per rule: the credits and releases it read that matched the gold
    /// (`found`) and those that did not (`extra`), the rules with the most extras first,
    /// so a bad rule shows up by name. Empty when nothing was read.
    ///
    /// ```
    /// use newsfacts::eval::{score, Gold, Report};
    /// let ex = newsfacts::Extractor::new()?;
    /// let facts = ex.extract("Keanu Reeves has signed on to the ensemble of “Harbor Lights”.");
    /// let gold = Gold::parse(r#"{"roles": [{"person": "Keanu Reeves", "role": "actor", "title": "Harbor Lights"}]}"#, "g")?;
    /// let mut report = Report::new();
    /// report.add("a", score(&facts, &gold));
    /// assert!(report.rules_table().contains("cast.signed-on"));
    /// assert_eq!(report.by_rule()["cast.signed-on"].found, 1);
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn rules_table(&self) -> String {
        let mut rows: Vec<(String, RuleCounts)> = self.by_rule().into_iter().collect();
        if rows.is_empty() {
            return String::new();
        }
        rows.sort_by(|a, b| b.1.extra.cmp(&a.1.extra).then(b.1.found.cmp(&a.1.found)).then(a.0.cmp(&b.0)));
        let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
        let mut out = format!("credits and releases by rule\n  {:<width$}{:>7}{:>7}\n", "rule", "found", "extra");
        for (rule, c) in rows {
            let _ = writeln!(out, "  {rule:<width$}{:>7}{:>7}", c.found, c.extra);
        }
        out
    }
}

/// Scores every `DIR/articles/*.txt` (sorted by name) against `DIR/gold/NAME.json`.
///
/// Articles are read as bytes and extracted with no publication date beyond their own
/// metadata line. An article without a gold file, a missing or malformed gold file, an
/// unreadable article or an empty `articles/` directory is an error naming the file.
/// Gold files without an article are ignored.
///
/// ```no_run
/// let ex = newsfacts::Extractor::new()?;
/// let report = newsfacts::eval::evaluate_dir(&ex, "fixtures".as_ref())?;
/// println!("{}", report.table());
/// assert!(report.f1("people") > 0.5);
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn evaluate_dir(ex: &Extractor, dir: &Path) -> Result<Report, Error> {
    evaluate_selected(ex, dir, &[])
}

/// Scores the articles of `DIR/articles/` whose names match one of `patterns` (all of them
/// when `patterns` is empty), as [`evaluate_dir`] does.
///
/// A pattern is an article name (`25_kaos_cancelled`), optionally with its `.txt` suffix or
/// a leading path (`fixtures/articles/25_kaos_cancelled.txt`), or a glob over names with `*`
/// and `?` (`2[5-9]` ranges are not supported: list the names). A pattern that matches no
/// article is an error naming it, so a typo never scores a smaller set silently.
///
/// ```no_run
/// let ex = newsfacts::Extractor::new()?;
/// let batch = ["25_*", "3?_*"].map(String::from);
/// let report = newsfacts::eval::evaluate_selected(&ex, "fixtures".as_ref(), &batch)?;
/// println!("{}", report.markdown_row());
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn evaluate_selected(ex: &Extractor, dir: &Path, patterns: &[String]) -> Result<Report, Error> {
    let gold_dir = dir.join("gold");
    let mut report = Report::new();
    for path in select_articles(dir, patterns)? {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let gold_path = gold_dir.join(format!("{stem}.json"));
        if !gold_path.exists() {
            return Err(ErrorKind::Eval(format!("{}: no gold file {}", path.display(), gold_path.display())).into());
        }
        let gold = Gold::load(&gold_path)?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(path.display().to_string(), e))?;
        let facts = ex
            .extract_bytes(&bytes, &ArticleMeta::default())
            .map_err(|e| Error::from(ErrorKind::Eval(format!("{}: {e}", path.display()))))?;
        report.add(stem, score(&facts, &gold));
    }
    Ok(report)
}

/// The sorted paths of `DIR/articles/*.txt` whose names match one of `patterns` (all when
/// empty); an error for an empty directory or a pattern that matches nothing.
pub(crate) fn select_articles(dir: &Path, patterns: &[String]) -> Result<Vec<std::path::PathBuf>, Error> {
    let articles_dir = dir.join("articles");
    let entries = std::fs::read_dir(&articles_dir).map_err(|e| Error::io(articles_dir.display().to_string(), e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(articles_dir.display().to_string(), e))?.path();
        if path.extension().is_some_and(|x| x == "txt") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(ErrorKind::Eval(format!("{}: no *.txt articles to evaluate", articles_dir.display())).into());
    }
    if patterns.is_empty() {
        return Ok(paths);
    }
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let wanted: Vec<String> = patterns.iter().map(|p| pattern_name(p)).collect();
    for (pattern, name) in patterns.iter().zip(&wanted) {
        if !paths.iter().any(|p| glob_match(name, &stem(p))) {
            return Err(ErrorKind::Eval(format!("{pattern:?}: no article in {} matches", articles_dir.display())).into());
        }
    }
    paths.retain(|p| wanted.iter().any(|w| glob_match(w, &stem(p))));
    Ok(paths)
}

/// The article-name part of a pattern: no leading directories, no `.txt`.
fn pattern_name(pattern: &str) -> String {
    let base = pattern.rsplit(['/', '\\']).next().unwrap_or(pattern);
    base.strip_suffix(".txt").unwrap_or(base).to_string()
}

/// Glob match of a whole name: `*` any run of characters, `?` one character.
///
/// Iterative with one backtrack point, so linear in practice and never exponential.
fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{DateMention, Granularity, OrgKind, Organization, Person, Release, Role, Title, TitleKind};

    fn gold(json: &str) -> Gold {
        Gold::parse(json, "test.json").expect("test gold parses")
    }

    fn person(name: &str) -> Person {
        Person { name: name.into(), mentions: Vec::new() }
    }

    fn title(name: &str) -> Title {
        Title { name: name.into(), kind: TitleKind::Film, mentions: Vec::new() }
    }

    fn org(name: &str) -> Organization {
        Organization { name: name.into(), kind: OrgKind::Studio, mentions: Vec::new() }
    }

    fn date(v: Option<DateValue>) -> DateMention {
        DateMention { text: String::new(), start: 0, end: 0, value: v, granularity: Granularity::Day, relative: false }
    }

    fn point(s: &str) -> Option<DateValue> {
        Some(DateValue::Point(s.into()))
    }

    fn range(a: &str, b: &str) -> Option<DateValue> {
        Some(DateValue::Range { from: a.into(), to: b.into() })
    }

    fn role(person: &str, kind: RoleKind, title: Option<&str>, character: Option<&str>) -> Role {
        Role {
            person: person.into(),
            role: kind,
            title: title.map(Into::into),
            character: character.map(Into::into),
            evidence: crate::facts::Evidence::default(),
        }
    }

    fn release(title: &str, date: Option<DateValue>, status: ReleaseStatus, venue: Option<Venue>) -> Release {
        Release { title: title.into(), date, status, venue, platform: None, hedged: false, evidence: crate::facts::Evidence::default() }
    }

    fn c(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn fold_cases() {
        // input, folded
        let cases = [
            ("Keanu Reeves", "keanu reeves"),
            ("  Keanu \t\n Reeves  ", "keanu reeves"),
            ("Ocean\u{2019}s Eleven", "ocean's eleven"),
            ("Ocean\u{2018}s \u{201A}\u{201B}", "ocean's ''"),
            ("\u{201C}Wicked\u{201D} \u{201E}x\u{201F}", "\"wicked\" \"x\""),
            ("Chapter 3 \u{2013} Parabellum", "chapter 3 - parabellum"),
            ("Spider\u{2010}Man \u{2011}\u{2012}\u{2014}\u{2015}\u{2212}", "spider-man -----"),
            ("Park\u{a0}Chan-wook", "park chan-wook"),
            ("FRANÇOIS OZON", "françois ozon"),
            ("", ""),
            (" \u{2003} ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn counts_arithmetic() {
        // counts, precision, recall, f1
        let cases = [
            (c(0, 0, 0), 1.0, 1.0, 1.0),
            (c(0, 2, 0), 0.0, 1.0, 0.0),
            (c(0, 0, 3), 1.0, 0.0, 0.0),
            (c(0, 1, 1), 0.0, 0.0, 0.0),
            (c(1, 1, 0), 0.5, 1.0, 2.0 / 3.0),
            (c(3, 1, 2), 0.75, 0.6, 2.0 * 0.75 * 0.6 / 1.35),
            (c(4, 0, 0), 1.0, 1.0, 1.0),
        ];
        for (k, p, r, f) in cases {
            assert_eq!(k.precision(), p, "precision of {k:?}");
            assert_eq!(k.recall(), r, "recall of {k:?}");
            assert!((k.f1() - f).abs() < 1e-12, "f1 of {k:?}: {} != {f}", k.f1());
        }
    }

    #[test]
    fn name_sets_fold_case_and_typography() {
        let g = gold(
            r#"{"people": ["Ana de Armas", "Keanu Reeves", "Keanu  Reeves"],
            "titles": ["John Wick: Chapter 3 – Parabellum", "Ocean's Eleven"],
            "organizations": ["Lionsgate", "Focus Features"]}"#,
        );
        let facts = Facts {
            people: vec![person("ana DE armas"), person("Reeves"), person("Ana de Armas")],
            titles: vec![title("John Wick: Chapter 3 - Parabellum"), title("Ocean\u{2019}s  Eleven")],
            organizations: vec![org("LIONSGATE"), org("Netflix")],
            ..Facts::default()
        };
        let s = score(&facts, &g);
        assert_eq!(s.people.counts, c(1, 1, 1));
        assert_eq!(
            (s.people.missed.as_slice(), s.people.extra.as_slice()),
            (&["Keanu Reeves".to_string()][..], &["Reeves".to_string()][..])
        );
        assert_eq!(s.titles.counts, c(2, 0, 0));
        assert_eq!(s.organizations.counts, c(1, 1, 1));
        assert_eq!(s.organizations.missed, ["Focus Features"]);
        assert_eq!(s.organizations.extra, ["Netflix"]);
    }

    #[test]
    fn dates_ranges_nulls_and_published() {
        // gold dates, published, predicted values, expected counts
        type Case<'a> = (&'a str, Option<&'a str>, Vec<Option<DateValue>>, Counts);
        let cases: Vec<Case> = vec![
            // the publication date counts as found
            (r#"["2025-06-01"]"#, Some("2025-06-01"), vec![], c(1, 0, 0)),
            (r#"[]"#, Some("2025-06-01"), vec![], c(0, 1, 0)),
            // gold range vs predicted endpoints, and vs a predicted range
            (r#"["2025-08-27/2025-09-06"]"#, None, vec![point("2025-08-27"), point("2025-09-06")], c(2, 0, 0)),
            (r#"["2025-08-27/2025-09-06"]"#, None, vec![range("2025-08-27", "2025-09-06")], c(2, 0, 0)),
            (r#"["2025-08-27", "2025-09-06"]"#, None, vec![range("2025-08-27", "2025-09-06")], c(2, 0, 0)),
            // a range overlapping a point collapses
            (r#"["2025-08-27/2025-09-06", "2025-08-27"]"#, None, vec![range("2025-08-27", "2025-09-10")], c(1, 1, 1)),
            // null values are not dates; duplicates collapse; case of seasons ignored
            (r#"["2025-SU"]"#, None, vec![None, point("2025-su"), point("2025-SU")], c(1, 0, 0)),
            (r#"["2017"]"#, None, vec![None], c(0, 0, 1)),
        ];
        for (i, (g, published, values, want)) in cases.into_iter().enumerate() {
            let g = gold(&format!(r#"{{"dates": {g}}}"#));
            let facts = Facts { published: published.map(Into::into), dates: values.into_iter().map(date).collect(), ..Facts::default() };
            assert_eq!(score(&facts, &g).dates.counts, want, "case {i}");
        }
    }

    #[test]
    fn roles_match_on_person_and_role() {
        let g = gold(
            r#"{"roles": [
            {"person": "Ana de Armas", "role": "actor", "title": "Ballerina", "character": "Eve Macarro"},
            {"person": "Len Wiseman", "role": "director", "title": "Ballerina", "character": null},
            {"person": "Keanu Reeves", "role": "actor", "title": "Ballerina", "character": "John Wick"}]}"#,
        );
        let facts = Facts {
            roles: vec![
                role("ANA DE ARMAS", RoleKind::Actor, Some("ballerina"), Some("Eve")),
                role("Len Wiseman", RoleKind::Director, None, None),
                role("Keanu Reeves", RoleKind::Producer, Some("Ballerina"), None),
            ],
            ..Facts::default()
        };
        let s = score(&facts, &g);
        assert_eq!(s.roles.counts, c(2, 1, 1));
        assert_eq!(s.roles.missed, ["Keanu Reeves|actor|Ballerina|John Wick"]);
        assert_eq!(s.roles.extra, ["Keanu Reeves|producer|Ballerina|null"]);
        // title: Ana right, Len wrong (null vs Ballerina); character: Ana wrong, Len null == null
        assert_eq!(s.roles_title, Accuracy { correct: 1, total: 2 });
        assert_eq!(s.roles_character, Accuracy { correct: 1, total: 2 });
        assert_eq!(s.wrong_attributes.len(), 2);
        assert!(
            s.wrong_attributes.contains(&"roles.title: Len Wiseman|director: gold \"Ballerina\", got null".to_string()),
            "{:?}",
            s.wrong_attributes
        );
    }

    #[test]
    fn repeated_roles_pair_same_title_first() {
        let g = gold(
            r#"{"roles": [
            {"person": "X", "role": "director", "title": "A"},
            {"person": "X", "role": "director", "title": "B"}]}"#,
        );
        // predicted, expected counts, title accuracy
        let cases = [
            (vec![role("X", RoleKind::Director, Some("B"), None)], c(1, 0, 1), (1, 1), vec!["X|director|A|null"]),
            (vec![role("X", RoleKind::Director, Some("C"), None)], c(1, 0, 1), (0, 1), vec!["X|director|B|null"]),
            (
                vec![role("X", RoleKind::Director, Some("B"), None), role("X", RoleKind::Director, Some("A"), None)],
                c(2, 0, 0),
                (2, 2),
                vec![],
            ),
            (
                vec![
                    role("X", RoleKind::Director, Some("b"), None),
                    role("X", RoleKind::Director, None, None),
                    role("X", RoleKind::Director, Some("B"), None),
                ],
                c(2, 1, 0),
                (1, 2),
                vec![],
            ),
        ];
        for (i, (pred, want, (ok, total), missed)) in cases.into_iter().enumerate() {
            let s = score(&Facts { roles: pred, ..Facts::default() }, &g);
            assert_eq!(s.roles.counts, want, "case {i}");
            assert_eq!(s.roles_title, Accuracy { correct: ok, total }, "case {i}");
            assert_eq!(s.roles.missed, missed, "case {i}");
        }
    }

    #[test]
    fn same_title_roles_pair_on_character() {
        // One actor, two characters in one film: the surviving one pairs with its own.
        let g = gold(
            r#"{"roles": [
            {"person": "X", "role": "actor", "title": "T", "character": "A"},
            {"person": "X", "role": "actor", "title": "T", "character": "B"}]}"#,
        );
        let s = score(&Facts { roles: vec![role("X", RoleKind::Actor, Some("T"), Some("B"))], ..Facts::default() }, &g);
        assert_eq!(s.roles.counts, c(1, 0, 1));
        assert_eq!(s.roles_character, Accuracy { correct: 1, total: 1 });
        assert_eq!(s.roles.missed, ["X|actor|T|A"]);
    }

    #[test]
    fn releases_match_on_title_and_date() {
        let g = gold(
            r#"{"releases": [
            {"title": "Frankenstein", "date": null, "status": "scheduled", "venue": "festival"},
            {"title": "Frankenstein", "date": "2025-10-17", "status": "scheduled", "venue": "theaters"},
            {"title": "Venice", "date": "2025-08-27/2025-09-06", "status": "scheduled", "venue": null},
            {"title": "Jay Kelly", "date": "2025-11-14", "status": "scheduled", "venue": "theaters"}]}"#,
        );
        let facts = Facts {
            releases: vec![
                // null date matches only the null-dated claim
                release("frankenstein", None, ReleaseStatus::Scheduled, Some(Venue::Streaming)),
                release("Frankenstein", point("2025-10-17"), ReleaseStatus::Released, Some(Venue::Theaters)),
                release("Venice", range("2025-08-27", "2025-09-06"), ReleaseStatus::Scheduled, None),
                // a dated claim never matches a null-dated one, nor a different date
                release("Jay Kelly", None, ReleaseStatus::Scheduled, Some(Venue::Theaters)),
                release("Jay Kelly", point("2025-11"), ReleaseStatus::Scheduled, Some(Venue::Theaters)),
            ],
            ..Facts::default()
        };
        let s = score(&facts, &g);
        assert_eq!(s.releases.counts, c(3, 2, 1));
        assert_eq!(s.releases.missed, ["Jay Kelly|2025-11-14|scheduled|theaters"]);
        assert_eq!(s.releases.extra, ["Jay Kelly|null|scheduled|theaters", "Jay Kelly|2025-11|scheduled|theaters"]);
        assert_eq!(s.releases_status, Accuracy { correct: 2, total: 3 });
        assert_eq!(s.releases_venue, Accuracy { correct: 2, total: 3 });
    }

    #[test]
    fn release_range_dates_compare_by_endpoints() {
        // gold date, predicted date, matches
        let cases = [
            ("2025-09-04/2025-09-14", range("2025-09-04", "2025-09-14"), true),
            ("2025-09-04 / 2025-09-14", range("2025-09-04", "2025-09-14"), true),
            ("2025-09-04/2025-09-14", point("2025-09-04/2025-09-14"), true),
            ("2025-09-04/2025-09-14", range("2025-09-04", "2025-09-15"), false),
            ("2025-09-04/2025-09-14", point("2025-09-04"), false),
            ("2025-su", point("2025-SU"), true),
        ];
        for (gd, pd, want) in cases {
            let g = gold(&format!(r#"{{"releases": [{{"title": "T", "date": "{gd}", "status": "scheduled"}}]}}"#));
            let s = score(&Facts { releases: vec![release("T", pd.clone(), ReleaseStatus::Scheduled, None)], ..Facts::default() }, &g);
            assert_eq!(s.releases.counts.tp == 1, want, "{gd} vs {pd:?}");
        }
    }

    #[test]
    fn repeated_releases_pair_same_status_first() {
        let g = gold(
            r#"{"releases": [
            {"title": "T", "date": null, "status": "greenlit", "venue": null},
            {"title": "T", "date": null, "status": "in_production", "venue": null}]}"#,
        );
        let s = score(&Facts { releases: vec![release("T", None, ReleaseStatus::InProduction, None)], ..Facts::default() }, &g);
        assert_eq!(s.releases.counts, c(1, 0, 1));
        assert_eq!(s.releases_status, Accuracy { correct: 1, total: 1 });
        assert_eq!(s.releases.missed, ["T|null|greenlit|null"]);
    }

    #[test]
    fn empty_gold_and_facts_score_perfectly() {
        let s = score(&Facts::default(), &Gold::default());
        assert_eq!(s.overall(), Counts::default());
        let mut r = Report::new();
        r.add("empty", s);
        for cat in CATEGORIES.iter().chain(["overall"].iter()) {
            assert_eq!(r.f1(cat), 1.0, "{cat}");
        }
        assert_eq!(r.accuracy("roles.title"), Some(Accuracy::default()));
    }

    #[test]
    fn report_sums_articles_and_renders() {
        let g1 = gold(
            r#"{"people": ["A", "B"], "dates": ["2025"],
            "roles": [{"person": "A", "role": "actor", "title": "T", "character": "C"}]}"#,
        );
        let g2 = gold(r#"{"people": ["C"], "organizations": ["Netflix"]}"#);
        let f1 = Facts {
            people: vec![person("A"), person("D")],
            roles: vec![role("A", RoleKind::Actor, Some("T"), None)],
            dates: vec![date(point("2025"))],
            ..Facts::default()
        };
        let f2 = Facts { people: vec![person("C")], ..Facts::default() };
        let mut r = Report::new();
        r.add("one", score(&f1, &g1));
        r.add("two", score(&f2, &g2));
        assert_eq!(r.articles(), 2);
        assert_eq!(r.counts("people"), Some(c(2, 1, 1)));
        assert_eq!(r.counts("organizations"), Some(c(0, 0, 1)));
        assert_eq!(r.counts("overall"), Some(c(4, 1, 2)));
        assert_eq!(r.counts("persons"), None);
        assert_eq!(r.accuracy("roles.character"), Some(Accuracy { correct: 0, total: 1 }));
        assert_eq!(r.accuracy("roles.title"), Some(Accuracy { correct: 1, total: 1 }));
        assert_eq!(r.f1("people"), 2.0 / 3.0);

        let j = r.to_json();
        assert_eq!(j["articles"], 2);
        assert_eq!(j["categories"].as_object().map(|o| o.len()), Some(6));
        assert_eq!(j["categories"]["people"]["precision"], 2.0 / 3.0);
        assert_eq!(
            (j["categories"]["people"]["tp"].as_u64(), j["categories"]["people"]["fp"].as_u64(), j["categories"]["people"]["fn"].as_u64()),
            (Some(2), Some(1), Some(1))
        );
        assert_eq!(j["overall"]["tp"], 4);
        assert!(j["overall"]["f1"].is_f64() && j["overall"]["recall"].is_f64());
        assert_eq!(j["attributes"]["roles.character"], serde_json::json!({"correct": 0, "total": 1}));
        assert_eq!(j["attributes"]["releases.venue"], serde_json::json!({"correct": 0, "total": 0}));

        let t = r.table();
        assert!(t.starts_with("2 articles\n"), "{t}");
        let people = t.lines().find(|l| l.starts_with("people")).expect("people row");
        assert_eq!(people.split_whitespace().collect::<Vec<_>>(), ["people", "0.667", "0.667", "0.667", "2", "1", "1"]);
        assert!(t.lines().any(|l| l.starts_with("overall")), "{t}");
        let attr = t.lines().find(|l| l.starts_with("roles.title")).expect("attribute row");
        assert!(attr.ends_with("1/1 (100.0%)"), "{attr}");
        assert!(t.lines().find(|l| l.starts_with("releases.venue")).is_some_and(|l| l.ends_with("0/0 (n/a)")), "{t}");

        let v = r.verbose();
        let want = "one: tp 3 fp 1 fn 1\n  people missed: B\n  people extra: D\n  roles.character: A|actor: gold \"C\", got null\ntwo: tp 1 fp 0 fn 1\n  organizations missed: Netflix\n\
                    credits and releases by rule\n  rule    found  extra\n  (none)      1      0\n";
        assert_eq!(v, want);
    }

    #[test]
    #[should_panic(expected = "unknown category")]
    fn f1_of_unknown_category_panics() {
        Report::new().f1("peple");
    }

    #[test]
    fn gold_defaults_and_rejects() {
        let g =
            gold(r#"{"roles": [{"person": "A", "role": "executive_producer"}], "releases": [{"title": "T", "status": "in_production"}]}"#);
        assert!(g.people.is_empty() && g.dates.is_empty());
        assert_eq!((g.roles[0].role, g.roles[0].title.as_deref()), (RoleKind::ExecutiveProducer, None));
        assert_eq!((g.releases[0].date.as_deref(), g.releases[0].venue), (None, None));
        // malformed JSON, a typo'd key, an unknown role, a wrong type: errors naming the file
        for bad in
            [r#"{"people": ["A",]}"#, r#"{"organisations": []}"#, r#"{"roles": [{"person": "A", "role": "acter"}]}"#, r#"{"people": "A"}"#]
        {
            let err = Gold::parse(bad, "gold/x.json").expect_err(bad);
            assert!(matches!(err.kind(), ErrorKind::Json { .. }), "{bad}: {err:?}");
            assert!(err.to_string().starts_with("gold/x.json: "), "{bad}: {err}");
        }
    }

    /// A scratch directory under the system temp dir, removed on drop.
    struct Scratch(std::path::PathBuf);

    impl Scratch {
        fn new(tag: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("newsfacts-eval-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("articles")).expect("create scratch articles");
            std::fs::create_dir_all(dir.join("gold")).expect("create scratch gold");
            Scratch(dir)
        }

        fn write(&self, rel: &str, contents: &str) {
            std::fs::write(self.0.join(rel), contents).expect("write scratch file");
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn extractor() -> Extractor {
        Extractor::builder().people(["Keanu Reeves"]).build().expect("extractor builds")
    }

    #[test]
    fn evaluate_dir_scores_sorted_articles() {
        let s = Scratch::new("ok");
        s.write("articles/b.txt", "Keanu Reeves returns.");
        s.write("articles/a.txt", "Nothing here.");
        s.write("articles/notes.md", "not an article");
        s.write("gold/a.json", "{}");
        s.write("gold/b.json", r#"{"people": ["Keanu Reeves", "Ana de Armas"]}"#);
        s.write("gold/orphan.json", "{}");
        let r = evaluate_dir(&extractor(), &s.0).expect("evaluates");
        assert_eq!(r.scores().map(|(n, _)| n).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(r.counts("people"), Some(c(1, 0, 1)));
    }

    #[test]
    fn evaluate_selected_scores_named_and_globbed_articles() {
        let s = Scratch::new("subset");
        for name in ["25_kaos", "26_dune", "31_ghost"] {
            s.write(&format!("articles/{name}.txt"), "Keanu Reeves returns.");
            s.write(&format!("gold/{name}.json"), r#"{"people": ["Keanu Reeves"]}"#);
        }
        let names = |pats: &[&str]| -> Vec<String> {
            let pats: Vec<String> = pats.iter().map(|p| p.to_string()).collect();
            let r = evaluate_selected(&extractor(), &s.0, &pats).expect("evaluates");
            r.scores().map(|(n, _)| n.to_string()).collect()
        };
        assert_eq!(names(&[]), ["25_kaos", "26_dune", "31_ghost"]);
        assert_eq!(names(&["2?_*"]), ["25_kaos", "26_dune"]);
        assert_eq!(names(&["fixtures/articles/31_ghost.txt", "25_kaos"]), ["25_kaos", "31_ghost"]);
        assert_eq!(names(&["*o*", "*dune"]), ["25_kaos", "26_dune", "31_ghost"]);
        let err = evaluate_selected(&extractor(), &s.0, &["27_*".to_string()]).expect_err("no match");
        assert!(err.to_string().contains("\"27_*\": no article"), "{err}");
    }

    #[test]
    fn glob_cases() {
        for (pat, name, want) in [
            ("*", "", true),
            ("a*c", "abbbc", true),
            ("a*c", "abcd", false),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*_b*", "a_b_b", true),
            ("2*_x", "25_y", false),
            ("é?", "éa", true),
        ] {
            assert_eq!(glob_match(pat, name), want, "{pat} vs {name}");
        }
    }

    #[test]
    fn markdown_row_has_every_column() {
        let mut r = Report::new();
        let gold = gold(r#"{"people": ["Keanu Reeves", "Ana de Armas"]}"#);
        let facts = Facts { people: vec![person("Keanu Reeves")], ..Facts::default() };
        r.add("a", score(&facts, &gold));
        let row = r.markdown_row();
        assert!(row.starts_with("| 1 | 1.00 / 0.50 / **0.667** |"), "{row}");
        let header = Report::markdown_header();
        let head_cols = header.lines().next().map(|l| l.matches('|').count());
        assert_eq!(head_cols, Some(row.matches('|').count()), "{header}\n{row}");
    }

    #[test]
    fn evaluate_dir_errors_name_the_file() {
        let s = Scratch::new("missing");
        s.write("articles/a.txt", "Keanu Reeves returns.");
        let err = evaluate_dir(&extractor(), &s.0).expect_err("no gold");
        assert!(matches!(err.kind(), ErrorKind::Eval(_)), "{err:?}");
        assert!(err.to_string().contains("a.txt") && err.to_string().contains("a.json"), "{err}");

        s.write("gold/a.json", r#"{"people": ["Keanu Reeves"] "#);
        let err = evaluate_dir(&extractor(), &s.0).expect_err("malformed gold");
        assert!(matches!(err.kind(), ErrorKind::Json { .. }), "{err:?}");
        assert!(err.to_string().contains("a.json: "), "{err}");

        s.write("gold/a.json", "{}");
        std::fs::write(s.0.join("articles/a.txt"), b"caf\xff").expect("write");
        let err = evaluate_dir(&extractor(), &s.0).expect_err("not utf-8");
        assert!(err.to_string().contains("a.txt") && err.to_string().contains("byte 3"), "{err}");

        let empty = Scratch::new("empty");
        let err = evaluate_dir(&extractor(), &empty.0).expect_err("no articles");
        assert!(err.to_string().contains("no *.txt articles"), "{err}");

        let err = evaluate_dir(&extractor(), &empty.0.join("nope")).expect_err("no dir");
        assert!(matches!(err.kind(), ErrorKind::Io { .. }) && err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn load_names_missing_file() {
        let err = Gold::load("/nonexistent/gold/x.json").expect_err("missing");
        assert!(err.to_string().starts_with("/nonexistent/gold/x.json: "), "{err}");
    }

    #[test]
    fn fixture_gold_files_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
        let Ok(entries) = std::fs::read_dir(&dir) else { return };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "json") {
                if let Err(err) = Gold::load(e.path()) {
                    panic!("{err}");
                }
            }
        }
    }
}
