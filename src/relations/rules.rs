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

use super::Input;
use crate::entities::Target;
use crate::facts::{RoleKind, TitleKind};
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
    Words(Vec<Box<str>>),
    Det,
    Role,
    Gap,
    Title,
    Record,
    Character,
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
    pub rule: &'static str,
    /// The role.
    pub role: RoleKind,
    /// The work captured, as an index into the titles.
    pub title: Option<usize>,
    /// The character captured.
    pub character: Option<String>,
}

/// Parses rule files: `(file name, text)` pairs. A bad line is an error naming file, line
/// and column.
pub fn parse(files: &[(&str, &str)]) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    for (file, text) in files {
        for (i, line) in text.lines().enumerate() {
            let at = |col: usize, msg: String| format!("{file}:{}:{col}: {msg}", i + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[0] {
                "rule" => {
                    let [_, name, side, role, pattern] = cols[..] else {
                        return Err(at(1, format!("a rule has 5 tab-separated columns, got {}", cols.len())));
                    };
                    let col = |k: usize| cols[..k].iter().map(|c| c.chars().count() + 1).sum::<usize>() + 1;
                    if name.is_empty() || !name.contains('.') || name.contains(char::is_whitespace) {
                        return Err(at(col(1), format!("rule name {name:?}: family.phrasing, no spaces")));
                    }
                    if rules.iter().any(|r| r.name == name) {
                        return Err(at(col(1), format!("rule {name:?} is defined twice")));
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
                    let parts = parse_pattern(pattern).map_err(|(off, msg)| at(col(4) + off, msg))?;
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
                other => return Err(at(1, format!("a line starts with `rule`, `+`, `-` or `#`, not {other:?}"))),
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

/// Parses one pattern; an error carries the column offset inside it.
fn parse_pattern(pattern: &str) -> Result<Vec<Part>, (usize, String)> {
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
            "<role>" => Elem::Role,
            "..." => Elem::Gap,
            "{title}" => Elem::Title,
            "{record}" => Elem::Record,
            "{character}" => Elem::Character,
            b if b.starts_with(['<', '{']) => return Err((here, format!("unknown element {b:?}"))),
            b => {
                let words: Vec<Box<str>> = b.split('|').map(Box::from).collect();
                if words.iter().any(|w| w.is_empty() || w.chars().any(|c| c.is_uppercase() || c.is_whitespace())) {
                    return Err((here, format!("{b:?}: lower-case words separated by |")));
                }
                Elem::Words(words)
            }
        };
        parts.push(Part { elem, optional });
    }
    if parts.is_empty() || parts.iter().all(|p| p.optional) {
        return Err((0, "a pattern needs at least one element that is not optional".into()));
    }
    Ok(parts)
}

/// The built-in rules (`data/rules/*.rules`), parsed once.
pub fn builtin() -> &'static [Rule] {
    static R: OnceLock<Vec<Rule>> = OnceLock::new();
    R.get_or_init(|| parse(BUILTIN).expect("data/rules parse (tested)"))
}

/// Which rules can start at a token, by the token's ASCII-lower-cased text: a rule whose
/// first element is a literal word (or `<det>`, or optional words before one) cannot
/// match at a token that is none of those words, so `hits` runs only the rules listed for
/// the token and the rules that can start anywhere (`<role>`, `{title}`, `...` first).
/// Trying all rules at every start was a quarter of `extract`'s instructions.
struct StartIndex {
    /// Word -> indices (ascending) of the rules that may start with it.
    by_word: crate::hash::FxHashMap<Box<str>, Vec<u32>>,
    /// Rules that may start at any token.
    anywhere: Vec<bool>,
    /// Which token the listing is for: 0, the start; 1, the token after it, for a rule
    /// that starts with `<role>` (one token, any role noun) and goes on with words
    /// ("<role> are|were|include", tried at twelve starts before each group).
    offset: Vec<usize>,
}

/// Longest word the index holds; a longer token starts only the `anywhere` rules.
const INDEX_WORD_MAX: usize = 24;

impl StartIndex {
    fn new(rules: &[Rule]) -> StartIndex {
        let mut by_word: crate::hash::FxHashMap<Box<str>, Vec<u32>> = Default::default();
        let mut anywhere = vec![false; rules.len()];
        let mut offset = vec![0; rules.len()];
        for (i, rule) in rules.iter().enumerate() {
            let mut firsts: Vec<&str> = Vec::new();
            let mut open = true;
            let parts = match rule.parts.split_first() {
                Some((p, rest)) if p.elem == Elem::Role && !p.optional && !rest.is_empty() => {
                    offset[i] = 1;
                    rest
                }
                _ => &rule.parts[..],
            };
            for p in parts {
                match &p.elem {
                    // A hyphenated literal also matches as touching tokens: `co`, `-`, ...
                    Elem::Words(ws) => {
                        for w in ws {
                            firsts.push(w);
                            firsts.extend(w.split('-').next());
                        }
                    }
                    Elem::Det => firsts.extend(DETERMINERS),
                    _ => open = false,
                }
                if !open || !p.optional {
                    break;
                }
            }
            if !open || firsts.iter().any(|w| w.len() > INDEX_WORD_MAX) {
                anywhere[i] = true;
                continue;
            }
            for w in firsts {
                let ids = by_word.entry(Box::from(w)).or_default();
                if ids.last() != Some(&(i as u32)) {
                    ids.push(i as u32);
                }
            }
        }
        StartIndex { by_word, anywhere, offset }
    }

    /// The token, counted from a start, that rule `i`'s listing is for.
    fn offset(&self, i: usize) -> usize {
        self.offset.get(i).copied().unwrap_or(0)
    }

    /// The rules listed for the token's text (the `anywhere` ones aside).
    fn at(&self, word: &str) -> &[u32] {
        let mut buf = [0u8; INDEX_WORD_MAX];
        crate::text::lower_key(word, &mut buf).and_then(|k| self.by_word.get(k)).map_or(&[], Vec::as_slice)
    }

    /// Whether rule `i` may start at a token whose listed rules are `listed`.
    fn may_start(&self, i: usize, listed: &[u32]) -> bool {
        self.anywhere.get(i).copied().unwrap_or(true) || listed.binary_search(&(i as u32)).is_ok()
    }
}

fn start_index() -> &'static StartIndex {
    static I: OnceLock<StartIndex> = OnceLock::new();
    I.get_or_init(|| StartIndex::new(builtin()))
}

/// What `<det>` matches.
const DETERMINERS: [&str; 7] = ["a", "an", "the", "its", "his", "her", "their"];

/// The built-in rule files.
/// Order matters: where several rules match beside one group, the first one decides, so
/// the narrower families (music, crew) come before cast.
pub const BUILTIN: &[(&str, &str)] = &[
    ("data/rules/music.rules", include_str!("../../data/rules/music.rules")),
    ("data/rules/crew.rules", include_str!("../../data/rules/crew.rules")),
    ("data/rules/cast.rules", include_str!("../../data/rules/cast.rules")),
];

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
}

#[derive(Clone, Debug, Default)]
struct Caps {
    role: Option<RoleKind>,
    title: Option<usize>,
    character: Option<(usize, usize)>,
}

impl Ctx<'_, '_> {
    fn word(&self, k: usize) -> &str {
        self.inp.tt(k)
    }

    /// Matches the literal `lit` at token `k` (any case): one token, or a hyphenated word
    /// written as touching tokens ("co-directing" is `co`, `-`, `directing`). The token
    /// after it.
    fn literal(&self, k: usize, lit: &str) -> Option<usize> {
        if self.word(k).eq_ignore_ascii_case(lit) {
            return Some(k + 1);
        }
        if !lit.contains('-') {
            return None;
        }
        let mut j = k;
        for (n, piece) in lit.split('-').enumerate() {
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

    /// Matches `parts` from token `k`; the end token and captures of the first match.
    fn run(&self, parts: &[Part], k: usize, caps: Caps) -> Option<(usize, Caps)> {
        let Some((p, rest)) = parts.split_first() else { return Some((k, caps)) };
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
        let w = self.word(k);
        match e {
            Elem::Words(ws) => ws.iter().find_map(|x| self.literal(k, x)).and_then(|next| self.run(rest, next, caps)),
            Elem::Det => DETERMINERS.iter().any(|x| w.eq_ignore_ascii_case(x)).then(|| self.run(rest, k + 1, caps)).flatten(),
            Elem::Role => {
                // (An ASCII word is lower-cased in a stack buffer: this runs for every
                // capitalised word a rule's role slot meets, and must not allocate.)
                let mut buf = [0u8; 32];
                let info = match buf.get_mut(..w.len()) {
                    _ if !w.starts_with(char::is_uppercase) => self.words.info(w),
                    Some(key) if w.is_ascii() => {
                        key.copy_from_slice(w.as_bytes());
                        key.make_ascii_lowercase();
                        self.words.info(std::str::from_utf8(key).unwrap_or(w))
                    }
                    _ => self.words.info(&w.to_lowercase()),
                };
                // (Lower case, or capitalised at the start of a sentence or line: "Producers are".)
                let at_start =
                    k == 0 || matches!(self.word(k - 1), "." | "\n") || self.inp.text[..self.inp.toks[k].span.start].ends_with('\n');
                if !info.is(class::ROLE_NOUN) || !(self.inp.toks[k].shape == Shape::Lower || at_start) {
                    return None;
                }
                // "executive producer" is its own role.
                caps.role = match info.role {
                    Some(RoleKind::Producer) if k > 0 && self.word(k - 1).eq_ignore_ascii_case("executive") => {
                        Some(RoleKind::ExecutiveProducer)
                    }
                    r => r,
                };
                self.run(rest, k + 1, caps)
            }
            Elem::Gap => {
                for n in 0..=6 {
                    let j = k + n;
                    if j > self.b {
                        break;
                    }
                    if n > 0 {
                        let last = j - 1;
                        if matches!(self.word(last), "." | ";") || self.people.iter().any(|p| p.0 <= last && last < p.1) {
                            break;
                        }
                    }
                    if let Some(m) = self.run(rest, j, caps.clone()) {
                        return Some(m);
                    }
                }
                None
            }
            Elem::Title | Elem::Record => {
                let mut at = k;
                while matches!(self.word(at), "“" | "\"" | "‘") {
                    at += 1;
                }
                let &(_, last, t) = self.titles.iter().find(|x| x.0 == at)?;
                let record = self.inp.ents.titles.get(t).is_some_and(|x| matches!(x.kind, TitleKind::Song | TitleKind::Album));
                if *e == Elem::Record && !record {
                    return None;
                }
                caps.title = Some(t);
                let mut end = last;
                while matches!(self.word(end), "”" | "\"" | "’") {
                    end += 1;
                }
                self.run(rest, end, caps)
            }
            Elem::Character => {
                let mut j = k;
                while j < self.b {
                    let t = self.inp.toks[j];
                    let honorific_dot = self.word(j) == "." && j > k && self.words.info(self.word(j - 1)).is(class::HONORIFIC);
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

/// The hits of the built-in rules for a group of people at tokens `first..last` of a
/// sentence ending at token `b`. `people` and `titles` are the sentence's mentions.
pub(crate) fn hits(
    inp: &Input<'_>,
    first: usize,
    last: usize,
    a: usize,
    b: usize,
    people: &[(usize, usize)],
    titles: &[(usize, usize, usize)],
) -> Vec<Hit> {
    let ctx = Ctx { inp, words: WordTable::builtin(), b, people, titles };
    let index = start_index();
    // The rules each start can begin, looked up once per start rather than once per rule.
    // (Tokens `last..last + 3` on the right, `left_from..=first` on the left: a listing
    // may be for the token after a start.)
    let comma = inp.tt(last) == ",";
    let right = [index.at(inp.tt(last)), index.at(inp.tt(last + 1)), if comma { index.at(inp.tt(last + 2)) } else { &[] }];
    let left_from = first.saturating_sub(12).max(a);
    let mut left: [&[u32]; 13] = [&[]; 13];
    for (s, slot) in (left_from..=first).zip(left.iter_mut()) {
        *slot = index.at(inp.tt(s));
    }
    let may = |i: usize, listed: &[&[u32]], at: usize| listed.get(at + index.offset(i)).is_none_or(|l| index.may_start(i, l));
    let mut out = Vec::new();
    for (i, rule) in builtin().iter().enumerate() {
        let m = match rule.side {
            // (An appositive comma may come first: "Jo Kim, who comes aboard as ...".)
            Side::Right => may(i, &right, 0)
                .then(|| ctx.run(&rule.parts, last, Caps::default()))
                .flatten()
                .or_else(|| (comma && may(i, &right, 1)).then(|| ctx.run(&rule.parts, last + 1, Caps::default())).flatten()),
            // Ends right before the group: try the starts within twelve tokens.
            Side::Left => {
                let ctx = Ctx { b: first, ..ctx };
                (left_from..first)
                    .rev()
                    .filter(|&s| may(i, &left, s - left_from))
                    .find_map(|s| ctx.run(&rule.parts, s, Caps::default()).filter(|(end, _)| *end == first))
            }
        };
        let Some((_, caps)) = m else { continue };
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
        out.push(Hit { rule: rule.name.as_str(), role, title: caps.title, character });
        // The first rule that matches decides.
        break;
    }
    out
}

/// Person mentions `(first, last)` and title mentions `(first, last, title)` of a
/// sentence, as token ranges.
pub(crate) type SentenceMentions = (Vec<(usize, usize)>, Vec<(usize, usize, usize)>);

/// Title and person mentions of a sentence as token ranges.
pub(crate) fn sentence_mentions(inp: &Input<'_>, sp: crate::span::Span) -> SentenceMentions {
    let (mut people, mut titles) = (Vec::new(), Vec::new());
    for m in inp.mentions_in(sp) {
        let (s, e) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
        match m.target {
            Target::Person(_) => people.push((s, e)),
            Target::Title(t) => titles.push((s, e, t)),
            _ => {}
        }
    }
    (people, titles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse() {
        assert!(builtin().len() >= 10, "{}", builtin().len());
    }

    /// Every rule's examples: each positive gives its expected credits, at least one of
    /// them read by the rule itself; no negative gives a credit read by the rule.
    #[test]
    fn rule_examples() {
        let ex = crate::Extractor::new().expect("extractor builds");
        let mut failures = Vec::new();
        for rule in builtin() {
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
                    failures.push(format!("{}: + {text:?}\n    missing {missing:?}, read by the rule: {by_rule}, got {got:?}", rule.name));
                }
            }
            for text in &rule.negatives {
                let f = ex.extract(text);
                if let Some(r) = f.roles.iter().find(|r| r.evidence.rule == rule.name) {
                    failures.push(format!("{}: - {text:?}\n    gave {} {:?} {:?}", rule.name, r.person, r.role, r.title));
                }
            }
        }
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
            ("oops", "r.rules:1:1: a line starts with"),
        ] {
            let err = parse(&[("r.rules", text)]).expect_err(text);
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
