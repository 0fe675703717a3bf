//! Credit rules as data: token patterns beside a group of people (`data/rules/*.rules`).
//!
//! A rule names a phrasing news uses for a credit and the role it gives:
//!
//! ```text
//! rule ⇥ cast.recurring-role ⇥ right ⇥ actor ⇥ takes|has|lands <det> recurring|guest|lead? role as {character}
//! + ⇥ Jo Kim takes a recurring role as Dr. Ada Lowe on “Harbor Lights”. ⇥ Jo Kim|actor|Harbor Lights|Dr. Ada Lowe
//! - ⇥ Jo Kim takes a long walk as the sun sets.
//! ```
//!
//! (`⇥` is a tab.) Columns: `rule`, the rule's name (family.phrasing), the side (`right`: the pattern
//! starts right after the group of people, "X takes a recurring role as Y"; `left`: it
//! ends right before the group, "the main cast featured X, Y and Z"), the role (a role of
//! the facts contract, or `$role` for the role noun the pattern captures), the pattern.
//! The lines after a rule starting with `+` (text, expected credits as
//! `person|role|title|character` joined by ` ; `) and `-` (text with no credit from the
//! rule) are its examples; each rule has at least one of each, and they run as tests.
//!
//! Pattern elements, separated by spaces:
//! - `word` a literal word, any case; `a|b|c` one of several; a trailing `?` makes any
//!   element optional;
//! - `<det>` an article or possessive (a, an, the, its, his, her, their);
//! - `<poss>` no token: the word before it (the group's last) is a possessive ("Park's");
//! - `<role>` a role noun of the lexicon ("director", "producers"), captured as the role;
//! - `...` a gap of up to six tokens, not across a full stop, a semicolon or a person;
//! - `{title}` a title mention, captured as the credit's work; `{record}` the same, only a
//!   song or an album;
//! - `{character}` a capitalised run (an honorific and its full stop included), captured
//!   as the character.
//!
//! Rules are parsed and checked once (a bad rule is an error naming its file, line and
//! column); matching compares a token's text with a rule's words only where the rule's
//! first element can match.

use std::sync::OnceLock;

use std::borrow::Cow;

use super::Input;
use crate::entities::Target;
use crate::facts::{RoleKind, TitleKind};
use crate::hash::{FxHashMap, FxHashSet};
use crate::lexicon::lexed::{keys, Key};
use crate::lexicon::words::{class, parse_role_kind, WordTable};
use crate::text::Shape;

/// Which side of the group of people a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Right after the group: "X has signed on to the ensemble".
    Right,
    /// Right before it: "the main cast featured X, Y and Z".
    Left,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    Words(Alts),
    Det,
    /// Zero-width: the token before ends in a possessive ("Park's", "Abrams’s").
    Poss,
    Role,
    Gap,
    Title,
    Record,
    Character,
}

/// A literal word of a pattern, keyed once so that matching compares token keys.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Lit {
    word: Box<str>,
    /// Its key ([`Key::NONE`] for a word too long for one: compared as text).
    key: Key,
    /// The key of its first piece when it is hyphenated ("co" of "co-stars"), else none.
    first_piece: Option<Key>,
}

impl Lit {
    fn new(word: &str) -> Lit {
        let first_piece = word.split_once('-').map(|(a, _)| Key::of(a));
        Lit { word: word.into(), key: Key::of(word), first_piece }
    }
}

/// The alternatives of a word element (`a|b|c`), with the one-token words sorted by key
/// so that a token finds its alternative by binary search.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Alts {
    lits: Vec<Lit>,
    /// (key, position in `lits`) of the words with a key and no hyphen, by key; a key
    /// listed twice keeps its first position.
    keyed: Vec<(Key, u16)>,
    /// Positions of the others (hyphenated or too long for a key), in order.
    other: Vec<u16>,
}

impl Alts {
    fn new(words: Vec<&str>) -> Alts {
        let lits: Vec<Lit> = words.into_iter().map(Lit::new).collect();
        let (mut keyed, mut other) = (Vec::new(), Vec::new());
        for (i, l) in lits.iter().enumerate() {
            match l.key {
                Key::NONE => other.push(i as u16),
                _ if l.first_piece.is_some() => other.push(i as u16),
                key => keyed.push((key, i as u16)),
            }
        }
        keyed.sort_unstable();
        keyed.dedup_by_key(|x| x.0);
        Alts { lits, keyed, other }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    elem: Elem,
    optional: bool,
}

/// The role a rule gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gives {
    Role(RoleKind),
    Captured,
}

/// One credit rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Its name, e.g. `cast.signed-on`.
    pub name: String,
    /// The side it reads.
    pub side: Side,
    gives: Gives,
    parts: Vec<Part>,
    /// Positive examples: (text, expected credits).
    pub positives: Vec<(String, String)>,
    /// Negative examples.
    pub negatives: Vec<String>,
}

/// What a rule matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The rule's name.
    pub rule: Cow<'static, str>,
    /// The role.
    pub role: RoleKind,
    /// The work captured, as an index into the titles.
    pub title: Option<usize>,
    /// The character captured.
    pub character: Option<String>,
    /// Whether the rule reads right of the group: the group is its subject.
    pub right: bool,
    /// Whether the rule starts after a relative clause about the group ("X, who played
    /// C in T, joins …"): the clause's character is no part of the rule's credit.
    pub past_clause: bool,
}

/// Parses rule files: `(file name, text)` pairs. A bad line is an error naming file, line
/// and column.
pub fn parse(files: &[(&str, &str)]) -> Result<Vec<Rule>, String> {
    parse_beside(files, &[])
}

