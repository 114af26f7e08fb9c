//! `ledger catalog`: the problem catalogue and the units, from the ledger
//! or, before there is one, the built-in catalogue every ledger starts with.

use crate::cmd::msg::Text;
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
        let (no, builtin) = (ctx.text(Text::NoLedger), ctx.text(Text::BuiltInCatalogue));
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
                ctx.text(Text::Code),
                ctx.text(Text::Subject),
                ctx.text(Text::Problem),
                ctx.text(Text::Days),
                ctx.text(Text::DefaultUnit),
            ]);
            for p in &c.problems {
                g.push(vec![
                    p.code.clone(),
                    match p.subject {
                        Some(s) if codes => s.code().to_string(),
                        Some(s) => s.label(ctx.lang).to_string(),
                        None if codes => String::new(),
                        None => ctx.text(Text::AnyProblem).to_string(),
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
                ctx.text(Text::Code),
                ctx.text(Text::Unit),
                ctx.text(Text::UnitSource),
            ]);
            for u in &c.units {
                g.push(vec![
                    u.code.clone(),
                    u.name.clone(),
                    match (u.builtin, codes) {
                        (true, true) => "plan",
                        (false, true) => "local",
                        (true, false) => ctx.text(Text::FromPlan),
                        (false, false) => ctx.text(Text::LocalUnit),
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
