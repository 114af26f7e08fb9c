//! `ledger credit`: the credit register of property service companies.

use std::path::PathBuf;

use chrono::{Months, NaiveDate};
use serde_json::json;

use crate::cmd::{Ctx, FormatArg};
use crate::credit::standard::Standard;
use crate::credit::{self, ListStatus, NewRecord, Register, Standing};
use crate::domain::{CaseId, DateArg, Lang};
use crate::ledger::Ledger;
use crate::ledger::query::CaseFilter;
use crate::render::{self, Format, Grid};
use crate::uscc::Uscc;

/// The credit register (信用管理): companies, the scoring standard, records, scores, and the dishonesty list.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001\n  ledger credit score --as-of 2026-12-31\n  ledger credit notice --format md > 通报.md"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: CreditCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum CreditCommand {
    /// Register, list and show companies.
    #[command(
        after_help = "Examples:\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit company list\n  ledger credit company show 91440300708461136T"
    )]
    Company {
        #[command(subcommand)]
        command: CompanyCommand,
    },
    /// Show or load the scoring standard.
    #[command(
        after_help = "Examples:\n  ledger credit standard show\n  ledger credit standard load examples/credit-standard.csv"
    )]
    Standard {
        #[command(subcommand)]
        command: StandardCommand,
    },
    /// Add a good or bad credit record.
    #[command(
        after_help = "Example:\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001 --manager 李四 --date 2026-11-20"
    )]
    Record {
        /// Registered name or credit code.
        #[arg(long)]
        company: String,
        /// Item code of the standard, e.g. WY-06 or G-CITY.
        #[arg(long)]
        item: String,
        /// The case the record comes from.
        #[arg(long, value_name = "CASE")]
        case: Option<CaseId>,
        /// The day of the record (default today; not after today).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
        /// The project manager responsible (gets a personal record).
        #[arg(long)]
        manager: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Every company's score, grade and list status (or one company's records).
    #[command(
        after_help = "Examples:\n  ledger credit score\n  ledger credit score --company 鑫源物业服务有限公司 --as-of 2027-06-30"
    )]
    Score {
        /// Score on this day (default today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<DateArg>,
        /// Show the records behind one company's score.
        #[arg(long)]
        company: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Put a company on the dishonesty list (失信名单) by decision.
    #[command(
        after_help = "Example:\n  ledger credit blacklist --company 鑫源物业服务有限公司 --reason '只收费不服务，拒不整改'"
    )]
    Blacklist {
        #[arg(long)]
        company: String,
        #[arg(long)]
        reason: String,
        /// The day it happened (default today; not after today).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
    },
    /// Record a suspended company's written guarantee and deposit (书面保证整改、缴纳保证金).
    #[command(
        after_help = "Example:\n  ledger credit guarantee --company 鑫源物业服务有限公司 --deposit 50000 --date 2026-12-01"
    )]
    Guarantee {
        #[arg(long)]
        company: String,
        /// The deposit, in yuan.
        #[arg(long)]
        deposit: String,
        /// The day it happened (default today; not after today).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
    },
    /// Record that a company whose dismissal was required has been dismissed.
    #[command(
        after_help = "Example:\n  ledger credit dismiss --company 鑫源物业服务有限公司 --date 2027-02-01"
    )]
    Dismiss {
        #[arg(long)]
        company: String,
        /// The day it happened (default today; not after today).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
    },
    /// The industry-wide notice (全行业通报): listed companies and managers with personal records.
    #[command(after_help = "Example:\n  ledger credit notice --format md > 通报.md")]
    Notice {
        #[arg(long, value_name = "DATE")]
        as_of: Option<DateArg>,
        /// md (default) or csv.
        #[arg(long, default_value = "md", value_name = "md|csv")]
        format: Format,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum CompanyCommand {
    /// Register a property service company.
    Add {
        #[arg(long)]
        name: String,
        /// Unified social credit code (统一社会信用代码), 18 characters.
        #[arg(long)]
        uscc: Uscc,
        /// Project managers (repeat the flag for several).
        #[arg(long = "manager", value_name = "NAME")]
        managers: Vec<String>,
        /// No owners' committee functions at its projects (the community residents' committee acts).
        #[arg(long)]
        no_committee: bool,
    },
    /// List registered companies with their scores.
    List {
        #[command(flatten)]
        format: FormatArg,
    },
    /// One company: its data, standing, records and cases.
    Show {
        /// Registered name or credit code.
        company: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum StandardCommand {
    /// Show the standard in force.
    Show {
        #[command(flatten)]
        format: FormatArg,
    },
    /// Load a standard file (type,code,description,points,months,dishonesty) for every office.
    Load { file: PathBuf },
}

fn day(ctx: &Ctx, d: Option<DateArg>) -> NaiveDate {
    d.map_or_else(|| ctx.stamp.now.date_naive(), |d| d.0)
}

fn zh(ctx: &Ctx) -> bool {
    ctx.lang == Lang::Zh
}

/// The grade as tables show it: `A 守信(优秀)` (with the label) or `A`;
/// for a company that is not graded (suspended, dismissed: see
/// `ListStatus::graded`), its status in the grade's place.
fn grade_text(ctx: &Ctx, s: &Standing, with_label: bool) -> String {
    match (&s.grade, &s.grade_label) {
        (Some(g), Some(l)) if with_label => format!("{g} {l}"),
        (Some(g), _) => g.clone(),
        (None, _) => s.status.ungraded_label(zh(ctx)).to_string(),
    }
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let reg = Register::load(&ledger)?;
    match a.command {
        CreditCommand::Company { command } => company(ctx, &mut ledger, &reg, command),
        CreditCommand::Standard { command } => match command {
            StandardCommand::Show { format } => standard_show(ctx, &reg, format.format),
            StandardCommand::Load { file } => {
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
                let std = Standard::parse_csv(&file.display().to_string(), &text)
                    .map_err(anyhow::Error::msg)?;
                let (name, items, grades) = (std.name.clone(), std.items.len(), std.grades.len());
                ledger.write(&ctx.stamp, |w| credit::load_standard(w, std))?;
                writeln!(
                    ctx.err,
                    "{} {name}: {items} {}, {grades} {}",
                    ctx.t("已载入信用标准", "loaded standard"),
                    ctx.t("项", "items"),
                    ctx.t("个等级", "grades")
                )?;
                Ok(())
            }
        },
        CreditCommand::Record {
            company,
            item,
            case,
            date,
            manager,
            note,
        } => {
            let r = NewRecord {
                company,
                item: item.clone(),
                case: case.map(|c| c.to_string()),
                date: day(ctx, date),
                manager,
                note,
            };
            let uscc = ledger.write(&ctx.stamp, |w| credit::add_record(w, &reg, r))?;
            writeln!(
                ctx.err,
                "{} {} {uscc}",
                ctx.t("已记录", "recorded"),
                item.to_ascii_uppercase()
            )?;
            Ok(())
        }
        CreditCommand::Score {
            as_of,
            company,
            format,
        } => score(
            ctx,
            &reg,
            day(ctx, as_of),
            company.as_deref(),
            format.format,
        ),
        CreditCommand::Blacklist {
            company,
            reason,
            date,
        } => {
            let on = day(ctx, date);
            let status = ledger.write(&ctx.stamp, |w| {
                credit::blacklist(w, &reg, &company, &reason, on)
            })?;
            writeln!(ctx.err, "{}: {}", company, status.label(zh(ctx)))?;
            Ok(())
        }
        CreditCommand::Guarantee {
            company,
            deposit,
            date,
        } => {
            let on = day(ctx, date);
            ledger.write(&ctx.stamp, |w| {
                credit::guarantee(w, &reg, &company, &deposit, on)
            })?;
            writeln!(
                ctx.err,
                "{}: {}",
                company,
                ListStatus::Guaranteed.label(zh(ctx))
            )?;
            Ok(())
        }
        CreditCommand::Dismiss { company, date } => {
            let on = day(ctx, date);
            let by = ledger.write(&ctx.stamp, |w| credit::dismiss(w, &reg, &company, on))?;
            writeln!(
                ctx.err,
                "{}: {} ({by})",
                company,
                ListStatus::Dismissed.label(zh(ctx))
            )?;
            Ok(())
        }
        CreditCommand::Notice { as_of, format } => notice(ctx, &reg, day(ctx, as_of), format),
    }
}

fn company(
    ctx: &mut Ctx,
    ledger: &mut Ledger,
    reg: &Register,
    cmd: CompanyCommand,
) -> anyhow::Result<()> {
    let std = reg.standard();
    let today = ctx.stamp.now.date_naive();
    match cmd {
        CompanyCommand::Add {
            name,
            uscc,
            managers,
            no_committee,
        } => {
            ledger.write(&ctx.stamp, |w| {
                credit::add_company(w, reg, &uscc, &name, &managers, !no_committee)
            })?;
            writeln!(
                ctx.err,
                "{} {} {uscc}",
                ctx.t("已登记企业", "registered"),
                name.trim()
            )?;
        }
        CompanyCommand::List { format } => {
            let mut g = Grid::new([
                ctx.t("信用代码", "credit code"),
                ctx.t("企业名称", "company"),
                ctx.t("项目经理", "managers"),
                ctx.t("关联问题", "cases"),
                ctx.t("得分", "score"),
                ctx.t("等级", "grade"),
                ctx.t("名单状态", "list status"),
            ]);
            let mut rows = Vec::new();
            // One pass over the cases, not one per company.
            let mut parties: std::collections::HashMap<String, usize> = Default::default();
            ledger.each_case(&CaseFilter::default(), &ctx.today(), |k| {
                if let Some(p) = k.party {
                    *parties.entry(party_key(&p)).or_default() += 1;
                }
                Ok(())
            })?;
            for c in reg.companies.values() {
                let s = reg.standing(&std, c, today);
                let cases = parties
                    .get(&party_key(&c.name))
                    .into_iter()
                    .chain(parties.get(&c.uscc))
                    .sum::<usize>();
                g.push(vec![
                    c.uscc.clone(),
                    c.name.clone(),
                    c.managers.join("、"),
                    cases.to_string(),
                    s.score.to_string(),
                    grade_text(ctx, &s, false),
                    s.status.label(zh(ctx)).to_string(),
                ]);
                rows.push(json!({
                    "uscc": c.uscc, "name": c.name, "managers": c.managers, "committee": c.committee,
                    "cases": cases, "score": s.score, "grade": s.grade, "status": s.status,
                }));
            }
            match format.format {
                Format::Json => render::json(ctx.out, &rows)?,
                f => render::grid(ctx.out, f, ctx.style, &g, &[])?,
            }
        }
        CompanyCommand::Show { company, format } => {
            let c = reg.company(&company)?;
            let s = reg.standing(&std, c, today);
            let cases = linked_cases(ledger, c, &ctx.today())?;
            let records = records_grid(ctx, reg, &std, &c.uscc, today);
            if format.format == Format::Json {
                render::json(
                    ctx.out,
                    &json!({"company": c, "standing": s, "standard": std.name, "cases": cases}),
                )?;
                return Ok(());
            }
            let mut g = Grid::new([ctx.t("项目", "field"), ctx.t("内容", "value")]);
            for (k, v) in [
                (ctx.t("企业名称", "company"), c.name.clone()),
                (ctx.t("信用代码", "credit code"), c.uscc.clone()),
                (ctx.t("项目经理", "managers"), c.managers.join("、")),
                (
                    ctx.t("业主委员会", "owners' committee"),
                    if c.committee {
                        ctx.t("有", "functions")
                    } else {
                        ctx.t("无(由社区居委会代行)", "none (residents' committee acts)")
                    }
                    .to_string(),
                ),
                (
                    ctx.t("得分", "score"),
                    format!("{} ({})", s.score, grade_text(ctx, &s, true)),
                ),
                (
                    ctx.t("名单状态", "list status"),
                    s.status.label(zh(ctx)).to_string(),
                ),
                (ctx.t("关联问题", "cases"), cases.join(" ")),
                (ctx.t("计分标准", "standard"), std.name.clone()),
            ] {
                g.push(vec![k.to_string(), v]);
            }
            render::grid(ctx.out, format.format, ctx.style, &g, &[])?;
            render::grid(ctx.out, format.format, ctx.style, &records, &[])?;
        }
    }
    Ok(())
}

/// How a party is compared with a company's name and code: a credit code
/// (or any ASCII text) in any case.
fn party_key(p: &str) -> String {
    if p.is_ascii() {
        p.to_ascii_uppercase()
    } else {
        p.to_string()
    }
}

/// Cases whose party is the company's registered name or credit code.
fn linked_cases(ledger: &Ledger, c: &credit::Company, today: &str) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    ledger.each_case(&CaseFilter::default(), today, |k| {
        if k.party
            .as_deref()
            .is_some_and(|p| p == c.name || p.eq_ignore_ascii_case(&c.uscc))
        {
            out.push(k.id);
        }
        Ok(())
    })?;
    Ok(out)
}

fn records_grid(ctx: &Ctx, reg: &Register, std: &Standard, uscc: &str, on: NaiveDate) -> Grid {
    let mut g = Grid::new([
        ctx.t("日期", "date"),
        ctx.t("项目", "item"),
        ctx.t("说明", "description"),
        ctx.t("分值", "points"),
        ctx.t("有效至", "counts until"),
        ctx.t("计入", "counts"),
        ctx.t("关联问题", "case"),
        ctx.t("负责人", "manager"),
    ]);
    let active: Vec<&str> = reg
        .active(std, uscc, on)
        .map(|(r, _)| r.event.as_str())
        .collect();
    for r in reg.records.iter().filter(|r| r.uscc == uscc) {
        let item = std.item(&r.item);
        let until = item
            .and_then(|i| r.date.checked_add_months(Months::new(i.months)))
            .map(|d| (d - chrono::Days::new(1)).to_string())
            .unwrap_or_default();
        g.push(vec![
            r.date.to_string(),
            r.item.clone(),
            item.map_or_else(
                || ctx.t("(标准中无此项)", "(not in the standard)").to_string(),
                |i| i.description.clone(),
            ),
            item.map_or(0, |i| i.points).to_string(),
            until,
            if active.contains(&r.event.as_str()) {
                ctx.t("是", "yes")
            } else {
                ctx.t("否", "no")
            }
            .to_string(),
            r.case.clone().unwrap_or_default(),
            r.manager.clone().unwrap_or_default(),
        ]);
    }
    g
}

fn standard_show(ctx: &mut Ctx, reg: &Register, format: Format) -> anyhow::Result<()> {
    let std = reg.standard();
    if format == Format::Json {
        render::json(
            ctx.out,
            &json!({"loaded": reg.loaded.is_some(), "standard": std}),
        )?;
        return Ok(());
    }
    writeln!(
        ctx.out,
        "{} {} — {}: {}{}",
        std.name,
        std.title,
        ctx.t("基础分", "base score"),
        std.base,
        if reg.loaded.is_none() {
            ctx.t(" (默认标准，未载入)", " (the default, not loaded)")
        } else {
            ""
        }
    )?;
    let mut g = Grid::new([
        ctx.t("代码", "code"),
        ctx.t("项目", "item"),
        ctx.t("分值", "points"),
        ctx.t("有效期(月)", "months"),
        ctx.t("失信触发", "dishonesty"),
    ]);
    for i in &std.items {
        g.push(vec![
            i.code.clone(),
            i.description.clone(),
            format!("{:+}", i.points),
            i.months.to_string(),
            if i.dishonesty {
                ctx.t("是", "yes")
            } else {
                ""
            }
            .to_string(),
        ]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    let mut g = Grid::new([
        ctx.t("等级", "grade"),
        ctx.t("名称", "label"),
        ctx.t("最低分", "from score"),
    ]);
    for gr in &std.grades {
        g.push(vec![gr.code.clone(), gr.label.clone(), gr.min.to_string()]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}

fn score(
    ctx: &mut Ctx,
    reg: &Register,
    on: NaiveDate,
    company: Option<&str>,
    format: Format,
) -> anyhow::Result<()> {
    let std = reg.standard();
    if let Some(name) = company {
        let c = reg.company(name)?;
        let s = reg.standing(&std, c, on);
        let g = records_grid(ctx, reg, &std, &c.uscc, on);
        if format == Format::Json {
            let records: Vec<_> = reg.records.iter().filter(|r| r.uscc == c.uscc).collect();
            render::json(
                ctx.out,
                &json!({"as_of": on, "standard": std.name, "standing": s, "records": records}),
            )?;
        } else {
            if format == Format::Table {
                writeln!(
                    ctx.out,
                    "{} {}: {} = {} {:+} → {} ({}) — {}",
                    c.name,
                    on,
                    ctx.t("得分", "score"),
                    std.base,
                    s.score - std.base,
                    s.score,
                    grade_text(ctx, &s, false),
                    s.status.label(zh(ctx))
                )?;
            }
            render::grid(ctx.out, format, ctx.style, &g, &[])?;
        }
        return Ok(());
    }
    let standings: Vec<Standing> = reg
        .companies
        .values()
        .map(|c| reg.standing(&std, c, on))
        .collect();
    if format == Format::Json {
        render::json(
            ctx.out,
            &json!({"as_of": on, "standard": std.name, "companies": standings}),
        )?;
        return Ok(());
    }
    let mut g = Grid::new([
        ctx.t("信用代码", "credit code"),
        ctx.t("企业名称", "company"),
        ctx.t("得分", "score"),
        ctx.t("等级", "grade"),
        ctx.t("有效记录", "active records"),
        ctx.t("名单状态", "list status"),
        ctx.t("解聘主体", "dismissed by"),
    ]);
    for s in &standings {
        g.push(vec![
            s.uscc.clone(),
            s.name.clone(),
            s.score.to_string(),
            grade_text(ctx, s, true),
            s.active_records.to_string(),
            s.status.label(zh(ctx)).to_string(),
            s.dismissed_by.clone().unwrap_or_default(),
        ]);
    }
    if format == Format::Table {
        writeln!(
            ctx.out,
            "{} {on} — {} {}",
            ctx.t("信用评分", "credit scores"),
            ctx.t("标准", "standard"),
            std.name
        )?;
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}

fn notice(ctx: &mut Ctx, reg: &Register, on: NaiveDate, format: Format) -> anyhow::Result<()> {
    let std = reg.standard();
    let listed: Vec<Standing> = reg
        .companies
        .values()
        .map(|c| reg.standing(&std, c, on))
        .filter(|s| s.status != ListStatus::Clear)
        .collect();
    let mut companies = Grid::new([
        ctx.t("企业名称", "company"),
        ctx.t("信用代码", "credit code"),
        ctx.t("得分/等级", "score/grade"),
        ctx.t("列入失信名单", "entries"),
        ctx.t("处理", "sanction"),
    ]);
    for s in &listed {
        let entries: Vec<String> = s
            .entries
            .iter()
            .map(|e| format!("{} {}", e.date, e.detail))
            .collect();
        let mut sanction = s.status.label(zh(ctx)).to_string();
        if let Some(by) = &s.dismissed_by {
            sanction.push_str(&format!(" — {by}"));
        }
        companies.push(vec![
            s.name.clone(),
            s.uscc.clone(),
            format!("{} {}", s.score, grade_text(ctx, s, false)),
            entries.join("; "),
            sanction,
        ]);
    }
    let mut managers = Grid::new([
        ctx.t("姓名", "manager"),
        ctx.t("所在企业", "company"),
        ctx.t("失信记录", "records"),
    ]);
    for ((uscc, m), records) in reg.manager_entries(&std) {
        let name = reg
            .companies
            .get(&uscc)
            .map_or(uscc.clone(), |c| c.name.clone());
        let what: Vec<String> = records
            .iter()
            .map(|r| {
                format!(
                    "{} {}{}",
                    r.date,
                    r.item,
                    r.case
                        .as_deref()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                )
            })
            .collect();
        managers.push(vec![m, name, what.join("; ")]);
    }
    match format {
        Format::Csv => {
            let mut g = Grid::new(["kind", "name", "company_or_code", "detail", "status"]);
            for r in &companies.rows {
                g.push(vec![
                    "company".into(),
                    r[0].clone(),
                    r[1].clone(),
                    r[3].clone(),
                    r[4].clone(),
                ]);
            }
            for r in &managers.rows {
                g.push(vec![
                    "manager".into(),
                    r[0].clone(),
                    r[1].clone(),
                    r[2].clone(),
                    String::new(),
                ]);
            }
            render::csv(ctx.out, &g)?;
        }
        Format::Md | Format::Table => {
            writeln!(
                ctx.out,
                "# {} ({on})\n",
                ctx.t(
                    "物业服务行业失信情况通报",
                    "Industry-wide notice of dishonesty"
                )
            )?;
            writeln!(ctx.out, "{}: {}\n", ctx.t("计分标准", "Standard"), std.name)?;
            writeln!(
                ctx.out,
                "## {}\n",
                ctx.t("失信名单企业", "Companies on the dishonesty list")
            )?;
            render::md(ctx.out, &companies)?;
            writeln!(
                ctx.out,
                "\n## {}\n",
                ctx.t("个人失信档案", "Personal dishonesty records")
            )?;
            render::md(ctx.out, &managers)?;
        }
        Format::Json => anyhow::bail!("notice prints md or csv (--format md|csv)"),
    }
    Ok(())
}
