//! `reply-coach`: the command-line shell around the engine.

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use reply_coach::model::*;
use reply_coach::rules;
use serde_json::Value;

const USAGE: &str = "\
reply-coach: coaches a public webcare reply (Dutch and English)

USAGE:
  reply-coach check [TEXT] [OPTIONS]      coach one reply (TEXT or standard input)
  reply-coach check --jsonl FILE [--human] coach one exchange per line (JSON lines)
  reply-coach exchange --jsonl FILE       print the engine input each line becomes
  reply-coach rules [--ui-lang nl|en]     list every rule
  reply-coach rule ID [--ui-lang nl|en]   explain one rule, with its examples
  reply-coach templates lint PROFILE.json [--json] [--ui-lang nl|en]
                                          coach every saved reply of an exported
                                          profile (exit 1 when one has an error)
  reply-coach templates starter [--lang nl|en]
                                          print the starter set of saved replies as
                                          profile JSON

OPTIONS for check:
  --post TEXT          the post being answered
  --author NAME        the post author's display name
  --age-minutes N      how long ago the post was written
  --agent NAME         your name (for the signature)
  --initials XX        your initials (for a ^XX signature)
  --platform x|facebook
  --ui-lang nl|en      language of the coaching messages (default en)
  --profile FILE       a profile JSON (agent_name, agent_initials, signature_style,
                       organisation, response_time_norm_minutes, platform,
                       ui_language, custom_rules, saved_replies)
  --json               print the report as JSON
  --human              with --jsonl: linter-style output instead of JSON lines

JSON lines input, one object per line:
  {\"id\": \"a\", \"platform\": \"x\", \"post\": {\"text\": \"…\", \"author\": \"…\", \"age_minutes\": 30},
   \"reply\": {\"text\": \"…\"}, \"agent\": {\"name\": \"Pim\"}}
";

struct CliError(String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

fn fail(msg: impl Into<String>) -> CliError {
    CliError(msg.into())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(CliError(msg)) => {
            eprintln!("reply-coach: {msg}");
            ExitCode::from(2)
        }
    }
}

#[derive(Default)]
struct Opts {
    positional: Vec<String>,
    post: Option<String>,
    author: Option<String>,
    age: Option<f64>,
    agent: Option<String>,
    initials: Option<String>,
    platform: Option<Platform>,
    ui: Option<Lang>,
    profile: Option<String>,
    jsonl: Option<String>,
    lang: Option<Lang>,
    json: bool,
    human: bool,
}

fn parse_opts(args: &[String]) -> Result<Opts, CliError> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<String, CliError> {
            it.next()
                .cloned()
                .ok_or_else(|| fail(format!("{name} needs a value")))
        };
        match a.as_str() {
            "--post" => o.post = Some(value("--post")?),
            "--author" => o.author = Some(value("--author")?),
            "--age-minutes" => {
                let v = value("--age-minutes")?;
                let n: f64 = v
                    .parse()
                    .map_err(|_| fail(format!("--age-minutes: {v:?} is not a number")))?;
                if !n.is_finite() || n < 0.0 {
                    return Err(fail(format!("--age-minutes: {v:?} must be zero or more")));
                }
                o.age = Some(n);
            }
            "--agent" => o.agent = Some(value("--agent")?),
            "--initials" => o.initials = Some(value("--initials")?),
            "--platform" => {
                let v = value("--platform")?;
                o.platform = Some(
                    Platform::parse(&v)
                        .ok_or_else(|| fail(format!("--platform: {v:?} is not x or facebook")))?,
                );
            }
            "--ui-lang" => {
                let v = value("--ui-lang")?;
                o.ui = Some(
                    Lang::parse(&v)
                        .ok_or_else(|| fail(format!("--ui-lang: {v:?} is not nl or en")))?,
                );
            }
            "--lang" => {
                let v = value("--lang")?;
                o.lang = Some(
                    Lang::parse(&v)
                        .ok_or_else(|| fail(format!("--lang: {v:?} is not nl or en")))?,
                );
            }
            "--profile" => o.profile = Some(value("--profile")?),
            "--jsonl" => o.jsonl = Some(value("--jsonl")?),
            "--json" => o.json = true,
            "--human" => o.human = true,
            "--full" => {} // the JSON report is always the full one
            "-h" | "--help" => o.positional.push("--help".into()),
            s if s.starts_with("--") => {
                return Err(fail(format!("unknown option {s} (see reply-coach --help)")))
            }
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

/// The profile JSON in the file at `path` (a byte-order mark is not content).
fn read_profile(path: &str) -> Result<Profile, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| fail(format!("cannot read profile {path}: {e}")))?;
    serde_json::from_str::<Profile>(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|e| fail(format!("profile {path} is not a valid profile: {e}")))
}

