//! `report --format html` (issue 17): the page rendered in headless
//! Chromium (its DOM, a PNG, a PDF) shows exactly the figures of `report
//! --format json`, with no console error; hostile text stays text; case
//! lists are cut with the command that lists them all.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::TestEnv;
use crate::common::report_district::fixture;
use crate::report_files::headline;

fn chromium() -> &'static str {
    for c in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(c).exists() {
            return c;
        }
    }
    panic!(
        "headless Chromium is needed for the page tests: apt-get install chromium fonts-noto-cjk"
    )
}

/// Chromium, headless, on `page`, with its own profile; at most two minutes.
fn chrome(env: &TestEnv, args: &[&str], page: &Path) -> std::process::Output {
    let profile = env.dir().join("chrome-profile");
    Command::new("timeout")
        .arg("120")
        .arg(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .args(["--no-first-run", "--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .env("HOME", env.dir())
        .output()
        .expect("chromium runs")
}

/// The figures the page shows: (key, raw value, as shown).
fn page_figures(dom: &str) -> Vec<(String, String, String)> {
    dom.split("class=\"v\" data-key=\"")
        .skip(1)
        .map(|s| {
            let key = s.split('"').next().unwrap().to_string();
            let raw = s
                .split("data-value=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let shown = s.split('>').nth(1).unwrap().split('<').next().unwrap();
            (key, raw.to_string(), shown.to_string())
        })
        .collect()
}

/// A PNG's width, height and the number of distinct bytes of its pixel
/// data (a blank page has a handful).
fn png_variety(path: &Path) -> (u32, u32, usize) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n");
    let (mut i, mut idat, mut size) = (8, Vec::new(), (0, 0));
    while i + 8 <= b.len() {
        let len = u32::from_be_bytes(b[i..i + 4].try_into().unwrap()) as usize;
        let kind = &b[i + 4..i + 8];
        let body = &b[i + 8..i + 8 + len];
        if kind == b"IHDR" {
            size = (
                u32::from_be_bytes(body[0..4].try_into().unwrap()),
                u32::from_be_bytes(body[4..8].try_into().unwrap()),
            );
        } else if kind == b"IDAT" {
            idat.extend_from_slice(body);
        }
        i += 12 + len;
    }
    let mut pixels = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&idat[..]), &mut pixels)
        .unwrap();
    let mut seen = [false; 256];
    pixels.iter().for_each(|&p| seen[p as usize] = true);
    (size.0, size.1, seen.iter().filter(|s| **s).count())
}

#[test]
fn the_page_renders_in_chromium_with_the_figures_of_the_json() {
    let f = fixture();
    let env = &f.env;
    let args = [
        "report",
        "--by",
        "office,problem,party",
        "--period",
        "month",
    ];
    env.ledger(&[&args[..], &["--format", "html", "--out", "周报.html"]].concat())
        .ok();
    let page = env.dir().join("周报.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("http") && !html.contains("src="),
        "self-contained"
    );
    assert!(html.contains("<svg") && html.contains("@page"));
    let json = env
        .ledger(&[
            "report", "--by", "office", "--period", "month", "--format", "json",
        ])
        .ok()
        .json();

    let dom = chrome(env, &["--dump-dom"], &page);
    let dom = String::from_utf8_lossy(&dom.stdout).to_string();
    let shown = page_figures(&dom);
    let want = headline(&json);
    assert_eq!(shown.len(), want.len(), "every figure, once: {shown:?}");
    for (key, raw, text) in &shown {
        let (k, v) = want
            .iter()
            .find(|w| &w.0 == key)
            .expect("a figure of the JSON");
        let expect = match v {
            Value::Null => (String::new(), String::new()),
            v if k.ends_with("rate") => {
                let x = v.as_f64().unwrap();
                (v.to_string(), format!("{:.1}%", x * 100.0))
            }
            Value::Number(n) if n.is_f64() => {
                let x = n.as_f64().unwrap();
                (n.to_string(), format!("{x:.1}"))
            }
            v => (v.to_string(), v.to_string()),
        };
        assert_eq!((raw.clone(), text.clone()), expect, "{key}");
    }
    assert!(dom.contains("示范区"), "the district's name");
    // The office table: each row's numbers are the JSON row's, in order.
    let office = dom.split("data-table=\"按办事处\"").nth(1).unwrap();
    let office = office.split("</table>").next().unwrap();
    let rows: Vec<&str> = office.split("<tr>").skip(2).collect();
    let want = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), want.len());
    for (row, w) in rows.iter().zip(want) {
        let values: Vec<&str> = row
            .split("data-value=\"")
            .skip(1)
            .map(|v| v.split('"').next().unwrap())
            .collect();
        let mut expect = Vec::new();
        for k in [
            "total",
            "open",
            "closed",
            "closure_rate",
            "overdue",
            "median_days_to_close",
        ] {
            if !w[k].is_null() {
                expect.push(w[k].to_string());
            }
        }
        assert_eq!(values, expect, "{}", w["key"]);
    }

    let png = env.dir().join("page.png");
    let shot = chrome(
        env,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1000,2000",
        ],
        &page,
    );
    let log = String::from_utf8_lossy(&shot.stderr);
    assert!(
        !log.contains("Uncaught") && !log.contains("CONSOLE"),
        "console: {log}"
    );
    let (w, h, variety) = png_variety(&png);
    assert_eq!((w, h), (1000, 2000));
    assert!(
        variety > 32,
        "the screenshot is not blank ({variety} distinct bytes)"
    );
    if let Some(to) = std::env::var_os("LEDGER_DOCS_PNG") {
        std::fs::copy(&png, PathBuf::from(to)).unwrap();
    }

    let pdf = env.dir().join("page.pdf");
    chrome(
        env,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
        &page,
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000);
}

#[test]
fn the_page_shows_hostile_text_as_text() {
    let env = TestEnv::init();
    env.add(&[
        "--community",
        "<b>幸福里</b>\u{202e}txt.exe",
        "--summary",
        "停水 & 停电",
        "--key",
    ]);
    env.ledger(&[
        "report",
        "--by",
        "community",
        "--format",
        "html",
        "--out",
        "p.html",
    ])
    .ok();
    let html = env.read("p.html");
    assert!(html.contains("&lt;b&gt;幸福里&lt;/b&gt;&lt;U+202E&gt;txt.exe"));
    assert!(!html.contains("<b>幸福里") && !html.contains('\u{202e}'));
}

#[test]
fn a_page_lists_200_cases_a_list_and_says_how_to_list_the_rest() {
    let env = TestEnv::new();
    let dir = env.demo_office("1500");
    let db = dir.join("S01.db");
    let db = db.to_str().unwrap();
    let overdue = env
        .ledger(&["--db", db, "report", "--format", "json"])
        .ok()
        .json()["overdue"]
        .as_u64()
        .unwrap();
    assert!(overdue > 200, "enough overdue cases to cut: {overdue}");
    env.ledger(&["--db", db, "report", "--format", "html", "--out", "p.html"])
        .ok();
    let html = env.read("p.html");
    let list = html.split("data-table=\"逾期清单\"").nth(1).unwrap();
    let list = list.split("</table>").next().unwrap();
    assert_eq!(
        list.matches("<tr>").count(),
        1 + 200,
        "a header and 200 cases"
    );
    let more = format!(
        "另有 {} 件未列出；全部列出：ledger list --overdue --format xlsx --out 逾期清单.xlsx",
        overdue - 200
    );
    assert!(html.contains(&more), "the line under the list");
}
