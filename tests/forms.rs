//! The patrol forms (issue 16): each of the three pages, filled from a
//! case or blank, rendered by headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) to an A4-sized PNG that is not blank, and
//! whose page holds the case's fields.

use std::path::Path;
use std::process::Command;

use crate::common::TestEnv;

/// Runs headless Chromium with its own profile (tests run in parallel).
fn chromium(env: &TestEnv, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.path().display()),
        ])
        .args(args)
        .current_dir(env.dir())
        .output()
        .expect("chromium runs (apt-get install chromium fonts-noto-cjk)");
    assert!(
        out.status.success(),
        "chromium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = u32::from(c[0]) << 16
            | u32::from(*c.get(1).unwrap_or(&0)) << 8
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Renders `html` to an A4-sized PNG (794 × 1123 CSS pixels) and counts
/// its dark pixels, with Chromium itself: the PNG is drawn on a canvas in
/// a second page, which writes the count into its DOM.
fn dark_pixels(env: &TestEnv, html: &Path) -> u64 {
    let png = html.with_extension("png");
    chromium(
        env,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=794,1123",
            &url(html),
        ],
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the PNG");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    let check = env.write(
        "check.html",
        format!(
            "<!DOCTYPE html><html><body><p id=r>wait</p>\
<script>const i=new Image();i.onload=()=>{{const c=document.createElement('canvas');\
c.width=i.naturalWidth;c.height=i.naturalHeight;const x=c.getContext('2d');x.drawImage(i,0,0);\
const d=x.getImageData(0,0,c.width,c.height).data;let n=0;for(let k=0;k<d.length;k+=4){{if(d[k]+d[k+1]+d[k+2]<384)n++;}}\
document.getElementById('r').textContent=['counted',n,c.width,c.height].join(' ');}};\
i.src='data:image/png;base64,{}';</script></body></html>",
            base64(&bytes)
        ),
    );
    // The count is written once the image decoded: on a busy machine that
    // may take longer than the first budget.
    for budget in ["5000", "20000", "60000"] {
        let dom = chromium(
            env,
            &[
                &format!("--virtual-time-budget={budget}"),
                "--dump-dom",
                &url(&check),
            ],
        );
        let Some(r) = dom.split("<p id=\"r\">counted ").nth(1) else {
            continue;
        };
        let r: Vec<&str> = r.split('<').next().unwrap().split(' ').collect();
        assert_eq!(r[1..], ["794", "1123"], "the screenshot is A4-sized");
        return r[0].parse().unwrap();
    }
    panic!(
        "the check page never counted the pixels of {}",
        png.display()
    );
}

/// A patrol case with everything the record form asks.
fn patrol_case() -> (TestEnv, String) {
    let env = TestEnv::init();
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--alias",
        "幸福里",
        "--company",
        "鑫源物业服务有限公司",
    ])
    .ok();
    let id = env.add(&[
        "--community",
        "幸福里",
        "--summary",
        "一楼业主私搭乱建彩钢房",
        "--source",
        "patrol",
        "--address",
        "3号楼1单元",
        "--found-by",
        "王五",
        "--found-at",
        "2026-11-20 09:30",
        "--dissuasion",
        "当场劝阻，业主拒不停工",
        "--reported-to",
        "建设路街道办事处",
    ]);
    (env, id)
}

#[test]
fn each_form_renders_to_a_page_holding_the_cases_fields() {
    let (env, id) = patrol_case();
    for (kind, fields) in [
        (
            "record",
            &[
                "住宅小区违规行为巡查、劝阻和报告处置记录表",
                "幸福里小区",
                "鑫源物业服务有限公司",
                "3号楼1单元",
                "2026年11月20日 09:30",
                "王五",
                "一楼业主私搭乱建彩钢房",
                "当场劝阻，业主拒不停工",
                "建设路街道办事处",
            ][..],
        ),
        (
            "notice",
            &[
                "违规行为劝阻通知书",
                "幸福里小区3号楼1单元",
                "一楼业主私搭乱建彩钢房",
                "鑫源物业服务有限公司",
            ][..],
        ),
        (
            "report",
            &[
                "违规行为报告书",
                "建设路街道办事处",
                "2026年11月20日 09:30",
                "幸福里小区3号楼1单元",
                "当场劝阻，业主拒不停工",
                "王五",
            ][..],
        ),
    ] {
        let file = format!("{kind}.html");
        env.ledger(&["form", &id, "--kind", kind, "--out", &file])
            .ok();
        let path = env.dir().join(&file);
        let dom = chromium(&env, &["--dump-dom", &url(&path)]);
        assert!(dom.contains(&id), "{kind}: {dom}");
        for f in fields {
            assert!(dom.contains(f), "{kind} lacks {f}: {dom}");
        }
        let dark = dark_pixels(&env, &path);
        // A blank page has none; a filled A4 form has tens of thousands.
        assert!(dark > 5_000, "{kind}: only {dark} dark pixels");
    }
}

#[test]
fn a_blank_form_prints_its_lines_and_no_case() {
    let (env, id) = patrol_case();
    env.ledger(&["form", "--kind", "record", "--blank", "--out", "blank.html"])
        .ok();
    let path = env.dir().join("blank.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("住宅小区违规行为巡查、劝阻和报告处置记录表"));
    assert!(!html.contains(&id) && !html.contains("王五"));
    assert!(dark_pixels(&env, &path) > 2_000);
    // An empty page is what "blank" would look like to the check.
    let empty = env.write("empty.html", "<!DOCTYPE html><html><body></body></html>");
    assert_eq!(dark_pixels(&env, &empty), 0);
}

#[test]
fn the_patrol_options_go_with_a_patrol_and_forms_with_a_case() {
    let env = TestEnv::init();
    env.refuses(
        &[
            "add",
            "--community",
            "x",
            "--summary",
            "y",
            "--found-by",
            "王五",
        ],
        "--source patrol",
    );
    env.refuses(
        &["form", "S07-2026-0009", "--kind", "record"],
        "no case S07-2026-0009",
    );
    env.usage_error(&["form", "--kind", "record"]);
    // Case text is escaped: a summary is never markup.
    let id = env.add(&[
        "--community",
        "幸福里",
        "--summary",
        "<img src=x onerror=alert(1)>",
    ]);
    let page = env.ledger(&["form", &id, "--kind", "notice"]).ok().stdout;
    assert!(
        page.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    assert!(!page.contains("<img"), "{page}");
}
