//! The extractor: wires the stages in order. Only this module knows the order.
//!
//! article layout → tokens → sentences → dates → entities → relations → facts.

use std::path::Path;
use std::sync::Arc;

use crate::article::{Article, ArticleMeta};
use crate::dates::{DateScanner, Found};
use crate::entities;
use crate::error::{Error, ErrorKind};
use crate::facts::{DateMention, Evidence, Facts, Mention, OrgKind, Organization, Person, Release, Role, Title, TitleKind};
use crate::lexicon::lexed::Lexed;
use crate::lexicon::words::WordTable;
use crate::lexicon::{self, Category, GazetteerBuilder};
use crate::lexicon::{Gazetteer, TitleLexicon};
use crate::relations;
use crate::relations::rules::RuleSet;
use crate::span::Span;
use crate::text::{split_sentences, tokenize, Sentence, Token};

/// Collects options and gazetteers, then compiles an [`Extractor`].
///
/// ```
/// use newsfacts::{Extractor, TitleKind};
/// let ex = Extractor::builder()
///     .people(["Keanu Reeves"])
///     .titles(["John Wick"], TitleKind::Franchise)
///     .build()?;
/// let facts = ex.extract("Keanu Reeves returns in John Wick for Lionsgate.");
/// assert_eq!(facts.people[0].name, "Keanu Reeves");
/// assert_eq!(facts.titles[0].name, "John Wick");
/// assert_eq!(facts.organizations[0].name, "Lionsgate");
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    user: GazetteerBuilder,
    no_builtin: bool,
    /// User rule files: (name, text).
    rules: Vec<(String, String)>,
}

impl ExtractorBuilder {
    /// A builder with the built-in lexicons and no user gazetteer.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds people's names (exact case).
    pub fn people<I, S>(mut self, names: I) -> ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.user = self.user.extend(names, Category::Person);
        self
    }

    /// Adds titles of one kind (exact case).
    pub fn titles<I, S>(mut self, names: I, kind: TitleKind) -> ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.user = self.user.extend(names, Category::Title(kind));
        self
    }

    /// Adds organizations of one kind (exact case).
    pub fn orgs<I, S>(mut self, names: I, kind: OrgKind) -> ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.user = self.user.extend(names, Category::Org(kind));
        self
    }

    /// Reads a people gazetteer file: one name a line (see [`GazetteerBuilder::parse`]).
    pub fn people_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        self.user = self.user.file(path, Category::Person)?;
        Ok(self)
    }

    /// Reads a titles gazetteer file: `name` (a film) or `name<TAB>kind`.
    pub fn titles_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        self.user = self.user.file(path, Category::Title(TitleKind::Film))?;
        Ok(self)
    }

    /// Reads an organizations gazetteer file: `name` (kind `other`) or `name<TAB>kind`.
    pub fn orgs_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        self.user = self.user.file(path, Category::Org(OrgKind::Other))?;
        Ok(self)
    }

    /// Reads a file of credit rules (the format of `data/rules/*.rules`, see `docs/rules.md`)
    /// to run beside the built-in ones; where one of them and a built-in rule both match,
    /// the user's rule decides. The file is parsed in [`build`](Self::build), where a bad
    /// rule is an error naming file, line and column.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("nf-rules-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("mine.rules");
    /// std::fs::write(&path, "rule\tcrew.steers\tright\tdirector\tsteers {title}\n\
    ///     +\tAna Ruiz steers “Harbor Lights”.\tAna Ruiz|director|Harbor Lights|null\n\
    ///     -\tAna Ruiz steers nothing.\n")?;
    /// let ex = newsfacts::Extractor::builder().rules_file(&path)?.build()?;
    /// let facts = ex.extract("Ana Ruiz steers “Harbor Lights” for the studio.");
    /// assert_eq!(facts.roles[0].person, "Ana Ruiz");
    /// assert_eq!(facts.roles[0].evidence.rule, "crew.steers");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rules_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::io(name.clone(), e))?;
        let text = crate::decode(&bytes).map_err(|e| Error::from(ErrorKind::Rules(format!("{name}: {e}"))))?;
        self.rules.push((name, text.to_string()));
        Ok(self)
    }

    /// Adds credit rules from a string, as [`rules_file`](Self::rules_file) does; `name`
    /// stands for the file in error messages.
    ///
    /// ```
    /// let bad = newsfacts::Extractor::builder().rules_text("mine.rules", "rule\tcrew.x\tright\tdirector\tsteers <who>").build();
    /// assert_eq!(bad.unwrap_err().to_string(), "mine.rules:1:35: unknown element \"<who>\"");
    /// ```
    pub fn rules_text(mut self, name: &str, text: &str) -> ExtractorBuilder {
        self.rules.push((name.to_string(), text.to_string()));
        self
    }

    /// Adds every entry of a prepared gazetteer builder.
    pub fn gazetteer(mut self, g: GazetteerBuilder) -> ExtractorBuilder {
        self.user = self.user.merge(g);
        self
    }

    /// Whether to use the built-in lexicons of organizations, publications, places and
    /// well-known titles (default: yes).
    pub fn builtin_lexicons(mut self, yes: bool) -> ExtractorBuilder {
        self.no_builtin = !yes;
        self
    }

    /// Validates the options and compiles every automaton.
    pub fn build(self) -> Result<Extractor, Error> {
        let builtin = if self.no_builtin { Gazetteer::empty() } else { lexicon::builtin()? };
        let known_titles = if self.no_builtin { TitleLexicon::empty() } else { lexicon::known_titles()? };
        let user = self.user.build()?;
        let rules = if self.rules.is_empty() {
            None
        } else {
            let files: Vec<(&str, &str)> = self.rules.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
            Some(RuleSet::with_user(&files).map_err(ErrorKind::Rules)?)
        };
        Ok(Extractor { inner: Arc::new(Engine { builtin, known_titles, user, dates: DateScanner::new(), rules }) })
    }
}

