//! `ledger catalog`: the problem catalogue and the units, from the ledger
//! or, before there is one, the built-in catalogue every ledger starts with.

use crate::cmd::out::OutArg;
use crate::cmd::{Ctx, FormatArg};
use crate::ledger::catalogue::{self, Catalogue};
use crate::render::{self, Format, Grid};

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum What {
    /// The problem types with their subjects and time limits.
    #[default]
    Problems,
    /// The units cases are forwarded to.
    Units,
}

/// List the problem catalogue (codes, subjects, time limits) or the units.
///
/// Works without a ledger: it then lists the catalogue of the action plan
/// that every new ledger starts with; a ledger adds its local units.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger catalog problems\n  ledger catalog units --format csv --out 单位.csv"
)]
pub struct Args {
    /// problems or units.
    #[arg(value_enum, default_value = "problems")]
    pub what: What,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub out: OutArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let catalogue = read(ctx)?;
    a.out
        .run(ctx, |ctx| print(ctx, &catalogue, a.what, a.format.format))
}

/// The ledger's catalogue (its local units too), or the built-in one when
/// there is no ledger file yet: a newcomer browses the codes before `init`.
fn read(ctx: &mut Ctx) -> anyhow::Result<Catalogue> {
    if !ctx.db.exists() {
        let (no, builtin) = (
            ctx.t("尚无台账", "no ledger"),
            ctx.t(
                "列出内置目录(不含本地登记的单位)",
                "the built-in catalogue (without local units)",
            ),
        );
        writeln!(ctx.err, "{no} {}: {builtin}", ctx.db.display())?;
        return Ok(catalogue::builtin()?);
    }
    let ledger = ctx.open()?;
    Ok(Catalogue {
        problems: ledger.problems()?,
        units: ledger.units()?,
    })
}

fn print(ctx: &mut Ctx, c: &Catalogue, what: What, format: Format) -> anyhow::Result<()> {
    // CSV and JSON are for scripts: stable codes, not the labels of --lang.
    let codes = matches!(format, Format::Csv | Format::Json);
    match what {
        What::Problems => {
            let mut g = Grid::new([
                ctx.t("代码", "code"),
                ctx.t("责任主体", "subject"),
                ctx.t("问题", "problem"),
                ctx.t("时限(天)", "days"),
                ctx.t("默认单位", "default unit"),
            ]);
            for p in &c.problems {
                g.push(vec![
                    p.code.clone(),
                    match p.subject {
                        Some(s) if codes => s.code().to_string(),
                        Some(s) => s.label(ctx.lang).to_string(),
                        None if codes => String::new(),
                        None => ctx.t("任意", "any").to_string(),
                    },
                    p.title.clone(),
                    p.days.to_string(),
                    p.default_unit.clone().unwrap_or_default(),
                ]);
            }
            let keys = ["code", "subject", "title", "days", "default_unit"];
            render::grid(ctx.out, format, ctx.style, &g, &keys)?;
        }
        What::Units => {
            let mut g = Grid::new([
                ctx.t("代码", "code"),
                ctx.t("单位", "unit"),
                ctx.t("来源", "kind"),
            ]);
            for u in &c.units {
                g.push(vec![
                    u.code.clone(),
                    u.name.clone(),
                    match (u.builtin, codes) {
                        (true, true) => "plan",
                        (false, true) => "local",
                        (true, false) => ctx.t("行动方案", "plan"),
                        (false, false) => ctx.t("本地登记", "local"),
                    }
                    .to_string(),
                ]);
            }
            let keys = ["code", "name", "kind"];
            render::grid(ctx.out, format, ctx.style, &g, &keys)?;
        }
    }
    Ok(())
}