/// Parses rule files whose names must differ from those of `taken` (the built-in rules,
/// for a user's file).
fn parse_beside(files: &[(&str, &str)], taken: &[Rule]) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    let mut names: FxHashSet<String> = taken.iter().map(|r| r.name.clone()).collect();
    for (file, text) in files {
        // Word sets a file defines (`define<TAB>@name<TAB>a|b|c`), used in its patterns
        // after the definition.
        let mut sets: FxHashMap<String, String> = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            let at = |col: usize, msg: String| format!("{file}:{}:{col}: {msg}", i + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[0] {
                "define" => {
                    let [_, name, words] = cols[..] else {
                        return Err(at(1, format!("a define has 3 tab-separated columns, got {}", cols.len())));
                    };
                    let col2 = cols[0].chars().count() + name.chars().count() + 3;
                    let ok = name.len() > 1
                        && name.starts_with('@')
                        && name[1..].chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                    if !ok {
                        return Err(at(cols[0].chars().count() + 2, format!("set name {name:?}: @ then lower-case letters, digits or _")));
                    }
                    // (A set is checked as a pattern of one element: lower-case words.)
                    if words.contains(' ') || words.starts_with(['<', '{', '@']) || words == "..." {
                        return Err(at(col2, format!("{words:?}: lower-case words separated by |")));
                    }
                    parse_pattern(words, &FxHashMap::default()).map_err(|(off, msg)| at(col2 + off, msg))?;
                    if sets.insert(name.to_string(), words.to_string()).is_some() {
                        return Err(at(cols[0].chars().count() + 2, format!("set {name:?} is defined twice")));
                    }
                }
                "rule" => {
                    let [_, name, side, role, pattern] = cols[..] else {
                        return Err(at(1, format!("a rule has 5 tab-separated columns, got {}", cols.len())));
                    };
                    let col = |k: usize| cols[..k].iter().map(|c| c.chars().count() + 1).sum::<usize>() + 1;
                    if name.is_empty() || !name.contains('.') || name.contains(char::is_whitespace) {
                        return Err(at(col(1), format!("rule name {name:?}: family.phrasing, no spaces")));
                    }
                    if !names.insert(name.to_string()) {
                        let built_in = taken.iter().any(|r| r.name == name);
                        let what = if built_in { "is a built-in rule's name" } else { "is defined twice" };
                        return Err(at(col(1), format!("rule {name:?} {what}")));
                    }
                    let side = match side {
                        "right" => Side::Right,
                        "left" => Side::Left,
                        _ => return Err(at(col(2), format!("side {side:?}: right or left"))),
                    };
                    let gives = match role {
                        "$role" => Gives::Captured,
                        r => Gives::Role(parse_role_kind(r).ok_or_else(|| at(col(3), format!("unknown role {r:?}")))?),
                    };
                    let parts = parse_pattern(pattern, &sets).map_err(|(off, msg)| at(col(4) + off, msg))?;
                    if gives == Gives::Captured && !parts.iter().any(|p| p.elem == Elem::Role) {
                        return Err(at(col(3), "role $role needs a <role> element in the pattern".into()));
                    }
                    rules.push(Rule { name: name.to_string(), side, gives, parts, positives: Vec::new(), negatives: Vec::new() });
                }
                "+" | "-" => {
                    let Some(rule) = rules.last_mut() else { return Err(at(1, "an example before any rule".into())) };
                    match (cols[0], &cols[1..]) {
                        ("+", [text, want]) => rule.positives.push((text.to_string(), want.to_string())),
                        ("-", [text]) => rule.negatives.push(text.to_string()),
                        _ => return Err(at(1, "examples are `+<TAB>text<TAB>expected` or `-<TAB>text`".into())),
                    }
                }
                other => return Err(at(1, format!("a line starts with `rule`, `define`, `+`, `-` or `#`, not {other:?}"))),
            }
        }
    }
    for r in &rules {
        if r.positives.is_empty() || r.negatives.is_empty() {
            return Err(format!("rule {:?} needs at least one positive (+) and one negative (-) example", r.name));
        }
    }
    Ok(rules)
}

/// Parses one pattern, with the word sets defined so far (`@name` stands for one); an
/// error carries the column offset inside it.
fn parse_pattern(pattern: &str, sets: &FxHashMap<String, String>) -> Result<Vec<Part>, (usize, String)> {
    let mut parts = Vec::new();
    let mut off = 0;
    for raw in pattern.split(' ') {
        let here = off;
        off += raw.chars().count() + 1;
        if raw.is_empty() {
            return Err((here, "empty element (two spaces?)".into()));
        }
        let (body, optional) = match raw.strip_suffix('?') {
            Some(b) if !b.is_empty() => (b, true),
            _ => (raw, false),
        };
        let elem = match body {
            "<det>" => Elem::Det,
            "<poss>" => Elem::Poss,
            "<role>" => Elem::Role,
            "..." => Elem::Gap,
            "{title}" => Elem::Title,
            "{record}" => Elem::Record,
            "{character}" => Elem::Character,
            b if b.starts_with(['<', '{']) => return Err((here, format!("unknown element {b:?}"))),
            b if b.starts_with('@') => {
                let Some(words) = sets.get(b) else {
                    return Err((here, format!("unknown set {b:?} (define it above: define<TAB>{b}<TAB>a|b)")));
                };
                Elem::Words(Alts::new(words.split('|').collect()))
            }
            b => {
                let words: Vec<&str> = b.split('|').collect();
                if words.iter().any(|w| w.is_empty() || w.chars().any(|c| c.is_uppercase() || c.is_whitespace())) {
                    return Err((here, format!("{b:?}: lower-case words separated by |")));
                }
                if words.len() > usize::from(u16::MAX) {
                    return Err((here, format!("{b:?}: at most {} words", u16::MAX)));
                }
                Elem::Words(Alts::new(words))
            }
        };
        parts.push(Part { elem, optional });
    }
    // (A gap or `<poss>` may match no token, so they do not count.)
    if parts.is_empty() || parts.iter().all(|p| p.optional || matches!(p.elem, Elem::Gap | Elem::Poss)) {
        return Err((0, "a pattern needs at least one element that is not optional and not a gap (it could match nothing)".into()));
    }
    if parts.len() > MAX_ELEMENTS {
        return Err((0, format!("a pattern has at most {MAX_ELEMENTS} elements, this one {}", parts.len())));
    }
    let gaps = parts.iter().filter(|p| p.elem == Elem::Gap).count();
    if gaps > MAX_GAPS {
        return Err((0, format!("a pattern has at most {MAX_GAPS} gaps (`...`), this one {gaps}")));
    }
    Ok(parts)
}

/// The most elements a pattern may have.
pub const MAX_ELEMENTS: usize = 24;
/// The most gaps (`...`) a pattern may have.
pub const MAX_GAPS: usize = 3;
/// The most matching steps one rule may take at one place before it gives up (optional
/// elements and gaps branch; this bounds a pathological pattern on pathological text).
const FUEL: u32 = 4096;