/// Pipeline stages, in order (for [`Extractor::extract_until`]).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Layout, tokens and sentences.
    Text,
    /// Then dates.
    Dates,
    /// Then entities.
    Entities,
    /// Then relations: everything.
    Relations,
}

/// The compiled extractor: immutable, `Send + Sync`, cheap to clone; build it once and
/// call [`extract`](Extractor::extract) many times.
///
/// ```
/// use newsfacts::{ArticleMeta, Extractor};
/// let ex = Extractor::new()?;
/// let text = " date 2025-06-01 Posted in: Movies | Tagged: Ballerina\n\nHeadline\n\nLionsgate shared a clip.";
/// let facts = ex.extract(text);
/// assert_eq!(facts.published.as_deref(), Some("2025-06-01"));
/// assert_eq!(facts.section.as_deref(), Some("Movies"));
/// assert_eq!(facts.organizations[0].mentions[0].text, "Lionsgate");
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Engine>,
}

#[derive(Debug)]
struct Engine {
    builtin: Gazetteer,
    known_titles: TitleLexicon,
    user: Gazetteer,
    dates: DateScanner,
    /// The built-in credit rules and the user's; `None` for the built-in ones alone.
    rules: Option<RuleSet>,
}

impl Engine {
    fn rules(&self) -> &RuleSet {
        self.rules.as_ref().unwrap_or_else(|| RuleSet::builtin())
    }
}

impl Extractor {
    /// An extractor with the built-in lexicons only.
    pub fn new() -> Result<Extractor, Error> {
        ExtractorBuilder::new().build()
    }

    /// A builder for options and user gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Runs the examples of the user's rules (see
    /// [`ExtractorBuilder::rules_file`]) and returns one line per example that does not
    /// hold: a `+` example whose credits are not all found or not read by its rule, a `-`
    /// example the rule reads. Empty when all hold (or there are no user rules).
    ///
    /// ```
    /// let ex = newsfacts::Extractor::builder()
    ///     .rules_text("mine.rules", "rule\tcrew.steers\tright\tdirector\tsteers {title}\n\
    ///         +\tAna Ruiz steers “Harbor Lights”.\tAna Ruiz|director|Harbor Lights|null\n\
    ///         -\tAna Ruiz steers “Harbor Lights” once.\n")
    ///     .build()?;
    /// let failures = ex.check_rules();
    /// assert_eq!(failures.len(), 1);
    /// assert!(failures[0].starts_with("crew.steers: - "));
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn check_rules(&self) -> Vec<String> {
        relations::rules::example_failures(self, self.inner.rules().user())
    }

