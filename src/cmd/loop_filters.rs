//! `list`'s filters of the units' loop (issue 15), flattened into its
//! arguments: each drills into a figure of `report`.

use crate::cmd::error::Filter;
use crate::domain::{Satisfaction, UnitRef};
use crate::ledger::Ledger;
use crate::ledger::units_loop::figures::{ExtensionFilter, WorkFilter};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExtensionArg {
    Asked,
    Approved,
    Pending,
}

/// The loop's filters of `list`.
#[derive(Debug, Clone, clap::Args)]
pub struct LoopFilters {
    /// Only supervised cases (督办).
    #[arg(long)]
    pub supervised: bool,
    /// Only cases closed as resolved and not yet called back (未回访).
    #[arg(long)]
    pub unvisited: bool,
    /// Only deferred cases past their plan's --until date.
    #[arg(long)]
    pub plan_overdue: bool,
    /// Only cases whose unit acknowledged the assignment (签收).
    #[arg(long)]
    pub acknowledged: bool,
    /// Only cases acknowledged later than one working day after assignment.
    #[arg(long)]
    pub ack_late: bool,
    /// Only cases closed after their due date or their supervision's due date.
    #[arg(long)]
    pub closed_late: bool,
    /// Only cases called back (回访) since their close.
    #[arg(long)]
    pub visited: bool,
    /// Only call-backs with these satisfactions (comma-separated): satisfied, basic, dissatisfied.
    #[arg(long, value_delimiter = ',', value_parser = crate::cmd::offered::satisfactions(), hide_possible_values = true)]
    pub satisfaction: Vec<Satisfaction>,
    /// Only cases a unit returned (退回).
    #[arg(long)]
    pub returned: bool,
    /// Only cases this unit returned (code or name).
    #[arg(long, value_name = "UNIT", value_parser = crate::cmd::offered::units(), hide_possible_values = true)]
    pub returned_by: Option<UnitRef>,
    /// Only cases with an extension asked, approved, or asked and waiting (pending).
    #[arg(long, value_enum)]
    pub extension: Option<ExtensionArg>,
}

impl LoopFilters {
    /// The filters, the unit looked up.
    pub fn filter(&self, ledger: &Ledger) -> Result<WorkFilter, Filter> {
        let returned_by = match &self.returned_by {
            None => None,
            Some(u) => match ledger.unit(&u.0)? {
                Some(u) => Some(u.code),
                None => return Err(Filter::UnknownUnit(u.0.clone())),
            },
        };
        Ok(WorkFilter {
            supervised: self.supervised,
            unvisited: self.unvisited,
            plan_overdue: self.plan_overdue,
            acknowledged: self.acknowledged,
            ack_late: self.ack_late,
            closed_late: self.closed_late,
            visited: self.visited,
            satisfaction: self.satisfaction.clone(),
            returned: self.returned,
            returned_by,
            extension: self.extension.map(|e| match e {
                ExtensionArg::Asked => ExtensionFilter::Asked,
                ExtensionArg::Approved => ExtensionFilter::Approved,
                ExtensionArg::Pending => ExtensionFilter::Pending,
            }),
        })
    }
}
