//! Bulk intake (`ledger add --from FILE`): hotline, petition and
//! message-board exports become cases, in one transaction.
//!
//! Each data row goes through these steps; the first that stops it decides
//! how it is counted:
//!
//! | step | a row stops here when | counted as |
//! |------|-----------------------|------------|
//! | read     | (every non-blank row)                                         | read |
//! | prepare  | no summary, a date that does not parse or lies in the future, an unknown source, fewer cells than the mapped columns need | rejected (to `--rejects` with the reason) |
//! | filter   | `--only-property` and the property rule says no (`classify`) | skipped |
//! | dedupe   | its (source, reference) is in the ledger, or earlier in the file | duplicates |
//! | register | —                                                             | imported |
//!
//! Registering is done by `Writer::register`, the same path as `ledger
//! add`, which also says when a row's reference is registered already.
//!
//! A row that fails *after* it was prepared (registering refuses it), a file
//! that turns out not to be in the assumed encoding, or a broken file stops
//! the whole import: the transaction is rolled back and nothing is written.
//! `--dry-run` does every step, then rolls back.

pub mod classify;
pub mod dates;
pub mod profiles;
pub mod readers;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::{Phone, ProblemCode, Source};
use crate::ledger::ops::{Added, NewCase};
use crate::ledger::{Error, Ledger, Result, Stamp, Then};
use crate::refuse;
use profiles::{Field, Mapping, Plan};
use readers::{Encoding, RawRow, Table};

/// Where the column mapping comes from.
#[derive(Clone, Debug)]
pub enum MapChoice {
    /// The built-in profile that fits the header best.
    Detect,
    /// `--profile NAME`.
    Profile(String),
    /// `--map FILE`.
    File(PathBuf),
}

/// What `add --from` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    pub file: PathBuf,
    pub map: MapChoice,
    pub sheet: Option<String>,
    pub encoding: Option<Encoding>,
    pub dry_run: bool,
    pub only_property: bool,
    /// `--source`: for rows that do not say theirs (over the profile's).
    pub source: Option<Source>,
    /// `--community`: for rows without a community column or value.
    pub community: Option<String>,
}

/// The figures of an import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub read: u64,
    pub imported: u64,
    pub duplicates: u64,
    pub skipped: u64,
    pub rejected: u64,
    /// Imported with a suggested problem type.
    pub suggested: u64,
}

/// A row that could not be taken, as the file had it.
#[derive(Clone, Debug)]
pub struct Reject {
    pub at: u64,
    pub cells: Vec<String>,
    pub reason: String,
}

/// What an import did.
#[derive(Debug)]
pub struct Outcome {
    pub counts: Counts,
    /// `file.xlsx (sheet Sheet1), profile tipdm`.
    pub described: String,
    pub headers: Vec<String>,
    pub rejects: Vec<Reject>,
}

/// Community of a row that names none and for which none is guessed.
pub const NO_COMMUNITY: &str = "(未注明)";

/// Opens the file and matches the mapping to its header.
pub fn open(opts: &Options) -> Result<(Table, Plan)> {
    let table = readers::open(&opts.file, opts.sheet.as_deref(), opts.encoding)?;
    let plan = plan(opts, &table)?;
    Ok((table, plan))
}

fn mapping(opts: &Options) -> Result<Option<Mapping>> {
    Ok(match &opts.map {
        MapChoice::Detect => None,
        MapChoice::Profile(name) => match profiles::profile(name) {
            Some(m) => Some(m),
            None => refuse!(
                "unknown profile '{name}': use one of {} or give --map FILE",
                profiles::PROFILES.join(", ")
            ),
        },
        MapChoice::File(path) => Some(profiles::read_map(path)?),
    })
}

fn plan(opts: &Options, table: &Table) -> Result<Plan> {
    match mapping(opts)? {
        Some(m) => profiles::resolve(&m, &table.headers)
            .map_err(|why| Error::Refused(format!("{}: {why}", table.name))),
        None => match profiles::detect(&table.headers) {
            Some(p) => Ok(p),
            None => refuse!(
                "{}: cannot tell which column is which (columns: {}): give --profile {} or --map FILE (`ledger add --from {} --show-columns` lists the columns)",
                table.name,
                table.headers.join(", "),
                profiles::PROFILES.join("|"),
                table.name
            ),
        },
    }
}

