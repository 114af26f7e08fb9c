//! `ledger triage`: go through imported cases at a clerk's pace, or accept
//! their suggested problem types all at once.
//!
//! On a terminal, one case at a time: its summary, its details cut to the
//! screen, the suggestion, and a line-based prompt (a key, then Enter: no
//! raw terminal mode, which would need a crate of its own and misbehaves
//! in old Windows consoles). Each decision is written at once as the very
//! event its command makes (`edit --accept-suggested`, `edit --problem`,
//! `edit --community`, `close --result out_of_scope`), so quitting, or a
//! closed window, keeps the work done so far. Not on a terminal (a script),
//! or with `--accept`, the suggestions of the selected cases are accepted
//! in one transaction. `LEDGER_INTERACTIVE=1` forces the prompt on piped
//! input (for tests and for clerks whose terminal is not recognised).

use std::io::{BufRead, IsTerminal};

use crate::cmd::msg::sweep::{self, SweepText};
use crate::cmd::{Ctx, args};
use crate::domain::{CaseId, DayOrMonth, OfficeCode, Outcome, ProblemCode, Status, Subject};
use crate::ledger::Ledger;
use crate::ledger::query::CaseFilter;
use crate::ledger::sweep::ops::Edit;

/// Go through imported cases one at a time, or accept their suggested types.
///
/// The selection is what `list` would show with the same filters, without
/// closed cases and split originals. On a terminal each case is shown with
/// single-key decisions (key, then Enter): a accept the suggestion, p type
/// another problem code, c set the community, x close as not a property
/// matter, s skip, q quit. Not on a terminal, or with --accept: every
/// selected suggestion is accepted in one transaction.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger triage --suggested                # one case at a time\n  ledger triage --no-community --from 2019-01 --to 2019-03\n  ledger triage --problem WY-06 --accept   # confirm every WY-06 suggestion at once"
)]
pub struct Args {
    /// Only these statuses (comma-separated): open, assigned, deferred.
    #[arg(long, value_delimiter = ',', value_name = "STATUS", value_parser = crate::cmd::offered::statuses(), hide_possible_values = true)]
    pub status: Vec<Status>,
    /// Only cases whose problem type is an unconfirmed suggestion.
    #[arg(long)]
    pub suggested: bool,
    /// Only cases with the placeholder community (未注明).
    #[arg(long)]
    pub no_community: bool,
    /// Only this (suggested or confirmed) problem type.
    #[arg(long, value_name = "CODE", value_parser = crate::cmd::offered::problems(), hide_possible_values = true)]
    pub problem: Option<ProblemCode>,
    /// Only this responsible subject.
    #[arg(long, value_parser = crate::cmd::offered::subjects(), hide_possible_values = true)]
    pub subject: Option<Subject>,
    /// Only communities whose name contains this text.
    #[arg(long)]
    pub community: Option<String>,
    /// Only key cases.
    #[arg(long)]
    pub key: bool,
    /// Only this office's cases.
    #[arg(long)]
    pub office: Option<OfficeCode>,
    /// Received on or after this date (or month).
    #[arg(long, value_name = "DATE")]
    pub from: Option<DayOrMonth>,
    /// Received on or before this date (or month).
    #[arg(long, value_name = "DATE")]
    pub to: Option<DayOrMonth>,
    /// Accept every selected suggestion at once, without asking.
    #[arg(long)]
    pub accept: bool,
}

