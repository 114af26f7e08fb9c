//! The residential community a row names in its text, for rows whose file
//! has no community column (the message board's do not): read back from a
//! name's ending to the place name or punctuation before it.
//!
//! # The rule
//!
//! 1. In the title, the *strong* endings in this order: 小区 花园 家园 新村
//!    山庄 公寓; the first that yields a name wins.
//! 2. Else, in the title, the *weaker* endings: 社区 苑 园 城 府 湾 郡 庭
//!    广场 大厦 公馆 壹号 国际 中心 新城; of every name they yield, the
//!    longest (`碧桂园威尼斯城`, not `碧桂园`).
//! 3. Else steps 1 and 2 on each of the first three sentences of the body
//!    (split at 。！？； and line breaks), in order.
//!
//! A name is read back from its ending over at most ten characters, to a
//! stop: a place word (区 县 市 镇 乡 村 路 街 道 巷 号 省), punctuation or
//! a function word (在 的 和 与 及 对 把 被 将). A leading verb (投诉,
//! 反映, 我是, 位于 …) is dropped; what is left must be 2–10 characters
//! and not start with a digit or a Latin letter. It is **not** a name when
//! it holds a word no estate is called by ([`NOT_NAMES`]: 物业 公司 开发商
//! 业主 政府 问题 附近 导致 了 …), ends as other places do ([`NOT_ENDS`]:
//! 公园 幼儿园 县城 …), or when the text goes on with
//! what makes it a company or a neighbour after a weak ending
//! ([`NOT_AFTER`]: `长城物业`, `丽发新城附近`; `阳光小区物业` is 阳光小区). Better no community than a wrong one: the row keeps
//! the placeholder `(未注明)` for a clerk (`list --no-community`).
//!
//! On the 813 property rows of the public message-board data (PRODUCT.md
//! §9) the placeholder goes from 525 rows to under 200 (see the intake
//! tests).

/// Characters that end a name read backwards from its ending.
const STOPS: &str =
    "区县市镇乡村路街道巷号省在的和与及对把被将、，。！？：:；;（）()“”\"'《》[]【】 \t\n";
/// Endings that mark an estate, most specific first (step 1).
const STRONG: &[&str] = &["小区", "花园", "家园", "新村", "山庄", "公寓"];
/// Endings estates often have, but other places too (step 2).
const WEAK: &[&str] = &[
    "社区", "苑", "园", "城", "府", "湾", "郡", "庭", "广场", "大厦", "公馆", "壹号", "国际",
    "中心", "新城",
];
/// Words that open a title or sentence and are no part of a name.
const LEADING: &[&str] = &[
    "投诉",
    "反映",
    "举报",
    "关于",
    "咨询",
    "建议",
    "请问",
    "求助",
    "请",
    "希望",
    "位于",
    "家住",
    "住在",
    "购买",
    "我是",
    "我们是",
    "本人是",
    "占用",
];
/// Words no estate's name holds: a name with one is a phrase.
pub const NOT_NAMES: &[&str] = &[
    "物业",
    "公司",
    "开发商",
    "业主",
    "政府",
    "街道",
    "问题",
    "投诉",
    "反映",
    "部门",
    "学校",
    "医院",
    "管理",
    "单位",
    "城管",
    "领导",
    "书记",
    "建设",
    "工地",
    "地铁",
    "车位",
    "停车",
    "垃圾",
    "违建",
    "施工",
    "质量",
    "房屋",
    "楼盘",
    "住户",
    "居民",
    "附近",
    "大型",
    "入读",
    "托管",
    "补习",
    "保障房",
    "一期",
    "二期",
    "三期",
    "意味",
    "周边",
    "旁边",
    "对面",
    "这个",
    "那个",
    "我们",
    "本",
    "该",
    "整个",
    "所有",
    "多个",
    "几个",
    "一个",
    "很多",
    "业委会",
    "服务",
    "城市",
    "城际",
    "了",
    "未经",
    "只顾",
    "垄断",
    "联合",
    "游客",
    "导致",
    "造成",
    "户口",
    "迁",
    "收取",
    "住着",
    "部分",
    "钱",
    "但是",
    "所以",
    "因为",
    "而且",
    "如果",
];
/// Endings of places that are not estates: a name ending so is not one.
pub const NOT_ENDS: &[&str] = &[
    "公园",
    "幼儿园",
    "菜园",
    "校园",
    "游园",
    "乐园",
    "动物园",
    "产业园",
    "工业园",
    "科技园",
    "庄园",
    "城区",
    "老城",
    "县城",
    "省城",
    "商城",
    "汽车城",
    "新区",
    "中心城",
];
/// What follows a company's or a neighbour's name, not an estate's.
pub const NOT_AFTER: &[&str] = &[
    "物业",
    "公司",
    "集团",
    "置业",
    "地产",
    "开发",
    "街道",
    "派出所",
    "学校",
    "小学",
    "中学",
    "医院",
    "管委会",
    "办事处",
    "附近",
    "旁",
    "周边",
    "对面",
];

