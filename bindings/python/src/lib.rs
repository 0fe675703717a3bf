//! Python bindings for `newsfacts`: the module `newsfacts` with one class, `Extractor`.
//!
//! Facts cross the boundary as Python dicts and lists built directly from the library's
//! `Facts` by a serde serializer (`to_py`) that follows `serde_json`'s data model: a dict
//! from Python is exactly `json.loads` of the JSON `newsfacts extract` prints for the same
//! input (same keys in the same order, same values and types), without the JSON text.
//! Extraction runs with the GIL released; batches run on rayon.
//!
//! Nothing here panics on user input: every conversion and library error becomes a Python
//! exception (`ValueError` for bad text, dates and gazetteer rows, `OSError` for files,
//! `TypeError` for arguments of the wrong type).
#![forbid(unsafe_code)]

mod to_py;

use std::path::PathBuf;

use newsfacts::{ArticleMeta, Date, ErrorKind, OrgKind, TitleKind};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyList, PyString};
use rayon::prelude::*;

/// A library error as the Python exception that fits it.
fn py_err(e: newsfacts::Error) -> PyErr {
    match e.kind() {
        // OSError(errno, strerror, filename) becomes the matching subclass
        // (FileNotFoundError, PermissionError, IsADirectoryError, ...).
        ErrorKind::Io { path, source } => match source.raw_os_error() {
            Some(code) => {
                let msg = source.to_string();
                let strerror = msg.strip_suffix(&format!(" (os error {code})")).unwrap_or(&msg).to_string();
                PyOSError::new_err((code, strerror, path.clone()))
            }
            None => PyOSError::new_err(e.to_string()),
        },
        ErrorKind::BadDate { .. }
        | ErrorKind::Gazetteer { .. }
        | ErrorKind::Rules(_)
        | ErrorKind::NotUtf8 { .. }
        | ErrorKind::Binary { .. }
        | ErrorKind::Build { .. } => PyValueError::new_err(e.to_string()),
        _ => PyRuntimeError::new_err(e.to_string()),
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

/// What the spans of the returned facts count: UTF-8 bytes (the JSON contract, as the
/// command line prints it) or characters (code points, Python `str` indices).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offsets {
    Byte,
    Char,
}

impl Offsets {
    fn from_arg(arg: &str) -> PyResult<Offsets> {
        match arg {
            "byte" => Ok(Offsets::Byte),
            "char" => Ok(Offsets::Char),
            other => Err(PyValueError::new_err(format!("offsets must be \"byte\" or \"char\", not {other:?}"))),
        }
    }
}

/// The facts of `text`, their spans counted in `offsets`.
fn extract_facts(ex: &newsfacts::Extractor, text: &str, meta: &ArticleMeta, offsets: Offsets) -> newsfacts::Facts {
    let mut facts = ex.extract_with(text, meta);
    if offsets == Offsets::Char {
        to_char_offsets(text, &mut facts);
    }
    facts
}

/// Rewrites every span of `facts` (mentions, dates, evidence) from byte offsets into `text`
/// to character offsets: the number of code points before it, which is what Python's
/// `str` indexes, so `text[start:end]` is the mention's text.
fn to_char_offsets(text: &str, facts: &mut newsfacts::Facts) {
    if text.is_ascii() {
        return; // one byte a character
    }
    let mut offsets: Vec<&mut usize> = Vec::new();
    let mentions = facts
        .people
        .iter_mut()
        .flat_map(|p| p.mentions.iter_mut())
        .chain(facts.titles.iter_mut().flat_map(|t| t.mentions.iter_mut()))
        .chain(facts.organizations.iter_mut().flat_map(|o| o.mentions.iter_mut()));
    for m in mentions {
        offsets.extend([&mut m.start, &mut m.end]);
    }
    for d in &mut facts.dates {
        offsets.extend([&mut d.start, &mut d.end]);
    }
    for e in facts.roles.iter_mut().map(|r| &mut r.evidence).chain(facts.releases.iter_mut().map(|r| &mut r.evidence)) {
        offsets.extend([&mut e.start, &mut e.end]);
    }
    // One pass over the text for all offsets, in increasing order.
    offsets.sort_unstable_by_key(|o| **o);
    let (mut byte, mut chars) = (0usize, 0usize);
    for o in offsets {
        while byte < *o {
            // Spans lie on character boundaries; were one not to, it would count the
            // character it falls in.
            byte += text.get(byte..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
            chars += 1;
        }
        *o = chars;
    }
}

/// `published`: `None`, a `"YYYY-MM-DD"` string or a `datetime.date` (a `datetime.datetime`
/// counts as its calendar day).
fn published_of(obj: Option<&Bound<'_, PyAny>>) -> PyResult<ArticleMeta> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(ArticleMeta::default());
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_str()?.parse::<Date>().map(ArticleMeta::published).map_err(py_err);
    }
    if obj.is_instance_of::<PyDate>() {
        let year: i32 = obj.getattr("year")?.extract()?;
        let month: u8 = obj.getattr("month")?.extract()?;
        let day: u8 = obj.getattr("day")?.extract()?;
        return Date::new(year, month, day)
            .map(ArticleMeta::published)
            .ok_or_else(|| PyValueError::new_err(format!("invalid date {year:04}-{month:02}-{day:02}")));
    }
    Err(PyTypeError::new_err(format!("published must be a 'YYYY-MM-DD' string, a datetime.date or None, not {}", type_name(obj))))
}

/// Whether `published` is one value for every text (as opposed to a sequence, one a text).
fn is_single_published(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_none() || obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDate>()
}

/// The text of one article: a `str`, or UTF-8 `bytes`, checked as the command line checks a
/// file (`newsfacts::decode`: valid UTF-8, no NUL byte).
fn text_of<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A str with lone surrogates is not UTF-8: UnicodeEncodeError, a ValueError. A str
        // with a NUL is refused as binary, as the command line refuses such a file.
        return newsfacts::decode(s.to_str()?.as_bytes()).map_err(py_err);
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return newsfacts::decode(b.as_bytes()).map_err(py_err);
    }
    Err(PyTypeError::new_err(format!("text must be str or bytes, not {}", type_name(obj))))
}

