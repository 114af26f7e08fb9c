//! The command line as clap parses it: the global flags and the command.
//! What commands run with (`Ctx`) is the command layer's (`cmd::ctx`).
//! `command(lang)` is the clap `Command` with its help in that language: the
//! doc comments below are the English; the Chinese is `msg::zh::help`.

use std::path::PathBuf;

use clap::{CommandFactory, Parser};

use crate::cmd::Command;
use crate::cmd::msg::zh::help::{self, ABOUT, AFTER};
use crate::domain::Lang;

/// 物业管理整治台账 — the property-management rectification case ledger.
///
/// Street offices register complaints, forward them to the responsible
/// units and close them out; the district merges the offices' nightly
/// exports and reports to the leadership group.
#[derive(Debug, Parser)]
#[command(name = "ledger", version, max_term_width = 100)]
#[command(
    after_help = "Example:\n  ledger init --office S07 --name 建设路街道\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水' --problem WY-06\n\nEnvironment: LEDGER_DB (the file), LEDGER_LANG (zh or en), LEDGER_ASCII=1 (tables in ASCII), LEDGER_NOW (fix \"now\", e.g. 2026-11-26), LEDGER_USER (who is typing)."
)]
pub struct Cli {
    /// The ledger file.
    #[arg(
        long,
        global = true,
        env = "LEDGER_DB",
        default_value = "ledger.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
    /// Language of messages, help, labels and headers: zh (中文) or en.
    #[arg(
        long,
        global = true,
        env = "LEDGER_LANG",
        default_value = "zh",
        value_name = "zh|en",
        value_parser = crate::cmd::offered::langs(),
        hide_possible_values = true
    )]
    pub lang: Lang,
    /// Draw tables with plain ASCII (for old Windows consoles).
    // LEDGER_ASCII=1 (or yes/on/true) as well as --ascii; 0/no/off/false
    // and unset leave the box drawing on.
    #[arg(
        long,
        global = true,
        env = "LEDGER_ASCII",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// The whole command line, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            let mut cmd = chinese(cmd, "");
            // clap adds --help, --version and `help` when it builds the
            // command; their texts are put over after that.
            cmd.build();
            chinese_built(cmd)
        }
    }
}

/// Splits a text as clap's derive splits a doc comment: the first paragraph
/// is the short help without its full stop, the whole the long one (only
/// when there is more).
fn split(t: &'static str) -> (&'static str, Option<&'static str>) {
    match t.split_once("\n\n") {
        Some((short, _)) => (short.trim_end_matches('。'), Some(t)),
        None => (t, None),
    }
}

/// Puts the Chinese texts over a command and its subcommands, before clap
/// builds it (so that the global flags carry theirs down).
fn chinese(mut cmd: clap::Command, path: &str) -> clap::Command {
    if let Some(t) = help::text(path, ABOUT) {
        let (short, long) = split(t);
        cmd = cmd.about(short).long_about(long);
    }
    if let Some(t) = help::text(path, AFTER) {
        cmd = cmd.after_help(t).after_long_help(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(t) = help::text(path, &id) {
            let (short, long) = split(t);
            cmd = cmd.mut_arg(id, |a| a.help(short).long_help(long));
        }
    }
    for (name, sub_path) in sub_paths(&cmd, path) {
        cmd = cmd.mut_subcommand(name, |s| chinese(s, &sub_path));
    }
    cmd
}

/// clap's own `--help`, `--version` and `help` subcommand, in Chinese.
fn chinese_built(mut cmd: clap::Command) -> clap::Command {
    let help = cmd.get_arguments().find(|a| a.get_id() == "help");
    // clap gives --help a long text only where the command has long help.
    match help.map(|a| a.get_long_help().is_some()) {
        Some(true) => {
            cmd = cmd.mut_arg("help", |a| {
                a.help("显示帮助（--help 显示更多）")
                    .long_help("显示帮助（-h 只显示摘要）")
            })
        }
        Some(false) => cmd = cmd.mut_arg("help", |a| a.help("显示帮助")),
        None => {}
    }
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| a.help("显示版本"));
    }
    for (name, _) in sub_paths(&cmd, "") {
        cmd = cmd.mut_subcommand(&name, |s| {
            if name == "help" && !s.get_arguments().any(|a| a.get_id() == "help") {
                s.about("显示本帮助，或所给子命令的帮助")
            } else {
                chinese_built(s)
            }
        });
    }
    cmd
}

/// Each subcommand's name and its path in the help table.
fn sub_paths(cmd: &clap::Command, path: &str) -> Vec<(String, String)> {
    cmd.get_subcommands()
        .map(|s| {
            let name = s.get_name().to_string();
            let p = if path.is_empty() {
                name.clone()
            } else {
                format!("{path} {name}")
            };
            (name, p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (path, id) key the command tree has, before clap adds its own.
    fn keys(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.into(), ABOUT.into()));
        if cmd.get_after_help().is_some() {
            out.push((path.into(), AFTER.into()));
        }
        for a in cmd.get_arguments() {
            out.push((path.into(), a.get_id().to_string()));
        }
        for (name, p) in sub_paths(cmd, path) {
            keys(cmd.find_subcommand(&name).unwrap(), &p, out);
        }
    }

    // Regression: issue 12 — a command or flag added without Chinese help
    // would print English under the default --lang zh.
    #[test]
    fn every_command_and_flag_has_chinese_help() {
        let mut all = Vec::new();
        keys(&Cli::command(), "", &mut all);
        let missing: Vec<String> = all
            .iter()
            .filter(|(p, i)| help::text(p, i).is_none())
            .map(|(p, i)| format!("({p:?}, {i:?})"))
            .collect();
        assert!(
            missing.is_empty(),
            "no Chinese help in msg/zh/help.rs for: {}",
            missing.join(", ")
        );
    }

    #[test]
    fn the_help_table_names_only_what_exists() {
        let mut all = Vec::new();
        keys(&Cli::command(), "", &mut all);
        for (p, i, _) in help::HELP {
            assert!(
                all.iter().any(|(ap, ai)| ap == p && ai == i),
                "msg/zh/help.rs has ({p:?}, {i:?}), which the command line does not"
            );
        }
    }

    #[test]
    fn chinese_help_is_applied_to_the_built_command() {
        let cmd = command(Lang::Zh);
        let add = cmd.find_subcommand("add").unwrap();
        let summary = add.get_arguments().find(|a| a.get_id() == "summary");
        let help = summary.and_then(|a| a.get_help()).map(|h| h.to_string());
        assert_eq!(help.as_deref(), Some("一句话说明投诉内容"));
        // The global flags carry their Chinese down into every subcommand.
        let lang = add.get_arguments().find(|a| a.get_id() == "lang").unwrap();
        assert!(lang.get_help().unwrap().to_string().contains("界面语言"));
        cmd.debug_assert();
    }
}
