//! Characters and voices: the part a person plays ("X as Y", "X (Y)", "X plays Y", "X is
//! Y" in a sentence that casts, pairs of parts after a list of actors), and the works
//! whose parts are voiced (a voice cast, "voiced by", a work the article calls animated).

use super::roles::{is_in, Credit, Item, AUX};
use super::Input;
use crate::entities::Target;
use crate::facts::RoleKind;
use crate::hash::FxHashMap;
use crate::lexicon::lexed::keys;
use crate::lexicon::words::{class, WordTable};
use crate::span::Span;
use crate::text::Shape;

/// "Zootopia’s voice cast: … J.K. Simmons plays Mayor Lionheart": in a work named beside
/// a voice cast ("voice cast", "lend their voices", "voiced by"), the parts are voices. The
/// actor credits with a character on such a work become voice credits (and merge with a
/// voice credit the same person already has there).
pub(super) fn voice_casts(inp: &Input<'_>, out: &mut Vec<Credit>) {
    let mut voiced: Vec<usize> = Vec::new();
    // Works the article calls animated ("this animated comedy", "the animated film"):
    // everyone who acts in them voices.
    let mut animated: Vec<usize> = Vec::new();
    let sections = inp.section_titles();
    for s in inp.sentences {
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        let cue = (a..b).any(|k| {
            (inp.is(k, keys!["voice"]) && inp.is(k + 1, keys!["cast", "actors", "actor", "actress", "actresses", "talent"]))
                || (inp.is(k, keys!["their", "his", "her"]) && inp.is(k + 1, keys!["voices"]))
        });
        // "animated" and a noun for a work: the works right around it ("“X,” an animated
        // comedy", "two animated series, “A” and “B”"), else, with no work in the
        // sentence, the heading's ("Allen Gregory (Fox)" over "Jonah Hill created this
        // animated comedy").
        let drawn = (a..b).find_map(|k| {
            let noun = (k + 1..(k + 3).min(b))
                .find(|&j| inp.is(j, keys!["comedy", "series", "film", "movie", "feature", "show", "sitcom", "sequel", "musical"]))?;
            inp.is(k, keys!["animated"]).then_some((k, noun))
        });
        if !cue && drawn.is_none() {
            continue;
        }
        let titles = inp.mentions_in(s.span).iter().filter(|m| !inp.parenthetical(m.span)).filter_map(|m| match m.target {
            Target::Title(t) => Some((t, inp.tok_at(m.span.start), inp.tok_at(m.span.end))),
            _ => None,
        });
        let mut works: Vec<usize> = match drawn.filter(|_| !cue) {
            Some((k, noun)) => titles.filter(|&(_, f, l)| (f > noun && f <= noun + 8) || (l <= k && l + 4 >= k)).map(|x| x.0).collect(),
            None => titles.map(|x| x.0).collect(),
        };
        if works.is_empty() && !inp.mentions_in(s.span).iter().any(|m| matches!(m.target, Target::Title(_))) {
            // (Else the work the paragraph's credits are on.)
            let para = inp.article.paragraphs.iter().find(|p| p.contains(s.span)).copied();
            let credited = para.and_then(|p| out.iter().find(|c| p.contains(c.evidence)).and_then(|c| c.title));
            // (Else, for a voice cast, the article's own work: "Aniplex has named the
            // English voice cast for the much-awaited premiere".)
            works.extend(super::section_at(&sections, s.span.start).or(credited).or_else(|| cue.then(|| inp.dominant_title()).flatten()));
        }
        for t in works {
            let set = if cue { &mut voiced } else { &mut animated };
            if !set.contains(&t) {
                set.push(t);
            }
        }
    }
    if voiced.is_empty() && animated.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        let on = |set: &[usize]| c.title.is_some_and(|t| set.contains(&t));
        if c.role == RoleKind::Actor && ((c.character.is_some() && on(&voiced)) || on(&animated)) {
            c.role = RoleKind::Voice;
        }
    }
    // (One credit per person, role and work.)
    let mut seen: FxHashMap<(usize, RoleKind, Option<usize>), usize> = FxHashMap::default();
    let mut k = 0;
    while k < out.len() {
        let key = (out[k].person, out[k].role, out[k].title);
        if let Some(&i) = seen.get(&key) {
            if out[i].character.is_none() {
                out[i].character = out[k].character.take();
            }
            out.remove(k);
        } else {
            seen.insert(key, k);
            k += 1;
        }
    }
}