/// The `rules` argument: one path (str or path-like) or an iterable of them.
fn rule_paths(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
        return Ok(vec![obj.extract::<PathBuf>()?]);
    }
    let wrong = || PyTypeError::new_err(format!("rules must be a rule file path or a list of paths, not {}", type_name(obj)));
    if obj.is_instance_of::<PyBytes>() {
        return Err(wrong());
    }
    let mut paths = Vec::new();
    for item in obj.try_iter().map_err(|_| wrong())? {
        let item = item?;
        if !(item.is_instance_of::<PyString>() || item.hasattr("__fspath__")?) {
            return Err(PyTypeError::new_err(format!("rules: paths must be str or path-like, not {}", type_name(&item))));
        }
        paths.push(item.extract::<PathBuf>()?);
    }
    Ok(paths)
}

/// A user gazetteer argument: a list of names, or the path of a gazetteer file.
enum Gazetteer {
    Names(Vec<String>),
    File(PathBuf),
}

impl Gazetteer {
    fn from_arg(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Gazetteer>> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(None);
        };
        if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
            return Ok(Some(Gazetteer::File(obj.extract::<PathBuf>()?)));
        }
        let wrong = || PyTypeError::new_err(format!("{what} must be a list of names or a gazetteer file path, not {}", type_name(obj)));
        if obj.is_instance_of::<PyBytes>() {
            return Err(wrong());
        }
        let mut names = Vec::new();
        for item in obj.try_iter().map_err(|_| wrong())? {
            let item = item?;
            let s = item
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("{what}: names must be str, not {}", type_name(&item))))?;
            names.push(s.to_str()?.to_string());
        }
        Ok(Some(Gazetteer::Names(names)))
    }

    fn describe(&self) -> String {
        match self {
            Gazetteer::Names(n) => format!("[{} names]", n.len()),
            Gazetteer::File(p) => format!("{:?}", p.display().to_string()),
        }
    }
}