    /// Extracts the facts of one article.
    pub fn extract(&self, text: &str) -> Facts {
        self.extract_with(text, &ArticleMeta::default())
    }

    /// Extracts the facts of one article; `meta.published` anchors relative dates when
    /// the text has no metadata line with a date.
    pub fn extract_with(&self, text: &str, meta: &ArticleMeta) -> Facts {
        self.pipeline(text, meta, Stage::Relations)
    }

    /// Runs the pipeline up to and including `stop` (for the per-stage benchmarks);
    /// earlier stops return facts with only the layout filled in.
    #[doc(hidden)]
    pub fn extract_until(&self, text: &str, stop: Stage) -> Facts {
        self.pipeline(text, &ArticleMeta::default(), stop)
    }

    /// Runs the stages on the normalized view of `text` (see `text::normalize`) and maps
    /// every span back into `text`.
    fn pipeline(&self, text: &str, meta: &ArticleMeta, stop: Stage) -> Facts {
        let view = crate::text::normalize::normalize(text);
        if !view.changed() {
            return self.run(text, meta, stop);
        }
        let mut facts = self.run(&view.text, meta, stop);
        remap(&mut facts, &view, text);
        facts
    }

    fn run(&self, text: &str, meta: &ArticleMeta, stop: Stage) -> Facts {
        let e = &*self.inner;
        let article = Article::parse(text);
        let published = article.published.or(meta.published);
        let mut warnings = article.warnings.clone();

        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut sentences: Vec<Sentence> = Vec::new();
        // Sentences never cross the metadata line, the headline or a paragraph break:
        // tokenize the body blocks one at a time into one token buffer.
        let body_start = article.meta_line.map_or(0, |m| m.end);
        let body = text.get(body_start..).unwrap_or("");
        tokenize(body, &mut tokens);
        for t in &mut tokens {
            t.span = Span::new(t.span.start + body_start, t.span.end + body_start);
        }
        split_sentences(text, &tokens, &mut sentences);
        let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();

        if stop == Stage::Text {
            return Facts { warnings, ..Facts::default() };
        }
        let mut found: Vec<Found> = Vec::new();
        e.dates.scan(text, &sentence_spans, published, &mut found, &mut warnings);
        if stop == Stage::Dates {
            return Facts { warnings, ..Facts::default() };
        }

        // "the series Wednesday", "the film May December": a calendar word right after a
        // noun naming a kind of work is that work's title, not a date.
        found.retain(|d| {
            let i = tokens.partition_point(|t| t.span.start < d.span.start);
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p)).and_then(|t| t.span.get(text)).unwrap_or("");
            let words = WordTable::builtin().info(prev);
            !(words.is(crate::lexicon::words::class::TITLE_NOUN)
                && words.title.is_some()
                && d.relative
                && !d.span.get(text).unwrap_or("").contains(' '))
        });
        let date_spans: Vec<Span> = found.iter().map(|d| d.span).collect();
        // The one lexicon pass: every token's key and word classes, for all later stages.
        let lexed = Lexed::new(text, &tokens, WordTable::builtin());
        // An impossible day ("February 30") keeps its span from titles, then goes: the
        // warning already names it.
        found.retain(|d| !d.impossible);
        let ents = entities::recognize(&entities::Input {
            text,
            toks: &tokens,
            sentences: &sentences,
            article: &article,
            dates: &date_spans,
            gazetteers: &[&e.user, &e.builtin],
            known_titles: &e.known_titles,
            words: WordTable::builtin(),
            lex: &lexed,
        });
        // A year inside a title is the title's ("Blade Runner 2049").
        let titles_at: Vec<Span> =
            ents.mentions.iter().filter(|m| matches!(m.target, entities::Target::Title(_))).map(|m| m.span).collect();
        found.retain(|d| {
            // Mentions are sorted and do not overlap: the one starting last at or before
            // the date is the only one that can contain it.
            let i = titles_at.partition_point(|m| m.start <= d.span.start);
            // ("on Wednesday" stays a date even in an article about "Wednesday": only a
            // date strictly inside a longer title is the title's.)
            !(i > 0 && titles_at[i - 1].contains(d.span) && titles_at[i - 1] != d.span)
        });
        if let Some(at) = ents.schedule_cut {
            warnings.push(format!(
                "schedule list row at byte {at} and those after it not read (more than {} rows)",
                entities::rows::MAX_SCHEDULE_ROWS
            ));
        }
        if stop == Stage::Entities {
            return Facts { warnings, ..Facts::default() };
        }

        for s in &sentences {
            if s.last - s.first > relations::MAX_SENTENCE_TOKENS {
                warnings.push(format!(
                    "sentence at byte {} has {} tokens; credits and releases not read in it (limit {})",
                    s.span.start,
                    s.last - s.first,
                    relations::MAX_SENTENCE_TOKENS
                ));
            }
        }
        // (Relations look dates up by binary search.)
        found.sort_by_key(|d| (d.span.start, d.span.end));
        let rel = relations::Input {
            text,
            toks: &tokens,
            sentences: &sentences,
            article: &article,
            ents: &ents,
            dates: &found,
            published,
            rules: e.rules(),
            lex: &lexed,
        };
        let focal = rel.focal_title();
        let mut credits = Vec::new();
        relations::roles::find(&rel, focal, &mut credits);
        let mut claims = Vec::new();
        relations::releases::find(&rel, focal, &mut claims);
        relations::schedule::find(&rel, &mut claims);
        relations::schedule::slots(&rel, &mut claims);
        relations::lineup::find(&rel, &mut claims, &mut credits);
        relations::releases::merge_undated(&mut claims);
        relations::awards::find(&rel, &mut credits);
        relations::rows::find(&rel, &mut credits);
        relations::filmography::find(&rel, &mut credits);
        relations::roles::retype_by_kind_of_work(&rel, &mut credits);
        let title_name = |i: usize| ents.titles.get(i).map(|t| t.name.clone());
        let roles: Vec<Role> = credits
            .into_iter()
            .filter_map(|c| {
                Some(Role {
                    person: ents.people.get(c.person)?.name.clone(),
                    role: c.role,
                    character: c.character,
                    title: c.title.and_then(title_name),
                    evidence: Evidence::new(c.evidence, c.rule),
                })
            })
            .collect();
        let releases: Vec<Release> = claims
            .into_iter()
            .filter_map(|c| {
                Some(Release {
                    title: title_name(c.title)?,
                    date: c.date,
                    status: c.status,
                    venue: c.venue,
                    platform: c.platform,
                    hedged: c.hedged,
                    evidence: Evidence::new(c.evidence, c.rule),
                })
            })
            .collect();

        let mention = |sp: Span| Mention { start: sp.start, end: sp.end, text: text.get(sp.start..sp.end).unwrap_or("").to_string() };
        let get = |sp: Option<Span>| sp.and_then(|s| s.get(text)).map(str::to_string);
        Facts {
            published: published.map(|d| d.to_string()),
            section: get(article.section),
            tags: article.tags.iter().filter_map(|t| t.get(text)).map(str::to_string).collect(),
            headline: get(article.headline),
            people: ents
                .people
                .iter()
                .map(|p| Person { name: p.name.clone(), mentions: p.mentions.iter().map(|&s| mention(s)).collect() })
                .collect(),
            titles: ents
                .titles
                .iter()
                .map(|t| Title { name: t.name.clone(), kind: t.kind, mentions: t.mentions.iter().map(|&s| mention(s)).collect() })
                .collect(),
            organizations: ents
                .orgs
                .iter()
                .map(|o| Organization { name: o.name.clone(), kind: o.kind, mentions: o.mentions.iter().map(|&s| mention(s)).collect() })
                .collect(),
            dates: found
                .into_iter()
                .map(|d| DateMention {
                    text: text.get(d.span.start..d.span.end).unwrap_or("").to_string(),
                    start: d.span.start,
                    end: d.span.end,
                    value: d.value,
                    granularity: d.granularity,
                    relative: d.relative,
                })
                .collect(),
            roles,
            releases,
            warnings,
        }
    }

    /// Extracts many articles, in parallel on all cores when the `parallel` feature is on
    /// (the default), sequentially otherwise. Results come back in input order.
    ///
    /// ```
    /// let ex = newsfacts::Extractor::new()?;
    /// let texts = ["Netflix renewed the show.", "Lionsgate shared a clip."];
    /// let all = ex.extract_batch(&texts, &Default::default());
    /// assert_eq!(all[1].organizations[0].name, "Lionsgate");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S], meta: &ArticleMeta) -> Vec<Facts> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.extract_with(t.as_ref(), meta)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().map(|t| self.extract_with(t.as_ref(), meta)).collect()
        }
    }

    /// Extracts from raw bytes: invalid UTF-8 or binary input is an error naming the byte
    /// offset.
    ///
    /// ```
    /// let ex = newsfacts::Extractor::new()?;
    /// let err = ex.extract_bytes(b"Netflix \xff", &Default::default()).unwrap_err();
    /// assert_eq!(err.to_string(), "input is not valid UTF-8 at byte 8");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn extract_bytes(&self, bytes: &[u8], meta: &ArticleMeta) -> Result<Facts, Error> {
        Ok(self.extract_with(crate::error::decode(bytes)?, meta))
    }
}

