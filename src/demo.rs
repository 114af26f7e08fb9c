//! A generator of realistic ledgers: Chinese complaints about property
//! management and their lifecycles, for the demo, tests and benchmarks.
//!
//! Deterministic for a seed: the same seed and sizes give the same events.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, SecondsFormat};

use crate::domain::{CaseId, OfficeCode, Outcome, ProblemCode, Source, Subject};
use crate::ledger::case::{self, CaseState};
use crate::ledger::event::{CaseAdd, CaseAssign, CaseClose, CaseDefer, CaseNote, Event};
use crate::ledger::ops::NewCase;
use crate::ledger::{Result, Writer};

mod units;
use units::Unit;

/// SplitMix64: small, fast and good enough to pick demo data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

pub const COMMUNITIES: &[&str] = &[
    "幸福里小区",
    "阳光花园",
    "金水湾小区",
    "翠竹苑",
    "锦绣华庭",
    "和平新村",
    "建业森林半岛",
    "绿城百合公寓",
    "东风小区",
    "书香门第",
    "康桥华城",
    "正商城",
    "紫荆山庄",
    "银河花园",
    "名门城市广场",
    "清华园",
    "西湖春天",
    "天明城",
    "航海新苑",
    "万科城",
];

pub const COMPANIES: &[&str] = &[
    "鑫源物业服务有限公司",
    "安居物业管理有限公司",
    "锦华物业服务有限公司",
    "恒泰物业管理有限公司",
    "绿城物业服务集团有限公司",
    "长城物业管理有限公司",
    "正和物业服务有限公司",
    "康宁物业有限公司",
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞",
];

/// Problem codes and the kinds of things residents say about them.
const COMPLAINTS: &[(&str, &str)] = &[
    ("WY-06", "物业以业主欠缴物业费为由停水，已持续两天"),
    ("WY-06", "冬季供暖期物业不予充值暖气卡，变相停暖"),
    ("WY-02", "小区楼道长期无人打扫，电梯多次故障无人维修"),
    ("WY-03", "多次向物业反映地下室渗水，物业推诿不处理"),
    ("WY-05", "物业在小区绿地上划车位收费，收益去向不明"),
    ("WY-11", "物业未公示收费标准和服务内容"),
    ("WY-12", "物业擅自将物业费从每平米1.2元涨到1.8元"),
    ("WY-13", "消防栓无水，消防设施长期停用"),
    ("WY-14", "一楼业主私搭乱建，物业劝阻无效也未上报"),
    ("WY-16", "小区垃圾堆放多日未清运，气味难闻"),
    ("WY-10", "物业公司突然撤离，小区无人管理"),
    ("YW-05", "业委会成员与物业公司勾连，擅自续签合同"),
    ("YW-06", "上届业委会不移交公章和账目"),
    ("YW-08", "业委会委员长期不交物业费"),
    ("KF-01", "新房交付一年内屋顶漏水，开发商拒不维修"),
    ("KF-05", "开发商地下车位只售不租"),
    ("ZN-06", "小区公共通道被占用搭建彩钢房"),
    ("ZN-07", "小区底商饭店油烟直排扰民"),
    ("ZN-08", "夜间施工噪声扰民"),
    ("ZN-09", "电动车在楼道内飞线充电，存在火灾隐患"),
    ("ZN-10", "小区主出入口被车辆故意堵塞"),
    ("ZN-11", "小区内有人遛狗不拴绳，多次伤人"),
    ("ZN-13", "小区电梯超期未检验"),
    ("ZN-19", "业委会任期届满半年未组织换届"),
    ("QT-00", "小区路灯损坏，夜间出行不便"),
];

const RESOLUTIONS: &[&str] = &[
    "经街道协调，物业已整改完毕，投诉人表示满意",
    "责任单位现场核查后已处理，回访满意",
    "已恢复正常，物业公司书面道歉",
    "已约谈物业公司负责人，限期整改并复查合格",
];

const NOTES: &[&str] = &[
    "已电话联系投诉人，说明办理进度",
    "责任单位反馈正在处理",
    "社区网格员现场查看，情况属实",
    "督办：请加快办理",
];