/// The built-in rules (`data/rules/*.rules`), parsed once.
pub fn builtin() -> &'static [Rule] {
    static R: OnceLock<Vec<Rule>> = OnceLock::new();
    R.get_or_init(|| parse(BUILTIN).expect("data/rules parse (tested)"))
}

/// The built-in rule files.
/// Order matters: where several rules match beside one group, the first one decides, so
/// the narrower families (music, crew) come before cast.
pub const BUILTIN: &[(&str, &str)] = &[
    ("data/rules/music.rules", include_str!("../../data/rules/music.rules")),
    ("data/rules/crew.rules", include_str!("../../data/rules/crew.rules")),
    ("data/rules/cast.rules", include_str!("../../data/rules/cast.rules")),
];

/// The rules an extractor runs, compiled once when it is built: the user's rules first
/// (where a user's rule and a built-in one both match beside a group, the user's decides),
/// then the built-in ones, and an index from the words a rule can start with to the rule,
/// so that a group of people tries only the rules that can start beside it.
#[derive(Debug)]
pub struct RuleSet {
    user: Vec<Rule>,
    /// Ids of the rules whose first token can be any word (a slot or a gap comes first).
    any: Vec<u32>,
    /// Ids, ascending, of the rules that can start with a word, by its key.
    by_key: FxHashMap<Key, Vec<u32>>,
    /// The same for words too long for a key (ASCII lower case).
    by_word: FxHashMap<Box<str>, Vec<u32>>,
    /// Per rule, a bit per element that needs one of its words in the sentence (a word
    /// element, not optional, all of whose words have a key).
    required: Vec<u32>,
    /// For each such word, by key: the `(rule, element)` pairs it satisfies.
    needs: FxHashMap<Key, Vec<(u32, u8)>>,
}

impl RuleSet {
    /// The built-in rules alone.
    pub fn builtin() -> &'static RuleSet {
        static S: OnceLock<RuleSet> = OnceLock::new();
        S.get_or_init(|| RuleSet::index(Vec::new()))
    }

    /// The user's rule files (`(file name, text)` pairs) beside the built-in rules; a bad
    /// rule, or a name a built-in rule already has, is an error naming file, line and
    /// column.
    pub fn with_user(files: &[(&str, &str)]) -> Result<RuleSet, String> {
        if files.is_empty() {
            return Ok(RuleSet::index(Vec::new()));
        }
        let user = parse_beside(files, builtin())?;
        Ok(RuleSet::index(user))
    }

    fn index(user: Vec<Rule>) -> RuleSet {
        let mut set = RuleSet {
            user,
            any: Vec::new(),
            by_key: FxHashMap::default(),
            by_word: FxHashMap::default(),
            required: Vec::new(),
            needs: FxHashMap::default(),
        };
        let (mut required_all, mut needs) = (Vec::new(), FxHashMap::<Key, Vec<(u32, u8)>>::default());
        for id in 0..set.len() {
            let id32 = id as u32;
            let mut required = 0u32;
            for (i, part) in set.rule(id).parts.iter().enumerate() {
                if let (Elem::Words(ws), false) = (&part.elem, part.optional) {
                    if ws.other.is_empty() && i < 32 {
                        required |= 1 << i;
                        for &(key, _) in &ws.keyed {
                            needs.entry(key).or_default().push((id32, i as u8));
                        }
                    }
                }
            }
            required_all.push(required);
            match first_words(&set.rule(id).parts) {
                None => set.any.push(id32),
                Some(words) => {
                    for w in words {
                        let ids = match Key::of(&w) {
                            Key::NONE => set.by_word.entry(w.into()).or_default(),
                            key => set.by_key.entry(key).or_default(),
                        };
                        if ids.last() != Some(&id32) {
                            ids.push(id32);
                        }
                    }
                }
            }
        }
        (set.required, set.needs) = (required_all, needs);
        set
    }

    /// How many rules, the user's and the built-in ones.
    pub fn len(&self) -> usize {
        self.user.len() + builtin().len()
    }

    /// The user's rules.
    pub fn user(&self) -> &[Rule] {
        &self.user
    }

    fn rule(&self, id: usize) -> &Rule {
        match self.user.get(id) {
            Some(r) => r,
            None => &builtin()[id - self.user.len()],
        }
    }

    /// A rule's name, borrowed for a built-in rule.
    fn name(&self, id: usize) -> Cow<'static, str> {
        match self.user.get(id) {
            Some(r) => Cow::Owned(r.name.clone()),
            None => Cow::Borrowed(builtin()[id - self.user.len()].name.as_str()),
        }
    }

    /// The ids, ascending, of the rules whose first word can be `word` (with key `key`);
    /// the rules in [`any`](Self::any) aside.
    fn starting(&self, key: Key, word: &str) -> &[u32] {
        let ids = match key {
            Key::NONE if word.is_empty() => None,
            Key::NONE => {
                let mut buf = [0u8; 24];
                match crate::text::lower_key(word, &mut buf) {
                    Some(lower) => self.by_word.get(lower),
                    None => self.by_word.get(word.to_ascii_lowercase().as_str()),
                }
            }
            key => self.by_key.get(&key),
        };
        ids.map_or(&[], Vec::as_slice)
    }

    /// Adds to `out` the ids of the rules that can start at a token reading `word`.
    #[cfg(test)]
    fn candidates(&self, word: &str, out: &mut Vec<u32>) {
        out.extend_from_slice(self.starting(Key::of(word), word));
    }
}

/// The lower-case words a pattern's first token can be, or `None` when it can be any word
/// (a slot or a gap may come first).
fn first_words(parts: &[Part]) -> Option<Vec<String>> {
    let mut words = Vec::new();
    for p in parts {
        match &p.elem {
            Elem::Words(ws) => words.extend(ws.lits.iter().map(|w| w.word.split('-').next().unwrap_or(&w.word).to_ascii_lowercase())),
            Elem::Det => words.extend(DETERMINERS.iter().map(|d| d.to_string())),
            // (Zero-width: the words after it decide where the rule may start.)
            Elem::Poss => continue,
            Elem::Role | Elem::Gap | Elem::Title | Elem::Record | Elem::Character => return None,
        }
        if !p.optional {
            return Some(words);
        }
    }
    // (Parsing refuses a pattern whose elements are all optional.)
    None
}

