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
//! Why a row or a file is refused is a kind (`error`), located by file,
//! line or row and column; `msg::en::intake` says it.
//!
//! A row that fails *after* it was prepared (registering refuses it), a file
//! that turns out not to be in the assumed encoding, or a broken file stops
//! the whole import: the transaction is rolled back and nothing is written.
//! `--dry-run` does every step, then rolls back.

mod bounds;
mod cell;
pub mod classify;
mod community;
mod dates;
pub mod error;
pub mod fields;
mod keywords;
mod map_file;
mod prepare;
pub mod profiles;
pub mod readers;
pub mod rejects;
mod suggest;

use std::path::PathBuf;

use serde::Serialize;

use crate::domain::{ProblemCode, Source};
use crate::ledger::ops::Added;
use crate::ledger::{Ledger, Stamp, Then, Writer};
pub use error::{Error, Result};
use fields::Field;
use prepare::RowContext;
use profiles::{Mapping, Plan};
use readers::{Encoding, RawRow, Table};
pub use rejects::Reject;

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

/// What an import did.
#[derive(Debug)]
pub struct Outcome {
    pub counts: Counts,
    /// What was read and how it was mapped.
    pub described: Described,
    pub headers: Vec<String>,
    pub rejects: Vec<Reject>,
}

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
            None => return Err(Error::UnknownProfile { name: name.clone() }),
        },
        MapChoice::File(path) => Some(map_file::read_map(path)?),
    })
}

fn plan(opts: &Options, table: &Table) -> Result<Plan> {
    match mapping(opts)? {
        Some(m) => profiles::resolve(&m, &table.headers).map_err(|why| Error::Mismatch {
            file: table.name.clone(),
            why,
        }),
        None => profiles::detect(&table.headers).ok_or_else(|| Error::Undetected {
            file: table.name.clone(),
            headers: table.headers.clone(),
        }),
    }
}

/// What `--show-columns` prints: each column, a sample value, and the field
/// the mapping gives it.
pub struct ColumnsView {
    pub described: Described,
    pub headers: Vec<String>,
    pub samples: Vec<String>,
    pub fields: Vec<Option<Field>>,
    /// Why the mapping does not fit, if it does not.
    pub problem: Option<Error>,
}

/// Reads the header and the first rows for `--show-columns`.
pub fn columns(opts: &Options) -> Result<ColumnsView> {
    let mut table = readers::open(&opts.file, opts.sheet.as_deref(), opts.encoding)?;
    let (plan, problem) = match plan(opts, &table) {
        Ok(p) => (Some(p), None),
        // A mapping that does not fit is what the clerk came to see; a
        // failure below intake is not.
        Err(e @ Error::Ledger(_)) => return Err(e),
        Err(e) => (None, Some(e)),
    };
    let n = table.headers.len();
    let mut samples = vec![String::new(); n];
    for row in table.rows.by_ref().take(50) {
        let row = row?;
        for (i, c) in row.cells.iter().enumerate().take(n) {
            if samples[i].is_empty() && !c.is_blank() {
                samples[i] = sample(&c.text());
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

/// A cell shown in one line of at most 24 characters.
fn sample(text: &str) -> String {
    let text = classify::clean(text).replace('\n', " ");
    let mut s: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        s.push('…');
    }
    s
}

/// The file, what was read of it and the mapping used: `msg` says it
/// (`file.xlsx (sheet Sheet1), profile tipdm`).
#[derive(Clone, Debug)]
pub struct Described {
    pub file: String,
    pub what: readers::What,
    pub profile: Option<String>,
}

fn describe(table: &Table, plan: Option<&Plan>) -> Described {
    Described {
        file: table.name.clone(),
        what: table.what.clone(),
        profile: plan.map(|p| p.mapping.to_string()),
    }
}

/// An import under way: the figures so far and the rows turned away.
struct Run<'a> {
    rc: RowContext<'a>,
    opts: &'a Options,
    table: &'a Table,
    counts: Counts,
    rejects: Vec<Reject>,
}

impl Run<'_> {
    /// Takes one row through the steps of the module table.
    fn take(&mut self, w: &mut Writer, row: RawRow) -> Result<()> {
        self.counts.read += 1;
        let mut p = match self.rc.prepare(&row) {
            Ok(p) => p,
            Err(reason) => {
                self.counts.rejected += 1;
                self.rejects.push(Reject {
                    unit: self.table.unit,
                    at: row.at,
                    cells: row.cells.iter().map(|c| c.text().into_owned()).collect(),
                    reason,
                });
                return Ok(());
            }
        };
        let property = classify::property(&p.title, &p.body);
        if self.opts.only_property && property.is_none() {
            self.counts.skipped += 1;
            return Ok(());
        }
        if property.is_some()
            && let Some(code) = classify::suggest(&p.title, &p.body)
        {
            let parsed = code
                .parse::<ProblemCode>()
                .map_err(|why| Error::Suggestion {
                    file: self.table.name.clone(),
                    code,
                    why,
                })?;
            p.new.problem = Some(parsed);
            p.new.problem_suggested = true;
        }
        let suggested = p.new.problem_suggested;
        // A reference registered before, or earlier in this same file,
        // is a duplicate: counted, not added.
        match w.register(p.new) {
            Ok(Added::Known(_)) => self.counts.duplicates += 1,
            Ok(Added::New(_)) => {
                self.counts.imported += 1;
                self.counts.suggested += u64::from(suggested);
            }
            // The core refusing a prepared row stops the import: say where.
            Err(source) if source.is_refusal() => {
                return Err(Error::RowRefused {
                    file: self.table.name.clone(),
                    unit: self.table.unit,
                    at: row.at,
                    source,
                });
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }
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
    let mut rows = std::mem::replace(&mut table.rows, Box::new(std::iter::empty()));
    let mut run = Run {
        rc: RowContext {
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
        },
        opts,
        table: &table,
        counts: Counts::default(),
        rejects: Vec::new(),
    };
    ledger.write_as(stamp, Then::dry_run(opts.dry_run), |w| {
        for row in rows.by_ref() {
            let row = row?;
            progress(row.pos, table.total);
            run.take(w, row)?;
        }
        Ok::<_, Error>(())
    })?;
    Ok(Outcome {
        counts: run.counts,
        described: describe(&table, Some(&plan)),
        headers: table.headers.clone(),
        rejects: run.rejects,
    })
}
