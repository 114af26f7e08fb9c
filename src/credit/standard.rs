//! The credit scoring standard (信用信息管理办法及计分标准) as data.
//!
//! Real cities differ in the numbers, so the standard is a CSV file a
//! district can edit; `examples/credit-standard.csv` is the default. Its
//! columns are `type,code,description,points,months,dishonesty`:
//!
//! | type       | code            | description | points                | months   | dishonesty |
//! |------------|-----------------|-------------|-----------------------|----------|------------|
//! | `standard` | its name        | its title   | the base score        | —        | —          |
//! | `item`     | e.g. `WY-06`    | the item    | `+5` good, `-12` bad  | validity | `yes`: a record puts the company on the dishonesty list |
//! | `grade`    | e.g. `A`        | its label   | lowest score of the band | —     | —          |
//!
//! One `standard` row; grade bands with strictly decreasing lower bounds,
//! the last (lowest) band being the dishonesty band (失信).

use serde::{Deserialize, Serialize};

/// The default standard, built from the problem catalogue.
pub const DEFAULT_CSV: &str = include_str!("../../examples/credit-standard.csv");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub description: String,
    /// Positive for a good record, negative for a deduction.
    pub points: i64,
    /// How long a record counts.
    pub months: u32,
    /// A record of this item puts the company on the dishonesty list.
    pub dishonesty: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub code: String,
    pub label: String,
    /// The lowest score in the band.
    pub min: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub name: String,
    pub title: String,
    pub base: i64,
    pub items: Vec<Item>,
    /// Highest band first.
    pub grades: Vec<Grade>,
}

