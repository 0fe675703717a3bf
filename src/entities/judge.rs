//! The decision for one surface string: what its summed evidence (context, lexicon, tags,
//! quotes) makes of it: a person, a work of a kind, a company, a character, or nothing.

use super::evidence::{is_in, kind_index, Decision, Stats, KINDS};
use super::runs::View;
use crate::facts::TitleKind;
use crate::lexicon::words::class;
use crate::text::Shape;

/// The evidence a run of `n` tokens needs before tie-breaks.
fn need_of(n: usize) -> i32 {
    if n == 1 {
        3
    } else {
        2
    }
}

/// One decision per surface string.
/// Function words that only title case capitalises inside a run (a name's particles
/// "De", "Van", "Le" are not among them, nor syllables of romanized names: "Yoon
/// In-Wan", "An").
const TITLE_CASE_FUNCTION_WORDS: [&str; 6] = ["And", "The", "Of", "To", "For", "With"];

pub(super) fn judge(v: &View<'_>, surface: &str, st: &Stats, words: &crate::lexicon::words::WordTable) -> Option<Decision> {
    let r = st.sample?;
    let n = r.len();
    let whole = words.info(surface);
    if whole.is(class::PLACE) && st.title < 3 && st.person < 3 {
        return None;
    }
    let first = v.info.get(r.first).copied().unwrap_or_default();
    let last = v.info.get(r.last - 1).copied().unwrap_or_default();
    // ("the English voice cast", "the Italian actor X": a nationality alone is no name.)
    if n == 1 && first.is(class::NATIONALITY) && !st.quoted && !st.tagged && st.known.is_none() {
        return None;
    }
    // A station's call sign with its band ("KHJ-TV") or before its channel ("KCET Channel
    // 28") is a network.
    if !st.quoted && v.call_sign_end(r.first) == Some(r.last - 1) && (n == 3 || v.tt(r.last) == "Channel") {
        return Some(Decision::Org(crate::facts::OrgKind::Network));
    }
    // ("KHJ-TV Channel 9": the channel of the station named before it is no company.)
    let station_before = |k: usize| (k.saturating_sub(3)..k).any(|s| v.call_sign_end(s) == Some(k - 1));
    if v.tt(r.first) == "Channel" && r.first > 0 && station_before(r.first) {
        return None;
    }
    // Awards, ceremonies and events: "Best Actor", "97th Academy Awards", "Nintendo Direct".
    let award = |k: usize| v.info.get(k).is_some_and(|w| w.is(class::AWARD)) && v.toks[k].shape == Shape::Capitalized;
    // ("Oscar Isaac" is a person: a first name before a name word is no award.)
    let named = n >= 2 && first.is(class::FIRST_NAME) && !last.is(class::COMMON | class::AWARD);
    if !st.quoted && !named && (award(r.first) || (n >= 2 && award(r.last - 1))) {
        return None;
    }
    // Organizations by suffix: "Skydance Media", "Sucker Punch Productions", "TYO Inc.".
    // ("Ravindra Okonkwo for Bluefield Pictures" is two names: a preposition ends an
    // organization's name, "of" and articles do not.)
    let mut suffix_at = if n >= 3 && v.tt(r.last - 1) == "." { r.last - 2 } else { r.last - 1 };
    // ("Municipal Opera Company of St. Louis": the suffix before "of" and a place.)
    if let Some(of) = (r.first + 2..r.last).find(|&k| v.tt(k) == "of" && v.info.get(k - 1).is_some_and(|w| w.is(class::ORG_SUFFIX))) {
        suffix_at = of - 1;
    }
    // ("ABC Studios International", "Sony Pictures Worldwide": a suffix's reach.)
    if n >= 3
        && matches!(v.tt(suffix_at), "International" | "Worldwide")
        && v.info.get(suffix_at - 1).is_some_and(|w| w.is(class::ORG_SUFFIX))
        && v.toks[suffix_at - 1].shape == Shape::Capitalized
    {
        suffix_at -= 1;
    }
    // ("Steppenwolf Theatre Company’s new space": the possessive's stem is the suffix.)
    let suffix = match v.possessive_len(suffix_at) {
        0 => v.info.get(suffix_at).copied().unwrap_or_default(),
        p => v.tt(suffix_at).get(..v.tt(suffix_at).len() - p).map(|stem| words.info(stem)).unwrap_or_default(),
    };
    // ("Bonnaroo Music and Arts Festival", "Film and Television Studios": "and" between
    // two common words is inside the name; "Netflix and Amazon Studios" are two.)
    let common = |k: usize| v.info.get(k).is_some_and(|w| w.is(class::COMMON)) && v.toks[k].shape == Shape::Capitalized;
    let one_name = (r.first..r.last).all(|k| {
        v.toks[k].shape != Shape::Lower
            || is_in(&["of", "the", "de", "du", "la", "des"], v.tt(k))
            || (v.tt(k) == "and" && k > r.first && common(k - 1) && common(k + 1))
    });
    // ("Carol Fenelon of Deuce Three Prods.": a person of a company is two names.)
    let person_of = first.is(class::FIRST_NAME) && (r.first + 2..r.last).any(|k| v.tt(k) == "of");
    if n >= 2 && suffix.is(class::ORG_SUFFIX) && v.toks[suffix_at].shape == Shape::Capitalized && st.title < 3 && one_name && !person_of {
        if let Some(k) = suffix.org {
            return Some(Decision::Org(k));
        }
    }
    // "Studio Ghibli", "Studio DEEN": a word that starts company names.
    if n >= 2 && first.is(class::ORG_PREFIX) && v.toks[r.first].shape == Shape::Capitalized && !st.quoted && st.title < 3 && one_name {
        if let Some(k) = first.org {
            return Some(Decision::Org(k));
        }
    }
    // A company by the noun beside it ("the channel Showcase"), unless the words say
    // otherwise (a known work, a person's name, a quoted title).
    if let Some(k) = st.org {
        // (A performing company's last word outweighs a given name first: "Santa Fe Opera".)
        let company = matches!(v.tt(r.last - 1), "Opera" | "Ballet");
        let named = n >= 2 && first.is(class::FIRST_NAME) && !company;
        if !st.quoted && st.known.is_none() && st.title < 3 && st.person < 3 && !named {
            return Some(Decision::Org(k));
        }
    }
    // Lexical person evidence, once per string.
    let mut lex_p = 0;
    if n >= 2 && !st.quoted {
        // ("J. Michael Straczynski": an initial, then the given name.)
        let initial_then = v.tt(r.first).len() == 1 && v.tt(r.first + 1) == "." && r.first + 2 < r.last;
        let first = if initial_then { v.info.get(r.first + 2).copied().unwrap_or_default() } else { first };
        if first.is(class::FIRST_NAME) {
            lex_p += if first.is(class::COMMON) { 1 } else { 2 };
        }
        if last.is(class::SURNAME) {
            lex_p += 1;
        }
        // ("Murakami Haruki", "Suzuki Yui": a family name, then a given name, as news writes
        // many Japanese names.)
        if n == 2
            && first.is(class::SURNAME)
            && !first.is(class::FIRST_NAME | class::COMMON)
            && last.is(class::FIRST_NAME)
            && !last.is(class::COMMON)
        {
            lex_p += 2;
        }
        if (r.first..r.last).any(|k| v.info[k].is(class::PARTICLE) && v.toks[k].shape == Shape::Lower || v.tt(k) == ".") {
            lex_p += 1;
        }
        // Initials, then a name that is no word: "M. Night Shyamalan", "J.J. Abrams",
        // "J. Cole" (not "L.A. Confidential").
        let mut k = r.first;
        while k + 1 < r.last && v.tt(k).len() == 1 && v.is_upper(k) && v.tt(k + 1) == "." {
            k += 2;
        }
        if k > r.first
            && k < r.last
            && (k..r.last).all(|j| v.toks[j].shape == Shape::Capitalized || v.possessive_len(j) > 0)
            && !v.info[r.last - 1].is(class::COMMON | class::TITLE_NOUN)
        {
            lex_p += 2;
        }
        // A romanized family name and a two-syllable given name: "Cha Min-won", "Lee
        // Jung-jae" (short capitalised syllables, the second joined by a hyphen).
        let short_cap = |k: usize| v.toks[k].shape == Shape::Capitalized && v.tt(k).len() <= 5;
        if n == 4 && short_cap(r.first) && short_cap(r.first + 1) && v.tt(r.first + 2) == "-" && v.touching(r.first + 1, r.first + 2) {
            let tail = r.first + 3;
            if v.touching(r.first + 2, tail) && v.toks[tail].shape == Shape::Lower && v.tt(tail).len() <= 4 {
                lex_p += 2;
            }
        }
        // Titles have function words, digits and colons; names do not.
        if (r.first..r.last).any(|k| matches!(v.toks[k].shape, Shape::Digits | Shape::Mixed) || matches!(v.tt(k), ":" | "–" | "—" | "&"))
        {
            lex_p -= 3;
        }
        // ... and title case capitalises them: "Jay Kelly And A House Of Dynamite Head To
        // The Lido" is a headline's run, not a name.
        if (r.first + 1..r.last).any(|k| v.toks[k].shape == Shape::Capitalized && is_in(&TITLE_CASE_FUNCTION_WORDS, v.tt(k))) {
            lex_p -= 3;
        }
    }
    if st.extended_only {
        lex_p = i32::MIN / 4;
    }
    // A tag says "this is what the article is about": a title unless the words look
    // like a person's name.
    let (tag_p, tag_t) = match (st.tagged, lex_p >= 2) {
        (false, _) => (0, 0),
        (true, true) => (1, 0),
        (true, false) => (0, if n == 1 { 3 } else { 2 }),
    };
    // "Moana 2", "Toy Story 5", "Grand Theft Auto VI": a trailing sequel number.
    let last_text = v.tt(r.last - 1);
    // ("Top 10", "Seasons 1": a common word and a number is a chart or a part.)
    let sequel_number = n >= 2
        && !st.quoted
        && !(n == 2 && v.info.get(r.first).is_some_and(|w| w.is(class::COMMON)))
        && ((v.toks[r.last - 1].shape == Shape::Digits && last_text.len() <= 2)
            || (v.toks[r.last - 1].shape == Shape::AllCaps
                && matches!(last_text, "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X")));
    let tag_t = tag_t + if sequel_number && !v.info.get(r.first).is_some_and(|w| w.is(class::FIRST_NAME)) { 2 } else { 0 };
    // A well-known work: strong for a distinctive name ("Game of Thrones"), weak for a
    // word or a given name ("Soul", "Michael"), which the context must confirm.
    let known_t = match st.known {
        None => 0,
        Some(_) if n >= 2 => {
            if first.is(class::FIRST_NAME) {
                2
            } else {
                3
            }
        }
        Some(_) if first.is(class::COMMON | class::FIRST_NAME | class::SURNAME | class::MONTH | class::WEEKDAY) => 1,
        Some(_) => 2,
    };
    // A venue ("Hudson Theatre", "Heinz Hall") is no person, whatever its first word.
    let p = if st.nonperson { i32::MIN / 4 } else { lex_p + st.person + tag_p };
    let t = tag_t + st.title + known_t;
    let c = if st.extended_only { 0 } else { st.character };
    // Platforms, genres, charts: never works unless quoted.
    if st.nonwork && !st.quoted && p < need_of(n) {
        return None;
    }
    // "Season 2", "Chapter 3", "Part II" name a part, not a work.
    if n == 2 && !st.quoted && is_in(&["season", "episode", "chapter", "part", "volume", "vol", "phase", "book", "series"], v.tt(r.first)) {
        return None;
    }
    // "Dragon Season 2": a run ending in a season or episode number is a part.
    if n >= 3 && is_in(&["season", "seasons", "episode", "episodes"], v.tt(r.last - 2)) && v.toks[r.last - 1].shape == Shape::Digits {
        return None;
    }
    // ("The Conners Season 2 release date", "taking Season 2 to 19 episodes": a run cut
    // right before a season's number, or starting at one, is a piece of a part's name.)
    let digits_at = |k: usize| v.toks.get(k).is_some_and(|t| t.shape == Shape::Digits);
    if !st.quoted
        && ((n >= 2 && is_in(&["season", "seasons", "episode", "episodes"], v.tt(r.last - 1)) && digits_at(r.last))
            || (n >= 3 && is_in(&["season", "seasons", "series", "episode", "episodes"], v.tt(r.first)) && digits_at(r.first + 1)))
    {
        return None;
    }

    // Single common words, months and all-caps acronyms need strong evidence.
    // (A tag vouches for a single word: "Tagged: wednesday".)
    let single_weak = n == 1
        && !st.tagged
        && st.known.is_none()
        && (first.is(class::COMMON | class::MONTH | class::WEEKDAY) || v.toks[r.first].shape == Shape::AllCaps);
    let need = need_of(n);
    let need = if single_weak && !st.quoted { need + 2 } else { need };

    // Characters have names that look like people's: what the words say (a known given
    // name, a surname) does not count against what the context says is a part.
    let p_context = if st.nonperson { p } else { st.person + tag_p };
    // (A tie with a well-known work goes to the work: "landed the role of Black Panther"
    // names a part, but with no one credited the name would be lost.)
    // (For a well-known work the part's cues count once, as the work's own evidence
    // does: a second "the role of Black Panther" must not turn the work into a part.)
    let c_part = if st.known.is_some() { c.min(3) } else { c };
    if c_part >= 3 && c_part >= p_context && (c_part > t || (c_part == t && st.known.is_none())) {
        return Some(Decision::Character);
    }
    // A venue ("Guthrie Theater", "Royce Hall") is no work unless quoted or well known.
    if st.nonperson && !st.quoted && st.known.is_none() {
        return None;
    }
    if t >= need && t >= p {
        let mut kinds = st.kinds;
        if let Some(k) = st.known {
            kinds[kind_index(k)] += 4;
        }
        let best = (0..8).max_by_key(|&i| (kinds[i], -(i as i32))).unwrap_or(0);
        let kind = if kinds[best] > 0 { KINDS[best] } else { TitleKind::Film };
        return Some(Decision::Title(kind));
    }
    if p >= need && p > t {
        if n == 1 && first.is(class::COMMON) && !first.is(class::FIRST_NAME | class::SURNAME) {
            return None;
        }
        return Some(Decision::Person);
    }
    None
}
