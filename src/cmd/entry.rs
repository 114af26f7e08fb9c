//! The program: parse the command line, run the command, map the outcome to
//! an exit status (0 done, 1 refused or failed, 2 usage).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::clock;
use crate::cmd::cli::Cli;
use crate::cmd::{self, Ctx};
use crate::ledger::Stamp;
use crate::render::Style;

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<crate::ledger::Error>().is_some_and(|le| {
                matches!(le, crate::ledger::Error::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
            })
    })
}

/// Runs `ledger` with the process's arguments and environment.
pub fn main() -> ExitCode {
    // A file-size limit (ulimit -f) then makes writes fail with an error
    // that is reported and rolled back, instead of killing the process.
    // Windows has no such signal: a full disk or quota is already an error.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
                // A well-formed command whose value was refused (a bad date,
                // an unknown status): a refusal, like those the core makes.
                ErrorKind::ValueValidation | ErrorKind::InvalidValue => 1,
                _ => 2,
            });
        }
    };
    let now = match clock::now_from_env() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let lang = cli.lang;
    let mut ctx = Ctx {
        db: cli.db,
        lang: cli.lang,
        style: Style { ascii: cli.ascii },
        stamp: Stamp {
            now,
            actor: clock::actor_from_env(),
        },
        out: &mut out,
        err: &mut err,
    };
    let result = cmd::run(&mut ctx, cli.command).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) if e.is::<crate::cmd::msg::Reported>() => {
            let _ = out.flush();
            ExitCode::from(1)
        }
        Err(e) => {
            // Whatever was printed before the failure is still data.
            let _ = out.flush();
            eprintln!("error: {}", crate::cmd::msg::describe(&e, lang));
            ExitCode::from(1)
        }
    }
}