/// How much to generate.
#[derive(Clone, Debug)]
pub struct Plan {
    pub cases: usize,
    pub seed: u64,
    /// Cases are received over the `days` days before `now`.
    pub days: i64,
    pub now: DateTime<FixedOffset>,
}

/// One step of the simulated work, at a time.
enum Step {
    Add(usize),
    Assign(usize),
    Note(usize),
    Defer(usize),
    Close(usize, Outcome),
    /// The units' loop (issue 15).
    Loop(usize, Unit),
}

/// Writes `plan.cases` cases and their lifecycles into the ledger, in time
/// order, in one transaction.
/// Returns the ids made.
pub fn generate(w: &mut Writer, plan: &Plan) -> Result<Vec<String>> {
    let (cases, steps) = simulate(plan);
    // The steps are valid transitions by construction, so they are written
    // straight as events, each case's row folded in memory with the same
    // `apply` that replay uses and saved once at the end: `check` passes,
    // and it is many times faster than going through the clerk's commands.
    let mut g = Writing::new(w, cases, plan.seed)?;
    for (t, _, step) in steps {
        // A unit's step the case's lifecycle overtook (closed first).
        if let Step::Loop(i, u) = step
            && !units::applies(g.states[i].as_ref(), u)
        {
            continue;
        }
        w.set_now(t);
        let (i, ev) = g.event(w, t, step)?;
        let id = g.ids[i]
            .clone()
            .expect("a case is added before anything else happens to it");
        let rec = w.append(Some(&id), ev.clone())?;
        g.states[i] = case::apply(g.states[i].take(), &rec, &ev);
    }
    g.save(w)
}

/// The complaints and what happens to them, in time order; what would
/// happen after `now` has not happened yet.
type Steps = Vec<(DateTime<FixedOffset>, u8, Step)>;

fn simulate(plan: &Plan) -> (Vec<NewCase>, Steps) {
    let mut rng = Rng::new(plan.seed);
    // The units' loop draws from its own sequence: the lifecycles stay
    // what they were before it (issue 15).
    let mut loop_rng = Rng::new(plan.seed ^ 0x1515);
    let start = plan.now - Duration::days(plan.days.max(1));
    let span = (plan.now - start).num_seconds().max(1) as u64;
    let mut steps: Steps = Vec::new();
    let mut cases: Vec<NewCase> = Vec::with_capacity(plan.cases);
    for i in 0..plan.cases {
        let received = start + Duration::seconds(rng.below(span) as i64);
        cases.push(complaint(&mut rng, i, received));
        steps.push((received, 0, Step::Add(i)));
        let first = steps.len();
        lifecycle(&mut rng, i, received, &mut steps);
        units::schedule(&mut loop_rng, first, &mut steps);
    }
    steps.retain(|(t, _, _)| *t <= plan.now);
    steps.sort_by_key(|(t, order, _)| (*t, *order));
    (cases, steps)
}

/// The `i`th complaint, as a clerk would register it.
fn complaint(rng: &mut Rng, i: usize, received: DateTime<FixedOffset>) -> NewCase {
    let (code, text) = *rng.pick(COMPLAINTS);
    let community = *rng.pick(COMMUNITIES);
    let company = *rng.pick(COMPANIES);
    let source = *rng.pick(&[
        Source::Hotline,
        Source::Hotline,
        Source::Hotline,
        Source::Petition,
        Source::Patrol,
        Source::Visit,
    ]);
    let source_ref = match source {
        Source::Hotline => Some(format!("RX{}{i:06}", received.format("%Y%m%d"))),
        Source::Petition => Some(format!("XF{}{i:06}", received.format("%Y"))),
        _ => None,
    };
    let classified_at_add = rng.chance(40);
    NewCase {
        received: Some(received),
        source,
        source_ref,
        community: community.to_string(),
        address: Some(format!(
            "{}{}号楼{}单元",
            community,
            1 + rng.below(30),
            1 + rng.below(4)
        )),
        summary: text.to_string(),
        details: None,
        complainant: Some(format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))),
        phone: Some(format!(
            "1{}{:09}",
            rng.pick(&[3, 5, 7, 8, 9]),
            rng.below(1_000_000_000)
        )),
        subject: None,
        problem: classified_at_add.then(|| code.parse::<ProblemCode>().expect("catalogue code")),
        party: code.starts_with("WY").then(|| company.to_string()),
        key: rng.chance(5),
        problem_suggested: false,
    }
}

