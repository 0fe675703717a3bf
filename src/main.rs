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
    b.build().map_err(|e| e.to_string())
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

/// Runs `extract`; `Ok(false)` when some article failed (each reported on stderr).
fn run_extract(args: ExtractArgs) -> Result<bool, String> {
    let published = args.published.as_deref().map(parse_date).transpose()?;
    let ex = build_extractor(&args.lexicons)?;
    let meta = published.map(ArticleMeta::published).unwrap_or_default();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.map_or(0, usize::from)).build().map_err(|e| e.to_string())?;
    let progress = Progress::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let lines = args.jsonl || args.files.len() > 1;
    let mut ok = true;
    let mut chunk: Vec<Job> = Vec::with_capacity(CHUNK);
    let flush = |chunk: &mut Vec<Job>, out: &mut BufWriter<io::StdoutLock<'_>>| -> Result<bool, String> {
        let done = run_chunk(&pool, &ex, chunk, lines, out);
        progress.add(chunk.len());
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
                chunk.push(json_job(&buf, n, &meta));
                if chunk.len() == CHUNK {
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
        chunk.push(job);
        if chunk.len() == CHUNK {
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
fn run_chunk(pool: &rayon::ThreadPool, ex: &Extractor, chunk: &[Job], lines: bool, out: &mut impl Write) -> Result<bool, String> {
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
                eprintln!("newsfacts: {label}: {msg}");
                ok = false;
            }
            _ => {}
        }
    }
    Ok(ok)
}

/// A progress bar on standard error when it is a terminal; silent otherwise.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} articles, {per_sec} [{elapsed}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Progress(Some(pb))
    }

    fn add(&self, n: usize) {
        if let Some(pb) = &self.0 {
            pb.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}
