//! `ledger catalog`: the problem catalogue and the units.

use crate::cmd::{Ctx, FormatArg};
use crate::render::{self, Format, Grid};

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum What {
    /// The problem types (PRODUCT.md §4) with their time limits.
    #[default]
    Problems,
    /// The units cases are forwarded to.
    Units,
}

/// List the problem catalogue (codes, subjects, time limits) or the units.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  ledger catalog problems\n  ledger catalog units --format csv")]
pub struct Args {
    /// problems or units.
    #[arg(value_enum, default_value = "problems")]
    pub what: What,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    // CSV and JSON are for scripts: stable codes, not the labels of --lang.
    let codes = matches!(a.format.format, Format::Csv | Format::Json);
    match a.what {
        What::Problems => {
            let mut g = Grid::new([
                ctx.t("代码", "code"),
                ctx.t("责任主体", "subject"),
                ctx.t("问题", "problem"),
                ctx.t("时限(天)", "days"),
                ctx.t("默认单位", "default unit"),
            ]);
            for p in ledger.problems()? {
                g.push(vec![
                    p.code,
                    match p.subject {
                        Some(s) if codes => s.code().to_string(),
                        Some(s) => s.label(ctx.lang).to_string(),
                        None if codes => String::new(),
                        None => ctx.t("任意", "any").to_string(),
                    },
                    p.title,
                    p.days.to_string(),
                    p.default_unit.unwrap_or_default(),
                ]);
            }
            render::grid(
                ctx.out,
                a.format.format,
                ctx.style,
                &g,
                &["code", "subject", "title", "days", "default_unit"],
            )?;
        }
        What::Units => {
            let mut g = Grid::new([
                ctx.t("代码", "code"),
                ctx.t("单位", "unit"),
                ctx.t("来源", "kind"),
            ]);
            for u in ledger.units()? {
                g.push(vec![
                    u.code,
                    u.name,
                    match (u.builtin, codes) {
                        (true, true) => "plan",
                        (false, true) => "local",
                        (true, false) => ctx.t("行动方案", "plan"),
                        (false, false) => ctx.t("本地登记", "local"),
                    }
                    .to_string(),
                ]);
            }
            render::grid(
                ctx.out,
                a.format.format,
                ctx.style,
                &g,
                &["code", "name", "kind"],
            )?;
        }
    }
    Ok(())
}