/// What happens to the `i`th case after it is received.
fn lifecycle(rng: &mut Rng, i: usize, received: DateTime<FixedOffset>, steps: &mut Steps) {
    let mut t = received + Duration::hours(1 + rng.below(72) as i64);
    if rng.chance(85) {
        steps.push((t, 1, Step::Assign(i)));
        t += Duration::hours(rng.below(24 * 20) as i64);
        if rng.chance(30) {
            steps.push((t, 2, Step::Note(i)));
            t += Duration::hours(1 + rng.below(24 * 5) as i64);
        }
        let roll = rng.below(100);
        if roll < 70 {
            let outcome = match rng.below(100) {
                0..75 => Outcome::Resolved,
                75..87 => Outcome::Unfounded,
                _ => Outcome::OutOfScope,
            };
            steps.push((t, 3, Step::Close(i, outcome)));
        } else if roll < 76 {
            steps.push((t, 3, Step::Defer(i)));
        }
    } else if i > 0 && rng.chance(30) {
        steps.push((t, 3, Step::Close(i, Outcome::Duplicate)));
    }
}

/// A problem type's subject, days to handle and default unit.
type ProblemFacts = (Option<Subject>, u64, Option<String>);

/// The state of writing the simulated steps as events.
struct Writing {
    cases: Vec<NewCase>,
    problems: HashMap<String, ProblemFacts>,
    office: OfficeCode,
    next_seq: HashMap<i32, i64>,
    ids: Vec<Option<String>>,
    states: Vec<Option<CaseState>>,
    /// The two cases added last: what a duplicate repeats.
    recent: [Option<String>; 2],
    rng: Rng,
}

