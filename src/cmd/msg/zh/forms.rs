//! 中文：物业服务企业巡查“三联单”（实施方案 五.(二)）的表单文字。表单是
//! 报送街道办事处和职能部门的正式文书，只有中文（不随 --lang 变化）。

pub const RECORD_TITLE: &str = "住宅小区违规行为巡查、劝阻和报告处置记录表";
pub const NOTICE_TITLE: &str = "违规行为劝阻通知书";
pub const REPORT_TITLE: &str = "违规行为报告书";

pub const NUMBER: &str = "编号";
pub const COMMUNITY: &str = "小区名称";
pub const COMPANY: &str = "物业服务企业";
pub const PLACE: &str = "违规行为发生地点";
pub const FOUND_AT: &str = "发现时间";
pub const FOUND_BY: &str = "发现人(巡查人)";
pub const VIOLATION: &str = "违规行为情况";
pub const DISSUASION: &str = "劝阻情况";
pub const DISSUASION_RESULT: &str = "劝阻结果";
pub const REPORTED_TO: &str = "报告对象";
pub const REPORTED_AT: &str = "报告时间";
pub const OUTCOME: &str = "处置结果";
pub const RECORDER: &str = "记录人(签字)";
pub const MANAGER: &str = "项目负责人(签字)";
pub const DATE: &str = "日期";
pub const YEAR_MONTH_DAY: &str = "年　　月　　日";
pub const STAMP: &str = "(盖章)";
pub const OWNER: &str = "业主(物业使用人)";
pub const RECEIVED_BY: &str = "签收人";

/// 劝阻通知书正文：在{地点}存在的行为、限期改正的要求。
pub const NOTICE_FOUND: &str = "经我公司巡查发现，您在";
pub const NOTICE_ACT: &str = "存在以下行为：";
pub const NOTICE_DEMAND: &str = "上述行为违反了《物业管理条例》、管理规约及相关规定。请您于接到本通知书之日起______日内自行停止并改正违规行为，恢复原状。逾期不改正的，我公司将依法向街道办事处及有关行政主管部门报告，由其依法处理。";
pub const NOTICE_STUB: &str = "(本通知书一式两联，一联交业主或物业使用人，一联由物业服务企业存档)";

/// 报告书正文。
pub const REPORT_TO_SUFFIX: &str = "：";
pub const REPORT_FOUND: &str = "我公司在日常巡查中，于";
pub const REPORT_IN: &str = "在";
pub const REPORT_ACT: &str = "发现以下违规行为：";
pub const REPORT_DISSUADED: &str = "我公司已进行劝阻，劝阻情况：";
pub const REPORT_REQUEST: &str = "经劝阻无效，现依据《物业管理条例》有关规定予以报告，请依法处理。";
pub const REPORT_CONTACT: &str = "联系人及电话";
pub const REPORT_RECEIPT: &str = "接收单位签收";