/// The capitalised name of at most four words that ends right before token `end`, not
/// before token `a`: "Blue" in "Blue (voiced by …)".
pub(super) fn name_before(inp: &Input<'_>, end: usize, a: usize) -> Option<String> {
    let mut k = end;
    while k > a && end - k < 4 && matches!(inp.toks[k - 1].shape, Shape::Capitalized | Shape::AllCaps) {
        k -= 1;
    }
    // (A character keeps its honorific: "Dr. Ada Lowe".)
    if k >= a + 2 && k < end && inp.tt(k - 1) == "." && WordTable::builtin().info(inp.tt(k - 2)).is(class::HONORIFIC) {
        k -= 2;
    }
    (k < end)
        .then(|| crate::span::Span::new(inp.toks[k].span.start, inp.toks[end - 1].span.end).get(inp.text).map(str::to_string))
        .flatten()
}

/// "Michelle Yeoh is Madame Morrible" in a sentence that casts: the name after "is"
/// (not a title, an organization or another person).
pub(super) fn cast_copula(inp: &Input<'_>, items: &[Item], ii: usize, b: usize, cast_sentence: bool) -> Option<String> {
    let k = items[ii].last;
    if !cast_sentence || inp.tt(k) != "is" || inp.toks.get(k + 1).is_none_or(|t| t.shape != Shape::Capitalized) || inp.tt(k + 1) == "The" {
        return None;
    }
    if items.iter().any(|it| it.first == k + 1 && !matches!(it.target, Target::Character(_))) {
        return None;
    }
    let (name, end) = run_after_end(inp, k + 1, b)?;
    // The name ends its clause: "Gianni DeCenzo is Demetri." / "..., and".
    matches!(inp.tt(end), "," | "." | ";" | "and" | "" | "in" | "—" | "–").then_some(name)
}

/// The character a person plays, from "X as Y", "X (Y)", "X plays Y", "X, who plays Y".
pub(super) fn character_of(inp: &Input<'_>, items: &[Item], ii: usize, b: usize) -> Option<String> {
    let it = items[ii];
    let k = it.last;
    // "X (Character)"; a known-for work in parentheses ("Kate Winslet (Titanic) returns
    // as Ronal") is stepped over; then "X, who plays Y", "X will play Y".
    let mut k = k;
    if inp.tt(k) == "(" {
        if let Some(c) = items.get(ii + 1).filter(|n| n.first == k + 1 && inp.tt(n.last) == ")") {
            match c.target {
                Target::Character(ci) => return inp.ents.characters.get(ci).map(|e| e.name.clone()),
                Target::Title(_) => k = c.last + 1,
                _ => return None,
            }
        } else {
            return None;
        }
    }
    // (Past a relative clause: ", who grew up in Ohio, will star as Rex Cole".)
    if k > it.last && k + 1 < b && inp.tt(k) == "," && is_in(&["who", "whose"], inp.tt(k + 1)) {
        if let Some(j) = (k + 2..(k + 16).min(b)).find(|&j| inp.tt(j) == ",") {
            k = j + 1;
        }
    }
    character_after(inp, k, b)
}

/// The character a cast predicate starting at token `k` names: "as Y", "stars as Y",
/// "will play Y", "voices Y".
pub(super) fn character_after(inp: &Input<'_>, k: usize, b: usize) -> Option<String> {
    let mut j = k;
    let mut steps = 0;
    while j < b && steps < 6 {
        let w = inp.tt(j);
        if w.eq_ignore_ascii_case("as")
            || is_in(
                &[
                    "plays",
                    "play",
                    "played",
                    "playing",
                    "voices",
                    "voice",
                    "voiced",
                    "voicing",
                    "portrays",
                    "portray",
                    "portrayed",
                    "portraying",
                ],
                w,
            )
        {
            if w.eq_ignore_ascii_case("as") && is_in(&["well", "such", "known"], inp.tt(j + 1)) {
                return None;
            }
            // "as his father, Lucius Malfoy": a description, then the name.
            if is_in(&["his", "her", "their", "its"], inp.tt(j + 1)) {
                let comma = (j + 2..(j + 6).min(b)).find(|&x| inp.tt(x) == ",")?;
                if (j + 2..comma).all(|x| inp.toks[x].shape == Shape::Lower) {
                    return run_after(inp, comma + 1, b);
                }
                return None;
            }
            // ("Liz Cole as Executive Producer": a credit label, no character.)
            let words = WordTable::builtin();
            // ("as Co-Executive Producer": a hyphen may join two of its words.)
            let mut x = j + 1;
            while x < b
                && (super::is_role_label_word(words, inp.text, inp.toks, x)
                    || (inp.tt(x) == "-" && x > j + 1 && super::is_role_label_word(words, inp.text, inp.toks, x + 1)))
            {
                x += 1;
            }
            if x > j + 1 && words.info(inp.tt(x - 1)).is(crate::lexicon::words::class::ROLE_NOUN) {
                return None;
            }
            return run_after(inp, j + 1, b);
        }
        if !is_in(&AUX, w)
            && !is_in(
                &[
                    "stars",
                    "star",
                    "starring",
                    "cast",
                    "returns",
                    "is",
                    "back",
                    "reprises",
                    "reprising",
                    "her",
                    "his",
                    "their",
                    "role",
                    "again",
                ],
                w,
            )
        {
            return None;
        }
        j += 1;
        steps += 1;
    }
    None
}

