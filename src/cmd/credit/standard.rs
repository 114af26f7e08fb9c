//! `ledger credit standard`: show or load the scoring standard.

use std::path::PathBuf;

use serde_json::json;

use super::Credit;
use crate::cmd::msg::Text;
use crate::cmd::{Ctx, FormatArg};
use crate::credit::standard::Standard;
use crate::credit::{self, Error};
use crate::ledger::Then;
use crate::render::{self, Format, Grid};

/// Show or load the scoring standard.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger credit standard show\n  ledger credit standard load examples/credit-standard.csv"
)]
pub struct Args {
    #[command(subcommand)]
    command: StandardCommand,
}

#[derive(Debug, clap::Subcommand)]
enum StandardCommand {
    /// Show the standard in force.
    Show {
        #[command(flatten)]
        format: FormatArg,
        #[command(flatten)]
        out: crate::cmd::out::OutArg,
    },
    /// Load a standard file (type,code,description,points,months,dishonesty) for every office.
    Load { file: PathBuf },
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    match a.command {
        StandardCommand::Show { format, out } => out.run(ctx, |c| show(c, cr, format.format)),
        StandardCommand::Load { file } => load(ctx, cr, file),
    }
}

/// Reads a standard file and loads it for every office.
fn load(ctx: &mut Ctx, cr: &mut Credit, file: PathBuf) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&file).map_err(|source| Error::CannotRead {
        file: file.clone(),
        source,
    })?;
    let std = Standard::parse_csv(&file.display().to_string(), &text)?;
    let (name, items, grades) = (std.name.clone(), std.items.len(), std.grades.len());
    cr.ledger
        .write_as(&ctx.stamp, Then::Commit, |w| credit::load_standard(w, std))?;
    writeln!(
        ctx.err,
        "{} {name}: {items} {}, {grades} {}",
        ctx.text(Text::StandardLoaded),
        ctx.text(Text::Items),
        ctx.text(Text::Grades)
    )?;
    Ok(())
}

/// The standard in force: its head, its items, its grade bands.
fn show(ctx: &mut Ctx, cr: &Credit, format: Format) -> anyhow::Result<()> {
    let std = cr.reg.standard();
    let loaded = cr.reg.loaded.is_some();
    if format == Format::Json {
        render::json(ctx.out, &json!({"loaded": loaded, "standard": std}))?;
        return Ok(());
    }
    writeln!(
        ctx.out,
        "{} {} — {}: {}{}",
        std.name,
        std.title,
        ctx.text(Text::BaseScore),
        std.base,
        if loaded {
            ""
        } else {
            ctx.text(Text::DefaultNotLoaded)
        }
    )?;
    let mut g = Grid::new([
        ctx.text(Text::Code),
        ctx.text(Text::Item),
        ctx.text(Text::Points),
        ctx.text(Text::Months),
        ctx.text(Text::TriggersDishonesty),
    ]);
    for i in &std.items {
        g.push(vec![
            i.code.clone(),
            i.description.clone(),
            format!("{:+}", i.points),
            i.months.to_string(),
            if i.dishonesty {
                ctx.text(Text::Yes)
            } else {
                ""
            }
            .to_string(),
        ]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    let mut g = Grid::new([
        ctx.text(Text::Grade),
        ctx.text(Text::GradeLabel),
        ctx.text(Text::FromScore),
    ]);
    for gr in &std.grades {
        g.push(vec![gr.code.clone(), gr.label.clone(), gr.min.to_string()]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}
