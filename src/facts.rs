//! The output types: they serialize to exactly the JSON of the facts contract
//! (`facts-json.md`). Field names here are a promise to users.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Everything extracted from one article.
///
/// ```
/// let ex = newsfacts::Extractor::new()?;
/// let facts = ex.extract("Lionsgate will release the film.");
/// assert_eq!(facts.organizations[0].name, "Lionsgate");
/// let json = serde_json::to_value(&facts).unwrap();
/// assert!(json["people"].is_array() && json["published"].is_null());
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Facts {
    /// Publication date (`YYYY-MM-DD`), from the metadata line or the caller.
    pub published: Option<String>,
    /// Section from the metadata line.
    pub section: Option<String>,
    /// Tags from the metadata line, as written.
    pub tags: Vec<String>,
    /// The headline, when the article has one.
    pub headline: Option<String>,
    /// People named.
    pub people: Vec<Person>,
    /// Titles of works and franchises.
    pub titles: Vec<Title>,
    /// Studios, networks, streamers and other organizations.
    pub organizations: Vec<Organization>,
    /// Every date mention, normalized.
    pub dates: Vec<DateMention>,
    /// Credits: who holds which role on which title.
    pub roles: Vec<Role>,
    /// Release and production-status claims.
    pub releases: Vec<Release>,
    /// Problems worked around (malformed metadata, typo'd years, work caps).
    pub warnings: Vec<String>,
}

/// One place an entity is named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Exactly `input[start..end]`.
    pub text: String,
}

impl Mention {
    /// The mention's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A person and every mention of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Canonical name: the longest full form the article uses.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A titled work or franchise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// Canonical title: the fullest form the article uses.
    pub name: String,
    /// What kind of work.
    pub kind: TitleKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// An organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Canonical name.
    pub name: String,
    /// What kind of organization.
    pub kind: OrgKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// Kinds of titled works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TitleKind {
    /// A film.
    Film,
    /// A TV or streaming series.
    Series,
    /// A franchise or shared universe.
    Franchise,
    /// A video game.
    Game,
    /// A music album.
    Album,
    /// A song or single.
    Song,
    /// A book or comic.
    Book,
    /// Anything else.
    Other,
}

/// Kinds of organizations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgKind {
    /// Film, TV or game studio, production company.
    Studio,
    /// Broadcast or cable network.
    Network,
    /// Streaming service.
    Streamer,
    /// Distributor.
    Distributor,
    /// Publisher (games, books, comics).
    Publisher,
    /// Record label.
    Label,
    /// Festivals, awards bodies and anything else.
    Other,
}

/// The granularity of a date value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// `2025-06-06`
    Day,
    /// `2025-06`
    Month,
    /// `2025-Q3`
    Quarter,
    /// `2025-SU`
    Season,
    /// `2025`
    Year,
}

/// A normalized date value: one ISO string or a range.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    /// A single value at the mention's granularity.
    Point(String),
    /// A range; both ends at the mention's granularity.
    Range {
        /// First value.
        from: String,
        /// Last value (inclusive).
        to: String,
    },
}

impl DateValue {
    /// The value as one string: the point, or `FROM/TO` for a range (ISO 8601 interval).
    pub fn to_iso(&self) -> String {
        match self {
            DateValue::Point(s) => s.clone(),
            DateValue::Range { from, to } => format!("{from}/{to}"),
        }
    }
}

/// One date mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Exactly `input[start..end]`.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The ISO value, or `null` when relative with no publication date.
    pub value: Option<DateValue>,
    /// Granularity of the value.
    pub granularity: Granularity,
    /// Whether the value depends on the publication date ("next Friday", "last year").
    pub relative: bool,
}

/// Credit roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoleKind {
    /// On-screen performer.
    Actor,
    /// Director.
    Director,
    /// Writer, screenwriter, story credit.
    Writer,
    /// Producer.
    Producer,
    /// Executive producer.
    ExecutiveProducer,
    /// Creator of a series or franchise.
    Creator,
    /// Showrunner.
    Showrunner,
    /// Composer.
    Composer,
    /// Cinematographer / director of photography.
    Cinematographer,
    /// Editor.
    Editor,
    /// Host or presenter.
    Host,
    /// Voice performer.
    Voice,
    /// Musician (performer on a record).
    Musician,
    /// Any other credit.
    Other,
}

/// A credit: a person's role on a title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The person's canonical name.
    pub person: String,
    /// The role.
    pub role: RoleKind,
    /// The character played, when stated.
    pub character: Option<String>,
    /// The title's canonical name, when known.
    pub title: Option<String>,
    /// The text the credit was read from, and the rule that read it.
    pub evidence: Evidence,
}