/// The names `ending` closes in `text`, each as read back (rule above).
/// `strong`: an estate's own ending, which a company's name may follow
/// (`阳光小区物业`); after a weak one it is the company (`长城物业`).
fn names<'a>(text: &'a str, ending: &'a str, strong: bool) -> impl Iterator<Item = String> + 'a {
    text.match_indices(ending).filter_map(move |(at, _)| {
        let before: Vec<char> = text[..at].chars().collect();
        let mut start = before.len();
        while start > 0 && !STOPS.contains(before[start - 1]) && before.len() - start <= 10 {
            start -= 1;
        }
        if before.len() - start > 10 {
            return None;
        }
        let mut name: String = before[start..].iter().collect();
        for verb in LEADING {
            if let Some(rest) = name.strip_prefix(verb) {
                name = rest.to_string();
            }
        }
        let after = &text[at + ending.len()..];
        let full = format!("{name}{ending}");
        let sensible = (2..=10).contains(&name.chars().count())
            && !name.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !NOT_NAMES.iter().any(|w| full.contains(w))
            && !NOT_ENDS.iter().any(|w| full.ends_with(w))
            && (strong || !NOT_AFTER.iter().any(|w| after.starts_with(w)));
        sensible.then_some(full)
    })
}

/// Steps 1 and 2 on one text.
fn in_text(text: &str) -> Option<String> {
    STRONG
        .iter()
        .find_map(|e| names(text, e, true).next())
        .or_else(|| {
            WEAK.iter()
                .flat_map(|e| names(text, e, false))
                .max_by_key(|n| n.chars().count())
        })
}

/// The community a row names: its title first, then the first three
/// sentences of its body (module rule).
pub fn named(title: &str, body: &str) -> Option<String> {
    in_text(title).or_else(|| {
        body.split(['。', '！', '？', '；', '\n'])
            .take(3)
            .find_map(in_text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_sensible_name_is_found() {
        let n = |t: &str| named(t, "");
        assert_eq!(
            n("A市A3区中海国际社区三期与四期中间空地").as_deref(),
            Some("中海国际社区")
        );
        assert_eq!(
            n("A7县碧桂园威尼斯城大范围的违建").as_deref(),
            Some("碧桂园威尼斯城")
        );
        assert_eq!(
            n("反映A2区云峰路水墨林溪苑二期电梯").as_deref(),
            Some("水墨林溪苑")
        );
        assert_eq!(
            n("A市中海梅溪湖壹号业主私搭乱建").as_deref(),
            Some("中海梅溪湖壹号")
        );
        // The strong endings first, as before this rule had the weak ones.
        assert_eq!(
            n("A3区梅溪湖看云路一师润芳园小区临街门面油烟扰民").as_deref(),
            Some("一师润芳园小区")
        );
        assert_eq!(
            n("A市麓谷保利小区频繁停水").as_deref(),
            Some("麓谷保利小区")
        );
        assert_eq!(n("投诉阳光小区物业").as_deref(), Some("阳光小区"));
        assert_eq!(
            n("A市阳光花园违建使天花板漏水").as_deref(),
            Some("阳光花园")
        );
        assert_eq!(
            n("A3区公园里小区原物业不交接").as_deref(),
            Some("公园里小区")
        );
        assert_eq!(n("小区停水"), None);
        assert_eq!(n("A4区华章路路灯光源污染严重影响新领地小区居民"), None);
        // A company, a neighbour, a phrase: no name.
        assert_eq!(n("投诉A7县泉塘长城物业公司拒绝退费"), None);
        assert_eq!(n("投诉A2区丽发新城附近建搅拌站"), None);
        assert_eq!(n("A市物业公司进入企业老旧职工小区"), None);
        assert_eq!(n("A2区港子河公园及周边绿化带"), None);
    }

    #[test]
    fn the_body_is_read_when_the_title_names_none() {
        assert_eq!(
            named("车位价格合理吗", "我是金科天悦的住户。我是星城小区业主").as_deref(),
            Some("星城小区")
        );
        assert_eq!(
            named("停水三天", "你好。A市融圣国际小区现在停水").as_deref(),
            Some("融圣国际小区")
        );
        assert_eq!(named("停水三天", "一。二。三。四是阳光小区"), None);
    }
}
