//! `ledger add`: register a complaint (prints its new id alone on stdout),
//! or with `--from FILE` register every row of a hotline, petition or
//! message-board export in one transaction (see `crate::intake`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cmd::Ctx;
use crate::cmd::msg;
use crate::cmd::msg::intake as say;
use crate::domain::{Lang, Phone, ProblemCode, Source, Subject, Text, TimeArg};
use crate::intake::{self, Counts, MapChoice, Options, readers::Encoding, rejects};
use crate::ledger::ops::NewCase;
use crate::pii::Personal;
use crate::render::{self, Grid};

/// Register a complaint as a new case; prints its id (e.g. S07-2026-0001).
///
/// With --from FILE, register every row of a spreadsheet export (xlsx, or
/// CSV in UTF-8 or GBK/GB18030) instead: one transaction, all or nothing.
/// Rows already registered (same source and reference) are skipped, so
/// importing a file twice adds nothing. A summary goes to stderr.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水三天' \\\n      --source hotline --ref 12345-20261103-0087 --received '2026-11-03 14:05' \\\n      --complainant 张三 --phone 13812345678 --problem WY-06 --party 某某物业公司\n  ledger add --from 12345工单.xlsx --profile hotline --only-property --rejects 退回.csv\n  ledger add --from 导出.csv --show-columns\n  ledger add --from 导出.csv --map examples/hotline-map.toml --dry-run\n\nProfiles: hotline (12345 work orders: 工单编号, 来电时间, 诉求内容, 联系电话...), petition\n(the same columns, source petition), tipdm (留言编号, 留言主题, 留言时间, 留言详情), nyc311.\nWithout --profile or --map the best-fitting profile is used."
)]
pub struct Args {
    /// The residential community (小区); with --from, for rows that name none.
    #[arg(long, required_unless_present = "from")]
    pub community: Option<String>,
    /// One line saying what the complaint is.
    #[arg(long, required_unless_present = "from", conflicts_with = "from")]
    pub summary: Option<Text>,
    /// Where it came from: hotline, petition, patrol, visit, other (default
    /// other; with --from, the profile's, for rows that do not say).
    #[arg(long, value_parser = crate::cmd::offered::sources(), hide_possible_values = true)]
    pub source: Option<Source>,
    /// The source's own reference (hotline work order number, petition number).
    #[arg(long = "ref", value_name = "REF", conflicts_with = "from")]
    pub source_ref: Option<String>,
    /// When it was received: 2026-11-03, 2026/11/3 or '2026-11-03 14:05' (default: now).
    #[arg(long, value_name = "DATE", conflicts_with = "from")]
    pub received: Option<TimeArg>,
    /// Street address.
    #[arg(long, conflicts_with = "from")]
    pub address: Option<String>,
    /// Longer text kept beside the summary.
    #[arg(long, conflicts_with = "from")]
    pub details: Option<String>,
    /// Complainant's name (personal data: masked in list/show).
    #[arg(long, value_name = "NAME", conflicts_with = "from")]
    pub complainant: Option<String>,
    /// Complainant's phone (personal data: masked in list/show).
    #[arg(long, conflicts_with = "from")]
    pub phone: Option<Phone>,
    /// Responsible subject: property_company, owners_committee, developer, department.
    #[arg(long, conflicts_with = "from", value_parser = crate::cmd::offered::subjects(), hide_possible_values = true)]
    pub subject: Option<Subject>,
    /// Problem type from `ledger catalog problems`, e.g. WY-06.
    #[arg(long, value_name = "CODE", conflicts_with = "from", value_parser = crate::cmd::offered::problems(), hide_possible_values = true)]
    pub problem: Option<ProblemCode>,
    /// The company, committee, developer or department complained about.
    #[arg(long, conflicts_with = "from")]
    pub party: Option<String>,
    /// A key case (重点难点) the leadership group follows.
    #[arg(long, conflicts_with = "from")]
    pub key: bool,

