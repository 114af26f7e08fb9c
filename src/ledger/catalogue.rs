//! The catalogue every ledger starts with, readable without a ledger file:
//! a newcomer browses the problem codes and units before `init`, and shell
//! completion offers them.

use rusqlite::Connection;

use super::query::{Problem, Unit};
use super::{Ledger, OfficeInfo, Result};

/// The problem types and units of the action plan.
#[derive(Clone, Debug)]
pub struct Catalogue {
    pub problems: Vec<Problem>,
    pub units: Vec<Unit>,
}

/// The built-in catalogue, read from `schema.sql` itself (the rows every
/// new file gets) in an in-memory database, so it cannot drift from what
/// `init` writes and is listed in the same order as a ledger lists its own.
pub fn builtin() -> Result<Catalogue> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(include_str!("../../schema.sql"))?;
    // A ledger in name only, to reuse its queries; it never leaves here.
    let scratch = Ledger {
        conn,
        office: OfficeInfo {
            code: String::new(),
            name: String::new(),
            district: false,
        },
    };
    Ok(Catalogue {
        problems: scratch.problems()?,
        units: scratch.units()?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_builtin_catalogue_is_schema_sql() {
        let c = super::builtin().unwrap();
        assert_eq!(c.problems.len(), 49);
        assert_eq!(c.problems[0].code, "WY-01");
        assert!(c.units.iter().all(|u| u.builtin));
        assert!(c.units.iter().any(|u| u.code == "ZJ"));
    }
}
