//! The `newsfacts` command line: a thin layer over the library.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use newsfacts::{ArticleMeta, Date, Extractor, Facts};
use serde::Serialize;

/// Extract people, titles, organizations, dates, credits and release claims from
/// entertainment news articles, as JSON with byte spans.
#[derive(Parser, Debug)]
#[command(name = "newsfacts", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the facts of articles (pretty JSON for one file, JSON lines for several).
    Extract(ExtractArgs),
    /// Score the extractor on DIR/articles/*.txt against DIR/gold/*.json.
    Eval(EvalArgs),
    /// Write an HTML view of an article: its text with every fact highlighted.
    Show(ShowArgs),
}

#[derive(Args, Debug)]
struct ShowArgs {
    /// The article file (`-` for standard input).
    article: String,
    /// Publication date (YYYY-MM-DD) when the text gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<String>,
    #[command(flatten)]
    lexicons: Lexicons,
    /// Write the page here instead of standard output.
    #[arg(short, long, value_name = "FILE.html")]
    output: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// Directory holding `articles/` and `gold/`.
    dir: PathBuf,
    /// Score only these articles: names (`25_kaos_cancelled`, with or without `.txt` or a
    /// leading path) or globs with `*` and `?` (`"3?_*"`). All of them when none is given.
    articles: Vec<String>,
    #[command(flatten)]
    lexicons: Lexicons,
    /// Print one Markdown table row (articles, P / R / F1 per category, attribute
    /// accuracies), as `fixtures/FIRST_SIGHT.md` records; `--header` prints its header too.
    #[arg(long, conflicts_with = "json")]
    row: bool,
    /// With `--row`: print the table header before the row.
    #[arg(long, requires = "row")]
    header: bool,
    /// Print the scores as one JSON object.
    #[arg(long)]
    json: bool,
    /// Also list, per article, what was missed and what was extra.
    #[arg(long)]
    verbose: bool,
    /// Also write an HTML page marking found, missed and extra facts in each article.
    #[arg(long, value_name = "FILE.html")]
    html: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct Lexicons {
    /// Gazetteer of people: one name a line.
    #[arg(long, value_name = "FILE")]
    people: Vec<PathBuf>,
    /// Gazetteer of titles: `name` or `name<TAB>kind` (film, series, game, ...).
    #[arg(long, value_name = "FILE")]
    titles: Vec<PathBuf>,
    /// Gazetteer of organizations: `name<TAB>kind` (studio, network, streamer, ...).
    #[arg(long, value_name = "FILE")]
    orgs: Vec<PathBuf>,
    /// Credit rules beside the built-in ones (format: docs/rules.md); their examples are
    /// checked, and one that does not hold is reported on stderr.
    #[arg(long, value_name = "FILE")]
    rules: Vec<PathBuf>,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Publication date (YYYY-MM-DD) for articles whose text gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<String>,
    #[command(flatten)]
    lexicons: Lexicons,
    /// Print one compact JSON object per article with a "source" field; with `-`, read
    /// JSON lines `{"text": ..., "published": ...}` from standard input.
    #[arg(long)]
    jsonl: bool,
    /// Worker threads, at least 1 (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Article files; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    files: Vec<String>,
}

#[derive(Serialize)]
struct Sourced<'a> {
    source: serde_json::Value,
    #[serde(flatten)]
    facts: &'a Facts,
}

#[derive(serde::Deserialize)]
struct JsonInput {
    text: String,
    #[serde(default)]
    published: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Show(args) => run_show(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(msg) => {
            eprintln!("newsfacts: {msg}");
            ExitCode::from(2)
        }
    }
}

/// An output error as a message; a closed pipe (`newsfacts eval fixtures | head -1`) ends
/// the program quietly with success, as `grep` and `jq` do.
fn out_err(e: impl Into<io::Error>) -> String {
    let e = e.into();
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    e.to_string()
}

/// Writes `s` to standard output (a closed pipe ends the program quietly).
fn emit(s: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes()).and_then(|()| out.flush()).map_err(out_err)
}