/// Where a credit or a release claim was read (byte offsets, half-open, as [`Span`]) and
/// the name of the rule that read it (`cast.signed-on`, `release.delay`, `lineup.entry`;
/// `code.*` for the cue families not yet moved to rule files).
///
/// ```
/// let e = newsfacts::Evidence { start: 3, end: 9, rule: "cast.signed-on".into() };
/// assert_eq!(e.span(), newsfacts::Span::new(3, 9));
/// assert_eq!(serde_json::to_string(&e)?, r#"{"start":3,"end":9,"rule":"cast.signed-on"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The rule's name.
    #[serde(default)]
    pub rule: std::borrow::Cow<'static, str>,
}

impl Evidence {
    /// Evidence at `span`, read by `rule`.
    pub fn new(span: Span, rule: impl Into<std::borrow::Cow<'static, str>>) -> Evidence {
        Evidence { start: span.start, end: span.end, rule: rule.into() }
    }

    /// The byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Release and production statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReleaseStatus {
    /// Already out.
    Released,
    /// Dated for the future.
    Scheduled,
    /// Announced, no firm date.
    Announced,
    /// Greenlit or renewed.
    Greenlit,
    /// Filming or in production.
    InProduction,
    /// Moved to a later date.
    Delayed,
    /// Cancelled.
    Cancelled,
}

/// Where a work is released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Venue {
    /// Cinemas.
    Theaters,
    /// A streaming service.
    Streaming,
    /// Broadcast or cable TV.
    Tv,
    /// Disc, digital purchase or rental.
    HomeVideo,
    /// A festival screening.
    Festival,
}

/// A release or production-status claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// The title's canonical name.
    pub title: String,
    /// The date value (`null` when none is stated).
    pub date: Option<DateValue>,
    /// The status claimed.
    pub status: ReleaseStatus,
    /// Where, when stated.
    pub venue: Option<Venue>,
    /// The streamer or network named, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Whether the text hedges the claim ("reportedly", "could").
    pub hedged: bool,
    /// The text the claim was read from.
    pub evidence: Evidence,
}

/// Parses a contract kind name, case-insensitively.
pub(crate) fn parse_title_kind(s: &str) -> Option<TitleKind> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "film" | "movie" => TitleKind::Film,
        "series" | "show" | "tv" => TitleKind::Series,
        "franchise" => TitleKind::Franchise,
        "game" => TitleKind::Game,
        "album" => TitleKind::Album,
        "song" | "single" => TitleKind::Song,
        "book" | "comic" => TitleKind::Book,
        "other" => TitleKind::Other,
        _ => return None,
    })
}

/// Parses an organization kind; `festival` and `awards` (lexicon-only kinds) map to
/// `other`.
pub(crate) fn parse_org_kind(s: &str) -> Option<OrgKind> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "studio" => OrgKind::Studio,
        "network" => OrgKind::Network,
        "streamer" => OrgKind::Streamer,
        "distributor" => OrgKind::Distributor,
        "publisher" => OrgKind::Publisher,
        "label" => OrgKind::Label,
        "other" | "festival" | "awards" => OrgKind::Other,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_to_contract_names() {
        let r = Role {
            person: "Ana de Armas".into(),
            role: RoleKind::ExecutiveProducer,
            character: None,
            title: Some("Ballerina".into()),
            evidence: Evidence::new(Span::new(1, 5), "crew.test"),
        };
        let j = serde_json::to_string(&r).unwrap();
        assert_eq!(
            j,
            r#"{"person":"Ana de Armas","role":"executive_producer","character":null,"title":"Ballerina","evidence":{"start":1,"end":5,"rule":"crew.test"}}"#
        );
        let rel = Release {
            title: "Ballerina".into(),
            date: Some(DateValue::Range { from: "2025-09-04".into(), to: "2025-09-14".into() }),
            status: ReleaseStatus::InProduction,
            venue: Some(Venue::HomeVideo),
            platform: None,
            hedged: false,
            evidence: Evidence::new(Span::new(0, 1), "release.cue"),
        };
        let j = serde_json::to_string(&rel).unwrap();
        assert!(j.contains(r#""date":{"from":"2025-09-04","to":"2025-09-14"}"#), "{j}");
        assert!(j.contains(r#""status":"in_production""#) && j.contains(r#""venue":"home_video""#), "{j}");
        let d = DateMention {
            text: "2025".into(),
            start: 0,
            end: 4,
            value: Some(DateValue::Point("2025".into())),
            granularity: Granularity::Year,
            relative: false,
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"text":"2025","start":0,"end":4,"value":"2025","granularity":"year","relative":false}"#
        );
    }

    #[test]
    fn empty_facts_have_every_field() {
        let v = serde_json::to_value(Facts::default()).unwrap();
        for key in
            ["published", "section", "tags", "headline", "people", "titles", "organizations", "dates", "roles", "releases", "warnings"]
        {
            assert!(v.get(key).is_some(), "missing {key}");
        }
    }
}