/// "executive producer", "exec producer": the word before a producer noun that makes it
/// an executive producer.
fn is_in_exec(w: &str) -> bool {
    w.eq_ignore_ascii_case("executive") || w.eq_ignore_ascii_case("exec")
}

/// The words of `<det>`.
const DETERMINERS: [&str; 7] = ["a", "an", "the", "its", "his", "her", "their"];
const DETERMINER_KEYS: &[Key] = keys!["a", "an", "the", "its", "his", "her", "their"];

/// A token as the matcher sees it.
struct Ctx<'a, 'i> {
    inp: &'a Input<'i>,
    words: &'a WordTable,
    /// Sentence end.
    b: usize,
    /// Person mentions (first, last) of the sentence.
    people: &'a [(usize, usize)],
    /// Title mentions (first, last, title) of the sentence.
    titles: &'a [(usize, usize, usize)],
    /// Matching steps left for the rule being tried (see [`FUEL`]).
    fuel: std::cell::Cell<u32>,
}

#[derive(Clone, Debug, Default)]
struct Caps {
    role: Option<RoleKind>,
    title: Option<usize>,
    /// The token right after the captured title's mention (where a list of works after it
    /// is read from).
    title_end: usize,
    character: Option<(usize, usize)>,
}

impl Ctx<'_, '_> {
    fn word(&self, k: usize) -> &str {
        self.inp.tt(k)
    }

