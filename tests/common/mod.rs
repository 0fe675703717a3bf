//! The contract's vocabularies (`facts-json.md`), shared by the integration tests.
#![allow(dead_code)]

pub const TITLE_KINDS: [&str; 8] = ["film", "series", "franchise", "game", "album", "song", "book", "other"];
pub const ORG_KINDS: [&str; 7] = ["studio", "network", "streamer", "distributor", "publisher", "label", "other"];
pub const GRANULARITIES: [&str; 5] = ["day", "month", "quarter", "season", "year"];
pub const ROLES: [&str; 14] = [
    "actor",
    "director",
    "writer",
    "producer",
    "executive_producer",
    "creator",
    "showrunner",
    "composer",
    "cinematographer",
    "editor",
    "host",
    "voice",
    "musician",
    "other",
];
pub const STATUSES: [&str; 7] = ["released", "scheduled", "announced", "greenlit", "in_production", "delayed", "cancelled"];
pub const VENUES: [&str; 5] = ["theaters", "streaming", "tv", "home_video", "festival"];
