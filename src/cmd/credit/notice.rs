//! `ledger credit notice`: the industry-wide notice of dishonesty.

use chrono::NaiveDate;

use super::{Credit, day, grade_text, zh};
use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::credit::standard::Standard;
use crate::credit::{Error, ListStatus, Register, Standing};
use crate::domain::DateArg;
use crate::render::{self, Format, Grid};
use std::collections::BTreeMap;

use crate::cmd::msg::campaign::{Label, label};
use crate::credit::committee::committee_name;
use crate::ledger::Ledger;

/// The industry-wide notice (全行业通报): listed companies and managers with personal records.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger credit notice --format md > 通报.md")]
pub struct Args {
    #[arg(long, value_name = "DATE")]
    as_of: Option<DateArg>,
    /// md (default) or csv.
    #[arg(long, default_value = "md", value_name = "md|csv", value_parser = crate::cmd::offered::formats(&["md", "csv"]), hide_possible_values = true)]
    format: Format,
    #[command(flatten)]
    pub(super) out: crate::cmd::out::OutArg,
}

pub(super) fn run(ctx: &mut Ctx, cr: &Credit, a: Args) -> anyhow::Result<()> {
    let on = day(ctx, a.as_of);
    let std = cr.reg.standard();
    let companies = companies(ctx, &cr.reg, &std, on);
    let managers = managers(ctx, &cr.reg, &std);
    let committees = committees(ctx, &cr.reg, &cr.ledger)?;
    match a.format {
        Format::Csv => {
            let mut g = Grid::new(["kind", "name", "company_or_code", "detail", "status"]);
            for r in &companies.rows {
                let [name, code, _, entries, sanction] = &r[..] else {
                    continue;
                };
                let cells = ["company", name, code, entries, sanction];
                g.push(cells.map(String::from).to_vec());
            }
            for r in &managers.rows {
                let [name, company, records] = &r[..] else {
                    continue;
                };
                g.push(
                    ["manager", name, company, records, ""]
                        .map(String::from)
                        .to_vec(),
                );
            }
            for r in &committees.rows {
                let [name, office, status, records] = &r[..] else {
                    continue;
                };
                let cells = ["committee", name, office, records, status];
                g.push(cells.map(String::from).to_vec());
            }
            render::csv(ctx.out, &g)?;
        }
        Format::Md | Format::Table => {
            let title = ctx.text(Text::NoticeTitle);
            writeln!(ctx.out, "# {title} ({on})\n")?;
            writeln!(
                ctx.out,
                "{}: {}\n",
                ctx.text(Text::NoticeStandard),
                std.name
            )?;
            let listed = ctx.text(Text::ListedCompanies);
            writeln!(ctx.out, "## {listed}\n")?;
            render::md(ctx.out, &companies)?;
            let personal = ctx.text(Text::PersonalRecords);
            writeln!(ctx.out, "\n## {personal}\n")?;
            render::md(ctx.out, &managers)?;
            let title = label(Label::CommitteeRecords, ctx.lang);
            writeln!(ctx.out, "\n## {title}\n")?;
            render::md(ctx.out, &committees)?;
        }
        Format::Json => return Err(Error::NoticeNotJson.into()),
    }
    Ok(())
}

/// The companies on the list on `on`, with their entries and sanction.
fn companies(ctx: &Ctx, reg: &Register, std: &Standard, on: NaiveDate) -> Grid {
    let mut g = Grid::new([
        ctx.text(Text::Company),
        ctx.text(Text::CreditCode),
        ctx.text(Text::ScoreGrade),
        ctx.text(Text::ListEntries),
        ctx.text(Text::Sanction),
    ]);
    let listed = reg
        .companies
        .values()
        .map(|c| reg.standing(std, c, on))
        .filter(|s: &Standing| s.status != ListStatus::Clear);
    for s in listed {
        let entries: Vec<String> = s
            .entries
            .iter()
            .map(|e| format!("{} {}", e.date, e.detail))
            .collect();
        let mut sanction = s.status.label(zh(ctx)).to_string();
        if let Some(by) = &s.dismissed_by {
            sanction.push_str(&format!(" — {by}"));
        }
        g.push(vec![
            s.name.clone(),
            s.uscc.clone(),
            format!("{} {}", s.score, grade_text(ctx, &s, false)),
            entries.join("; "),
            sanction,
        ]);
    }
    g
}

/// Issue 16: the owners' committees with records against them
/// (accountability, 四.(四).2), beside the companies.
fn committees(ctx: &Ctx, reg: &Register, ledger: &Ledger) -> anyhow::Result<Grid> {
    let mut g = Grid::new([
        label(Label::OwnersCommittee, ctx.lang),
        label(Label::Office, ctx.lang),
        label(Label::Committee, ctx.lang),
        label(Label::Records, ctx.lang),
    ]);
    let names = ledger.communities()?;
    let mut by: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    for r in &reg.committee_records {
        let case = r.case.as_deref().map(|c| format!(" ({c})"));
        by.entry((&r.office, &r.community))
            .or_default()
            .push(format!("{} {}{}", r.date, r.item, case.unwrap_or_default()));
    }
    for ((office, community), records) in by {
        let status = names
            .find(office, community)
            .and_then(|c| c.committee)
            .map_or("", |s| s.label(ctx.lang));
        g.push(vec![
            committee_name(community),
            office.to_string(),
            status.to_string(),
            records.join("; "),
        ]);
    }
    Ok(g)
}

/// The managers named on deduction records (个人失信档案).
fn managers(ctx: &Ctx, reg: &Register, std: &Standard) -> Grid {
    let mut g = Grid::new([
        ctx.text(Text::ManagerName),
        ctx.text(Text::ManagerCompany),
        ctx.text(Text::DishonestyRecords),
    ]);
    for ((uscc, m), records) in reg.manager_entries(std) {
        let name = reg
            .companies
            .get(&uscc)
            .map_or(uscc.clone(), |c| c.name.clone());
        let what: Vec<String> = records
            .iter()
            .map(|r| {
                let case = r.case.as_deref().map(|c| format!(" ({c})"));
                format!("{} {}{}", r.date, r.item, case.unwrap_or_default())
            })
            .collect();
        g.push(vec![m, name, what.join("; ")]);
    }
    g
}
