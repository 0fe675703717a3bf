//! The crate's one error type.
//!
//! Problems we can work around (a malformed metadata line, a typo'd year) are warnings in
//! [`Facts::warnings`](crate::Facts::warnings), not errors. Errors are for input we cannot
//! read at all: text that is not UTF-8, a gazetteer line we cannot parse, a bad date.

/// An error from building an extractor, reading input, or evaluating.
///
/// The message says where: a byte offset in the article, or a file and line.
///
/// ```
/// let err = newsfacts::decode(b"caf\xff").unwrap_err();
/// assert_eq!(err.to_string(), "input is not valid UTF-8 at byte 3");
/// assert!(matches!(err.kind(), newsfacts::ErrorKind::NotUtf8 { offset: 3 }));
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not UTF-8.
    #[error("input is not valid UTF-8 at byte {offset}")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The input looks like binary data, not text.
    #[error("input looks binary (NUL byte at {offset})")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A date string (e.g. `--published`) is not `YYYY-MM-DD` or not a real day.
    #[error("invalid date {value:?}: expected a real calendar day as YYYY-MM-DD")]
    BadDate {
        /// The text given.
        value: String,
    },
    /// A gazetteer row could not be parsed.
    #[error("{source_name}:{line}: {message}")]
    Gazetteer {
        /// File name (or `<builtin>/…` for embedded data).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the row.
        message: String,
    },
    /// Compiling an automaton failed (for example, it would exceed a size limit).
    #[error("building the {what} automaton failed: {message}")]
    Build {
        /// Which automaton.
        what: &'static str,
        /// The underlying reason.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gold file or JSON input is malformed.
    #[error("{path}: {message}")]
    Json {
        /// File name or `<stdin>:LINE`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A rule file could not be parsed: the message names the file, line and column
    /// (`my.rules:3:25: unknown element "<who>"`).
    #[error("{0}")]
    Rules(String),
    /// An evaluation directory is missing something.
    #[error("{0}")]
    Eval(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Whether the input was not UTF-8.
    pub fn is_not_utf8(&self) -> bool {
        matches!(*self.0, ErrorKind::NotUtf8 { .. })
    }

    pub(crate) fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        ErrorKind::Io { path: path.into(), source }.into()
    }

    pub(crate) fn gazetteer(source_name: impl Into<String>, line: usize, message: impl Into<String>) -> Error {
        ErrorKind::Gazetteer { source_name: source_name.into(), line, message: message.into() }.into()
    }

    pub(crate) fn json(path: impl Into<String>, message: impl Into<String>) -> Error {
        ErrorKind::Json { path: path.into(), message: message.into() }.into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

/// Decodes bytes as UTF-8 text, or reports the offset of the first invalid byte.
///
/// Text with a NUL byte is reported as binary: news text never contains one, and running
/// the recognizers over binary junk only produces noise.
///
/// ```
/// assert_eq!(newsfacts::decode("Zoë".as_bytes())?, "Zoë");
/// assert!(newsfacts::decode(b"\x00\x01").is_err());
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| ErrorKind::NotUtf8 { offset: e.valid_up_to() })?;
    if let Some(offset) = memchr_nul(bytes) {
        return Err(ErrorKind::Binary { offset }.into());
    }
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}