fn build_extractor(lex: &Lexicons) -> Result<Extractor, String> {
    let mut b = Extractor::builder();
    for p in &lex.people {
        b = b.people_file(p).map_err(|e| e.to_string())?;
    }
    for p in &lex.titles {
        b = b.titles_file(p).map_err(|e| e.to_string())?;
    }
    for p in &lex.orgs {
        b = b.orgs_file(p).map_err(|e| e.to_string())?;
    }
    for p in &lex.rules {
        b = b.rules_file(p).map_err(|e| e.to_string())?;
    }
    let ex = b.build().map_err(|e| e.to_string())?;
    for failure in ex.check_rules() {
        eprintln!("warning: rule example does not hold: {failure}");
    }
    Ok(ex)
}

fn run_eval(args: EvalArgs) -> Result<bool, String> {
    let ex = build_extractor(&args.lexicons)?;
    let report = newsfacts::eval::evaluate_selected(&ex, &args.dir, &args.articles).map_err(|e| e.to_string())?;
    if args.verbose {
        emit(&report.verbose())?;
    }
    if let Some(path) = &args.html {
        let page = newsfacts::render_eval_html_selected(&ex, &args.dir, &args.articles).map_err(|e| e.to_string())?;
        std::fs::write(path, page).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if args.row {
        if args.header {
            emit(&format!("{}\n", newsfacts::eval::Report::markdown_header()))?;
        }
        emit(&format!("{}\n", report.markdown_row()))?;
    } else if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report.to_json()).map_err(|e| e.to_string())?))?;
    } else {
        emit(&report.table())?;
    }
    Ok(true)
}

fn run_show(args: ShowArgs) -> Result<bool, String> {
    let published = args.published.as_deref().map(parse_date).transpose()?;
    let ex = build_extractor(&args.lexicons)?;
    let meta = published.map(ArticleMeta::published).unwrap_or_default();
    let bytes = if args.article == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.article)
    }
    .map_err(|e| format!("{}: {e}", args.article))?;
    let text = newsfacts::decode(&bytes).map_err(|e| format!("{}: {e}", args.article))?;
    let page = newsfacts::render_html(text, &ex.extract_with(text, &meta));
    match &args.output {
        Some(path) => std::fs::write(path, page).map_err(|e| format!("{}: {e}", path.display()))?,
        None => emit(&page)?,
    }
    Ok(true)
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// One unit of work: an article to extract, or a failure to report in its place.
enum Job {
    Text { source: serde_json::Value, text: String, meta: ArticleMeta },
    Failed { label: String, msg: String },
}

/// Articles read at a time: bounds memory on endless streams while keeping every core busy.
const CHUNK: usize = 256;

/// Bytes of article text read at a time: a chunk is extracted once it holds `CHUNK`
/// articles or this much text, so a stream of 20 MB articles holds a few of them at a
/// time, not 256 (the input side of peak memory is at most this plus one article).
const CHUNK_BYTES: usize = 16 << 20;

/// The UTF-8 byte-order mark, skipped at the start of a file or of a JSON line.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The articles read but not yet extracted.
#[derive(Default)]
struct Chunk {
    jobs: Vec<Job>,
    /// Text bytes the jobs hold.
    bytes: usize,
}

impl Chunk {
    /// Adds a job; `true` when the chunk is full (`CHUNK` articles or `CHUNK_BYTES` of
    /// text) and must be extracted before reading on.
    fn push(&mut self, job: Job) -> bool {
        if let Job::Text { text, .. } = &job {
            self.bytes += text.len();
        }
        self.jobs.push(job);
        self.jobs.len() >= CHUNK || self.bytes >= CHUNK_BYTES
    }

    fn clear(&mut self) {
        self.jobs.clear();
        self.bytes = 0;
    }
}

/// Refuses a JSON line whose text holds a NUL byte, as a file with one is refused: the
/// same rule ([`newsfacts::decode`]) for every way text comes in.
fn refuse_binary(job: Job, n: usize) -> Job {
    if let Job::Text { text, .. } = &job {
        if let Err(e) = newsfacts::decode(text.as_bytes()) {
            return Job::Failed { label: format!("<stdin>:{n}"), msg: format!("text field: {e}") };
        }
    }
    job
}

