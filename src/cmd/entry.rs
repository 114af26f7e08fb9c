//! The program: parse the command line, run the command, map the outcome to
//! an exit status (0 done, 1 refused or failed, 2 usage).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use std::ffi::OsString;

use clap::FromArgMatches;
use clap::error::ErrorKind;

use crate::clock;
use crate::cmd::cli::{self, Cli};
use crate::cmd::msg;
use crate::cmd::{self, Ctx};
use crate::domain::Lang;
use crate::invalid::Invalid;
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

/// A value clap refused because its type's parser did: the argument (as
/// clap names it, `--status <S>`) and the kind, to be said in the user's
/// language rather than in clap's English.
fn invalid_value(e: &clap::Error) -> Option<(String, &Invalid)> {
    if e.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let inv = std::error::Error::source(e)?.downcast_ref::<Invalid>()?;
    let arg = match e.get(clap::error::ContextKind::InvalidArg) {
        Some(clap::error::ContextValue::String(a)) => a.clone(),
        _ => String::new(),
    };
    Some((arg, inv))
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
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_of(&args, std::env::var_os("LEDGER_LANG"));
    let cli = match parse(args, lang) {
        Ok(c) => c,
        Err(e) => {
            match invalid_value(&e) {
                Some((arg, inv)) => eprintln!(
                    "error: {}",
                    crate::render::visible(&msg::invalid(arg, inv, lang))
                ),
                None => {
                    let _ = e.print();
                }
            }
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
            eprintln!("error: {}", crate::render::visible(&e));
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = crate::render::Visible::new(io::stderr());
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

/// The language, known before clap parses (help texts are in it): the last
/// `--lang X` or `--lang=X` before a `--`, else `LEDGER_LANG`, else zh. A
/// typed value that is not a language is left for clap to refuse.
fn lang_of(args: &[OsString], env: Option<OsString>) -> Lang {
    let mut typed = None;
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            typed = it.next();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            typed = Some(v);
        }
    }
    let env = env.as_ref().and_then(|e| e.to_str());
    typed
        .and_then(|v| v.parse().ok())
        .or_else(|| env.and_then(|v| v.parse().ok()))
        .unwrap_or_default()
}

/// Parses the command line with its help in `lang`.
fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let mut command = cli::command(lang);
    let matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(args: &[&str], env: Option<&str>) -> Lang {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        lang_of(&args, env.map(OsString::from))
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        assert_eq!(lang(&["ledger", "list"], None), Lang::Zh);
        assert_eq!(lang(&["ledger", "--lang", "en", "list"], None), Lang::En);
        assert_eq!(lang(&["ledger", "list", "--lang=en"], None), Lang::En);
        assert_eq!(lang(&["ledger", "list"], Some("en")), Lang::En);
        // The flag wins over the environment; a bad value falls back.
        assert_eq!(lang(&["ledger", "--lang", "zh"], Some("en")), Lang::Zh);
        assert_eq!(lang(&["ledger", "--lang", "fr"], Some("en")), Lang::En);
        assert_eq!(lang(&["ledger", "--lang", "fr"], None), Lang::Zh);
        // After `--` it is a value, not the flag.
        assert_eq!(lang(&["ledger", "note", "--", "--lang=en"], None), Lang::Zh);
    }
}