/// What `--show-columns` prints: each column, a sample value, and the field
/// the mapping gives it.
pub struct ColumnsView {
    pub described: String,
    pub headers: Vec<String>,
    pub samples: Vec<String>,
    pub fields: Vec<Option<Field>>,
    /// Why the mapping does not fit, if it does not.
    pub problem: Option<String>,
}

/// Reads the header and the first rows for `--show-columns`.
pub fn columns(opts: &Options) -> Result<ColumnsView> {
    let mut table = readers::open(&opts.file, opts.sheet.as_deref(), opts.encoding)?;
    let (plan, problem) = match plan(opts, &table) {
        Ok(p) => (Some(p), None),
        Err(Error::Refused(m)) => (None, Some(m)),
        Err(e) => return Err(e),
    };
    let n = table.headers.len();
    let mut samples = vec![String::new(); n];
    for row in table.rows.by_ref().take(50) {
        let row = row?;
        for (i, c) in row.cells.iter().enumerate().take(n) {
            if samples[i].is_empty() && !c.is_blank() {
                let text = classify::clean(&c.text()).replace('\n', " ");
                let mut s: String = text.chars().take(24).collect();
                if text.chars().count() > 24 {
                    s.push('…');
                }
                samples[i] = s;
            }
        }
        if samples.iter().all(|s| !s.is_empty()) {
            break;
        }
    }
    let fields = (0..n)
        .map(|i| plan.as_ref().and_then(|p| p.field_of(i)))
        .collect();
    Ok(ColumnsView {
        described: describe(&table, plan.as_ref()),
        headers: table.headers.clone(),
        samples,
        fields,
        problem,
    })
}

fn describe(table: &Table, plan: Option<&Plan>) -> String {
    match plan {
        Some(p) => format!("{} ({}), profile {}", table.name, table.what, p.mapping),
        None => format!("{} ({})", table.name, table.what),
    }
}

/// A row made ready for the ledger.
struct Prepared {
    new: NewCase,
    /// The whole summary text, for the property rule.
    title: String,
    /// Details and category, for the property rule.
    body: String,
}

/// What every row is prepared with.
struct RowContext<'a> {
    plan: &'a Plan,
    headers: &'a [String],
    source: Source,
    community: Option<String>,
    now: DateTime<FixedOffset>,
}

/// A source as exports write it: a code or label `ledger` knows, or the
/// words hotline and petition systems use.
fn parse_source(s: &str) -> Option<Source> {
    if let Ok(src) = s.parse::<Source>() {
        return Some(src);
    }
    let has = |ws: &[&str]| ws.iter().any(|w| s.contains(w));
    if has(&["12345", "热线", "电话"]) {
        Some(Source::Hotline)
    } else if has(&["信访", "来信", "网信"]) {
        Some(Source::Petition)
    } else if has(&["来访", "走访", "窗口"]) {
        Some(Source::Visit)
    } else if has(&["巡查", "三联单"]) {
        Some(Source::Patrol)
    } else {
        None
    }
}

fn join(parts: Vec<String>, sep: &str) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

