//! `ledger credit notice`: the industry-wide notice of dishonesty.

use chrono::NaiveDate;

use super::{Credit, day, grade_text, zh};
use crate::cmd::Ctx;
use crate::credit::standard::Standard;
use crate::credit::{Error, ListStatus, Register, Standing};
use crate::domain::DateArg;
use crate::render::{self, Format, Grid};

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
            render::csv(ctx.out, &g)?;
        }
        Format::Md | Format::Table => {
            let title = ctx.t(
                "物业服务行业失信情况通报",
                "Industry-wide notice of dishonesty",
            );
            writeln!(ctx.out, "# {title} ({on})\n")?;
            writeln!(ctx.out, "{}: {}\n", ctx.t("计分标准", "Standard"), std.name)?;
            let listed = ctx.t("失信名单企业", "Companies on the dishonesty list");
            writeln!(ctx.out, "## {listed}\n")?;
            render::md(ctx.out, &companies)?;
            let personal = ctx.t("个人失信档案", "Personal dishonesty records");
            writeln!(ctx.out, "\n## {personal}\n")?;
            render::md(ctx.out, &managers)?;
        }
        Format::Json => return Err(Error::NoticeNotJson.into()),
    }
    Ok(())
}

/// The companies on the list on `on`, with their entries and sanction.
fn companies(ctx: &Ctx, reg: &Register, std: &Standard, on: NaiveDate) -> Grid {
    let mut g = Grid::new([
        ctx.t("企业名称", "company"),
        ctx.t("信用代码", "credit code"),
        ctx.t("得分/等级", "score/grade"),
        ctx.t("列入失信名单", "entries"),
        ctx.t("处理", "sanction"),
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

/// The managers named on deduction records (个人失信档案).
fn managers(ctx: &Ctx, reg: &Register, std: &Standard) -> Grid {
    let mut g = Grid::new([
        ctx.t("姓名", "manager"),
        ctx.t("所在企业", "company"),
        ctx.t("失信记录", "records"),
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
