//! `ledger add`: register a complaint (prints its new id alone on stdout),
//! or with `--from FILE` register every row of a hotline, petition or
//! message-board export in one transaction (see `crate::intake`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cmd::Ctx;
use crate::domain::{Phone, ProblemCode, Source, Subject, Text, TimeArg};
use crate::intake::{self, MapChoice, Options, readers::Encoding};
use crate::ledger::ops::NewCase;
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
    #[arg(long)]
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
    #[arg(long, conflicts_with = "from")]
    pub subject: Option<Subject>,
    /// Problem type from `ledger catalog problems`, e.g. WY-06.
    #[arg(long, value_name = "CODE", conflicts_with = "from")]
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
    let id = ledger.write(&ctx.stamp, |w| w.add_case(new))?;
    writeln!(ctx.out, "{id}")?;
    Ok(())
}

/// Files smaller than this import too fast to need a progress bar.
const PROGRESS_AFTER: Duration = Duration::from_millis(500);

fn run_from(ctx: &mut Ctx, a: Args, from: PathBuf) -> anyhow::Result<()> {
    let opts = Options {
        file: from,
        map: match (a.profile, a.map) {
            (Some(p), _) => MapChoice::Profile(p),
            (None, Some(m)) => MapChoice::File(m),
            (None, None) => MapChoice::Detect,
        },
        sheet: a.sheet,
        encoding: a.encoding,
        dry_run: a.dry_run,
        only_property: a.only_property,
        source: a.source,
        community: a.community,
    };
    if a.show_columns {
        return show_columns(ctx, &opts);
    }
    if let Some(r) = &a.rejects {
        intake::check_rejects_path(r, &opts.file)?;
    }
    let mut ledger = ctx.open()?;
    let interactive = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut bar: Option<ProgressBar> = None;
    let mut progress = |pos: u64, total: u64| {
        if !interactive {
            return;
        }
        // Only once the import has run a while: small files finish first.
        if bar.is_none() && started.elapsed() > PROGRESS_AFTER {
            let b = ProgressBar::new(total);
            b.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {percent}% {eta}")
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            b.set_message(opts.file.display().to_string());
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(pos);
        }
    };
    let outcome = intake::import(&mut ledger, &ctx.stamp, &opts, &mut progress);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let outcome = outcome?;
    let c = &outcome.counts;
    if let Some(path) = &a.rejects {
        intake::write_rejects(
            path,
            &outcome.headers,
            &outcome.rejects,
            ctx.t("拒收原因", "reason"),
        )?;
    } else if !outcome.rejects.is_empty() {
        // Without --rejects, show a few so the clerk knows what to fix.
        for r in outcome.rejects.iter().take(5) {
            writeln!(ctx.err, "{}: {}", opts.file.display(), r.reason)?;
        }
        if outcome.rejects.len() > 5 {
            let more = outcome.rejects.len() - 5;
            let text = match ctx.lang {
                crate::domain::Lang::Zh => {
                    format!("…另有 {more} 行；用 --rejects FILE 取得全部拒收行")
                }
                crate::domain::Lang::En => {
                    format!("… and {more} more; --rejects FILE writes them all")
                }
            };
            writeln!(ctx.err, "{text}")?;
        }
    }
    writeln!(ctx.err, "{}", outcome.described)?;
    let line = match ctx.lang {
        crate::domain::Lang::Zh => format!(
            "{}读取 {} 行：导入 {}，重复 {}，跳过 {}，拒收 {}（其中 {} 件系统建议了问题类型，待确认）",
            if opts.dry_run {
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
        crate::domain::Lang::En => format!(
            "{}read {}: imported {}, duplicates {}, skipped {}, rejected {} (problem type suggested for {}, to confirm)",
            if opts.dry_run {
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
    };
    writeln!(ctx.err, "{line}")?;
    Ok(())
}

fn show_columns(ctx: &mut Ctx, opts: &Options) -> anyhow::Result<()> {
    let v = intake::columns(opts)?;
    let mut g = Grid::new([
        "#",
        ctx.t("列名", "column"),
        ctx.t("示例", "sample"),
        ctx.t("字段", "field"),
    ]);
    for (i, h) in v.headers.iter().enumerate() {
        g.push(vec![
            (i + 1).to_string(),
            h.clone(),
            v.samples[i].clone(),
            v.fields[i]
                .map(|f| f.name().to_string())
                .unwrap_or_default(),
        ]);
    }
    render::table(ctx.out, &g, ctx.style)?;
    writeln!(ctx.err, "{}", v.described)?;
    if let Some(p) = v.problem {
        writeln!(ctx.err, "{p}")?;
    }
    Ok(())
}
