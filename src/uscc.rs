//! The unified social credit code (统一社会信用代码, GB 32100-2015).
//!
//! 18 characters from the set `0-9 A-H J-N P-R T U W-Y` (no I, O, Z, S, V):
//!
//! | positions | meaning                                   | checked here |
//! |-----------|-------------------------------------------|--------------|
//! | 1         | registration authority (1, 5, 9, Y…)      | in the set   |
//! | 2         | kind of organisation                      | in the set   |
//! | 3–8       | administrative division code              | digits       |
//! | 9–17      | organisation code (GB 11714)              | in the set, its own check at 17 |
//! | 18        | check character over 1–17 (weights 3^i mod 31) | yes     |

use std::fmt;
use std::str::FromStr;

use crate::invalid::{Expected, Invalid, UsccFault};

const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// GB 11714 weights for the 8 body characters of the organisation code.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A checked unified social credit code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Uscc(String);

impl Uscc {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn value(c: char) -> Option<u32> {
    CHARSET.find(c).map(|i| i as u32)
}

/// The check character (position 18) for the first 17.
pub fn check_char(first17: &[char]) -> Option<char> {
    let mut sum = 0;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let v = (31 - sum % 31) % 31;
    CHARSET.chars().nth(v as usize)
}

/// The GB 11714 check character (position 17) for positions 9–16.
fn org_check_char(body: &[char]) -> Option<char> {
    let mut sum = 0;
    for (c, w) in body.iter().zip(ORG_WEIGHTS) {
        // GB 11714 reads letters as 10..35 (A=10), digits as themselves.
        let v = c.to_digit(36)?;
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    })
}

impl FromStr for Uscc {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let bad = |f| Invalid::new(s, Expected::Uscc(f));
        let t: String = s.trim().to_ascii_uppercase();
        let chars: Vec<char> = t.chars().collect();
        if chars.len() != 18 {
            return Err(bad(UsccFault::Length(chars.len())));
        }
        for (i, c) in chars.iter().enumerate() {
            if value(*c).is_none() {
                return Err(bad(UsccFault::Char {
                    position: i + 1,
                    char: *c,
                }));
            }
        }
        if let Some(i) = (2..8).find(|i| !chars[*i].is_ascii_digit()) {
            return Err(bad(UsccFault::Division {
                position: i + 1,
                char: chars[i],
            }));
        }
        let org = org_check_char(&chars[8..16]);
        if org != Some(chars[16]) {
            return Err(bad(UsccFault::OrgCheck {
                found: chars[16],
                expected: org.unwrap_or('?'),
            }));
        }
        let check = check_char(&chars[..17]);
        if check != Some(chars[17]) {
            return Err(bad(UsccFault::Check {
                found: chars[17],
                expected: check.unwrap_or('?'),
            }));
        }
        Ok(Uscc(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes of well-known companies, as published on their business
    /// licences: they must pass both checks.
    const REAL: &[&str] = &[
        "914403001922038216", // 华为技术有限公司
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91330100799655058B", // 阿里巴巴(中国)有限公司
    ];

    #[test]
    fn real_codes_are_valid() {
        for code in REAL {
            assert!(
                code.parse::<Uscc>().is_ok(),
                "{code}: {:?}",
                code.parse::<Uscc>()
            );
        }
        assert_eq!(
            "91440300708461136t".parse::<Uscc>().unwrap().as_str(),
            "91440300708461136T"
        );
    }

    #[test]
    fn each_kind_of_error_names_its_position() {
        let fault = |s: &str| match s.parse::<Uscc>().unwrap_err().expected {
            Expected::Uscc(f) => f,
            e => panic!("{e:?}"),
        };
        assert_eq!(fault("9144030070846113"), UsccFault::Length(16));
        assert!(matches!(
            fault("9I440300708461136T"),
            UsccFault::Char { position: 2, .. }
        ));
        assert!(matches!(
            fault("9144A300708461136T"),
            UsccFault::Division { position: 5, .. }
        ));
        assert!(matches!(
            fault("914403007084611360"),
            UsccFault::Check { expected: 'T', .. }
        ));
        assert!(matches!(
            fault("91440300708461137T"),
            UsccFault::OrgCheck { .. }
        ));
    }
}
