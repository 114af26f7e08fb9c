//! Personal data (个人信息): the one rule for showing a complainant's name,
//! phone and address, and phone numbers written into free text, masked
//! unless the user asks for them (`--show-pii`), wherever a case or an
//! event is shown.
//!
//! | datum | shown as |
//! |-------|----------|
//! | name | first character, then `*` per character: `张*` |
//! | phone field | first 3 and last 4 digits: `138****5678` |
//! | address | up to the building (`…3号楼`, `…5栋`, `…2幢`, `…A座`), else up to the first digit, then `****`; an address without a number (a gate, a square) as it is |
//! | free text (summary, details, plan, resolution, notes) | a mobile number (11 digits from `1[3-9]`) or a number with an area code (`0` + 9–11 digits, a `-` after the area code allowed) masked as a phone field, where digits do not run on either side |

/// A complainant's personal data, which every output masks unless the user
/// asks for it (`--show-pii`): the one rule for cases, events and their JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Personal {
    Name,
    Phone,
    Address,
}

impl Personal {
    /// The personal datum a case or event field holds, by its key.
    pub fn of_field(key: &str) -> Option<Personal> {
        match key {
            "complainant" => Some(Personal::Name),
            "phone" => Some(Personal::Phone),
            "address" => Some(Personal::Address),
            _ => None,
        }
    }

    /// The value as shown: as given when `show`, masked otherwise.
    pub fn shown(self, value: &str, show: bool) -> String {
        match (show, self) {
            (true, _) => value.to_string(),
            (false, Personal::Name) => mask_name(value),
            (false, Personal::Phone) => mask_phone(value),
            (false, Personal::Address) => mask_address(value),
        }
    }
}

/// Free text as shown: phone numbers in it masked unless `show`.
pub fn text_shown(text: &str, show: bool) -> String {
    if show {
        text.to_string()
    } else {
        mask_phones_in(text)
    }
}

/// Masks an address below the building: `幸福里小区3号楼2单元301室` →
/// `幸福里小区3号楼****`. Numbers are read left to right; those marked as
/// a street number or a building (号, 号院, 弄, 号楼, 栋, 幢, 座) are kept,
/// and the first other number (a unit, floor or room) starts the mask.
fn mask_address(address: &str) -> String {
    const BUILDING: [&str; 7] = ["号楼", "号院", "号", "弄", "栋", "幢", "座"];
    let chars: Vec<char> = address.trim().chars().collect();
    let numeral = |c: char| c.is_ascii_alphanumeric() || "一二三四五六七八九十零〇".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if !numeral(chars[i]) || (chars[i].is_ascii_alphabetic() && !is_block_letter(&chars, i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && numeral(chars[j]) {
            j += 1;
        }
        let rest: String = chars[j..chars.len().min(j + 2)].iter().collect();
        match BUILDING.iter().find(|m| rest.starts_with(**m)) {
            Some(m) => i = j + m.chars().count(),
            None => {
                let mut s: String = chars[..i].iter().collect();
                s.push_str("****");
                return s;
            }
        }
    }
    chars.iter().collect()
}

/// Whether the letter at `i` numbers a block (`B座`, `A3栋`) rather than
/// being part of a name (`CBD花园`).
fn is_block_letter(chars: &[char], i: usize) -> bool {
    let before_ok = i == 0 || !chars[i - 1].is_ascii_alphabetic();
    let next = chars.get(i + 1).copied();
    before_ok && next.is_some_and(|n| n.is_ascii_digit() || "座栋幢号".contains(n))
}

/// Masks the phone numbers written in a text (see the table above).
fn mask_phones_in(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if !before_digit && let Some(len) = phone_at(&chars[i..]) {
            let number: String = chars[i..i + len].iter().collect();
            out.push_str(&mask_phone(&number));
            i += len;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The length of the phone number `s` starts with, if it does.
fn phone_at(s: &[char]) -> Option<usize> {
    let run = |from: usize| s[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = run(0);
    if first == 11 && s[0] == '1' && ('3'..='9').contains(&s[1]) {
        return Some(11);
    }
    if s.first() != Some(&'0') {
        return None;
    }
    if (10..=12).contains(&first) {
        return Some(first);
    }
    // 010-12345678, 0571-8765432: an area code, a dash, a local number.
    if (3..=4).contains(&first) && s.get(first) == Some(&'-') {
        let local = run(first + 1);
        if (7..=8).contains(&local) {
            return Some(first + 1 + local);
        }
    }
    None
}

/// Masks a person's name for display: `张三` → `张*`.
fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let rest = chars.count().max(1);
            format!("{first}{}", "*".repeat(rest))
        }
    }
}

/// Masks a phone number for display: `13812345678` → `138****5678`.
fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.trim().chars().collect();
    let n = chars.len();
    if n >= 8 {
        let keep_tail = 4;
        let keep_head = 3.min(n - keep_tail - 1);
        let mut s: String = chars[..keep_head].iter().collect();
        s.push_str(&"*".repeat(n - keep_head - keep_tail));
        s.extend(&chars[n - keep_tail..]);
        s
    } else if n > 2 {
        let mut s = "*".repeat(n - 2);
        s.extend(&chars[n - 2..]);
        s
    } else {
        "*".repeat(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_masked() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧***");
        assert_eq!(mask_name("李"), "李*");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("5678"), "**78");
        assert_eq!(Personal::Phone.shown("13812345678", true), "13812345678");
        assert_eq!(Personal::of_field("complainant"), Some(Personal::Name));
    }

    #[test]
    fn an_address_is_masked_below_the_building() {
        assert_eq!(
            mask_address("幸福里小区3号楼2单元301室"),
            "幸福里小区3号楼****"
        );
        assert_eq!(mask_address("阳光花园12栋1802"), "阳光花园12栋****");
        assert_eq!(mask_address("和平里B座1201"), "和平里B座****");
        assert_eq!(
            mask_address("南湖小区二十三幢东单元1201"),
            "南湖小区二十三幢东单元****"
        );
        assert_eq!(mask_address("幸福里301室"), "幸福里****");
        assert_eq!(mask_address("幸福里小区东门"), "幸福里小区东门");
        assert_eq!(mask_address("幸福里小区3号楼"), "幸福里小区3号楼");
        assert_eq!(mask_address("幸福路1号"), "幸福路1号");
        assert_eq!(mask_address("幸福路1号3栋502"), "幸福路1号3栋****");
        assert_eq!(mask_address("CBD花园A3栋5楼"), "CBD花园A3栋****");
        assert_eq!(mask_address("金桥路88弄12号601室"), "金桥路88弄12号****");
    }

    #[test]
    fn phones_in_free_text_are_masked_and_nothing_else() {
        assert_eq!(
            mask_phones_in("联系电话：13900003333 / 13900004444"),
            "联系电话：139****3333 / 139****4444"
        );
        assert_eq!(
            mask_phones_in("座机010-12345678，或0571-8765432"),
            "座机010*****5678，或057*****5432"
        );
        let kept = "S07-2026-0001 于 2026-11-26 受理，工单 190001，金额 20261126 元，123456789012";
        assert_eq!(mask_phones_in(kept), kept);
        assert_eq!(
            mask_phones_in("电话02088889999。"),
            format!("电话{}。", mask_phone("02088889999"))
        );
    }
}