    /// Matches the literal `lit` at token `k` (any case): one token, or a hyphenated word
    /// written as touching tokens ("co-directing" is `co`, `-`, `directing`). The token
    /// after it.
    fn literal(&self, k: usize, lit: &Lit) -> Option<usize> {
        let key = self.inp.key(k);
        if (key == lit.key && key != Key::NONE) || (lit.key == Key::NONE && self.word(k).eq_ignore_ascii_case(&lit.word)) {
            return Some(k + 1);
        }
        // (Only a token reading the first piece can start a hyphenated literal.)
        match lit.first_piece {
            None => return None,
            Some(first) if first != Key::NONE && first != key => return None,
            Some(_) => {}
        }
        let mut j = k;
        for (n, piece) in lit.word.split('-').enumerate() {
            if n > 0 {
                let touching = |x: usize| self.inp.toks.get(x + 1).is_some_and(|t| t.span.start == self.inp.toks[x].span.end);
                if self.word(j) != "-" || !touching(j - 1) || !touching(j) {
                    return None;
                }
                j += 1;
            }
            if j >= self.b || !self.word(j).eq_ignore_ascii_case(piece) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The token after a relative clause that opens at the comma at `k` and closes at
    /// the next comma (", which films in Gotham next July,"), at most 16 tokens on.
    /// (A closing quote may stand after the comma: "“T,” which films in …, now".)
    fn relative_clause_end(&self, k: usize) -> Option<usize> {
        let w = if matches!(self.word(k + 1), "”" | "\"" | "’") { k + 2 } else { k + 1 };
        if self.word(k) != "," || !matches!(self.word(w), "which" | "who" | "whose" | "where" | "that") {
            return None;
        }
        (w + 1..(w + 17).min(self.b)).find(|&x| self.word(x) == ",").map(|x| x + 1)
    }

    /// The token after a title mention starting at `k` (an opening quote first, and the
    /// closing quote after it, included): a gap steps over a work in one step.
    fn title_end_at(&self, k: usize) -> Option<usize> {
        let at = if matches!(self.word(k), "“" | "\"" | "‘") { k + 1 } else { k };
        let &(_, last, _) = self.titles.iter().find(|x| x.0 == at)?;
        Some(if matches!(self.word(last), "”" | "\"" | "’") { last + 1 } else { last })
    }

    /// The last token of a capitalised name of at most four tokens from `k` that ends in a
    /// possessive ("HBO's", "BBC One’s", "Disney+'s"), if there is one; a person is no owner.
    fn owner_possessive(&self, k: usize) -> Option<usize> {
        if self.people.iter().any(|p| p.0 <= k && k < p.1) {
            return None;
        }
        for j in k..(k + 4).min(self.b) {
            let w = self.word(j);
            let cap = matches!(self.inp.toks[j].shape, Shape::Capitalized | Shape::AllCaps | Shape::Mixed) || w == "+";
            if !cap {
                return None;
            }
            if ["'s", "’s"].iter().any(|p| w.len() > p.len() && w.ends_with(p)) {
                return Some(j);
            }
        }
        None
    }

    /// Where the work starts after a determiner and a noun for a kind of work at `k` ("the
    /// Paramount drama", "her new series"): the token after the noun, if a title starts
    /// there (opening quotes skipped).
    fn kind_phrase(&self, k: usize) -> Option<usize> {
        if !self.inp.key(k).is_in(DETERMINER_KEYS) {
            return None;
        }
        for j in k + 1..(k + 5).min(self.b) {
            if !self.inp.toks[j].is_word() || self.people.iter().any(|p| p.0 <= j && j < p.1) {
                return None;
            }
            if self.inp.toks[j].shape == Shape::Lower && self.inp.info(j).is(class::TITLE_NOUN) {
                let mut at = j + 1;
                while matches!(self.word(at), "“" | "\"" | "‘") {
                    at += 1;
                }
                return self.titles.iter().any(|x| x.0 == at).then_some(j + 1);
            }
        }
        None
    }

    /// The first alternative of `ws`, in the order written, that matches at token `k`:
    /// the token after it.
    fn alternative(&self, ws: &Alts, k: usize) -> Option<usize> {
        let key = self.inp.key(k);
        let keyed = match ws.keyed.binary_search_by_key(&key, |x| x.0) {
            Ok(i) if key != Key::NONE => ws.keyed.get(i).map(|x| x.1),
            _ => None,
        };
        // (A hyphenated or long word written before the keyed one that matches goes first.)
        for &i in ws.other.iter().take_while(|&&i| keyed.is_none_or(|j| i < j)) {
            if let Some(next) = ws.lits.get(usize::from(i)).and_then(|l| self.literal(k, l)) {
                return Some(next);
            }
        }
        keyed.map(|_| k + 1)
    }

    /// Matches `parts` from token `k`; the end token and captures of the first match.
    fn run(&self, parts: &[Part], k: usize, caps: Caps) -> Option<(usize, Caps)> {
        let Some((p, rest)) = parts.split_first() else { return Some((k, caps)) };
        let fuel = self.fuel.get().checked_sub(1)?;
        self.fuel.set(fuel);
        if p.optional {
            if let Some(m) = self.one(&p.elem, rest, k, caps.clone()) {
                return Some(m);
            }
            return self.run(rest, k, caps);
        }
        self.one(&p.elem, rest, k, caps)
    }

    fn one(&self, e: &Elem, rest: &[Part], k: usize, mut caps: Caps) -> Option<(usize, Caps)> {
        if k >= self.b {
            return None;
        }
        match e {
            Elem::Words(ws) => self.alternative(ws, k).and_then(|next| self.run(rest, next, caps)),
            Elem::Det => self.inp.key(k).is_in(DETERMINER_KEYS).then(|| self.run(rest, k + 1, caps)).flatten(),
            Elem::Poss => {
                let before = if k > 0 { self.word(k - 1) } else { "" };
                let poss = ["'s", "’s", "ʼs"].iter().any(|s| before.len() > s.len() && before.ends_with(s));
                poss.then(|| self.run(rest, k, caps)).flatten()
            }
            Elem::Role => {
                let w = self.word(k);
                // (An ASCII word is lower-cased in a stack buffer: this runs for every
                // capitalised word a rule's role slot meets, and must not allocate.)
                // (The lexicon pass read the token with ASCII case folded: only a capitalised
                // word that is not ASCII is lower-cased again, in full.)
                let info =
                    if w.is_ascii() || !w.starts_with(char::is_uppercase) { self.inp.info(k) } else { self.words.info(&w.to_lowercase()) };
                // (Lower case, or capitalised at the start of a sentence or line: "Producers are".)
                let at_start =
                    k == 0 || matches!(self.word(k - 1), "." | "\n") || self.inp.text[..self.inp.toks[k].span.start].ends_with('\n');
                // (Or a title-case credit label that ends here: "serves as Senior Executive
                // Producer", not "Producer Mel Brooks".)
                let label_end = self.inp.toks[k].shape == Shape::Capitalized
                    && !self.inp.toks.get(k + 1).is_some_and(|t| matches!(t.shape, Shape::Capitalized | Shape::AllCaps));
                if !info.is(class::ROLE_NOUN) || !(self.inp.toks[k].shape == Shape::Lower || at_start || label_end) {
                    return None;
                }
                // "executive producer" is its own role.
                caps.role = match info.role {
                    Some(RoleKind::Producer) if k > 0 && is_in_exec(self.word(k - 1)) => Some(RoleKind::ExecutiveProducer),
                    r => r,
                };
                self.run(rest, k + 1, caps)
            }
            Elem::Gap => {
                // Up to six steps, each a token, a title or a whole relative clause between
                // commas ("the ensemble of “T,” which films in Gotham next July, now
                // includes"), never across a full stop, a semicolon or a person.
                let mut j = k;
                for n in 0..=6 {
                    if j > self.b {
                        break;
                    }
                    if let Some(m) = self.run(rest, j, caps.clone()) {
                        return Some(m);
                    }
                    if n == 6 || j >= self.b {
                        break;
                    }
                    let next = self.relative_clause_end(j).or_else(|| self.title_end_at(j)).unwrap_or(j + 1);
                    // (Nor across "and" before a lower-case word, a second clause: "co-directed
                    // “T” in 1984 and toured with X".)
                    let clause_and =
                        |x: usize| self.word(x) == "and" && self.inp.toks.get(x + 1).is_some_and(|t| t.shape == crate::text::Shape::Lower);
                    if (j..next)
                        .any(|x| matches!(self.word(x), "." | ";") || clause_and(x) || self.people.iter().any(|p| p.0 <= x && x < p.1))
                    {
                        break;
                    }
                    j = next;
                }
                None
            }
            Elem::Title | Elem::Record => {
                let mut at = k;
                while matches!(self.word(at), "“" | "\"" | "‘") {
                    at += 1;
                }
                // A network's or studio's possessive before the work: "HBO's Harbor
                // Lights", "BBC One’s “Cold Tide”", "Disney+'s Iron Coast".
                // Or a description of the work before it: "the Paramount drama Iron
                // Coast", "her 2019 film “Cold Tide”".
                if !self.titles.iter().any(|x| x.0 == at) {
                    if let Some(j) = self.owner_possessive(at).map(|j| j + 1).or_else(|| self.kind_phrase(at)) {
                        at = j;
                        while matches!(self.word(at), "“" | "\"" | "‘") {
                            at += 1;
                        }
                    }
                }
                let &(_, last, t) = self.titles.iter().find(|x| x.0 == at)?;
                let record = self.inp.ents.titles.get(t).is_some_and(|x| matches!(x.kind, TitleKind::Song | TitleKind::Album));
                if *e == Elem::Record && !record {
                    return None;
                }
                caps.title = Some(t);
                let mut end = last;
                // (Closing quotes, and punctuation American style puts inside them:
                // “Glass Harbor,” the album.)
                loop {
                    if matches!(self.word(end), "”" | "\"" | "’") {
                        end += 1;
                    } else if matches!(self.word(end), "," | "." | "!" | "?")
                        && matches!(self.word(end + 1), "”" | "\"" | "’")
                        && end + 1 < self.b
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                // (The list after it is read from the mention's end, so that a comma
                // inside the quotes still joins: “The West Wing,” “Friends” and …)
                caps.title_end = last;
                self.run(rest, end, caps)
            }
            Elem::Character => {
                let mut j = k;
                while j < self.b {
                    let t = self.inp.toks[j];
                    let honorific_dot = self.word(j) == "." && j > k && self.words.info(self.word(j - 1)).is(class::HONORIFIC);
                    if self.word(j) == "-" && j > k && super::characters::romanized_syllable(self.inp, j) {
                        j += 2;
                        continue;
                    }
                    if !(matches!(t.shape, Shape::Capitalized | Shape::AllCaps) || honorific_dot) {
                        break;
                    }
                    j += 1;
                }
                if j == k || self.people.iter().any(|p| p.0 == k) {
                    return None;
                }
                caps.character = Some((k, j));
                self.run(rest, j, caps)
            }
        }
    }
}

/// What [`hits`] reads of the sentence, and buffers it reuses from one group of people
/// to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Person mentions `(first, last)` of the sentence, as token ranges.
    people: Vec<(usize, usize)>,
    /// Title mentions `(first, last, title)` of the sentence.
    titles: Vec<(usize, usize, usize)>,
    /// The keys of the sentence's tokens, sorted.
    words: Vec<Key>,
    /// Per rule, the bits of its required elements that some word of the sentence meets
    /// ([`RuleSet::required`]): a rule with one unmet cannot match in the sentence.
    met: Vec<u32>,
    ids: Vec<u32>,
}

impl Scratch {
    /// Reads the person and title mentions and the words of sentence `s`.
    pub(crate) fn read_sentence(&mut self, inp: &Input<'_>, s: &crate::text::Sentence) {
        let sp = s.span;
        self.people.clear();
        self.titles.clear();
        self.words.clear();
        self.words.extend((s.first..s.last.min(inp.toks.len())).map(|k| inp.key(k)));
        self.words.sort_unstable();
        self.words.dedup();
        let set = inp.rules;
        self.met.clear();
        self.met.resize(set.required.len(), 0);
        for key in &self.words {
            for &(id, i) in set.needs.get(key).map_or(&[][..], Vec::as_slice) {
                self.met[id as usize] |= 1 << i;
            }
        }
        for m in inp.mentions_in(sp) {
            let (s, e) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
            match m.target {
                Target::Person(_) => self.people.push((s, e)),
                Target::Title(t) => self.titles.push((s, e, t)),
                _ => {}
            }
        }
    }
}

/// The hit of the first rule of `inp.rules` that matches beside a group of people at
/// tokens `first..last` of a sentence from token `a` to `b`, whose mentions `scratch` has
/// read ([`Scratch::read_sentence`]). Only the rules that can start at one of the places
/// tried are run.
pub(crate) fn hits(inp: &Input<'_>, first: usize, last: usize, a: usize, b: usize, scratch: &mut Scratch) -> Vec<Hit> {
    let Scratch { people, titles, met, ids, .. } = scratch;
    let set = inp.rules;
    let ctx =
        Ctx { inp, words: WordTable::builtin(), b, people: people.as_slice(), titles: titles.as_slice(), fuel: std::cell::Cell::new(FUEL) };
    // The places a rule may start: right after the group (or after an appositive comma,
    // "Jo Kim, who comes aboard as ..."), and, for a rule ending right before the group,
    // each of the twelve tokens before it, nearest first.
    // A known-for parenthesis and a sentence adverb between commas may stand between
    // the group and the rule: "Nia Sondaya (Truth Be Told), meanwhile, is taking over…".
    let past = skip_aside(inp, last, b);
    let mut right_buf = [last; 4];
    let mut n_right = 1;
    let mut push = |k: usize| {
        if !right_buf[..n_right].contains(&k) {
            right_buf[n_right] = k;
            n_right += 1;
        }
    };
    if inp.tt(last) == "," {
        push(last + 1);
    }
    if past != last {
        push(past);
        if inp.tt(past) == "," {
            push(past + 1);
        }
    }
    let right = &right_buf[..n_right];
    // (Left rules may start up to 24 tokens back: a gap can step over a title and a
    // relative clause, "the cast of “T,” which films in Gotham next July, now includes".)
    const LEFT: usize = 24;
    let left = first.saturating_sub(LEFT).max(a)..first;
    // The rules that can start at each place (a rule is only run where its first word
    // can match, or everywhere when a slot or a gap comes first).
    // (Looked up once per place: `starts[k - left.start]`, the right places last.)
    let mut starts: [&[u32]; LEFT + 4] = [&[]; LEFT + 4];
    let slot = |k: usize| match right.iter().position(|&r| r == k) {
        Some(i) if k >= first => LEFT + i,
        _ => k + LEFT - first,
    };
    ids.clear();
    ids.extend_from_slice(&set.any);
    for k in right.iter().copied().chain(left.clone()) {
        if k < b {
            starts[slot(k)] = set.starting(inp.key(k), inp.tt(k));
            ids.extend_from_slice(starts[slot(k)]);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    for &id in ids.iter() {
        let rule = set.rule(id as usize);
        // (A word the rule must read that the sentence does not have rules it out.)
        if met[id as usize] & set.required[id as usize] != set.required[id as usize] {
            continue;
        }
        ctx.fuel.set(FUEL);
        let anywhere = set.any.binary_search(&id).is_ok();
        let can_start = |k: usize| anywhere || starts[slot(k)].binary_search(&id).is_ok();
        let mut past_clause = false;
        let m = match rule.side {
            Side::Right => right.iter().filter(|&&k| can_start(k)).find_map(|&k| {
                ctx.run(&rule.parts, k, Caps::default()).inspect(|_| {
                    past_clause = k >= past && past > last + 1 && matches!(inp.tt(last + 1), "who" | "whose");
                })
            }),
            Side::Left => {
                let ctx = Ctx { b: first, fuel: std::cell::Cell::new(FUEL), ..ctx };
                left.clone()
                    .rev()
                    .filter(|&s| can_start(s))
                    .find_map(|s| ctx.run(&rule.parts, s, Caps::default()).filter(|(end, _)| *end == first))
            }
        };
        let Some((end, mut caps)) = m else { continue };
        // ("She also appeared in “Red Sky” and “Gray Sea”": a rule that names no work but
        // ends right before one takes it, and the works listed after it.)
        if caps.title.is_none() && matches!(rule.side, Side::Right) {
            let mut at = end;
            // ("was his leading lady in six: A, B, …": the preposition before the works,
            // and a colon announcing them, after a rule that ends on its noun.)
            if matches!(ctx.word(at), "in" | "on") {
                at += 1;
                if ctx.word(at + 1) == ":" && inp.toks.get(at).is_some_and(|t| t.shape == Shape::Lower) {
                    at += 2;
                }
            }
            while matches!(ctx.word(at), "“" | "\"" | "‘") {
                at += 1;
            }
            if let Some(&(_, last, t)) = ctx.titles.iter().find(|x| x.0 == at) {
                caps.title = Some(t);
                let mut e = last;
                while e < ctx.b && matches!(ctx.word(e), "”" | "\"" | "’") {
                    e += 1;
                }
                caps.title_end = e;
            }
        }
        let role = match rule.gives {
            Gives::Role(r) => r,
            Gives::Captured => match caps.role {
                Some(r) => r,
                None => continue,
            },
        };
        let character = caps.character.and_then(|(s, e)| {
            let sp = crate::span::Span::new(inp.toks[s].span.start, inp.toks[e - 1].span.end);
            sp.get(inp.text).map(str::to_string)
        });
        // The first rule that matches decides; a captured work that opens a list gives one
        // credit per work ("with roles in A, “B” and C").
        let name = set.name(id as usize);
        let mut works = vec![caps.title];
        if caps.title.is_some() {
            works.extend(listed_after(&ctx, caps.title_end).into_iter().map(Some));
        }
        let right = matches!(rule.side, Side::Right);
        return works
            .into_iter()
            .map(|title| Hit { rule: name.clone(), role, title, character: character.clone(), right, past_clause })
            .collect();
    }
    Vec::new()
}

/// Sentence adverbs between commas after a group (", meanwhile,").
static ASIDE_ADVERBS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::lists::get("rules.aside_adverbs"));

/// The token after what stands aside right after a group at `k`: a parenthesis of at most
/// ten tokens ("(Truth Be Told)") and then a sentence adverb between commas (", meanwhile,"),
/// either or both; `k` itself when there is neither.
fn skip_aside(inp: &Input<'_>, k: usize, b: usize) -> usize {
    let mut k = k;
    if k < b && inp.tt(k) == "(" {
        if let Some(close) = (k + 1..b.min(k + 12)).find(|&j| inp.tt(j) == ")") {
            k = close + 1;
        }
    }
    // ", who grew up in Ohio," : a relative clause about the group.
    if k + 1 < b && inp.tt(k) == "," && matches!(inp.tt(k + 1), "who" | "whose") {
        if let Some(j) = (k + 2..(k + 16).min(b)).find(|&j| inp.tt(j) == ",") {
            k = j + 1;
        }
    }
    if k + 2 < b && inp.tt(k) == "," && inp.tt(k + 2) == "," && ASIDE_ADVERBS.iter().any(|w| w.eq_ignore_ascii_case(inp.tt(k + 1))) {
        k += 3;
    }
    k
}

/// The works listed right after a title mention ending at token `end`, each joined to the
/// one before by a comma, "and" or the like (quotes around them skipped): "A, “B” and C".
fn listed_after(ctx: &Ctx<'_, '_>, mut end: usize) -> Vec<usize> {
    let quote = |w: &str| matches!(w, "“" | "”" | "\"" | "‘" | "’");
    let mut out = Vec::new();
    // The next title mention that starts within a few tokens.
    while let Some(&(first, last, t)) = ctx.titles.iter().find(|m| m.0 >= end && m.0 <= end + 9) {
        if !super::joins_works(ctx.inp, end, first) || out.contains(&t) {
            break;
        }
        out.push(t);
        end = last;
        while end < ctx.b && quote(ctx.word(end)) {
            end += 1;
        }
    }
    out
}

/// The examples of `rules` that do not hold with `ex`: a positive must give its expected
/// credits, at least one of them read by the rule itself; a negative must give no credit
/// read by the rule. One line per failure, naming the rule.
pub(crate) fn example_failures(ex: &crate::Extractor, rules: &[Rule]) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in rules {
        for (text, want) in &rule.positives {
            let f = ex.extract(text);
            let got: Vec<String> = f
                .roles
                .iter()
                .map(|r| {
                    let role = serde_json::to_value(r.role).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
                    format!("{}|{role}|{}|{}", r.person, r.title.as_deref().unwrap_or("null"), r.character.as_deref().unwrap_or("null"))
                })
                .collect();
            let missing: Vec<&str> = want.split(" ; ").filter(|w| !got.iter().any(|g| g == w)).collect();
            let by_rule = f.roles.iter().any(|r| r.evidence.rule == rule.name);
            if !missing.is_empty() || !by_rule {
                failures.push(format!("{}: + {text:?}: missing {missing:?}, read by the rule: {by_rule}, got {got:?}", rule.name));
            }
        }
        for text in &rule.negatives {
            let f = ex.extract(text);
            if let Some(r) = f.roles.iter().find(|r| r.evidence.rule == rule.name) {
                failures.push(format!("{}: - {text:?}: gave {} {:?} {:?}", rule.name, r.person, r.role, r.title));
            }
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse() {
        assert!(builtin().len() >= 10, "{}", builtin().len());
    }

    /// Every built-in rule's examples hold.
    #[test]
    fn rule_examples() {
        let ex = crate::Extractor::new().expect("extractor builds");
        let failures = example_failures(&ex, builtin());
        assert!(failures.is_empty(), "{} failing rule examples:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn bad_rules_name_file_line_and_column() {
        for (text, want) in [
            ("rule\tcast.x\tright\tactor", "r.rules:1:1: a rule has 5"),
            ("# c\nrule\tcastx\tright\tactor\tjoins", "r.rules:2:6: rule name"),
            ("rule\tcast.x\tup\tactor\tjoins", "r.rules:1:13: side"),
            ("rule\tcast.x\tright\tstar\tjoins", "r.rules:1:19: unknown role"),
            ("rule\tcast.x\tright\tactor\tjoins <who>", "r.rules:1:31: unknown element"),
            ("rule\tcast.x\tright\tactor\tJoins", "r.rules:1:25: \"Joins\": lower-case"),
            ("rule\tcast.x\tright\tactor\tjoins  the", "r.rules:1:31: empty element"),
            ("rule\tcast.x\tright\t$role\tjoins", "needs a <role>"),
            ("+\ttext\tA|actor|null|null", "r.rules:1:1: an example before any rule"),
            ("rule\tcast.x\tright\tactor\tjoins\n+\ttext", "r.rules:2:1: examples are"),
            ("rule\tcast.x\tright\tactor\tjoins\n-\tno", "needs at least one positive"),
            ("rule\tcast.x\tright\tactor\tjoins?", "at least one element that is not optional"),
            ("rule\tcast.x\tright\tactor\t...", "could match nothing"),
            ("rule\tcast.x\tright\tactor\tjoins? ... <det>?", "could match nothing"),
            ("rule\tcast.x\tright\tactor\tjoins ... a ... b ... c ... d", "at most 3 gaps"),
            ("rule\tcast.x\tright\tactor\tjoins <det", "unknown element"),
            ("rule\tcast.x\tright\tactor\tjoins a||b", "lower-case words separated by |"),
            ("oops", "r.rules:1:1: a line starts with"),
            ("rule\tcast.x\tright\tactor\tplays @instrument", "r.rules:1:31: unknown set \"@instrument\""),
            ("define\tinstrument\tcello", "r.rules:1:8: set name"),
            ("define\t@instrument\tCello|harp", "r.rules:1:20: \"Cello|harp\": lower-case"),
            ("define\t@instrument\tcello||harp", "lower-case words separated by |"),
            ("define\t@instrument\t<det>", "lower-case words separated by |"),
            ("define\t@i\tcello\ndefine\t@i\tharp", "r.rules:2:8: set \"@i\" is defined twice"),
            ("define\t@i", "r.rules:1:1: a define has 3"),
        ] {
            let err = parse(&[("r.rules", text)]).expect_err(text);
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn a_user_rule_may_not_take_a_built_in_name() {
        let name = &builtin()[0].name;
        let text = format!("rule\t{name}\tright\tactor\tjoins\n+\tx\ty|actor|null|null\n-\tz\n");
        let err = RuleSet::with_user(&[("mine.rules", &text)]).expect_err("duplicate name");
        assert!(err.starts_with("mine.rules:1:6: ") && err.contains("built-in rule's name"), "{err}");
    }

    #[test]
    fn too_long_a_pattern_is_refused() {
        let pattern = vec!["a?"; MAX_ELEMENTS].join(" ") + " joins";
        let err = parse(&[("r.rules", &format!("rule\tcast.x\tright\tactor\t{pattern}"))]).expect_err("long");
        assert!(err.contains("at most 24 elements"), "{err}");
    }

    /// The index: a rule is tried only where its first word can match, and ids keep the
    /// rule order (the user's rules first).
    #[test]
    fn rules_are_indexed_by_their_first_words() {
        let text = "rule\tcast.mine\tright\tactor\t<det>? helms|steers ... {title}\n+\tx\ty|actor|null|null\n-\tz\n\
                    rule\tcast.any\tright\tactor\t{character} joins\n+\tx\ty|actor|null|null\n-\tz\n";
        let set = RuleSet::with_user(&[("mine.rules", text)]).expect("parses");
        assert_eq!(set.len(), builtin().len() + 2);
        let mut ids = Vec::new();
        set.candidates("Steers", &mut ids);
        assert_eq!(ids, [0]);
        ids.clear();
        set.candidates("their", &mut ids);
        assert_eq!(ids.first(), Some(&0));
        assert!(set.any.contains(&1) && !set.any.contains(&0));
        assert_eq!(set.name(0), "cast.mine");
        assert!(matches!(set.name(2), Cow::Borrowed(_)));
    }

    /// A word set (docs/rules.md's example): defined once, used in a user's pattern, its
    /// examples hold; a set belongs to its own file.
    #[test]
    fn word_sets_stand_for_their_words() {
        let text = "define\t@instrument\tpiano|cello|harpsichord|contrabass\n\
                    rule\tmusic.mine\tright\tmusician\talso? plays|played <det>? @instrument\n\
                    +\tLia Venn also plays harpsichord on “Glass Harbor.”\tLia Venn|musician|Glass Harbor|null\n\
                    -\tTy Moore plays a cellist in “Glass Harbor”.\n";
        let ex = crate::Extractor::builder().rules_text("mine.rules", text).build().expect("builds");
        assert_eq!(ex.check_rules(), Vec::<String>::new());
        let f = ex.extract("On “Glass Harbor,” Ty Moore also plays contrabass.");
        let got: Vec<_> = f.roles.iter().map(|r| (r.person.as_str(), r.role, &*r.evidence.rule)).collect();
        assert_eq!(got, [("Ty Moore", RoleKind::Musician, "music.mine")]);
        let other = "rule\tmusic.other\tright\tmusician\tplays @instrument\n+\tx\ty|musician|null|null\n-\tz\n";
        let err = parse(&[("a.rules", "define\t@instrument\tcello\n"), ("b.rules", other)]).unwrap_err();
        assert!(err.starts_with("b.rules:1:39: unknown set"), "{err}");
    }

    /// 10,000 user rules: parsed and indexed at build, and an article pays only for the
    /// rules whose first word it meets.
    #[test]
    fn ten_thousand_rules_build_and_run() {
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!("rule\tuser.r{i}\tright\tdirector\thelmsw{i} {{title}}\n+\tx\ty|director|null|null\n-\tz\n"));
        }
        text.push_str("rule\tuser.last\tright\tdirector\thelms {title}\n+\tx\ty|director|null|null\n-\tz\n");
        let ex = crate::Extractor::builder().rules_text("many.rules", &text).build().expect("builds");
        let f = ex.extract("Ana Ruiz helms “Harbor Lights” for the studio.");
        assert_eq!(f.roles.len(), 1);
        assert_eq!(f.roles[0].evidence.rule, "user.last");
    }

    /// Optional elements and gaps on a run of matching words: the fuel bounds the search.
    #[test]
    fn a_pathological_pattern_is_bounded() {
        let pattern = format!("{} ... a ... a ... a {{title}}", vec!["a?"; 16].join(" "));
        let text = format!("rule\tuser.path\tright\tdirector\t{pattern}\n+\tx\ty|director|null|null\n-\tz\n");
        let ex = crate::Extractor::builder().rules_text("p.rules", &text).build().expect("builds");
        let article = format!("Ana Ruiz {} end.", "a ".repeat(200));
        let f = ex.extract(&article);
        assert!(f.roles.iter().all(|r| r.evidence.rule != "user.path"));
    }
}