fn load_profile(o: &Opts) -> Result<Profile, CliError> {
    let mut p = match &o.profile {
        Some(path) => read_profile(path)?,
        None => Profile::default(),
    };
    if let Some(a) = &o.agent {
        p.agent_name = Some(a.clone());
    }
    if let Some(i) = &o.initials {
        p.agent_initials = Some(i.clone());
    }
    if let Some(pl) = o.platform {
        p.platform = pl;
    }
    if let Some(ui) = o.ui {
        p.ui_language = ui;
    }
    Ok(p)
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    let Some(cmd) = args.first() else {
        print!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let o = parse_opts(&args[1..])?;
    if o.positional.iter().any(|p| p == "--help") || cmd == "--help" || cmd == "-h" || cmd == "help"
    {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    match cmd.as_str() {
        "check" => match &o.jsonl {
            Some(path) => check_jsonl(path, &o),
            None => check_one(&o),
        },
        "exchange" => {
            let path = o
                .jsonl
                .as_deref()
                .ok_or_else(|| fail("exchange needs --jsonl FILE"))?;
            let profile = load_profile(&o)?;
            let lines = read_jsonl(path, &profile)?;
            let mut out = BufWriter::new(io::stdout().lock());
            for (_, ex) in lines {
                writeln!(out, "{}", serde_json::to_string(&ex)?)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        "rules" => {
            let ui = o.ui.unwrap_or_default();
            let mut out = io::stdout().lock();
            for d in rules::docs(ui) {
                writeln!(
                    out,
                    "{:<28} {:<10} {:<9} {}",
                    d.id,
                    d.severity.as_str(),
                    d.family,
                    d.title
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        "rule" => {
            let id = o
                .positional
                .first()
                .ok_or_else(|| fail("rule needs an ID (see reply-coach rules)"))?;
            let ui = o.ui.unwrap_or_default();
            let d = rules::docs(ui)
                .into_iter()
                .find(|d| d.id == *id)
                .ok_or_else(|| fail(format!("no rule {id:?} (see reply-coach rules)")))?;
            print_rule(&d)?;
            Ok(ExitCode::SUCCESS)
        }
        "templates" => templates(&o),
        other => Err(fail(format!(
            "unknown command {other:?} (see reply-coach --help)"
        ))),
    }
}

/// `templates lint PROFILE.json` and `templates starter`.
fn templates(o: &Opts) -> Result<ExitCode, CliError> {
    let mut out = BufWriter::new(io::stdout().lock());
    match o.positional.first().map(String::as_str) {
        Some("lint") => {
            let path =
                o.positional.get(1).or(o.profile.as_ref()).ok_or_else(|| {
                    fail("templates lint needs an exported profile: PROFILE.json")
                })?;
            let mut profile = read_profile(path)?;
            if let Some(ui) = o.ui {
                profile.ui_language = ui;
            }
            let linted = reply_coach::saved::lint(profile.clone());
            if o.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&linted)?)?;
            } else {
                print_lint(&mut out, &profile, &linted, path)?;
            }
            out.flush()?;
            let errors = linted
                .iter()
                .flat_map(|l| &l.findings)
                .any(|f| f.severity == Severity::Error);
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some("starter") => {
            let langs = match o.lang {
                Some(l) => vec![l],
                None => Lang::ALL.to_vec(),
            };
            let replies: Vec<SavedReply> = langs
                .into_iter()
                .flat_map(reply_coach::saved::starter)
                .collect();
            #[derive(serde::Serialize)]
            struct Starter {
                saved_replies: Vec<SavedReply>,
            }
            let starter = Starter {
                saved_replies: replies,
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&starter)?)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(fail(format!(
            "unknown templates command {other:?}: lint or starter (see reply-coach --help)"
        ))),
        None => Err(fail(
            "templates needs lint PROFILE.json or starter (see reply-coach --help)",
        )),
    }
}

/// Each saved reply by its title, with its findings, then a count.
fn print_lint(
    out: &mut impl Write,
    profile: &Profile,
    linted: &[reply_coach::saved::Linted],
    path: &str,
) -> Result<(), CliError> {
    let paint = Paint::new();
    if linted.is_empty() {
        writeln!(out, "{path}: no saved replies")?;
        return Ok(());
    }
    let (mut with_findings, mut with_errors) = (0, 0);
    for (saved, l) in profile.saved_replies.iter().zip(linted) {
        let post = l
            .post
            .map(|k| format!(" (against a sample {k})"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}",
            paint.paint("1", &format!("── {}{post}", l.title))
        )?;
        if l.findings.is_empty() {
            writeln!(out, "  {}", paint.paint("32", "no findings"))?;
        }
        for f in &l.findings {
            print_finding(out, &saved.text, f, &paint)?;
        }
        with_findings += usize::from(!l.findings.is_empty());
        with_errors += usize::from(l.findings.iter().any(|f| f.severity == Severity::Error));
    }
    writeln!(
        out,
        "\n{} saved replies: {with_findings} with findings, {with_errors} with an error",
        linted.len()
    )?;
    Ok(())
}

fn print_rule(d: &rules::RuleDoc) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{}: {} ({}, {})\n",
        d.id,
        d.title,
        d.severity.as_str(),
        d.family
    )?;
    writeln!(out, "  {}\n", d.message)?;
    writeln!(out, "Why: {}", d.explanation)?;
    writeln!(out, "Source: {}\n", d.source)?;
    if let Some(fix) = &d.fix {
        writeln!(out, "Fix: {fix}\n")?;
    }
    for ex in d.examples {
        let verdict = if ex.fires { "flagged" } else { "fine" };
        writeln!(out, "Example ({}, {verdict}):", ex.lang.code())?;
        writeln!(out, "  post:  {}", ex.post)?;
        writeln!(out, "  reply: {}\n", ex.reply)?;
    }
    Ok(())
}

fn check_one(o: &Opts) -> Result<ExitCode, CliError> {
    let profile = load_profile(o)?;
    let reply = match o.positional.first() {
        Some(t) => t.clone(),
        None => {
            if io::stdin().is_terminal() {
                return Err(fail(
                    "give the reply as an argument or on standard input (see reply-coach --help)",
                ));
            }
            let mut s = String::new();
            io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
            if s.trim().is_empty() {
                return Err(fail(
                    "standard input is empty: give the reply to check (see reply-coach --help)",
                ));
            }
            s.trim_end_matches('\n').to_string()
        }
    };
    let post = if o.post.is_some() || o.author.is_some() || o.age.is_some() {
        Some(Post {
            text: o.post.clone().unwrap_or_default(),
            author: o.author.clone(),
            age_minutes: o.age,
        })
    } else {
        None
    };
    let ex = Exchange {
        post,
        reply,
        platform: o.platform,
        profile,
    };
    let report = reply_coach::analyze(&ex);
    let mut out = io::stdout().lock();
    if o.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        print_human(&mut out, None, &ex, &report)?;
    }
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One input line, turned into an exchange. Errors name the field.
fn exchange_from_line(v: &Value, base: &Profile) -> Result<(Option<Value>, Exchange), String> {
    let obj = v.as_object().ok_or("the line is not a JSON object")?;
    let id = obj.get("id").cloned();
    let text_field = |v: &Value, name: &str| -> Result<String, String> {
        match v {
            Value::String(s) => Ok(s.clone()),
            Value::Object(o) => match o.get("text") {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(Value::Null) | None => Err(format!("\"{name}\" has no \"text\"")),
                Some(_) => Err(format!("\"{name}.text\" must be a string")),
            },
            _ => Err(format!(
                "\"{name}\" must be an object with \"text\" or a string"
            )),
        }
    };
    let reply = text_field(obj.get("reply").ok_or("missing \"reply\"")?, "reply")?;
    let post = match obj.get("post") {
        None | Some(Value::Null) => None,
        Some(p) => {
            let text = text_field(p, "post")?;
            let (author, age) = match p {
                Value::Object(o) => {
                    let author = match o.get("author") {
                        None | Some(Value::Null) => None,
                        Some(Value::String(s)) => Some(s.clone()),
                        Some(_) => return Err("\"post.author\" must be a string".into()),
                    };
                    let age = match o.get("age_minutes") {
                        None | Some(Value::Null) => None,
                        Some(Value::Number(n)) => match n.as_f64() {
                            Some(a) if a >= 0.0 => Some(a),
                            _ => return Err("\"post.age_minutes\" must be zero or more".into()),
                        },
                        Some(_) => return Err("\"post.age_minutes\" must be a number".into()),
                    };
                    (author, age)
                }
                _ => (None, None),
            };
            Some(Post {
                text,
                author,
                age_minutes: age,
            })
        }
    };
    let mut profile = match obj.get("profile") {
        None | Some(Value::Null) => base.clone(),
        Some(p) => {
            serde_json::from_value::<Profile>(p.clone()).map_err(|e| format!("\"profile\": {e}"))?
        }
    };
    if let Some(agent) = obj.get("agent").filter(|a| !a.is_null()) {
        let a = agent.as_object().ok_or("\"agent\" must be an object")?;
        match a.get("name") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => profile.agent_name = Some(s.clone()),
            Some(_) => return Err("\"agent.name\" must be a string".into()),
        }
        match a.get("initials") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => profile.agent_initials = Some(s.clone()),
            Some(_) => return Err("\"agent.initials\" must be a string".into()),
        }
    }
    let platform = match obj.get("platform") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            Some(Platform::parse(s).ok_or(format!("\"platform\": {s:?} is not x or facebook"))?)
        }
        Some(_) => return Err("\"platform\" must be a string".into()),
    };
    Ok((
        id,
        Exchange {
            post,
            reply,
            platform,
            profile,
        },
    ))
}