/// A character name starting at token `i`: an optional "the", then capitalised words
/// (with "de", "von" particles), as written.
pub(super) fn run_after(inp: &Input<'_>, i: usize, b: usize) -> Option<String> {
    run_after_end(inp, i, b).map(|x| x.0)
}

/// "Sam Worthington and Zoe Saldaña return as Jake Sully and Neytiri": a group of `n`
/// people followed by "as" and a list of exactly `n` names pairs them in order.
pub(super) fn paired_characters(inp: &Input<'_>, last: usize, b: usize, n: usize) -> Option<Vec<String>> {
    // The list opens after "as" or a part verb followed by a name: "return as A and B",
    // "return to voice Woody and Buzz Lightyear", "play A and B".
    const PART_VERBS: &[&str] = &["voice", "play", "portray", "voices", "plays", "portrays", "voiced", "played"];
    let opens = |k: usize| {
        inp.tt(k).eq_ignore_ascii_case("as")
            || (is_in(PART_VERBS, inp.tt(k)) && inp.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Capitalized))
    };
    let mut k = last;
    let mut hops = 0;
    while k < b && hops < 6 && !opens(k) {
        if !(is_in(&AUX, inp.tt(k)) || is_in(&["star", "stars", "reprise", "reprising", "their", "roles"], inp.tt(k))) {
            return None;
        }
        k += 1;
        hops += 1;
    }
    if k >= b || !opens(k) {
        return None;
    }
    let mut names = Vec::new();
    let mut at = k + 1;
    loop {
        let (name, end) = run_after_end(inp, at, b)?;
        names.push(name);
        let gap = (end..(end + 2).min(b)).take_while(|&x| matches!(inp.tt(x), "," | "and" | "&")).count();
        if gap == 0 || names.len() == n {
            break;
        }
        at = end + gap;
    }
    // The list must end there: "as Jake Sully and Neytiri in ..." , not "... and Neytiri's".
    (names.len() == n).then_some(names)
}

/// [`run_after`] with one past the last token of the name.
/// Whether the hyphen at token `k` joins a short lower-case syllable to the word before,
/// all touching: "Min-ja", "Seung-won".
pub(crate) fn romanized_syllable(inp: &Input<'_>, k: usize) -> bool {
    let touching = |x: usize| inp.toks[x].span.end == inp.toks[x + 1].span.start;
    k > 0
        && k + 1 < inp.toks.len()
        && touching(k - 1)
        && touching(k)
        && inp.toks[k + 1].shape == Shape::Lower
        && inp.tt(k + 1).len() <= 4
        && inp.tt(k - 1).len() <= 5
}

pub(super) fn run_after_end(inp: &Input<'_>, i: usize, b: usize) -> Option<(String, usize)> {
    let mut start = i;
    if inp.tt(i).eq_ignore_ascii_case("the") && inp.toks.get(i + 1).is_some_and(|t| t.shape == Shape::Capitalized) {
        start = i;
    }
    let mut k = if start == i && inp.tt(i).eq_ignore_ascii_case("the") { i + 1 } else { i };
    let words = WordTable::builtin();
    let first_cap = k;
    while k < b {
        let t = inp.toks[k];
        let w = inp.tt(k);
        if matches!(t.shape, Shape::Capitalized | Shape::AllCaps) {
            k += 1;
            if w.ends_with("'s") || w.ends_with("’s") {
                break;
            }
        } else if inp.toks.get(k + 1).is_some_and(|n| n.shape == Shape::Capitalized)
            && ((t.shape == Shape::Lower && words.is(w, class::PARTICLE)) || (w == "-" && k > first_cap))
        {
            k += 1;
        } else if w == "-" && k > first_cap && romanized_syllable(inp, k) {
            // "Min-ja", "Gil-yeo": a romanized given name's second syllable.
            k += 2;
        } else if w == "."
            && k > first_cap
            && words.is(inp.tt(k - 1), class::HONORIFIC)
            && inp.toks.get(k + 1).is_some_and(|n| n.shape == Shape::Capitalized)
            && inp.toks[k - 1].span.end == t.span.start
        {
            // "Dr. Ada Lowe": an honorific's period.
            k += 1;
        } else {
            break;
        }
    }
    if k == first_cap {
        return None;
    }
    let sp = Span::new(inp.toks[start].span.start, inp.toks[k - 1].span.end);
    let s = sp.get(inp.text)?;
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
    Some((s.to_string(), k))
}