/// The cases selected, by id: never closed ones nor split originals.
fn selected(ctx: &Ctx, ledger: &Ledger, a: &Args, suggested: bool) -> anyhow::Result<Vec<String>> {
    let period = args::period(a.from, a.to)?;
    let mut statuses: Vec<Status> = a
        .status
        .iter()
        .copied()
        .filter(|s| *s != Status::Closed)
        .collect();
    if statuses.is_empty() {
        statuses = vec![Status::Open, Status::Assigned, Status::Deferred];
    }
    let filter = CaseFilter {
        statuses,
        key: a.key,
        problem: a.problem.as_ref().map(|p| p.as_str().to_string()),
        subject: a.subject,
        community: a.community.clone(),
        office: a.office.as_ref().map(|o| o.as_str().to_string()),
        from: period.from,
        to: period.to,
        suggested: a.suggested || suggested,
        no_community: a.no_community,
        unsplit: true,
        ..CaseFilter::default()
    };
    let mut ids = Vec::new();
    ledger.each_case(&filter, &ctx.today(), |c| {
        ids.push(c.id);
        Ok(())
    })?;
    Ok(ids)
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let interactive = !a.accept
        && (std::io::stdin().is_terminal()
            || std::env::var("LEDGER_INTERACTIVE").is_ok_and(|v| v == "1"));
    let mut ledger = ctx.open()?;
    if !interactive {
        return accept_all(ctx, &mut ledger, &a);
    }
    let ids = selected(ctx, &ledger, &a, false)?;
    let stdin = std::io::stdin();
    session(ctx, &mut ledger, &ids, &mut stdin.lock())
}

/// Accepts the suggestions of the selected cases in one transaction.
fn accept_all(ctx: &mut Ctx, ledger: &mut Ledger, a: &Args) -> anyhow::Result<()> {
    let ids = selected(ctx, ledger, a, true)?;
    let n = ledger.write(&ctx.stamp, |w| {
        for id in &ids {
            let id = canonical(id)?;
            let edit = Edit {
                accept_suggested: true,
                ..Edit::default()
            };
            w.edit(&id, edit)?;
        }
        Ok(ids.len())
    })?;
    writeln!(ctx.err, "{}", sweep::accepted(n, ids.len(), ctx.lang))?;
    Ok(())
}

/// A stored case id as the operations take it.
fn canonical(id: &str) -> crate::ledger::Result<CaseId> {
    id.parse()
        .map_err(|e: crate::invalid::Invalid| crate::ledger::Error::Corrupt(e.to_string()))
}

/// What the clerk decided for one case.
enum Decision {
    Done,
    Skip,
    Quit,
}

/// The interactive loop: each case shown, one decision read from `input`
/// and written at once. The screen goes to the message stream.
pub fn session(
    ctx: &mut Ctx,
    ledger: &mut Ledger,
    ids: &[String],
    input: &mut dyn BufRead,
) -> anyhow::Result<()> {
    if ids.is_empty() {
        writeln!(
            ctx.err,
            "{}",
            sweep::text(SweepText::NothingToTriage, ctx.lang)
        )?;
        return Ok(());
    }
    let (mut decided, mut skipped) = (0, 0);
    for (i, id) in ids.iter().enumerate() {
        let Some(case) = ledger.case(id)? else {
            continue;
        };
        if case.status == Status::Closed {
            continue;
        }
        card(ctx, ledger, &case, i + 1, ids.len())?;
        match decide(ctx, ledger, &case.id, input)? {
            Decision::Done => decided += 1,
            Decision::Skip => skipped += 1,
            Decision::Quit => break,
        }
    }
    let left = ids.len() - decided - skipped;
    let end = sweep::triaged(decided, skipped, left, ctx.lang);
    writeln!(ctx.err, "{end}")?;
    Ok(())
}

/// One case as the clerk sees it: id, community, summary, the details cut
/// to four lines of the screen, the suggestion with its title.
fn card(
    ctx: &mut Ctx,
    ledger: &Ledger,
    c: &crate::ledger::CaseState,
    n: usize,
    of: usize,
) -> anyhow::Result<()> {
    use crate::cmd::view::field_label;
    // Three lines of the screen, Chinese characters being two columns wide.
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let width: usize = columns.unwrap_or(80).max(40) * 3 / 2;
    let lang = ctx.lang;
    writeln!(ctx.err, "\n[{n}/{of}] {}  {}", c.id, c.community)?;
    writeln!(ctx.err, "{}: {}", field_label(lang, "summary"), c.summary)?;
    if let Some(d) = &c.details {
        let shown = crate::text::clip(d, width);
        writeln!(ctx.err, "{}: {shown}", field_label(lang, "details"))?;
    }
    if let (Some(p), true) = (&c.problem, c.problem_suggested) {
        let title = ledger.problem(p)?.map(|p| p.title).unwrap_or_default();
        writeln!(
            ctx.err,
            "{}: {p} {title}",
            sweep::text(SweepText::Suggestion, lang)
        )?;
    } else if let Some(p) = &c.problem {
        writeln!(ctx.err, "{}: {p}", field_label(lang, "problem"))?;
    }
    writeln!(ctx.err, "{}", sweep::text(SweepText::Keys, lang))?;
    Ok(())
}