/// Reads and validates every line first, so bad input writes nothing.
fn read_jsonl(path: &str, profile: &Profile) -> Result<Vec<(Option<Value>, Exchange)>, CliError> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(path).map_err(|e| fail(format!("cannot read {path}: {e}")))?
    };
    // a byte-order mark (Windows editors) is not content
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(fail(format!("{path}, line {line}: not valid UTF-8")));
        }
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| fail(format!("{path}, line {}: invalid JSON: {e}", n + 1)))?;
        let ex = exchange_from_line(&v, profile)
            .map_err(|e| fail(format!("{path}, line {}: {e}", n + 1)))?;
        out.push(ex);
    }
    if out.is_empty() {
        return Err(fail(format!(
            "{path} has no exchanges (expected one JSON object per line)"
        )));
    }
    Ok(out)
}

fn check_jsonl(path: &str, o: &Opts) -> Result<ExitCode, CliError> {
    let profile = load_profile(o)?;
    let lines = read_jsonl(path, &profile)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for (id, ex) in &lines {
        let report = reply_coach::analyze(ex);
        if o.human {
            print_human(&mut out, id.as_ref(), ex, &report)?;
        } else {
            let mut v = serde_json::to_value(&report)?;
            if let (Some(obj), Some(id)) = (v.as_object_mut(), id) {
                let mut with_id = serde_json::Map::new();
                with_id.insert("id".into(), id.clone());
                with_id.extend(std::mem::take(obj));
                v = Value::Object(with_id);
            }
            writeln!(out, "{}", serde_json::to_string(&v)?)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The text of `s` at a UTF-16 span (the report's spans), when the span lies in it.
fn utf16_slice(s: &str, [a, b]: Span) -> Option<&str> {
    let (a, b) = (
        reply_coach::text::byte_of_utf16(s, a),
        reply_coach::text::byte_of_utf16(s, b),
    );
    s.get(a..b)
}

fn label<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "-".into())
}

/// Colours for a terminal (none when the output is not one, or NO_COLOR is set).
struct Paint(bool);

impl Paint {
    fn new() -> Paint {
        Paint(io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none())
    }
    fn paint(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Linter-style output: the reading of the post and the reply, then each finding with
/// the offending text marked.
fn print_human(
    out: &mut impl Write,
    id: Option<&Value>,
    ex: &Exchange,
    r: &Report,
) -> Result<(), CliError> {
    let paint = Paint::new();
    let title = id
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        })
        .unwrap_or_else(|| "reply".into());
    writeln!(out, "{}", paint.paint("1", &format!("── {title} ")))?;
    if let Some(p) = &ex.post {
        print_post(out, p, r)?;
    }
    writeln!(out, "reply {}", ex.reply)?;
    if ex.reply.trim().is_empty() {
        writeln!(out)?;
        return Ok(());
    }
    let list = |ids: &[Text]| {
        if ids.is_empty() {
            "-".into()
        } else {
            ids.join(", ")
        }
    };
    writeln!(out, "      strategies: {}", list(&r.strategies))?;
    writeln!(
        out,
        "      voice {}/100: {}",
        r.voice.score,
        list(&r.voice.elements)
    )?;
    for f in &r.findings {
        print_finding(out, &ex.reply, f, &paint)?;
    }
    if let Some(rw) = &r.rewrite {
        writeln!(out, "  {} {rw}", paint.paint("32;1", "rewrite:"))?;
    }
    if let Some(note) = &r.rewrite_note {
        writeln!(out, "  {} {note}", paint.paint("33;1", "no rewrite:"))?;
    }
    writeln!(out)?;
    Ok(())
}

/// The post and its reading: kind, sentiment, advice, register, age, recommendations.
fn print_post(out: &mut impl Write, p: &Post, r: &Report) -> Result<(), CliError> {
    let inc = &r.incoming;
    let author = p
        .author
        .as_deref()
        .map(|a| format!("{a}: "))
        .unwrap_or_default();
    writeln!(out, "post  {author}{}", p.text)?;
    let age = inc
        .age_minutes
        .map(|a| {
            format!(
                " · {a:.0} min old (norm {})",
                inc.response_time_norm_minutes
            )
        })
        .unwrap_or_default();
    // an unsure reading says so: "could be a complaint"
    let kind = match inc.certainty {
        Certainty::Sure => label(&inc.kind),
        Certainty::Unsure if inc.kind == Kind::Complaint => "could be a complaint".to_string(),
        Certainty::Unsure => format!("{}, could be a complaint", label(&inc.kind)),
    };
    writeln!(
        out,
        "      {} · {} · {}{} · register {}{}",
        kind,
        label(&inc.sentiment),
        label(&inc.advice),
        inc.advice_reason
            .map(|a| format!(" ({})", label(&a)))
            .unwrap_or_default(),
        label(&inc.register),
        age
    )?;
    writeln!(out, "      {}", inc.advice_message)?;
    // what the reading rests on: the signals that weigh most towards or against a complaint
    let mut strongest: Vec<&Signal> = inc.signals.iter().collect();
    strongest.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    let why: Vec<String> = strongest
        .into_iter()
        .filter(|s| s.weight.abs() >= 0.5)
        .filter_map(|s| {
            let words = utf16_slice(&p.text, s.span)?;
            Some(format!("{} \"{}\"", s.id, words.trim()))
        })
        .take(4)
        .collect();
    if !why.is_empty() {
        writeln!(out, "      read from: {}", why.join(", "))?;
    }
    if !r.recommended_strategies.is_empty() {
        let rec: Vec<&str> = r
            .recommended_strategies
            .iter()
            .map(|s| s.strategy.as_ref())
            .collect();
        writeln!(out, "      recommended: {}", rec.join(", "))?;
    }
    Ok(())
}

/// One finding: severity, rule and message, the span marked under its line, the fix
/// and why.
fn print_finding(
    out: &mut impl Write,
    text: &str,
    f: &Finding,
    paint: &Paint,
) -> Result<(), CliError> {
    let sev = match f.severity {
        Severity::Error => paint.paint("31;1", "error"),
        Severity::Warning => paint.paint("33;1", "warning"),
        Severity::Suggestion => paint.paint("36;1", "suggestion"),
    };
    writeln!(out, "  {sev}[{}] {}", f.rule, f.message)?;
    if let Some([s, e]) = f.span {
        // mark the span under the line that holds it (spans are UTF-16 offsets)
        let (bs, be) = (
            reply_coach::text::byte_of_utf16(text, s),
            reply_coach::text::byte_of_utf16(text, e),
        );
        let line_start = text[..bs].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = text[bs..].find('\n').map(|i| bs + i).unwrap_or(text.len());
        let line = &text[line_start..line_end];
        let pad = text[line_start..bs].chars().count();
        let width = text[bs..be.min(line_end).max(bs)].chars().count().max(1);
        let lineno = text[..bs].matches('\n').count() + 1;
        writeln!(out, "     |")?;
        writeln!(out, "  {lineno:>2} | {line}")?;
        writeln!(
            out,
            "     | {}{}",
            " ".repeat(pad),
            paint.paint("31", &"^".repeat(width))
        )?;
    }
    if let Some(rep) = &f.replacement {
        let shown = if rep.is_empty() {
            "(remove)".to_string()
        } else {
            format!("{rep:?}")
        };
        writeln!(out, "     = fix: {shown}")?;
    }
    writeln!(out, "     = why: {}", f.explanation)?;
    Ok(())
}
