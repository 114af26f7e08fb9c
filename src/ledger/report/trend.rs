//! The report's trend: new and closed cases per week or month.

use fnv::FnvHashMap;

use super::PeriodRow;
use crate::ledger::flags::period::Trend;

/// New and closed cases per period met, by the period's ordering key.
pub(super) struct TrendCounts {
    trend: Trend,
    counts: FnvHashMap<i64, (i64, i64)>,
}

impl TrendCounts {
    pub(super) fn new(trend: Trend) -> TrendCounts {
        TrendCounts {
            trend,
            counts: FnvHashMap::default(),
        }
    }

    /// A case received on `received` (a date) and closed on `closed` (the
    /// local date of its closing, if closed).
    pub(super) fn count(&mut self, received: &[u8], closed: Option<&[u8]>) {
        if let Some(k) = self.trend.key(received) {
            self.counts.entry(k).or_default().0 += 1;
        }
        if let Some(k) = closed.and_then(|c| self.trend.key(c)) {
            self.counts.entry(k).or_default().1 += 1;
        }
    }

    /// Every period from the first to the last met, the empty ones too.
    pub(super) fn into_rows(self) -> Vec<PeriodRow> {
        let t = self.trend;
        let (Some(&first), Some(&last)) = (self.counts.keys().min(), self.counts.keys().max())
        else {
            return Vec::new();
        };
        let mut periods = Vec::new();
        let mut k = first;
        while k <= last {
            let (new, closed) = self.counts.get(&k).copied().unwrap_or_default();
            periods.push(PeriodRow {
                period: t.label(k),
                new,
                closed,
            });
            k = t.next(k);
        }
        periods
    }
}
