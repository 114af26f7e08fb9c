//! The patrol record of a case (三联单): who found the violation and
//! when, the dissuasion, to whom it was reported; a `case.patrol` event
//! beside the case's `case.add`, read back by the forms. Replay applies it
//! as it does any event on a case (`case::apply`): it moves `updated_at`
//! and changes nothing else of the case's row.

use rusqlite::{Connection, OptionalExtension};

use super::error::Refused;
use crate::domain::Source;
use crate::ledger::error::Result;
use crate::ledger::event::{CasePatrol, Event, EventRecord};
use crate::ledger::{CaseState, Writer};

impl CasePatrol {
    /// Whether it records nothing.
    pub fn is_empty(&self) -> bool {
        self.found_by.is_none()
            && self.found_at.is_none()
            && self.dissuasion.is_none()
            && self.reported_to.is_none()
    }
}

/// Records the patrol of a case just registered; refused unless the case
/// came from a patrol.
pub fn record(w: &mut Writer, id: &str, p: CasePatrol) -> Result<()> {
    if p.is_empty() {
        return Ok(());
    }
    let case = CaseState::get(w.conn(), id)?
        .ok_or_else(|| crate::ledger::Refusal::NoSuchCase(id.to_string()))?;
    if case.source != Source::Patrol {
        return Err(Refused::PatrolOnly.into());
    }
    let trim = |t: Option<String>| t.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let p = CasePatrol {
        found_by: trim(p.found_by),
        found_at: p.found_at,
        dissuasion: trim(p.dissuasion),
        reported_to: trim(p.reported_to),
    };
    w.append_case(&case.id, Event::CasePatrol(p))?;
    Ok(())
}

/// The case's patrol record (the last, if several), if any.
pub fn of(conn: &Connection, id: &str) -> Result<Option<CasePatrol>> {
    let rec = conn
        .query_row(
            &format!(
                "SELECT {} FROM events WHERE case_id = ?1 AND kind = 'case.patrol'
                 ORDER BY clock DESC, origin DESC, seq DESC LIMIT 1",
                EventRecord::COLUMNS
            ),
            [id],
            EventRecord::from_row,
        )
        .optional()?;
    Ok(match rec.map(|r| r.event()).transpose()? {
        Some(Event::CasePatrol(p)) => Some(p),
        _ => None,
    })
}

/// What the patrol forms are filled from: the case, its patrol record,
/// its community as registered, and the names of its office and unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormData {
    pub case: CaseState,
    pub patrol: Option<CasePatrol>,
    /// The canonical community name (the text as typed when unregistered).
    pub community: String,
    /// The managing company: the case's party, else the community's.
    pub company: Option<String>,
    pub office_name: String,
    /// The unit the case was forwarded to, by name.
    pub unit_name: Option<String>,
}

impl crate::ledger::Ledger {
    /// The forms' data for case `id`.
    pub fn form_data(&self, id: &str) -> Result<FormData> {
        let case = self
            .case(id)?
            .ok_or_else(|| crate::ledger::Refusal::NoSuchCase(id.to_string()))?;
        let names = self.communities()?;
        let registered = names.find(&case.office, &case.community);
        let community = registered.map_or_else(|| case.community.clone(), |c| c.name.clone());
        let company = case
            .party
            .clone()
            .or_else(|| registered.and_then(|c| c.company.clone()));
        let office_name = self
            .conn()
            .query_row(
                "SELECT name FROM offices WHERE code = ?1",
                [&case.office],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| case.office.clone());
        let unit_name = match &case.unit {
            Some(u) => crate::ledger::query::find_unit(self.conn(), u)?.map(|u| u.name),
            None => None,
        };
        Ok(FormData {
            patrol: of(self.conn(), &case.id)?,
            case,
            community,
            company,
            office_name,
            unit_name,
        })
    }
}
