//! Entities: people, titles and organizations from the lexicons and from the text.

use crate::facts::{OrgKind, TitleKind};
use crate::lexicon::{Category, Gazetteer};
use crate::span::Span;

/// An entity with its canonical name and mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<K> {
    /// Canonical name.
    pub name: String,
    /// Kind (unit for people).
    pub kind: K,
    /// Mentions in text order.
    pub mentions: Vec<Span>,
}

/// Everything the entity stage found.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// People.
    pub people: Vec<Entity<()>>,
    /// Titles.
    pub titles: Vec<Entity<TitleKind>>,
    /// Organizations.
    pub orgs: Vec<Entity<OrgKind>>,
}

fn add<K: Copy>(list: &mut Vec<Entity<K>>, name: &str, kind: K, span: Span) {
    match list.iter_mut().find(|e| e.name == name) {
        Some(e) => e.mentions.push(span),
        None => list.push(Entity { name: name.to_string(), kind, mentions: vec![span] }),
    }
}

/// Collects gazetteer hits into entities (`gazetteers` in priority order).
pub fn from_gazetteers(text: &str, gazetteers: &[&Gazetteer]) -> Entities {
    let mut out = Entities::default();
    let mut taken: Vec<Span> = Vec::new();
    for g in gazetteers {
        for hit in g.find_iter(text) {
            if taken.iter().any(|t| t.overlaps(hit.span)) {
                continue;
            }
            let name = hit.entry.canonical();
            match hit.entry.category {
                Category::Person => add(&mut out.people, name, (), hit.span),
                Category::Title(k) => add(&mut out.titles, name, k, hit.span),
                Category::Org(k) => add(&mut out.orgs, name, k, hit.span),
                Category::Publication | Category::Place => {}
            }
            taken.push(hit.span);
        }
    }
    out
}