    /// Register every row of an export: .xlsx (or .xls, .ods) or .csv.
    #[arg(long, value_name = "FILE", help_heading = "Bulk intake")]
    pub from: Option<PathBuf>,
    /// Column mapping: hotline, petition, tipdm or nyc311.
    #[arg(
        long,
        value_name = "NAME",
        requires = "from",
        conflicts_with = "map",
        help_heading = "Bulk intake"
    )]
    pub profile: Option<String>,
    /// Your own column mapping: a CSV (column,field lines) or TOML file.
    #[arg(
        long,
        value_name = "FILE",
        requires = "from",
        help_heading = "Bulk intake"
    )]
    pub map: Option<PathBuf>,
    /// The sheet of a workbook (default: the first).
    #[arg(
        long,
        value_name = "NAME",
        requires = "from",
        help_heading = "Bulk intake"
    )]
    pub sheet: Option<String>,
    /// A CSV file's encoding: utf-8, gb18030 or gbk (default: detected).
    #[arg(
        long,
        value_name = "utf-8|gb18030|gbk",
        requires = "from",
        help_heading = "Bulk intake"
    )]
    pub encoding: Option<Encoding>,
    /// Do everything and report it, then write nothing to the ledger
    /// (--rejects is still written, to see what a real run would refuse).
    #[arg(long, requires = "from", help_heading = "Bulk intake")]
    pub dry_run: bool,
    /// Write the rows that could not be taken, with the reason, to this CSV.
    #[arg(
        long,
        value_name = "FILE",
        requires = "from",
        help_heading = "Bulk intake"
    )]
    pub rejects: Option<PathBuf>,
    /// Keep only rows about property management (a keyword rule); count
    /// the others as skipped.
    #[arg(long, requires = "from", help_heading = "Bulk intake")]
    pub only_property: bool,
    /// Print the file's columns and the field each maps to, and stop.
    #[arg(long, requires = "from", help_heading = "Bulk intake")]
    pub show_columns: bool,
    /// Issue 16: what a patrol found (the 三联单's record form).
    #[command(flatten)]
    pub patrol: crate::cmd::form::patrol::PatrolArgs,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    if let Some(from) = a.from.clone() {
        return run_from(ctx, a, from);
    }
    let mut ledger = ctx.open()?;
    let offset = *ctx.stamp.now.offset();
    let new = NewCase {
        received: a.received.map(|t| t.resolve(offset)),
        source: a.source.unwrap_or(Source::Other),
        source_ref: a.source_ref,
        community: a.community.unwrap_or_default(),
        address: a.address,
        summary: a.summary.map(|s| s.0).unwrap_or_default(),
        details: a.details,
        complainant: a.complainant,
        phone: a.phone.map(|p| p.0),
        subject: a.subject,
        problem: a.problem,
        party: a.party,
        key: a.key,
        problem_suggested: false,
    };
    let patrol = a.patrol.record(offset);
    let id = ledger.write(&ctx.stamp, |w| {
        let id = w.add_case(new)?;
        crate::ledger::campaign::patrol::record(w, &id, patrol)?;
        Ok(id)
    })?;
    writeln!(ctx.out, "{id}")?;
    Ok(())
}

/// Files smaller than this import too fast to need a progress bar.
const PROGRESS_AFTER: Duration = Duration::from_millis(500);

fn options(a: &mut Args, from: PathBuf) -> Options {
    Options {
        file: from,
        map: match (a.profile.take(), a.map.take()) {
            (Some(p), _) => MapChoice::Profile(p),
            (None, Some(m)) => MapChoice::File(m),
            (None, None) => MapChoice::Detect,
        },
        sheet: a.sheet.take(),
        encoding: a.encoding,
        dry_run: a.dry_run,
        only_property: a.only_property,
        source: a.source,
        community: a.community.take(),
    }
}