/// Extracts people, titles, organizations, dates, credits and release claims from
/// entertainment news articles.
///
/// Build one and reuse it: construction compiles the lexicons (tens of milliseconds);
/// extraction is then cheap, thread-safe, and runs with the GIL released.
///
/// Args:
///     people: extra people, as a list of names or the path of a gazetteer file
///         (one name a line).
///     titles: extra titles, as a list of names (films) or the path of a gazetteer file
///         (`name` or `name<TAB>kind`: film, series, game, album, ...).
///     orgs: extra organizations, as a list of names (kind "other") or the path of a
///         gazetteer file (`name` or `name<TAB>kind`: studio, network, streamer, ...).
///     rules: credit rule files to run beside the built-in rules: one path or a list of
///         paths (format: docs/rules.md). `check_rules()` runs their examples.
///
/// Raises:
///     OSError: a gazetteer or rule file cannot be read.
///     ValueError: a gazetteer row or a rule is malformed (the message names file:line,
///         and for a rule the column).
///     TypeError: an argument has the wrong type.
#[pyclass(frozen, module = "newsfacts", name = "Extractor")]
struct PyExtractor {
    inner: newsfacts::Extractor,
    repr: String,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (people=None, titles=None, orgs=None, rules=None))]
    fn new(
        py: Python<'_>,
        people: Option<&Bound<'_, PyAny>>,
        titles: Option<&Bound<'_, PyAny>>,
        orgs: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyExtractor> {
        let people = Gazetteer::from_arg(people, "people")?;
        let titles = Gazetteer::from_arg(titles, "titles")?;
        let orgs = Gazetteer::from_arg(orgs, "orgs")?;
        let rules = rule_paths(rules)?;
        let mut repr = format!(
            "newsfacts.Extractor(people={}, titles={}, orgs={}",
            people.as_ref().map_or("None".into(), Gazetteer::describe),
            titles.as_ref().map_or("None".into(), Gazetteer::describe),
            orgs.as_ref().map_or("None".into(), Gazetteer::describe),
        );
        if !rules.is_empty() {
            let shown: Vec<String> = rules.iter().map(|p| format!("{:?}", p.display().to_string())).collect();
            repr.push_str(&format!(", rules=[{}]", shown.join(", ")));
        }
        repr.push(')');
        let inner = py
            .detach(|| -> Result<newsfacts::Extractor, newsfacts::Error> {
                let mut b = newsfacts::Extractor::builder();
                match people {
                    Some(Gazetteer::Names(n)) => b = b.people(n),
                    Some(Gazetteer::File(p)) => b = b.people_file(p)?,
                    None => {}
                }
                match titles {
                    Some(Gazetteer::Names(n)) => b = b.titles(n, TitleKind::Film),
                    Some(Gazetteer::File(p)) => b = b.titles_file(p)?,
                    None => {}
                }
                match orgs {
                    Some(Gazetteer::Names(n)) => b = b.orgs(n, OrgKind::Other),
                    Some(Gazetteer::File(p)) => b = b.orgs_file(p)?,
                    None => {}
                }
                for p in &rules {
                    b = b.rules_file(p)?;
                }
                b.build()
            })
            .map_err(py_err)?;
        Ok(PyExtractor { inner, repr })
    }

    /// Runs the examples of the user's rule files and returns one line per example that
    /// does not hold (an empty list when all hold or there are no rule files).
    fn check_rules(&self, py: Python<'_>) -> Vec<String> {
        py.detach(|| self.inner.check_rules())
    }

    /// Extracts the facts of one article.
    ///
    /// Args:
    ///     text: the article (str, or UTF-8 bytes).
    ///     published: publication date ("YYYY-MM-DD" or datetime.date), the anchor for
    ///         relative dates when the text has no metadata line with a date.
    ///     offsets: what `start` and `end` count. "byte" (the default): UTF-8 byte offsets,
    ///         as the command line prints them. "char": characters (code points), so that
    ///         `text[m["start"]:m["end"]] == m["text"]` on the str (for bytes input, on
    ///         its decoded str).
    ///
    /// Returns:
    ///     The facts as a dict: exactly the JSON `newsfacts extract` prints (with
    ///     offsets="char", the same but for the offsets).
    ///
    /// Raises:
    ///     ValueError: bad date, text that is not valid UTF-8, or an unknown offsets.
    ///     TypeError: text or published of the wrong type.
    #[pyo3(signature = (text, published=None, *, offsets="byte"))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let offsets = Offsets::from_arg(offsets)?;
        let meta = published_of(published)?;
        let text = text_of(text)?;
        let ex = &self.inner;
        let facts = py.detach(|| extract_facts(ex, text, &meta, offsets));
        to_py::to_py(py, &facts)
    }

    /// For `bench.py`: the same work as `extract` on the Rust side (argument checks,
    /// extraction, offsets rewrite) with no Python result built; returns `None`. Not part
    /// of the API (no stub entry): it measures what building the dicts costs.
    #[pyo3(signature = (text, published=None, *, offsets="byte"))]
    fn _extract_rust(&self, py: Python<'_>, text: &Bound<'_, PyAny>, published: Option<&Bound<'_, PyAny>>, offsets: &str) -> PyResult<()> {
        let offsets = Offsets::from_arg(offsets)?;
        let meta = published_of(published)?;
        let text = text_of(text)?;
        let ex = &self.inner;
        py.detach(|| std::hint::black_box(extract_facts(ex, text, &meta, offsets)));
        Ok(())
    }

    /// Extracts many articles in parallel, with the GIL released.
    ///
    /// Args:
    ///     texts: a sequence of articles (str, or UTF-8 bytes).
    ///     published: one publication date for all texts ("YYYY-MM-DD", datetime.date or
    ///         None), or a sequence of them, one a text.
    ///     threads: worker threads for this call (a pool started per call); default:
    ///         one shared pool with a thread per core.
    ///     offsets: "byte" (default) or "char", as for `extract`.
    ///
    /// Returns:
    ///     A list of dicts, in input order.
    ///
    /// Raises:
    ///     ValueError: a bad date or text (the message names its index), a published
    ///         sequence of the wrong length, threads < 1, or an unknown offsets.
    ///     TypeError: an argument of the wrong type.
    #[pyo3(signature = (texts, published=None, threads=None, *, offsets="byte"))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        threads: Option<i64>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let offsets = Offsets::from_arg(offsets)?;
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err("texts must be a sequence of texts, not a single text"));
        }
        let threads = match threads {
            None => None,
            Some(n) => Some(
                usize::try_from(n)
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| PyValueError::new_err(format!("threads must be at least 1, not {n}")))?,
            ),
        };
        // Hold a reference to every text so that the borrowed &str stay valid without the GIL.
        let items: Vec<Bound<'py, PyAny>> = texts
            .try_iter()
            .map_err(|_| PyTypeError::new_err(format!("texts must be a sequence of str, not {}", type_name(texts))))?
            .collect::<PyResult<_>>()?;
        let strs: Vec<&str> =
            items.iter().enumerate().map(|(i, t)| text_of(t).map_err(|e| with_index(py, e, i))).collect::<PyResult<_>>()?;
        let metas: Vec<ArticleMeta> = match published {
            Some(p) if !is_single_published(p) => {
                let metas: Vec<ArticleMeta> = p
                    .try_iter()
                    .map_err(|_| {
                        PyTypeError::new_err(format!("published must be a date, None or a sequence of them, not {}", type_name(p)))
                    })?
                    .enumerate()
                    .map(|(i, d)| published_of(Some(&d?)).map_err(|e| with_index(py, e, i)))
                    .collect::<PyResult<_>>()?;
                if metas.len() != strs.len() {
                    return Err(PyValueError::new_err(format!("published has {} dates for {} texts", metas.len(), strs.len())));
                }
                metas
            }
            single => vec![published_of(single)?],
        };
        let ex = &self.inner;
        let no_date = ArticleMeta::default();
        // One date for all (a single entry) or one a text.
        let meta_of = |i: usize| if metas.len() == 1 { &metas[0] } else { metas.get(i).unwrap_or(&no_date) };
        let run =
            || -> Vec<newsfacts::Facts> { strs.par_iter().enumerate().map(|(i, t)| extract_facts(ex, t, meta_of(i), offsets)).collect() };
        let all = py
            .detach(|| match threads {
                None => Ok(run()),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| format!("starting {n} threads failed: {e}"))
                    .map(|pool| pool.install(run)),
            })
            .map_err(PyRuntimeError::new_err)?;
        // One builder for the whole batch, so all its dicts share their key strings; each
        // article's facts are dropped once built.
        let mut builder = to_py::PyBuilder::new(py);
        let dicts: Vec<Bound<'py, PyAny>> = all.into_iter().map(|facts| builder.build(&facts)).collect::<PyResult<_>>()?;
        Ok(PyList::new(py, dicts)?.into_any())
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}

/// The same exception, its message prefixed with the index of the item it is about.
fn with_index(py: Python<'_>, e: PyErr, i: usize) -> PyErr {
    let msg = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    // Subclasses too (UnicodeEncodeError for a str with lone surrogates), as their base.
    if e.is_instance_of::<PyValueError>(py) {
        PyValueError::new_err(format!("item {i}: {msg}"))
    } else if e.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(format!("item {i}: {msg}"))
    } else {
        e
    }
}

/// Facts from entertainment news: people, titles, organizations, dates, credits and
/// release claims, each with the spans of its evidence: UTF-8 byte offsets, or character
/// offsets (Python `str` indices) with `offsets="char"`.
///
/// >>> import newsfacts
/// >>> ex = newsfacts.Extractor()
/// >>> ex.extract("Lionsgate shared a new featurette.")["organizations"][0]["name"]
/// 'Lionsgate'
#[pymodule(name = "newsfacts")]
fn newsfacts_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
