//! # newsfacts
//!
//! Structured, verifiable facts from entertainment news: the people named, the titles of
//! films, series, games and albums with their kind, the studios and streamers, every date
//! (normalized to ISO and resolved against the publication date), credits (who directs,
//! writes or plays whom in what) and release claims. Every fact carries the byte span of
//! its evidence.
//!
//! Domain rules, dictionaries (`aho-corasick`) and normalization in one linear pass: no
//! model, no network, explainable output.
//!
//! ```
//! use newsfacts::{ArticleMeta, Date, Extractor};
//!
//! let ex = Extractor::new()?; // build once, share across threads
//! let text = "Lionsgate shared a new featurette for the film.";
//! let facts = ex.extract_with(text, &ArticleMeta::published("2025-06-01".parse::<Date>()?));
//! assert_eq!(facts.published.as_deref(), Some("2025-06-01"));
//! let org = &facts.organizations[0];
//! assert_eq!((org.name.as_str(), org.kind), ("Lionsgate", newsfacts::OrgKind::Studio));
//! assert_eq!(&text[org.mentions[0].start..org.mentions[0].end], "Lionsgate");
//! # Ok::<(), newsfacts::Error>(())
//! ```
//!
//! The JSON shape of [`Facts`] is the contract in `docs/facts-json.md` (the answer keys of
//! [`eval`] follow `docs/gold-json.md`); `newsfacts extract`
//! prints it.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod date;
pub mod dates;
mod entities;
mod error;
pub mod eval;
mod extractor;
mod facts;
mod hash;
mod html;
pub mod lexicon;
mod relations;
mod span;
pub mod text;

pub use crate::article::{Article, ArticleMeta};
pub use crate::date::Date;
pub use crate::error::{decode, Error, ErrorKind};
pub use crate::extractor::{Extractor, ExtractorBuilder, Stage};
pub use crate::facts::{
    DateMention, DateValue, Evidence, Facts, Granularity, Mention, OrgKind, Organization, Person, Release, ReleaseStatus, Role, RoleKind,
    Title, TitleKind, Venue,
};
pub use crate::html::{render_eval_html, render_eval_html_selected, render_html};
pub use crate::lexicon::{CasePolicy, Category, Gazetteer, GazetteerBuilder};
pub use crate::span::Span;

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