/// Moves every span of `facts`, found on the normalized `view`, into `input`; the
/// surface texts become the input's own bytes at those spans.
fn remap(facts: &mut Facts, view: &crate::text::normalize::Normalized<'_>, input: &str) {
    let surface = |sp: Span| input.get(sp.start..sp.end).unwrap_or("").to_string();
    let mentions = facts
        .people
        .iter_mut()
        .flat_map(|p| p.mentions.iter_mut())
        .chain(facts.titles.iter_mut().flat_map(|t| t.mentions.iter_mut()))
        .chain(facts.organizations.iter_mut().flat_map(|o| o.mentions.iter_mut()));
    for m in mentions {
        let sp = view.span(m.span());
        (m.start, m.end, m.text) = (sp.start, sp.end, surface(sp));
    }
    for d in &mut facts.dates {
        let sp = view.span(Span::new(d.start, d.end));
        (d.start, d.end, d.text) = (sp.start, sp.end, surface(sp));
    }
    let evidence = facts.roles.iter_mut().map(|r| &mut r.evidence).chain(facts.releases.iter_mut().map(|r| &mut r.evidence));
    for ev in evidence {
        let sp = view.span(ev.span());
        (ev.start, ev.end) = (sp.start, sp.end);
    }
    for w in &mut facts.warnings {
        *w = remap_warning(w, |n| view.start(n));
    }
}

/// Rewrites the byte offsets a warning names ("at byte N") with `map`.
fn remap_warning(w: &str, map: impl Fn(usize) -> usize) -> String {
    const AT: &str = "at byte ";
    let mut out = String::with_capacity(w.len());
    let mut rest = w;
    while let Some(i) = rest.find(AT) {
        let (head, tail) = rest.split_at(i + AT.len());
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        match tail[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&map(n).to_string()),
            Err(_) => out.push_str(&tail[..digits]),
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_clone() {
        fn assert<T: Send + Sync + Clone>() {}
        assert::<Extractor>();
    }

    #[test]
    fn warnings_name_input_offsets() {
        assert_eq!(remap_warning("a at byte 10; b at byte 3x", |n| n + 3), "a at byte 13; b at byte 6x");
        assert_eq!(remap_warning("no offset", |n| n), "no offset");
    }
}
