//! Personal data (个人信息): the one rule for showing a complainant's name
//! and phone, masked unless the user asks for them (`--show-pii`), wherever
//! a case or an event is shown.

/// A complainant's personal data, which every output masks unless the user
/// asks for it (`--show-pii`): the one rule for cases, events and their JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Personal {
    Name,
    Phone,
}

impl Personal {
    /// The personal datum a case or event field holds, by its key.
    pub fn of_field(key: &str) -> Option<Personal> {
        match key {
            "complainant" => Some(Personal::Name),
            "phone" => Some(Personal::Phone),
            _ => None,
        }
    }

    /// The value as shown: as given when `show`, masked otherwise.
    pub fn shown(self, value: &str, show: bool) -> String {
        match (show, self) {
            (true, _) => value.to_string(),
            (false, Personal::Name) => mask_name(value),
            (false, Personal::Phone) => mask_phone(value),
        }
    }
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
}