/// Runs `extract`; `Ok(false)` when some article failed (each reported on stderr).
fn run_extract(args: ExtractArgs) -> Result<bool, String> {
    let published = args.published.as_deref().map(parse_date).transpose()?;
    let ex = build_extractor(&args.lexicons)?;
    let meta = published.map(ArticleMeta::published).unwrap_or_default();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.map_or(0, usize::from)).build().map_err(|e| e.to_string())?;
    // A stream of JSON lines has no known length; a list of files has.
    let streaming = args.jsonl && args.files.iter().any(|f| f == "-");
    let progress = Progress::new((!streaming).then_some(args.files.len() as u64));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let lines = args.jsonl || args.files.len() > 1;
    let mut ok = true;
    let mut chunk = Chunk::default();
    let flush = |chunk: &mut Chunk, out: &mut BufWriter<io::StdoutLock<'_>>| -> Result<bool, String> {
        let done = run_chunk(&pool, &ex, &chunk.jobs, lines, out, &progress);
        progress.add(chunk.jobs.len());
        chunk.clear();
        done
    };

    for file in &args.files {
        if file == "-" && args.jsonl {
            // JSON lines on standard input, one article each; a bad line is reported in place.
            let stdin = io::stdin();
            let mut reader = stdin.lock();
            let mut buf = Vec::new();
            let mut n = 0usize;
            loop {
                buf.clear();
                if reader.read_until(b'\n', &mut buf).map_err(|e| format!("<stdin>: {e}"))? == 0 {
                    break;
                }
                n += 1;
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let line = buf.strip_prefix(BOM).unwrap_or(&buf);
                let job = refuse_binary(json_job(line, n, &meta), n);
                if chunk.push(job) {
                    ok &= flush(&mut chunk, &mut out)?;
                }
            }
            continue;
        }
        let bytes = if file == "-" {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            std::fs::read(file)
        };
        let job = match bytes.map_err(|e| e.to_string()).and_then(|b| newsfacts::decode(&b).map(str::to_string).map_err(|e| e.to_string()))
        {
            Ok(text) => Job::Text { source: file.as_str().into(), text, meta: meta.clone() },
            Err(msg) => Job::Failed { label: file.clone(), msg },
        };
        if chunk.push(job) {
            ok &= flush(&mut chunk, &mut out)?;
        }
    }
    ok &= flush(&mut chunk, &mut out)?;
    progress.finish();
    out.flush().map_err(out_err)?;
    Ok(ok)
}

/// Parses one JSON input line `{"text": ..., "published": ...}` into a job; `n` is its
/// line number. A failure names `<stdin>:LINE:COLUMN` when JSON parsing says where.
fn json_job(buf: &[u8], n: usize, meta: &ArticleMeta) -> Job {
    // The line without its terminator: parsed with it, an unterminated string ran into the
    // newline and was reported as "control character ... at line 2 column 0".
    let line = buf.strip_suffix(b"\n").unwrap_or(buf);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut label = format!("<stdin>:{n}");
    let parsed = std::str::from_utf8(line)
        .map_err(|e| format!("input is not valid UTF-8 at byte {}", e.valid_up_to()))
        .and_then(|s| {
            serde_json::from_str::<JsonInput>(s).map_err(|e| {
                if e.line() > 0 {
                    label = format!("<stdin>:{n}:{}", e.column());
                }
                format!("malformed JSON line: {}", json_message(&e))
            })
        })
        .and_then(|j| {
            let m = match j.published.as_deref() {
                Some(p) => ArticleMeta::published(parse_date(p)?),
                None => meta.clone(),
            };
            Ok((j.text, m))
        });
    match parsed {
        Ok((text, meta)) => Job::Text { source: n.into(), text, meta },
        Err(msg) => Job::Failed { label, msg },
    }
}

/// A JSON error's message without serde's " at line L column C" (the label says where).
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    msg.strip_suffix(&place).map_or(msg.clone(), str::to_string)
}

/// Extracts a chunk in parallel and writes it in input order; `Ok(false)` if a job failed.
fn run_chunk(
    pool: &rayon::ThreadPool,
    ex: &Extractor,
    chunk: &[Job],
    lines: bool,
    out: &mut impl Write,
    progress: &Progress,
) -> Result<bool, String> {
    use rayon::prelude::*;
    let facts: Vec<Option<Facts>> = pool.install(|| {
        chunk
            .par_iter()
            .map(|j| match j {
                Job::Text { text, meta, .. } => Some(ex.extract_with(text, meta)),
                Job::Failed { .. } => None,
            })
            .collect()
    });
    let mut ok = true;
    for (job, f) in chunk.iter().zip(facts) {
        match (job, f) {
            (Job::Text { source, .. }, Some(f)) => {
                let res = if lines {
                    serde_json::to_writer(&mut *out, &Sourced { source: source.clone(), facts: &f })
                } else {
                    serde_json::to_writer_pretty(&mut *out, &f)
                };
                res.map_err(|e| if e.is_io() { out_err(io::Error::from(e)) } else { e.to_string() })?;
                writeln!(out).map_err(out_err)?;
            }
            (Job::Failed { label, msg }, _) => {
                out.flush().map_err(out_err)?;
                progress.println(&format!("newsfacts: {label}: {msg}"));
                ok = false;
            }
            _ => {}
        }
    }
    Ok(ok)
}