fn run_from(ctx: &mut Ctx, mut a: Args, from: PathBuf) -> anyhow::Result<()> {
    let opts = options(&mut a, from);
    if a.show_columns {
        return show_columns(ctx, &opts);
    }
    if let Some(r) = &a.rejects {
        rejects::check_path(r, &opts.file)?;
    }
    let mut ledger = ctx.open()?;
    let mut bar = Progress::new(std::io::stderr().is_terminal(), &opts.file);
    let outcome = intake::import(&mut ledger, &ctx.stamp, &opts, &mut |pos, total| {
        bar.at(pos, total)
    });
    bar.finish();
    let outcome = outcome?;
    let reasons: Vec<String> = outcome
        .rejects
        .iter()
        .map(|r| say::reject(ctx.lang, r.unit, r.at, &r.reason))
        .collect();
    if let Some(path) = &a.rejects {
        rejects::write(
            path,
            &outcome.headers,
            &outcome.rejects,
            &reasons,
            ctx.text(msg::Text::RejectReason),
        )?;
    } else if !reasons.is_empty() {
        show_rejects(ctx, &opts, &reasons)?;
    }
    writeln!(ctx.err, "{}", say::described(ctx.lang, &outcome.described))?;
    let line = summary_line(ctx.lang, opts.dry_run, &outcome.counts);
    writeln!(ctx.err, "{line}")?;
    Ok(())
}

/// A progress bar on an interactive stderr, once the import has run a
/// while: small files finish first.
struct Progress {
    interactive: bool,
    started: Instant,
    label: String,
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(interactive: bool, file: &Path) -> Progress {
        Progress {
            interactive,
            started: Instant::now(),
            label: file.display().to_string(),
            bar: None,
        }
    }

    fn at(&mut self, pos: u64, total: u64) {
        if !self.interactive {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() > PROGRESS_AFTER {
            let b = ProgressBar::new(total);
            b.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {percent}% {eta}")
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            b.set_message(self.label.clone());
            self.bar = Some(b);
        }
        if let Some(b) = &self.bar {
            b.set_position(pos);
        }
    }

    fn finish(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}

/// Without --rejects, a few reasons, so the clerk knows what to fix.
fn show_rejects(ctx: &mut Ctx, opts: &Options, reasons: &[String]) -> anyhow::Result<()> {
    for r in reasons.iter().take(5) {
        writeln!(ctx.err, "{}: {r}", opts.file.display())?;
    }
    if reasons.len() > 5 {
        let more = reasons.len() - 5;
        let text = match ctx.lang {
            Lang::Zh => format!("…另有 {more} 行；用 --rejects FILE 取得全部拒收行"),
            Lang::En => format!("… and {more} more; --rejects FILE writes them all"),
        };
        writeln!(ctx.err, "{text}")?;
    }
    Ok(())
}

fn summary_line(lang: Lang, dry_run: bool, c: &Counts) -> String {
    match lang {
        Lang::Zh => format!(
            "{}读取 {} 行：导入 {}，重复 {}，跳过 {}，拒收 {}（其中 {} 件系统建议了问题类型，待确认）",
            if dry_run {
                "试运行，未写入："
            } else {
                ""
            },
            c.read,
            c.imported,
            c.duplicates,
            c.skipped,
            c.rejected,
            c.suggested
        ),
        Lang::En => format!(
            "{}read {}: imported {}, duplicates {}, skipped {}, rejected {} (problem type suggested for {}, to confirm)",
            if dry_run {
                "dry run, nothing written: "
            } else {
                ""
            },
            c.read,
            c.imported,
            c.duplicates,
            c.skipped,
            c.rejected,
            c.suggested
        ),
    }
}

fn show_columns(ctx: &mut Ctx, opts: &Options) -> anyhow::Result<()> {
    let v = intake::columns(opts)?;
    let mut g = Grid::new([
        "#",
        ctx.text(msg::Text::MappingColumn),
        ctx.text(msg::Text::MappingSample),
        ctx.text(msg::Text::MappingField),
    ]);
    for (i, h) in v.headers.iter().enumerate() {
        // A sample of a name or phone column is personal data: masked as
        // everywhere else (the sample shows what the column holds).
        let sample = match v.fields[i].and_then(|f| Personal::of_field(f.name())) {
            Some(p) => p.shown(&v.samples[i], false),
            None => v.samples[i].clone(),
        };
        g.push(vec![
            (i + 1).to_string(),
            crate::text::clip(h, 40),
            sample,
            v.fields[i]
                .map(|f| f.name().to_string())
                .unwrap_or_default(),
        ]);
    }
    render::table(ctx.out, &g, ctx.style)?;
    writeln!(ctx.err, "{}", say::described(ctx.lang, &v.described))?;
    if let Some(p) = v.problem {
        writeln!(ctx.err, "{}", say::say(ctx.lang, &p))?;
    }
    Ok(())
}