impl Standard {
    /// The standard shipped with `ledger`.
    pub fn builtin() -> Standard {
        Standard::parse_csv("examples/credit-standard.csv", DEFAULT_CSV)
            .expect("the shipped standard parses")
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.code == code)
    }

    /// The band a score falls in.
    pub fn grade(&self, score: i64) -> &Grade {
        self.grades
            .iter()
            .find(|g| score >= g.min)
            .unwrap_or_else(|| self.grades.last().expect("a standard has grades"))
    }

    /// Whether `grade` is the lowest band (the dishonesty band).
    pub fn is_lowest(&self, grade: &Grade) -> bool {
        self.grades.last() == Some(grade)
    }

    /// Reads a standard file; a bad row is refused naming its line.
    pub fn parse_csv(file: &str, text: &str) -> Result<Standard, String> {
        let text = text.trim_start_matches('\u{feff}');
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let expected = [
            "type",
            "code",
            "description",
            "points",
            "months",
            "dishonesty",
        ];
        let headers = rdr
            .headers()
            .map_err(|e| format!("{file}: {e}"))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect::<Vec<_>>();
        if headers != expected {
            return Err(format!(
                "{file}, line 1: the header should be `{}`, found `{}`",
                expected.join(","),
                headers.join(",")
            ));
        }
        let mut head: Option<(String, String, i64)> = None;
        let mut items: Vec<Item> = Vec::new();
        let mut grades: Vec<Grade> = Vec::new();
        for row in rdr.records() {
            let row = row.map_err(|e| format!("{file}: {e}"))?;
            let line = row.position().map_or(0, |p| p.line());
            let bad = |why: String| format!("{file}, line {line}: {why}");
            let get = |i: usize| row.get(i).unwrap_or("").trim().to_string();
            if row.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let code = get(1);
            if code.is_empty() {
                return Err(bad("the code is empty".into()));
            }
            let points = |what: &str| -> Result<i64, String> {
                get(3)
                    .trim_start_matches('+')
                    .parse::<i64>()
                    .map_err(|_| bad(format!("{what} '{}' is not a whole number", get(3))))
            };
            match get(0).as_str() {
                "standard" => {
                    if head.is_some() {
                        return Err(bad(
                            "a second `standard` row: a file holds one standard".into()
                        ));
                    }
                    head = Some((code, get(2), points("the base score")?));
                }
                "item" => {
                    let p = points("points")?;
                    if p == 0 || p.abs() > 100 {
                        return Err(bad(format!(
                            "points {p}: give a good record as +1..+100 and a deduction as -1..-100"
                        )));
                    }
                    let months = get(4).parse::<u32>().ok().filter(|m| (1..=120).contains(m));
                    let Some(months) = months else {
                        return Err(bad(format!(
                            "months '{}' is not a validity of 1 to 120 months",
                            get(4)
                        )));
                    };
                    let dishonesty = match get(5).to_ascii_lowercase().as_str() {
                        "yes" | "y" | "true" | "是" => true,
                        "no" | "n" | "false" | "否" | "" => false,
                        other => {
                            return Err(bad(format!("dishonesty '{other}': write yes or no")));
                        }
                    };
                    if items.iter().any(|i| i.code == code) {
                        return Err(bad(format!("item {code} is defined twice")));
                    }
                    items.push(Item {
                        code,
                        description: get(2),
                        points: p,
                        months,
                        dishonesty,
                    });
                }
                "grade" => {
                    let min = points("the band's lowest score")?;
                    if let Some(prev) = grades.last()
                        && min >= prev.min
                    {
                        return Err(bad(format!(
                            "grade {code} starts at {min}, not below grade {} ({}): list bands from highest to lowest",
                            prev.code, prev.min
                        )));
                    }
                    grades.push(Grade {
                        code,
                        label: get(2),
                        min,
                    });
                }
                other => {
                    return Err(bad(format!(
                        "type '{other}' is not one of standard, item, grade"
                    )));
                }
            }
        }
        let Some((name, title, base)) = head else {
            return Err(format!("{file}: no `standard` row (name and base score)"));
        };
        if items.is_empty() {
            return Err(format!("{file}: no `item` rows"));
        }
        if !(2..=8).contains(&grades.len()) {
            return Err(format!(
                "{file}: {} grade bands; a standard has 2 to 8 (typically 4 or 5)",
                grades.len()
            ));
        }
        Ok(Standard {
            name,
            title,
            base,
            items,
            grades,
        })
    }

    /// The rules `parse_csv` enforces, on a standard that arrived as an
    /// event (a file from elsewhere may carry any JSON).
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("the standard has no name".into());
        }
        if !(0..=1000).contains(&self.base) {
            return Err(format!("base score {} is outside 0..1000", self.base));
        }
        if self.items.is_empty() {
            return Err("the standard has no items".into());
        }
        for (n, i) in self.items.iter().enumerate() {
            if i.code.trim().is_empty()
                || i.points == 0
                || i.points.abs() > 100
                || !(1..=120).contains(&i.months)
            {
                return Err(format!(
                    "item {}: points must be ±1..100 and months 1..120",
                    i.code
                ));
            }
            if self.items[..n].iter().any(|j| j.code == i.code) {
                return Err(format!("item {} is defined twice", i.code));
            }
        }
        if !(2..=8).contains(&self.grades.len()) {
            return Err(format!(
                "{} grade bands: a standard has 2 to 8",
                self.grades.len()
            ));
        }
        if self.grades.windows(2).any(|w| w[1].min >= w[0].min) {
            return Err("grade bands must go from highest to lowest".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_standard_covers_every_property_company_problem() {
        let s = Standard::builtin();
        assert_eq!(s.base, 100);
        for n in 1..=16 {
            let code = format!("WY-{n:02}");
            let item = s.item(&code).unwrap_or_else(|| panic!("{code}"));
            assert!(item.points < 0 && item.months == 12, "{code}");
        }
        assert!(s.items.iter().any(|i| i.points > 0));
        assert_eq!(s.grades.len(), 4);
    }

    #[test]
    fn grade_boundaries_are_inclusive_lower_bounds() {
        let s = Standard::builtin();
        assert_eq!(s.grade(95).code, "A");
        assert_eq!(s.grade(94).code, "B");
        assert_eq!(s.grade(85).code, "B");
        assert_eq!(s.grade(84).code, "C");
        assert_eq!(s.grade(70).code, "C");
        assert_eq!(s.grade(69).code, "D");
        assert_eq!(s.grade(-20).code, "D");
        assert!(s.is_lowest(s.grade(10)));
        assert!(!s.is_lowest(s.grade(70)));
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line() {
        let text = "type,code,description,points,months,dishonesty\n\
                    standard,X,t,100,,\n\
                    item,A,a,-5,12,no\n\
                    item,B,b,five,12,no\n";
        let e = Standard::parse_csv("s.csv", text).unwrap_err();
        assert!(e.starts_with("s.csv, line 4:") && e.contains("five"), "{e}");
        let text = "type,code,description,points,months,dishonesty\n\
                    standard,X,t,100,,\n\
                    item,A,a,-5,12,no\n\
                    grade,A,a,90,,\n\
                    grade,B,b,95,,\n";
        let e = Standard::parse_csv("s.csv", text).unwrap_err();
        assert!(e.starts_with("s.csv, line 5:"), "{e}");
        let e = Standard::parse_csv("s.csv", "code,points\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
    }
}
