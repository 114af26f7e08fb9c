//! Chinese by default, English on request (issue 12): help and refusals
//! follow `--lang` and `LEDGER_LANG`; `LEDGER_ASCII=1` works like `--ascii`.

use crate::common::TestEnv;

/// A case closed as resolved, for the refusals.
fn closed_case(env: &TestEnv) -> String {
    let id = env.new_case();
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    env.ledger(&[
        "close",
        &id,
        "--result",
        "resolved",
        "--resolution",
        "已处理",
    ])
    .ok();
    id
}

// Regression: issue 12 — `ledger --help` was English under the default zh.
#[test]
fn help_is_chinese_by_default_and_english_with_lang_en() {
    let env = TestEnv::new();
    let zh = env.ledger(&["--help"]).ok().stdout;
    assert!(zh.contains("街道办事处登记投诉"), "{zh}");
    assert!(zh.contains("界面语言"), "the global flags: {zh}");
    assert!(zh.contains("显示帮助"), "clap's own --help: {zh}");
    assert!(zh.contains("环境变量：LEDGER_DB"), "{zh}");
    // clap's own headings stay as clap prints them.
    assert!(
        zh.contains("Usage: ledger") && zh.contains("Options:"),
        "{zh}"
    );
    assert!(!zh.contains("Street offices register complaints"), "{zh}");
    let en = env.ledger(&["--lang", "en", "--help"]).ok().stdout;
    assert!(en.contains("Street offices register complaints"), "{en}");
    assert!(en.contains("Print help"), "{en}");
    assert!(!en.contains("街道办事处登记投诉"), "{en}");
}

// Regression: issue 12 — each subcommand's --help, with `--lang` anywhere.
#[test]
fn subcommand_help_follows_the_language() {
    let env = TestEnv::new();
    let zh = env.ledger(&["close", "--help"]).ok().stdout;
    assert!(zh.contains("办结销号"), "{zh}");
    assert!(zh.contains("办理情况"), "--resolution: {zh}");
    assert!(zh.contains("与 --result duplicate 同用"), "{zh}");
    let en = env.ledger(&["close", "--help", "--lang", "en"]).ok().stdout;
    assert!(en.contains("How it was handled"), "{en}");
    let nested = env.ledger(&["credit", "company", "add", "-h"]).ok().stdout;
    assert!(nested.contains("统一社会信用代码，18 位"), "{nested}");
    let en = env
        .ledger(&["--lang=en", "credit", "company", "add", "-h"])
        .ok()
        .stdout;
    assert!(en.contains("Unified social credit code"), "{en}");
}

#[test]
fn ledger_lang_en_gives_english_help_and_the_flag_wins() {
    let env = TestEnv::new();
    let en = env.run().var("LEDGER_LANG", "en");
    let help = en.ledger(&["add", "--help"]).ok().stdout;
    assert!(
        help.contains("One line saying what the complaint is"),
        "{help}"
    );
    let zh = en.ledger(&["--lang", "zh", "add", "--help"]).ok().stdout;
    assert!(zh.contains("一句话说明投诉内容"), "{zh}");
}

// Regression: issue 12 — a Chinese success line followed by an English
// refusal (`error: … is already closed (resolved): reopen it first…`).
#[test]
fn a_refusal_is_chinese_by_default_and_english_with_lang_en() {
    let env = TestEnv::init();
    let id = closed_case(&env);
    let again = ["close", &id, "--result", "resolved", "--resolution", "x"];
    let zh = env.ledger(&again).refused();
    zh.one_line_error()
        .err_has(&format!("{id} 已经销号（已解决）"))
        .err_has(&format!("`ledger reopen {id} --reason ...`"));
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(&again);
    env.ledger(&en_args)
        .refused()
        .one_line_error()
        .err_has(&format!("{id} is already closed (resolved)"));
}

#[test]
fn show_of_a_missing_case_is_refused_in_both_languages() {
    let env = TestEnv::init();
    env.ledger(&["show", "S07-2026-0009"])
        .refused()
        .one_line_error()
        .err_has("台账中没有问题 S07-2026-0009（见 `ledger list`）");
    env.run()
        .var("LEDGER_LANG", "en")
        .ledger(&["show", "S07-2026-0009"])
        .refused()
        .err_has("no case S07-2026-0009 in this ledger");
}

#[test]
fn no_ledger_is_said_in_chinese_naming_the_command_to_run() {
    let env = TestEnv::new();
    env.ledger(&["list"])
        .refused()
        .one_line_error()
        .err_has("ledger.db 处没有台账")
        .err_has("`ledger init --office 代码 --name 名称`");
    assert!(!env.db().exists());
}

// Regression: issue 12 — `--ascii` had to be typed on every command.
#[test]
fn ledger_ascii_1_draws_tables_in_ascii() {
    let env = TestEnv::init();
    env.new_case();
    let boxed = env.ledger(&["list"]).ok().stdout;
    assert!(boxed.contains('┌'), "{boxed}");
    let ascii = env.run().var("LEDGER_ASCII", "1").ledger(&["list"]).ok();
    assert!(!ascii.stdout.contains('┌') && !ascii.stdout.contains('│'));
    assert!(ascii.stdout.starts_with("+-"), "{}", ascii.stdout);
    assert_eq!(ascii.stdout, env.ledger(&["list", "--ascii"]).ok().stdout);
    // 0 is off, as unset.
    let off = env.run().var("LEDGER_ASCII", "0").ledger(&["list"]).ok();
    assert_eq!(off.stdout, boxed);
}

#[test]
fn what_an_import_read_is_said_in_the_users_language() {
    let env = TestEnv::init();
    env.write(
        "in.csv",
        "工单编号,来电时间,诉求内容\nB1,2026-11-01,小区停水\n",
    );
    env.ledger(&["add", "--from", "in.csv", "--profile", "hotline"])
        .ok()
        .err_has("in.csv（UTF-8 CSV），方案 hotline");
    env.write(
        "in2.csv",
        "工单编号,来电时间,诉求内容\nB2,2026-11-01,小区停电\n",
    );
    env.ledger(&[
        "--lang",
        "en",
        "add",
        "--from",
        "in2.csv",
        "--profile",
        "hotline",
    ])
    .ok()
    .err_has("in2.csv (UTF-8 CSV), profile hotline");
}