impl Writing {
    fn new(w: &Writer, cases: Vec<NewCase>, seed: u64) -> Result<Writing> {
        let problems = w
            .conn()
            .prepare("SELECT code, subject, days, default_unit FROM problems")?
            .query_map([], |r| {
                let subject: Option<String> = r.get(1)?;
                Ok((
                    r.get::<_, String>(0)?,
                    (
                        subject.and_then(|s| s.parse().ok()),
                        r.get::<_, i64>(2)? as u64,
                        r.get(3)?,
                    ),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let office: OfficeCode = w
            .office()
            .code
            .parse()
            .map_err(|e: crate::invalid::Invalid| crate::ledger::Error::Corrupt(e.to_string()))?;
        let n = cases.len();
        Ok(Writing {
            cases,
            problems,
            office,
            next_seq: HashMap::new(),
            ids: vec![None; n],
            states: vec![None; n],
            recent: [None, None],
            rng: Rng::new(seed.wrapping_add(1)),
        })
    }

    /// The event a step writes, and the case it is on.
    fn event(
        &mut self,
        w: &Writer,
        t: DateTime<FixedOffset>,
        step: Step,
    ) -> Result<(usize, Event)> {
        let today = t.date_naive();
        Ok(match step {
            Step::Add(i) => (i, self.add(w, i, t)?),
            Step::Assign(i) => (i, self.assign(i, today)),
            Step::Note(i) => (
                i,
                Event::CaseNote(CaseNote {
                    text: NOTES[self.rng.below(NOTES.len() as u64) as usize].to_string(),
                }),
            ),
            Step::Defer(i) => (
                i,
                Event::CaseDefer(CaseDefer {
                    plan: "涉及业主大会表决及资金筹措，街道制定分步整改计划，每月跟进".into(),
                    until: None,
                }),
            ),
            Step::Close(i, outcome) => (i, self.close(i, outcome)),
            Step::Loop(i, u) => (i, units::event(self.states[i].as_ref(), u)),
        })
    }

    fn add(&mut self, w: &Writer, i: usize, t: DateTime<FixedOffset>) -> Result<Event> {
        let c = &self.cases[i];
        let received = c.received.unwrap_or(t);
        let year = received.year();
        let seq = match self.next_seq.get_mut(&year) {
            Some(s) => s,
            None => {
                let max: i64 = w.conn().query_row(
                    "SELECT coalesce(max(seq), 0) FROM cases WHERE office = ?1 AND year = ?2",
                    rusqlite::params![self.office.as_str(), year],
                    |r| r.get(0),
                )?;
                self.next_seq.entry(year).or_insert(max)
            }
        };
        *seq += 1;
        let id = CaseId::new(self.office.clone(), year, *seq).to_string();
        self.recent = [Some(id.clone()), self.recent[0].take()];
        self.ids[i] = Some(id);
        let problem = c.problem.as_ref().map(|p| p.as_str().to_string());
        Ok(Event::CaseAdd(CaseAdd {
            received_at: received.to_rfc3339_opts(SecondsFormat::Secs, false),
            source: c.source,
            source_ref: c.source_ref.clone(),
            community: c.community.clone(),
            address: c.address.clone(),
            summary: c.summary.clone(),
            details: None,
            complainant: c.complainant.clone(),
            phone: c.phone.clone(),
            subject: problem
                .as_ref()
                .and_then(|p| self.problems.get(p))
                .and_then(|p| p.0),
            problem,
            party: c.party.clone(),
            key: c.key,
            suggested: false,
        }))
    }

    fn assign(&mut self, i: usize, today: chrono::NaiveDate) -> Event {
        let code = COMPLAINTS
            .iter()
            .find(|(_, s)| *s == self.cases[i].summary)
            .map_or("QT-00", |(c, _)| *c);
        let (subject, days, default_unit) =
            self.problems.get(code).cloned().unwrap_or((None, 15, None));
        let unit = default_unit.unwrap_or_else(|| self.rng.pick(&["JD", "ZJ"]).to_string());
        let current = self.states[i].as_ref().and_then(|s| s.subject);
        Event::CaseAssign(CaseAssign {
            unit,
            due: (today + Days::new(days)).to_string(),
            subject: subject.filter(|s| Some(*s) != current),
            problem: Some(code.to_string()),
            party: None,
            note: None,
            co_units: Vec::new(),
        })
    }

    fn close(&mut self, i: usize, outcome: Outcome) -> Event {
        let me = self.ids[i].as_deref();
        let dup = self
            .recent
            .iter()
            .flatten()
            .find(|r| Some(r.as_str()) != me)
            .cloned();
        let (result, text) = match (&dup, outcome) {
            (None, Outcome::Duplicate) | (_, Outcome::OutOfScope) => (
                Outcome::OutOfScope,
                "经核实非物业管理问题，已告知投诉人相关部门",
            ),
            (_, Outcome::Duplicate) => (Outcome::Duplicate, "与前一工单反映同一问题，合并办理"),
            (_, Outcome::Unfounded) => (Outcome::Unfounded, "经现场核查，反映情况不属实"),
            (_, o) => (o, *self.rng.pick(RESOLUTIONS)),
        };
        Event::CaseClose(CaseClose {
            result,
            resolution: text.to_string(),
            duplicate_of: if result == Outcome::Duplicate {
                dup
            } else {
                None
            },
        })
    }

    /// Case rows once each, in id order (their indexes grow at the end).
    fn save(self, w: &Writer) -> Result<Vec<String>> {
        let mut order: Vec<usize> = (0..self.cases.len())
            .filter(|i| self.ids[*i].is_some())
            .collect();
        order.sort_by(|a, b| self.ids[*a].cmp(&self.ids[*b]));
        for i in order {
            if let Some(s) = &self.states[i] {
                s.insert(w.conn())?;
            }
        }
        Ok(self.ids.into_iter().flatten().collect())
    }
}