/// One line of input, trimmed; `None` at the end of input.
fn read_line(
    ctx: &mut Ctx,
    input: &mut dyn BufRead,
    prompt: &str,
) -> anyhow::Result<Option<String>> {
    write!(ctx.err, "{prompt}")?;
    ctx.err.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

/// What one key asks for: an edit, a close, or no write at all.
enum Asked {
    Edit(Edit),
    Close,
    Again,
    Skip,
    Quit,
}

/// Reads what a key needs (a code, a community) and says what to write.
fn asked(ctx: &mut Ctx, input: &mut dyn BufRead, key: Option<char>) -> anyhow::Result<Asked> {
    let edit = |e: Edit| Ok(Asked::Edit(e));
    match key {
        Some('q') => Ok(Asked::Quit),
        Some('s') => Ok(Asked::Skip),
        Some('x') => Ok(Asked::Close),
        Some('a') => edit(Edit {
            accept_suggested: true,
            ..Edit::default()
        }),
        Some('p') => {
            let ask = sweep::text(SweepText::AskCode, ctx.lang);
            let Some(typed) = read_line(ctx, input, ask)? else {
                return Ok(Asked::Quit);
            };
            match typed.parse::<ProblemCode>() {
                Ok(code) => edit(Edit {
                    problem: Some(code),
                    ..Edit::default()
                }),
                Err(e) => {
                    let said = crate::cmd::msg::invalid("--problem".into(), &e, ctx.lang);
                    writeln!(ctx.err, "{said}")?;
                    Ok(Asked::Again)
                }
            }
        }
        Some('c') => {
            let ask = sweep::text(SweepText::AskCommunity, ctx.lang);
            match read_line(ctx, input, ask)? {
                None => Ok(Asked::Quit),
                Some(typed) => edit(Edit {
                    community: Some(typed),
                    ..Edit::default()
                }),
            }
        }
        _ => {
            writeln!(ctx.err, "{}", sweep::text(SweepText::UnknownKey, ctx.lang))?;
            Ok(Asked::Again)
        }
    }
}

/// Reads keys until one decides the case; a refused decision is said and
/// asked again. Each decision is its own transaction.
fn decide(
    ctx: &mut Ctx,
    ledger: &mut Ledger,
    id: &str,
    input: &mut dyn BufRead,
) -> anyhow::Result<Decision> {
    let case = canonical(id)?;
    loop {
        let Some(line) = read_line(ctx, input, "> ")? else {
            return Ok(Decision::Quit);
        };
        let key = line.chars().next().map(|c| c.to_ascii_lowercase());
        let stamp = ctx.stamp.clone();
        let done = match asked(ctx, input, key)? {
            Asked::Quit => return Ok(Decision::Quit),
            Asked::Skip => return Ok(Decision::Skip),
            Asked::Again => continue,
            Asked::Edit(e) => ledger.write(&stamp, |w| w.edit(&case, e)).map(drop),
            Asked::Close => {
                let why = sweep::text(SweepText::OutOfScopeResolution, ctx.lang);
                let close =
                    |w: &mut crate::ledger::Writer| w.close(&case, Outcome::OutOfScope, why, None);
                ledger.write(&stamp, close).map(drop)
            }
        };
        match done {
            Ok(()) => return Ok(Decision::Done),
            Err(e) => {
                let said = crate::cmd::msg::describe(&e.into(), ctx.lang);
                writeln!(ctx.err, "{said}")?;
            }
        }
    }
}
