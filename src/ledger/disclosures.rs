//! Uses of `--show-pii`: who saw complainants' personal data unmasked,
//! when, by which command, on which cases (PIPL asks that access be
//! traceable). Kept in this file only: not events, never exported, not
//! rebuilt — a record of who looked stays where the looking happened.

use rusqlite::params;

use super::error::Result;
use super::{Ledger, Stamp};

/// One use of `--show-pii`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Disclosure {
    pub at: String,
    pub user: String,
    /// The command line as typed (after `ledger`), cut to 200 characters.
    pub command: String,
    /// The cases whose data were shown.
    pub cases: Vec<String>,
}

impl Ledger {
    /// Records a use before the data are shown: if it cannot be recorded
    /// (a read-only file), nothing is shown.
    pub fn record_disclosure(&self, stamp: &Stamp, command: &str, cases: &[String]) -> Result<()> {
        self.conn().execute(
            "INSERT INTO disclosures (at, user, command, cases) VALUES (?1, ?2, ?3, ?4)",
            params![
                stamp.at(),
                stamp.actor,
                crate::text::clip(command, 200),
                serde_json::to_string(cases)?
            ],
        )?;
        Ok(())
    }

    /// Every recorded use, oldest first.
    pub fn disclosures(&self) -> Result<Vec<Disclosure>> {
        let mut st = self
            .conn()
            .prepare("SELECT at, user, command, cases FROM disclosures ORDER BY rowid")?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, user, command, cases) = row?;
            out.push(Disclosure {
                at,
                user,
                command,
                cases: serde_json::from_str(&cases)?,
            });
        }
        Ok(out)
    }
}
