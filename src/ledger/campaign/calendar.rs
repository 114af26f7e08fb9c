//! The campaign's calendar (四、工作步骤): four phases with their dates,
//! and the day each office's ledger must reach the district.
//!
//! Usually set at the district, whose events flow to every office (merge
//! rule 8 lets a district's events through). Whose calendar counts: the
//! district's, for each phase and for the due date; where the district set
//! nothing, the ledger's own (an office working before its district has
//! set the calendar). An office's calendar events reach the district but
//! count nothing there: only the district speaks for the district. The
//! last event for a phase (in replay order) gives its dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use super::error::Refused;
use crate::domain::Phase;
use crate::ledger::Writer;
use crate::ledger::error::Result;
use crate::ledger::event::{CampaignDue, CampaignPhase, Event, EventRecord};

/// One phase's dates, both days included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub phase: Phase,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    pub fn holds(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Days left in the phase after `day` (0 on its last day).
    pub fn days_left(&self, day: NaiveDate) -> i64 {
        (self.to - day).num_days().max(0)
    }
}

/// The calendar in force in this ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Calendar {
    /// The phases set, in the plan's order.
    pub phases: Vec<Span>,
    pub ledger_due: Option<NaiveDate>,
    /// The day the district first merged each office's file (the
    /// district's own record, table `arrivals`).
    pub arrivals: BTreeMap<String, NaiveDate>,
}

/// What one source (the district, or the ledger itself) set.
#[derive(Default)]
struct Set {
    phases: BTreeMap<Phase, Span>,
    due: Option<NaiveDate>,
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl Calendar {
    /// Folds the calendar events this ledger counts (see the module).
    pub fn load(conn: &Connection, own: &str) -> Result<Calendar> {
        let districts: Vec<String> = conn
            .prepare("SELECT code FROM offices WHERE district = 1")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let (mut district, mut mine) = (Set::default(), Set::default());
        let arrivals = conn
            .prepare("SELECT office, first_merged FROM arrivals")?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.map(|(o, d)| day(&d).map(|d| (o, d))).transpose())
            .collect::<rusqlite::Result<_>>()?;
        let mut st = conn.prepare(&format!(
            "SELECT {} FROM events WHERE case_id IS NULL AND kind LIKE 'campaign.%'
             ORDER BY clock, origin, seq",
            EventRecord::COLUMNS
        ))?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            let rec = EventRecord::from_row(row)?;
            let set = if districts.contains(&rec.origin) {
                &mut district
            } else if rec.origin == own {
                &mut mine
            } else {
                continue;
            };
            match rec.event()? {
                Event::CampaignPhase(p) => {
                    if let (Some(from), Some(to)) = (day(&p.from), day(&p.to)) {
                        let span = Span {
                            phase: p.phase,
                            from,
                            to,
                        };
                        set.phases.insert(p.phase, span);
                    }
                }
                Event::CampaignDue(d) => set.due = day(&d.date).or(set.due),
                _ => {}
            }
        }
        for (p, s) in mine.phases {
            district.phases.entry(p).or_insert(s);
        }
        Ok(Calendar {
            phases: district.phases.into_values().collect(),
            ledger_due: district.due.or(mine.due),
            arrivals,
        })
    }

    /// The phase `day` falls in, if any.
    pub fn phase_on(&self, day: NaiveDate) -> Option<&Span> {
        self.phases.iter().find(|s| s.holds(day))
    }

    pub fn phase(&self, p: Phase) -> Option<&Span> {
        self.phases.iter().find(|s| s.phase == p)
    }

    /// The day the campaign began (the deploy phase's first day): cases
    /// received before it are the backlog.
    pub fn start(&self) -> Option<NaiveDate> {
        self.phase(Phase::Deploy).map(|s| s.from)
    }
}

/// Sets a phase's dates, refusing dates that run backwards or overlap
/// another phase in force.
pub fn set_phase(
    w: &mut Writer,
    cal: &Calendar,
    phase: Phase,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<()> {
    if from > to {
        return Err(Refused::FromAfterTo {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    if let Some(other) = cal
        .phases
        .iter()
        .find(|s| s.phase != phase && s.from <= to && from <= s.to)
    {
        return Err(Refused::Overlaps {
            phase,
            other: other.phase,
        }
        .into());
    }
    w.append(
        None,
        Event::CampaignPhase(CampaignPhase {
            phase,
            from: from.to_string(),
            to: to.to_string(),
        }),
    )?;
    Ok(())
}

/// At a district: records `today` as the day each office's ledger
/// reached it, for every office whose events it now holds and whose day
/// it has not recorded. Not an event: when a file arrived is a fact of the
/// receiving file, not of the ledger's history, and an event made at merge
/// time would make the district's log depend on the order files came in.
pub fn record_arrivals(conn: &Connection, today: &str) -> Result<usize> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO arrivals (office, first_merged)
         SELECT code, ?1 FROM offices o WHERE district = 0
         AND EXISTS (SELECT 1 FROM events e WHERE e.origin = o.code)",
        [today],
    )?)
}

/// Sets the day each office's ledger must reach the district.
pub fn set_due(w: &mut Writer, date: NaiveDate) -> Result<()> {
    w.append(
        None,
        Event::CampaignDue(CampaignDue {
            date: date.to_string(),
        }),
    )?;
    Ok(())
}
