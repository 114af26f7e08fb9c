//! The commands: one file each, an args struct and a `run`.

pub mod add;
pub mod args;
pub mod assign;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod close;
pub mod completions;
pub mod credit;
mod ctx;
pub mod defer;
pub mod demo;
pub mod edit;
pub(crate) mod entry;
pub mod error;
pub mod export;
pub mod init;
pub mod key;
pub mod link;
pub mod list;
pub mod man;
pub mod merge;
pub mod msg;
pub mod note;
pub mod offered;
pub mod out;
pub mod rebuild;
pub mod reopen;
pub mod report;
pub mod show;
pub mod split;
pub mod triage;
pub mod trust;
pub mod unit;
pub mod view;
// Issue 17: reports and listings as a workbook or a page.
pub mod present;
// The units' loop (issue 15).
pub mod ack;
pub mod extend;
pub mod loop_filters;
pub mod report_loop;
pub mod r#return;
pub mod supervise;
pub mod view_loop;
pub mod visit;
// Issue 16: the campaign.
pub mod campaign;
pub mod community;
pub mod form;
mod report_campaign;

use std::io::{BufReader, Read};
use std::path::Path;

pub use ctx::{Ctx, FormatArg};

use crate::exchange;
use crate::ledger::files;

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)] // made once per run; boxing buys nothing
pub enum Command {
    Init(init::Args),
    Add(add::Args),
    Assign(assign::Args),
    Defer(defer::Args),
    Close(close::Args),
    Reopen(reopen::Args),
    Note(note::Args),
    Show(show::Args),
    List(list::Args),
    Report(report::Args),
    Catalog(catalog::Args),
    Unit(unit::Args),
    Credit(credit::Args),
    Export(export::Args),
    Merge(merge::Args),
    Key(key::Args),
    Trust(trust::Args),
    Check(check::Args),
    Backup(backup::Args),
    Rebuild(rebuild::Args),
    Demo(demo::Args),
    Completions(completions::Args),
    Man(man::Args),
    Audit(audit::Args),
    Edit(edit::Args),
    Link(link::Args),
    Split(split::Args),
    Triage(triage::Args),
    Ack(ack::Args),
    Return(r#return::Args),
    Extend(extend::Args),
    Supervise(supervise::Args),
    Visit(visit::Args),
    Community(community::Args),
    Campaign(campaign::Args),
    Form(form::Args),
}

pub fn run(ctx: &mut Ctx, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init(a) => init::run(ctx, a),
        Command::Add(a) => add::run(ctx, a),
        Command::Assign(a) => assign::run(ctx, a),
        Command::Defer(a) => defer::run(ctx, a),
        Command::Close(a) => close::run(ctx, a),
        Command::Reopen(a) => reopen::run(ctx, a),
        Command::Note(a) => note::run(ctx, a),
        Command::Show(a) => a.out.clone().run(ctx, |c| show::run(c, a)),
        Command::List(a) => a.out.clone().run(ctx, |c| list::run(c, a)),
        Command::Report(a) => a.out.clone().run(ctx, |c| report::run(c, a)),
        Command::Catalog(a) => catalog::run(ctx, a),
        Command::Unit(a) => unit::run(ctx, a),
        Command::Credit(a) => credit::run(ctx, a),
        Command::Export(a) => export::run(ctx, a),
        Command::Merge(a) => merge::run(ctx, a),
        Command::Key(a) => a.out.clone().run(ctx, |c| key::run(c, a)),
        Command::Trust(a) => a.out.clone().run(ctx, |c| trust::run(c, a)),
        Command::Check(a) => check::run(ctx, a),
        Command::Backup(a) => backup::run(ctx, a),
        Command::Rebuild(a) => rebuild::run(ctx, a),
        Command::Demo(a) => demo::run(ctx, a),
        Command::Completions(a) => completions::run(ctx, a),
        Command::Man(a) => man::run(ctx, a),
        Command::Audit(a) => a.out.clone().run(ctx, |c| audit::run(c, a)),
        Command::Edit(a) => edit::run(ctx, a),
        Command::Link(a) => link::run(ctx, a),
        Command::Split(a) => split::run(ctx, a),
        Command::Triage(a) => triage::run(ctx, a),
        Command::Ack(a) => ack::run(ctx, a),
        Command::Return(a) => r#return::run(ctx, a),
        Command::Extend(a) => extend::run(ctx, a),
        Command::Supervise(a) => supervise::run(ctx, a),
        Command::Visit(a) => visit::run(ctx, a),
        Command::Community(a) => community::run(ctx, a),
        Command::Campaign(a) => campaign::run(ctx, a),
        Command::Form(a) => form::run(ctx, a),
    }
}

/// Opens an exchange file to read, the one way `merge`, `demo` and
/// `init --restore` do: refused with its name when it cannot be read or does
/// not open like one. `wrap` sees the file and its size first (`merge`
/// counts the bytes read, for its progress bar).
pub(crate) fn open_exchange<R: Read>(
    path: &Path,
    wrap: impl FnOnce(BufReader<std::fs::File>, u64) -> R,
) -> crate::ledger::Result<exchange::Reader<R>> {
    let mut input = files::open_to_read(path)?;
    // Only the progress bar's length: an unknown size draws no bar.
    let size = input.get_ref().metadata().map_or(0, |m| m.len());
    let cut = cut_short(input.get_mut());
    let name = path.display().to_string();
    let reader = exchange::Reader::new(&name, wrap(input, size))?;
    // An export ends with a line break; one that does not was cut (a copy
    // interrupted, a full stick), wherever the cut fell: inside a row (its
    // hash fails) or inside a character (not UTF-8) says less.
    if cut {
        return Err(
            crate::ledger::Error::from(crate::ledger::error::Refusal::NoEnd).in_file(&name),
        );
    }
    Ok(reader)
}

/// Whether a regular file's last byte is not a line break. Reads it and
/// goes back to the start, before anything else has read the file.
fn cut_short(f: &mut std::fs::File) -> bool {
    use std::io::{Seek, SeekFrom};
    let Ok(m) = f.metadata() else { return false };
    if !m.is_file() || m.len() == 0 {
        return false;
    }
    let mut last = [0u8];
    let read = f.seek(SeekFrom::End(-1)).is_ok() && f.read_exact(&mut last).is_ok();
    let back = f.seek(SeekFrom::Start(0)).is_ok();
    read && back && last[0] != b'\n'
}