impl RowContext<'_> {
    /// The cleaned texts of a field's columns.
    fn texts(&self, row: &RawRow, f: Field) -> Vec<String> {
        self.plan
            .of(f)
            .map(|c| classify::clean(&row.cells[c.index].text()))
            .collect()
    }

    /// `列名：值` lines for the details.
    fn labelled(&self, row: &RawRow, f: Field, out: &mut Vec<String>) {
        for c in self.plan.of(f) {
            let v = classify::clean(&row.cells[c.index].text());
            if !v.is_empty() {
                out.push(format!("{}：{v}", c.header));
            }
        }
    }

    fn prepare(&self, row: &RawRow) -> Result<Prepared, String> {
        let width = self.headers.len();
        if let Some(c) = self
            .plan
            .columns
            .iter()
            .find(|c| c.index >= row.cells.len())
        {
            return Err(format!(
                "the row has {} cells where the header has {width}: no {} cell",
                row.cells.len(),
                c.header
            ));
        }
        if row.cells.len() > width && row.cells[width..].iter().any(|c| !c.is_blank()) {
            return Err(format!(
                "the row has {} cells where the header has {width} (a stray comma or quote?)",
                row.cells.len()
            ));
        }
        let summary_header = || {
            self.plan
                .of(Field::Summary)
                .map(|c| c.header.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let details_texts: Vec<String> = self
            .texts(row, Field::Details)
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
        // A summary of punctuation alone (the message board has a title
        // "）") says nothing: the details, cut, say more.
        let summary_texts = self.texts(row, Field::Summary);
        let says_something = |t: &String| t.chars().any(char::is_alphanumeric);
        let from_details = !summary_texts.iter().any(says_something);
        let full = if from_details {
            details_texts.first().cloned()
        } else {
            join(summary_texts, " - ")
        };
        let Some(full) = full else {
            return Err(format!("no summary: {} is empty", summary_header()));
        };
        let received = match self.plan.of(Field::Received).next() {
            None => None,
            Some(c) => match dates::parse_cell(&row.cells[c.index]) {
                Ok(t) => t.map(|t| t.resolve(*self.now.offset())),
                Err(e) => return Err(format!("{}: {e}", c.header)),
            },
        };
        if let Some(t) = received
            && t > self.now
        {
            return Err(format!(
                "received {} is in the future (now is {})",
                t.format("%Y-%m-%d %H:%M"),
                self.now.format("%Y-%m-%d %H:%M")
            ));
        }
        if let Some(t) = received
            && let Err(why) = crate::ledger::rules::received_year(
                chrono::Datelike::year(&t),
                chrono::Datelike::year(&self.now),
            )
        {
            return Err(format!(
                "received {}: {}",
                t.format("%Y-%m-%d %H:%M"),
                crate::msg::en::ledger::rule(&why)
            ));
        }
        let source = match self.plan.of(Field::Source).next() {
            None => self.source,
            Some(c) => {
                let v = classify::clean(&row.cells[c.index].text());
                if v.is_empty() {
                    self.source
                } else {
                    match parse_source(&v) {
                        Some(s) => s,
                        None => {
                            return Err(format!(
                                "{}: '{v}' is not a source: use hotline (12345, 热线), petition (信访), patrol, visit or other",
                                c.header
                            ));
                        }
                    }
                }
            }
        };
        let (summary, cut) = classify::summary(&full);
        let mut details = Vec::new();
        if cut && !from_details {
            details.push(full.clone());
        }
        details.extend(details_texts);
        let mut labels = Vec::new();
        self.labelled(row, Field::Category, &mut labels);
        self.labelled(row, Field::Extra, &mut labels);
        let mut phone = None;
        for c in self.plan.of(Field::Phone) {
            let v = classify::clean(&row.cells[c.index].text());
            if v.is_empty() {
                continue;
            }
            // A masked (138****5678) or odd number is kept, in the details.
            match v.parse::<Phone>() {
                Ok(p) if phone.is_none() => phone = Some(p.0),
                _ => labels.push(format!("{}：{v}", c.header)),
            }
        }
        let body = {
            let mut b = self.texts(row, Field::Details);
            b.extend(self.texts(row, Field::Category));
            b.join("\n")
        };
        details.extend(labels);
        let community = join(self.texts(row, Field::Community), " ")
            .or_else(|| self.community.clone())
            .or_else(|| classify::community(&full))
            .unwrap_or_else(|| NO_COMMUNITY.to_string());
        let complainant = join(self.texts(row, Field::Complainant), " ");
        // A row without a reference gets one made from what it says, so a
        // file imported twice (a cron job run again) adds nothing.
        let source_ref = join(self.texts(row, Field::Ref), "-").or_else(|| {
            Some(fingerprint(&[
                &received.map(|t| t.to_rfc3339()).unwrap_or_default(),
                &community,
                &full,
                complainant.as_deref().unwrap_or_default(),
                phone.as_deref().unwrap_or_default(),
            ]))
        });
        Ok(Prepared {
            new: NewCase {
                received,
                source,
                source_ref,
                community,
                address: join(self.texts(row, Field::Address), " "),
                summary,
                details: join(details, "\n"),
                complainant,
                phone,
                subject: None,
                problem: None,
                party: join(self.texts(row, Field::Party), " "),
                key: false,
                problem_suggested: false,
            },
            title: full,
            body,
        })
    }
}

/// `#` and 16 hex digits of the SHA-256 of the parts: the reference of a
/// row that has none of its own.
fn fingerprint(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.len().to_string().as_bytes());
        h.update(b":");
        h.update(p.as_bytes());
    }
    let hex = hex::encode(h.finalize());
    format!("#{}", &hex[..16])
}