/// A progress bar on standard error when it is a terminal; silent otherwise.
///
/// With a known number of articles (a list of files) it shows a bar, `pos/len`, an
/// integer rate and the ETA; on a stream of JSON lines, a spinner with the count and rate;
/// for a single article, nothing. Error lines go through it ([`Progress::println`]), so
/// they print above the bar instead of onto it.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// For a run over `total` articles (`None`: unknown), drawn on standard error.
    fn new(total: Option<u64>) -> Progress {
        use std::io::IsTerminal;
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let p = Progress::with_target(total, indicatif::ProgressDrawTarget::stderr());
        if let Some(pb) = &p.0 {
            // Between chunks of 256 articles the clock, rate and spinner still move.
            pb.enable_steady_tick(std::time::Duration::from_millis(200));
        }
        p
    }

    /// A bar (or spinner) drawn on `target`; none for zero or one article.
    fn with_target(total: Option<u64>, target: indicatif::ProgressDrawTarget) -> Progress {
        use indicatif::{ProgressBar, ProgressState, ProgressStyle};
        if total.is_some_and(|n| n <= 1) {
            return Progress(None);
        }
        let template = match total {
            Some(_) => "{bar:30} {pos}/{len} articles, {rate} [{elapsed}, ETA {eta}]",
            None => "{spinner} {pos} articles, {rate} [{elapsed}]",
        };
        let rate = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{}", rate(s.per_sec()));
        };
        let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner()).with_key("rate", rate);
        let pb = ProgressBar::with_draw_target(total, target);
        pb.set_style(style);
        Progress(Some(pb))
    }

    fn add(&self, n: usize) {
        if let Some(pb) = &self.0 {
            pb.inc(n as u64);
        }
    }

    /// Prints `line` on standard error: above the bar, which is redrawn under it.
    fn println(&self, line: &str) {
        match &self.0 {
            Some(pb) => pb.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    /// A run that ends early (an output error) leaves no bar behind its message.
    fn drop(&mut self) {
        self.finish();
    }
}

/// Articles per second as a whole number (`1861/s`); `0/s` before there is a rate.
fn rate(per_sec: f64) -> String {
    let r = if per_sec.is_finite() && per_sec > 0.0 { per_sec.round() as u64 } else { 0 };
    format!("{r}/s")
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::{Arc, Mutex};

    use super::*;

    fn text(n: usize) -> Job {
        Job::Text { source: 0.into(), text: "x".repeat(n), meta: ArticleMeta::default() }
    }

    #[test]
    fn a_chunk_is_full_at_its_article_or_byte_bound() {
        let mut c = Chunk::default();
        assert!((1..CHUNK).all(|_| !c.push(text(10))));
        assert!(c.push(text(10)), "the 256th small article fills the chunk");
        c.clear();
        // Three 6 MB articles pass 16 MB: a stream of big articles is extracted a few at
        // a time, not 256 at a time.
        assert!(!c.push(text(6 << 20)) && !c.push(text(6 << 20)));
        assert!(c.push(text(6 << 20)));
        c.clear();
        assert!(!c.push(Job::Failed { label: "x".into(), msg: "y".into() }));
    }

    /// A terminal screen, 80 columns wide, that keeps what is written where the cursor
    /// is, as a terminal does (overwrite, `\r`, line clearing, wrapping at the margin).
    #[derive(Clone, Debug, Default)]
    struct Screen(Arc<Mutex<Cells>>);

    #[derive(Debug, Default)]
    struct Cells {
        rows: Vec<Vec<char>>,
        row: usize,
        col: usize,
    }

    const WIDTH: usize = 80;

    impl Screen {
        fn with<R>(&self, f: impl FnOnce(&mut Cells) -> R) -> R {
            f(&mut self.0.lock().expect("screen lock"))
        }

        fn put(&self, s: &str) {
            self.with(|c| {
                for ch in s.chars() {
                    if ch == '\r' {
                        c.col = 0;
                        continue;
                    }
                    if c.col >= WIDTH {
                        (c.row, c.col) = (c.row + 1, 0);
                    }
                    while c.rows.len() <= c.row {
                        c.rows.push(Vec::new());
                    }
                    let line = &mut c.rows[c.row];
                    line.resize(line.len().max(c.col + 1), ' ');
                    line[c.col] = ch;
                    c.col += 1;
                }
            });
        }

        /// The screen's lines, trailing blanks trimmed.
        fn lines(&self) -> Vec<String> {
            self.with(|c| c.rows.iter().map(|l| l.iter().collect::<String>().trim_end().to_string()).collect())
        }
    }

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            WIDTH as u16
        }
        fn move_cursor_up(&self, n: usize) -> io::Result<()> {
            self.with(|c| c.row = c.row.saturating_sub(n));
            Ok(())
        }
        fn move_cursor_down(&self, n: usize) -> io::Result<()> {
            self.with(|c| c.row += n);
            Ok(())
        }
        fn move_cursor_right(&self, n: usize) -> io::Result<()> {
            self.with(|c| c.col += n);
            Ok(())
        }
        fn move_cursor_left(&self, n: usize) -> io::Result<()> {
            self.with(|c| c.col = c.col.saturating_sub(n));
            Ok(())
        }
        fn write_line(&self, s: &str) -> io::Result<()> {
            self.put(s);
            self.with(|c| (c.row, c.col) = (c.row + 1, 0));
            Ok(())
        }
        fn write_str(&self, s: &str) -> io::Result<()> {
            self.put(s);
            Ok(())
        }
        fn clear_line(&self) -> io::Result<()> {
            self.with(|c| {
                if let Some(l) = c.rows.get_mut(c.row) {
                    l.clear();
                }
                c.col = 0;
            });
            Ok(())
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    fn progress_on(total: Option<u64>) -> (Progress, Screen) {
        let screen = Screen::default();
        let target = indicatif::ProgressDrawTarget::term_like(Box::new(screen.clone()));
        (Progress::with_target(total, target), screen)
    }

    /// `n/s` with a whole number, nothing after it but the closing context.
    fn has_integer_rate(line: &str) -> bool {
        line.split_whitespace().any(|w| w.strip_suffix("/s").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    }

    #[test]
    fn a_known_total_shows_length_eta_and_an_integer_rate() {
        let (p, screen) = progress_on(Some(3));
        p.add(1);
        let lines = screen.lines();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("1/3 articles"), "{lines:?}");
        assert!(lines[0].contains("ETA "), "{lines:?}");
        assert!(has_integer_rate(&lines[0]), "{lines:?}");
        assert!(!lines[0].contains('.'), "a rate with decimals: {lines:?}");
    }

    #[test]
    fn a_stream_shows_a_count_and_an_integer_rate() {
        let (p, screen) = progress_on(None);
        p.add(300);
        let lines = screen.lines();
        assert!(lines[0].contains(" 300 articles"), "{lines:?}");
        assert!(has_integer_rate(&lines[0]) && !lines[0].contains("ETA"), "{lines:?}");
    }

    #[test]
    fn error_lines_print_above_the_bar() {
        let (p, screen) = progress_on(Some(3));
        p.add(1);
        p.println("newsfacts: missing.txt: No such file or directory (os error 2)");
        p.add(1);
        let lines = screen.lines();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0], "newsfacts: missing.txt: No such file or directory (os error 2)");
        assert!(lines[1].contains("2/3 articles"), "{lines:?}");
        p.finish();
        assert_eq!(screen.lines()[0], "newsfacts: missing.txt: No such file or directory (os error 2)");
        assert_eq!(screen.lines().get(1).map(String::as_str).unwrap_or(""), "", "the bar is cleared");
    }

    #[test]
    fn no_bar_for_a_single_article() {
        assert!(progress_on(Some(1)).0 .0.is_none());
        assert!(progress_on(Some(0)).0 .0.is_none());
        assert!(progress_on(Some(2)).0 .0.is_some() && progress_on(None).0 .0.is_some());
    }

    #[test]
    fn rates_are_whole_numbers() {
        for (per_sec, shown) in [(1861.4, "1861/s"), (0.4, "0/s"), (2.5, "3/s"), (f64::INFINITY, "0/s"), (f64::NAN, "0/s")] {
            assert_eq!(rate(per_sec), shown, "{per_sec}");
        }
    }
}