/// Imports the file into the ledger in one transaction (rolled back for a
/// dry run). `progress` is told how far through the file it is.
pub fn import(
    ledger: &mut Ledger,
    stamp: &Stamp,
    opts: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    let (mut table, plan) = open(opts)?;
    let rc = RowContext {
        plan: &plan,
        headers: &table.headers,
        source: opts.source.unwrap_or(plan.source),
        community: opts
            .community
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from),
        now: stamp.now,
    };
    let mut counts = Counts::default();
    let mut rejects = Vec::new();
    let total = table.total;
    let name = table.name.clone();
    let unit = table.unit;
    let result = ledger.write_as(stamp, Then::dry_run(opts.dry_run), |w| {
        for row in table.rows.by_ref() {
            let row = row?;
            counts.read += 1;
            progress(row.pos, total);
            let mut p = match rc.prepare(&row) {
                Ok(p) => p,
                Err(reason) => {
                    counts.rejected += 1;
                    rejects.push(Reject {
                        at: row.at,
                        cells: row.cells.iter().map(|c| c.text().into_owned()).collect(),
                        reason: format!("{unit} {}: {reason}", row.at),
                    });
                    continue;
                }
            };
            let property = classify::property(&p.title, &p.body);
            if opts.only_property && property.is_none() {
                counts.skipped += 1;
                continue;
            }
            if property.is_some()
                && let Some(code) = classify::suggest(&p.title, &p.body)
            {
                p.new.problem = Some(code.parse::<ProblemCode>().map_err(Error::Refused)?);
                p.new.problem_suggested = true;
            }
            let suggested = p.new.problem_suggested;
            // A reference registered before, or earlier in this same file,
            // is a duplicate: counted, not added.
            match w.register(p.new) {
                Ok(Added::Known(_)) => counts.duplicates += 1,
                Ok(Added::New(_)) => {
                    counts.imported += 1;
                    counts.suggested += u64::from(suggested);
                }
                Err(Error::Refused(m)) => {
                    refuse!("{name} {unit} {}: {m}; nothing was imported", row.at)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    });
    match result {
        Ok(()) => {}
        Err(Error::Refused(m)) if !m.starts_with(&name) => {
            return Err(Error::Refused(format!("{name}: {m}")));
        }
        Err(e) => return Err(e),
    }
    Ok(Outcome {
        counts,
        described: describe(&table, Some(&plan)),
        headers: table.headers.clone(),
        rejects,
    })
}

/// Refuses a `--rejects` path that cannot be written or would overwrite
/// the input, before any work is done.
pub fn check_rejects_path(path: &Path, input: &Path) -> Result<()> {
    let same = match (path.canonicalize(), input.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        refuse!(
            "--rejects {} is the input file: name another file",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        refuse!(
            "--rejects {}: the folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(())
}

/// Writes the rejected rows as CSV (UTF-8 with a BOM, for Excel/WPS): the
/// file's own columns, then the reason.
pub fn write_rejects(
    path: &Path,
    headers: &[String],
    rejects: &[Reject],
    reason_header: &str,
) -> Result<()> {
    let io = |e: std::io::Error| Error::Refused(format!("--rejects {}: {e}", path.display()));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let csv_err = |e: csv::Error| Error::Refused(format!("--rejects {}: {e}", path.display()));
        let mut head: Vec<&str> = headers.iter().map(String::as_str).collect();
        head.push(reason_header);
        w.write_record(&head).map_err(csv_err)?;
        for r in rejects {
            let mut cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
            // Short rows are padded so the reason stays in its column.
            while cells.len() < headers.len() {
                cells.push("");
            }
            cells.push(&r.reason);
            w.write_record(&cells).map_err(csv_err)?;
        }
        w.flush().map_err(io)?;
    }
    std::fs::write(path, bytes).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_as_exports_write_them() {
        assert_eq!(parse_source("hotline"), Some(Source::Hotline));
        assert_eq!(parse_source("12345热线"), Some(Source::Hotline));
        assert_eq!(parse_source("信访"), Some(Source::Petition));
        assert_eq!(parse_source("网上来信"), Some(Source::Petition));
        assert_eq!(parse_source("火星"), None);
    }
}
