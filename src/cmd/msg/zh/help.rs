//! 中文帮助: the Chinese texts of `ledger --help` and of every subcommand's,
//! in one table keyed by (subcommand path, arg id). The English doc comments
//! stay the English source; `cmd::cli` puts these over them when the
//! language is zh. A test walks the command tree, so a new command or flag
//! without a Chinese text here fails it.

/// The key of a command's own text: a blank line splits the short about
/// (the command list) from the long one (its `--help`), as doc comments do.
pub const ABOUT: &str = "@about";
/// The key of the text after a command's options (examples).
pub const AFTER: &str = "@after";

/// One path's entries, then the next: `"path" => { "id" => "text", … }`.
macro_rules! table {
    ($($path:literal => { $($id:expr => $text:literal),* $(,)? })*) => {
        &[$($(($path, $id, $text),)*)*]
    };
}

/// (subcommand path, arg id or ABOUT/AFTER, text). The path is the
/// subcommand names joined by spaces, "" for `ledger` itself.
pub const HELP: &[(&str, &str, &str)] = table! {
    "" => {
        ABOUT => "物业管理整治台账。\n\n街道办事处登记投诉、转办责任单位、办结销号；区里合并各街道每晚导出的文件，向领导小组报告。",
        AFTER => "示例：\n  ledger init --office S07 --name 建设路街道\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水' --problem WY-06\n\n环境变量：LEDGER_DB（台账文件）、LEDGER_LANG（zh 或 en）、LEDGER_ASCII=1（用 ASCII 字符画表格）、LEDGER_NOW（固定“现在”，如 2026-11-26）、LEDGER_USER（操作人）。",
        "db" => "台账文件",
        "lang" => "界面语言：zh（中文）或 en（English）",
        "ascii" => "用纯 ASCII 字符画表格（适合旧版 Windows 控制台）",
    }
    "init" => {
        ABOUT => "为街道办事处新建台账文件（加 --district 则为区级台账）",
        AFTER => "示例：\n  ledger init --office S07 --name 建设路街道\n  ledger --db district.db init --office D --name 示范区 --district",
        "office" => "单位代码：1 到 8 个 ASCII 字母或数字（自动转大写），在全区唯一",
        "name" => "单位的中文名称，如 建设路街道",
        "district" => "这是区级台账（合并各街道导出的文件）",
        "restore" => "街道丢失台账文件后，用包含本街道事件的交换文件（区里最新的导出）重建台账",
        "trust" => "与 --restore 同用：区级台账的公钥，即区里 `ledger key` 打印的内容（文件须由它签名）",
    }
    "add" => {
        ABOUT => "登记一件投诉，成为新的台账问题；打印其编号（如 S07-2026-0001）。\n\n加 --from 文件 则改为登记表格导出文件（xlsx，或 UTF-8、GBK/GB18030 编码的 CSV）的每一行：在一个事务中完成，要么全部登记，要么一行也不登记。已登记过的行（来源和编号相同）跳过，同一文件导入两次不会重复登记。汇总信息输出到标准错误。",
        AFTER => "示例：\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水三天' \\\n      --source hotline --ref 12345-20261103-0087 --received '2026-11-03 14:05' \\\n      --complainant 张三 --phone 13812345678 --problem WY-06 --party 某某物业公司\n  ledger add --from 12345工单.xlsx --profile hotline --only-property --rejects 退回.csv\n  ledger add --from 导出.csv --show-columns\n  ledger add --from 导出.csv --map examples/hotline-map.toml --dry-run\n\n列映射方案：hotline（12345 工单：工单编号、来电时间、诉求内容、联系电话……）、petition\n（列同上，来源为信访）、tipdm（留言编号、留言主题、留言时间、留言详情）、nyc311。\n不给 --profile 或 --map 时，自动选用最匹配的方案。",
        "community" => "小区名称；与 --from 同用时，用于没有写明小区的行",
        "summary" => "一句话说明投诉内容",
        "source" => "投诉来源：hotline（市长热线）、petition（信访）、patrol（巡查）、visit（来访）、other（其他）；默认 other，与 --from 同用时为方案的来源，用于没有写明来源的行",
        "source_ref" => "来源自己的编号（热线工单号、信访件编号）",
        "received" => "受理时间：2026-11-03、2026/11/3 或 '2026-11-03 14:05'（默认：现在）",
        "address" => "详细地址",
        "details" => "投诉详情，与摘要一并保存",
        "complainant" => "投诉人姓名（个人信息：list/show 中打码显示）",
        "phone" => "投诉人电话（个人信息：list/show 中打码显示）",
        "subject" => "责任主体：property_company（物业服务企业）、owners_committee（业主委员会）、developer（开发建设单位）、department（职能部门）",
        "problem" => "问题类型，见 `ledger catalog problems`，如 WY-06",
        "party" => "被投诉的物业公司、业委会、开发建设单位或职能部门",
        "key" => "重点难点问题，由领导小组跟踪",
        "from" => "登记导出文件的每一行：.xlsx（或 .xls、.ods）或 .csv",
        "profile" => "列映射方案：hotline、petition、tipdm 或 nyc311",
        "map" => "自定义列映射：CSV（每行 列名,字段）或 TOML 文件",
        "sheet" => "工作簿中的工作表（默认：第一张）",
        "encoding" => "CSV 文件的编码：utf-8、gb18030 或 gbk（默认：自动识别）",
        "dry_run" => "照常处理并报告结果，但不写入台账（--rejects 仍会写出，便于查看正式导入时会退回哪些行）",
        "rejects" => "把无法登记的行连同原因写入这个 CSV 文件",
        "only_property" => "只保留与物业管理有关的行（按关键词判断），其余计为跳过",
        "show_columns" => "列出文件的各列及其对应的字段，然后结束",
        "found_by" => "与 --source patrol 一起：发现违规行为的巡查人",
        "found_at" => "与 --source patrol 一起：发现时间，如 '2026-11-20 09:30'",
        "dissuasion" => "与 --source patrol 一起：劝阻情况",
        "reported_to" => "与 --source patrol 一起：报告对象",
    }
    "assign" => {
        ABOUT => "对问题分类，并转办给责任单位（转办）；再次执行即为改派。\n\n不给 --due 或 --days 时，办结时限为今天加上问题类型的办理时限（没有问题类型时为 15 天）。不给 --unit 时，职能部门类问题（ZN-xx）转给其默认单位。",
        AFTER => "示例：\n  ledger assign S07-2026-0001 --unit JD --problem WY-06 --party 某某物业公司\n  ledger assign S07-2026-0002 --problem ZN-06          # 默认单位 CG，3 天内办结\n  ledger assign S07-2026-0003 --unit ZJ --days 10 --note '请区物业办协调'",
        "case" => "问题编号，如 S07-2026-0001",
        "unit" => "单位代码（ZJ、JD、CG……）或完整名称；见 `ledger catalog units`",
        "due" => "办结时限（日期）",
        "days" => "从今天起 N 天内办结",
        "subject" => "设定或更改责任主体",
        "problem" => "设定或更改问题类型",
        "party" => "设定或更改被投诉方",
        "note" => "随转办一并记录的备注",
    }
    "defer" => {
        ABOUT => "暂时无法解决的问题暂缓办理，并附工作计划报领导小组",
        AFTER => "示例：\n  ledger defer S07-2026-0004 --plan '待业主大会表决后更换物业，街道每周跟进' --until 2027-03-31",
        "case" => "问题编号",
        "plan" => "工作计划",
        "until" => "计划完成的日期",
    }
    "close" => {
        ABOUT => "办结销号：resolved（已解决）、unfounded（不属实）、duplicate（重复）或 out_of_scope（非物业问题）",
        AFTER => "示例：\n  ledger close S07-2026-0001 --result resolved --resolution '已恢复供水，物业公司书面道歉' --substantiated\n  ledger close S07-2026-0005 --result duplicate --duplicate-of S07-2026-0001 --resolution '同一事项'",
        "case" => "问题编号",
        "result" => "办结结果：resolved（已解决）、unfounded（不属实）、duplicate（重复）或 out_of_scope（非物业问题）",
        "resolution" => "办理情况",
        "duplicate_of" => "与 --result duplicate 同用：与本件重复的那件问题",
        "substantiated" => "违规属实：按问题类型对作为被投诉方登记的物业公司记信用扣分",
        "manager" => "与 --substantiated 同用：信用记录所记的项目负责人（同时记个人记录）；默认为该公司登记的负责人（第一个登记的）",
    }
    "reopen" => {
        ABOUT => "把已销号或暂缓的问题重新打开，并说明原因",
        AFTER => "示例：\n  ledger reopen S07-2026-0001 --reason '业主反映再次停水'",
        "case" => "问题编号",
        "reason" => "重新打开的原因",
    }
    "note" => {
        ABOUT => "给问题添加一条备注（任何状态均可）",
        AFTER => "示例：\n  ledger note S07-2026-0001 '已电话回访投诉人，表示满意'",
        "case" => "问题编号",
        "text" => "备注内容",
    }
    "show" => {
        ABOUT => "显示一件问题及其全部办理经过（谁、做了什么、何时），按时间先后",
        AFTER => "示例：\n  ledger show S07-2026-0001\n  ledger show s07-2026-1 --format json --show-pii",
        "case" => "问题编号",
        "format" => "输出格式：table（表格）、csv 或 json",
        "show_pii" => "不打码显示姓名、电话和地址（每次使用都有记录：`ledger audit`）",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "list" => {
        ABOUT => "列出问题；不加筛选条件时列出全部问题，包括已销号的",
        AFTER => "示例：\n  ledger list --status open,assigned --community 幸福里\n  ledger list --overdue --format csv > overdue.csv\n  ledger list --format csv --labels > 台账.csv\n  ledger list --repeat --from 2026-11-01 --to 2026-11-30\n  ledger list --office S03 --problem WY-06 --format json\n  ledger list --overdue --format xlsx --out 逾期清单.xlsx\n  ledger list --suggested --no-community",
        "status" => "只列这些状态（用逗号分隔）：open（待处理）、assigned（已转办）、deferred（暂缓）、closed（已销号）",
        "overdue" => "只列已超过办结时限的问题（不含已销号和暂缓的）",
        "long_running" => "只列受理后 180 天仍未销号的问题（半年未解决）",
        "repeat" => "只列多次投诉：90 天内同一小区、同一问题类型还有另一件问题",
        "key" => "只列重点难点问题",
        "conflicts" => "只列多人同时办理发生冲突、此后还没有人处理过的问题（添加一条备注即可清除）",
        "unit" => "只列转办给这个单位的问题（代码或名称）",
        "problem" => "只列这个问题类型",
        "subject" => "只列这个责任主体",
        "community" => "只列小区名称包含这段文字的问题",
        "office" => "只列这个街道的问题",
        "from" => "受理日期不早于这一天（也可写月份，如 2026-11、2026年11月：从该月第一天起）",
        "to" => "受理日期不晚于这一天（也可写月份：到该月最后一天）",
        "format" => "输出格式：table（表格）、csv、json 或 xlsx（Excel/WPS 工作簿，须加 --out）",
        "show_pii" => "不打码显示姓名、电话和地址（每次使用都有记录：`ledger audit`）",
        "labels" => "给人看的 CSV：表头和状态等用 --lang 的语言（已转办、是/否），时间写成 2026-04-05 09:23；不加时 CSV 用脚本读取的固定代码",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "report" => {
        ABOUT => "给领导小组的统计：总数、销号率、超期、暂缓、重点难点和长期未解决问题、多次投诉；加 --by 按组各占一行；加 --period 按周或按月统计新增和销号",
        AFTER => "每个数字都可以查到对应的问题：`ledger list --overdue`、`--long-running`、`--repeat`、`--status deferred`、`--key --status open,assigned,deferred`，以及责任单位办理的 `--supervised`、`--returned`、`--extension asked|approved`、`--visited`、`--plan-overdue`（单位一行加 `--unit 单位`：`--acknowledged`、`--ack-late`、`--closed-late`、`--returned-by 单位`）（加同样的 --from/--to）列出其背后的问题。\nCSV 只含一张表：有 --by 时为分组表，否则有 --period 时为趋势表，否则为总体数字。\n\n示例：\n  ledger report\n  ledger report --by office --from 2026-11-01 --to 2026-11-30\n  ledger report --by party --period month\n  ledger report --by problem --format md > 周报.md\n  ledger report --by office,problem,party --period month --format xlsx --out 周报.xlsx\n  ledger report --by office,party --period week --format html --out 周报.html",
        "by" => "按街道（office）、状态（status）、责任主体（subject）、问题类型（problem）、责任单位（unit）、小区（community）或被投诉方（party）分组，每组一行（问题多的在前）；phase：整治行动各阶段的新增与销号；用 --format xlsx 或 html 时可用逗号分隔写多个（office,problem,party），各占一个工作表或一节",
        "from" => "只统计受理日期不早于这一天的问题（也可写月份：从该月第一天起）",
        "to" => "只统计受理日期不晚于这一天的问题（也可写月份：到该月最后一天）",
        "period" => "趋势：按 ISO 周（2026-W48）或按月（2026-11）统计新增和销号",
        "format" => "输出格式：table（表格）、csv、json、md、xlsx（带图表的 Excel/WPS 工作簿，须加 --out）或 html（带图表的网页，可打印为 A4）",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
        "acceptance" => "总结验收：各街道的销号率、逾期、暂缓(已制定计划)、重点难点未销号，以及台账是否在截止日前报到区里",
    }
    "catalog" => {
        ABOUT => "列出问题目录（代码、责任主体、办理时限）或责任单位",
        AFTER => "示例：\n  ledger catalog problems\n  ledger catalog units --format csv",
        "what" => "problems（问题目录）或 units（责任单位）",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "unit" => {
        ABOUT => "登记实施方案所列之外的责任单位（见 `ledger catalog units`）",
        AFTER => "示例：\n  ledger unit add SQ01 幸福里社区居委会",
    }
    "unit add" => {
        ABOUT => "登记一个本地单位，如社区居委会",
        AFTER => "示例：\n  ledger unit add SQ01 幸福里社区居委会",
        "code" => "单位代码：1 到 12 个字母、数字、'_' 或 '-'",
        "name" => "单位名称（表格中显示的名称）",
    }
    "credit" => {
        ABOUT => "信用管理：物业公司、评分标准、信用记录、信用分和失信名单",
        AFTER => "示例：\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001\n  ledger credit score --as-of 2026-12-31\n  ledger credit notice --format md > 通报.md",
    }
    "credit company" => {
        ABOUT => "登记、列出和查看物业公司",
        AFTER => "示例：\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit company list\n  ledger credit company show 91440300708461136T",
    }
    "credit company add" => {
        ABOUT => "登记一家物业服务企业",
        "name" => "公司登记名称",
        "uscc" => "统一社会信用代码，18 位",
        "managers" => "项目负责人（有多人时重复此选项）",
        "no_committee" => "其项目没有业主委员会（由社区居委会代行职责）",
    }
    "credit company list" => {
        ABOUT => "列出已登记的物业公司及其信用分",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "credit company show" => {
        ABOUT => "查看一家公司：基本信息、信用状况、信用记录和相关问题",
        "company" => "公司登记名称或统一社会信用代码",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "credit standard" => {
        ABOUT => "查看或载入信用评分标准",
        AFTER => "示例：\n  ledger credit standard show\n  ledger credit standard load examples/credit-standard.csv",
    }
    "credit standard show" => {
        ABOUT => "显示现行评分标准",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "credit standard load" => {
        ABOUT => "载入评分标准文件（type,code,description,points,months,dishonesty），适用于所有街道",
        "file" => "评分标准文件（CSV）",
    }
    "credit record" => {
        ABOUT => "添加一条良好或不良信用记录",
        AFTER => "示例：\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001 --manager 李四 --date 2026-11-20",
        "company" => "公司登记名称或统一社会信用代码",
        "item" => "评分标准中的项目代码，如 WY-06 或 G-CITY",
        "case" => "信用记录所依据的问题",
        "date" => "记录日期（默认今天；不能晚于今天）",
        "manager" => "负有责任的项目负责人（同时记个人记录）",
        "note" => "备注",
    }
    "credit score" => {
        ABOUT => "各公司的信用分、等级和名单状态（或一家公司的信用记录）",
        AFTER => "示例：\n  ledger credit score\n  ledger credit score --company 鑫源物业服务有限公司 --as-of 2027-06-30",
        "as_of" => "按这一天计分（默认今天）",
        "company" => "列出一家公司信用分背后的记录",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "credit blacklist" => {
        ABOUT => "经决定将一家公司列入失信名单",
        AFTER => "示例：\n  ledger credit blacklist --company 鑫源物业服务有限公司 --reason '只收费不服务，拒不整改'",
        "company" => "公司登记名称或统一社会信用代码",
        "reason" => "列入失信名单的理由",
        "date" => "决定日期（默认今天；不能晚于今天）",
    }
    "credit guarantee" => {
        ABOUT => "记录被暂停的公司书面保证整改、缴纳保证金",
        AFTER => "示例：\n  ledger credit guarantee --company 鑫源物业服务有限公司 --deposit 50000 --date 2026-12-01",
        "company" => "公司登记名称或统一社会信用代码",
        "deposit" => "保证金金额（元）",
        "date" => "保证日期（默认今天；不能晚于今天）",
    }
    "credit dismiss" => {
        ABOUT => "记录应予解聘的公司已被解聘",
        AFTER => "示例：\n  ledger credit dismiss --company 鑫源物业服务有限公司 --date 2027-02-01",
        "company" => "公司登记名称或统一社会信用代码",
        "date" => "解聘日期（默认今天；不能晚于今天）",
    }
    "credit notice" => {
        ABOUT => "全行业通报：列入名单的公司和有个人记录的项目负责人",
        AFTER => "示例：\n  ledger credit notice --format md > 通报.md",
        "as_of" => "按这一天通报（默认今天）",
        "format" => "md（默认）或 csv",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "export" => {
        ABOUT => "把本台账的事件（本单位的和合并进来的）写成交换用的 CSV 文件，供 `ledger merge` 使用。\n\n文件先写在目标旁边，再改名到位，任务中途失败也不会留下半个文件。台账没有变化时，导出的内容逐字节相同。",
        AFTER => "示例：\n  ledger export --out /mnt/share/S07-$(date +%F).csv     # 每晚定时任务\n  ledger export --since 1200 > new-events.csv",
        "out" => "写入这个文件，而不是标准输出",
        "since" => "只导出时钟大于此值的事件（上次导出末行的 clock 值）",
    }
    "merge" => {
        ABOUT => "把交换文件（由 `ledger export` 导出）合并进本台账。\n\n每个文件要么整体合并，要么整体不合并；被拒绝的文件（行被改过、文件不完整、改写历史）不改动台账，其他文件照常合并。同一文件再合并一次不会有任何变化。",
        AFTER => "示例：\n  ledger --db district.db merge /mnt/share/S*.csv\n  ledger merge --dry-run --format json S07-2026-11-26.csv",
        "files" => "交换文件",
        "dry_run" => "全部检查并计数，但不写入",
        "format" => "输出格式：table（表格）或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "audit" => {
        ABOUT => "列出谁不打码查看过个人信息（--show-pii）：时间、操作人（LEDGER_USER）、命令、涉及的问题。\n\n每次使用都在显示之前记入本台账文件；这份记录不随导出文件外传。",
        AFTER => "示例：\n  ledger audit\n  ledger audit --format csv > 查看记录.csv",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "key" => {
        ABOUT => "打印本台账的公钥：一行 `代码 ed25519:…`，供接收方 `ledger trust` 登记。\n\n每次导出都用本台账自己的密钥签名。区里（接收街道的文件）或街道（接收区里的文件）用 `ledger trust 代码 公钥` 登记一次即可；请电话念给对方或写在纸上带去，不要和它所担保的文件放在一起传递。",
        AFTER => "示例：\n  ledger key                                 # S07 ed25519:3f1c…\n  ledger --db district.db trust $(ledger key)   # 同一台机器上，如演示所做",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "trust" => {
        ABOUT => "登记另一本台账用 `ledger key` 念出的公钥（不带参数时列出已登记的公钥）。\n\n区里登记每个街道的公钥；街道登记本区的公钥。其他密钥签名的文件整体拒收。更换公钥（街道用 `init --restore` 重建了台账）须加 --replace，并记入日志。",
        AFTER => "示例：\n  ledger --db district.db trust S07 ed25519:3f1c…\n  ledger trust D ed25519:9a0b…                   # 在街道：登记本区\n  ledger --db district.db trust S07 ed25519:77aa… --replace\n  ledger trust                                    # 列出",
        "code" => "公钥所属的街道（或区）代码",
        "key" => "公钥，即 `ledger key` 打印的内容：ed25519: 加 64 位十六进制数",
        "replace" => "替换已为该代码登记的公钥",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "check" => {
        ABOUT => "校验文件：SQLite 完整性、每个事件的哈希，以及重放日志能否准确得到各问题表",
        AFTER => "示例：\n  ledger check && cp ledger.db /mnt/usb/",
    }
    "backup" => {
        ABOUT => "把台账复制到一个新文件，即使其他程序正在写入也能得到一致的副本",
        AFTER => "示例：\n  ledger backup --to /mnt/usb/S07-$(date +%F).db && ledger --db /mnt/usb/S07-$(date +%F).db check",
        "to" => "要生成的副本（不能已存在）",
    }
    "rebuild" => {
        ABOUT => "从事件日志重建问题表、单位表和街道表（以日志为准）",
        AFTER => "示例：\n  ledger rebuild && ledger check",
    }
    "demo" => {
        ABOUT => "生成一个演示区：若干街道台账及数月的逼真问题、每晚的导出、区里的合并和报告",
        AFTER => "示例：\n  ledger demo\n  ledger demo --dir /tmp/demo --offices 5 --cases 200",
        "dir" => "文件写到哪里（其中不能已有台账文件）；默认：系统临时目录下的新文件夹",
        "offices" => "街道个数",
        "cases" => "每个街道的问题数",
        "seed" => "生成器的种子（种子相同，台账相同）",
        "no_district" => "写完各街道的文件及其导出后即停止（用于性能测试）",
    }
    "completions" => {
        ABOUT => "打印命令行补全脚本",
        AFTER => "示例：\n  ledger completions bash > /etc/bash_completion.d/ledger",
        "shell" => "bash、zsh、fish、elvish 或 powershell",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "man" => {
        ABOUT => "打印手册页（roff 格式），或把每一页写进一个文件夹\n\nledger.1 以 ledger-add(1) 等名称列出各子命令；--dir 把这些页面都写出来，这些引用就都能打开。",
        AFTER => "示例：\n  ledger man --dir /usr/local/share/man/man1    # ledger.1、ledger-add.1 …\n  ledger man > ledger.1",
        "dir" => "把 ledger.1 和每个子命令一页（ledger-add.1 …）写进这个文件夹",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }    // Issue 16: the campaign.
    "community" => {
        ABOUT => "小区台账：规范名称和别名、物业服务企业、业主委员会、示范小区",
        AFTER => "示例：\n  ledger community add 幸福里小区 --alias 幸福里 --company 鑫源物业服务有限公司 --committee formed\n  ledger community set 幸福里小区 --alias 幸福里社区 --demonstration\n  ledger community list\n  ledger community show 幸福里\n  ledger community unmatched",
    }
    "community add" => {
        ABOUT => "以规范名称登记一个小区",
        AFTER => "示例：\n  ledger community add 幸福里小区 --alias 幸福里 --alias 幸福里社区 --company 91440300708461136T --committee formed --demonstration",
        "name" => "规范名称（填写这个名称或别名的问题都计在它名下）",
        "aliases" => "问题中使用的其他写法（有多个时重复此选项）",
        "company" => "物业服务企业：登记名称或统一社会信用代码",
        "committee" => "业主委员会：formed（已成立）、none（未成立）、expired（届满未换届）或 proxy（居委会代行）",
        "demonstration" => "整治行动的示范小区",
    }
    "community set" => {
        ABOUT => "为小区添加别名，或修改其物业服务企业、业委会状态、示范小区标记",
        AFTER => "示例：\n  ledger community set 幸福里小区 --alias 幸福里社区 --committee expired --demonstration",
        "name" => "小区名称或别名",
        "aliases" => "问题中使用的其他写法（有多个时重复此选项）",
        "company" => "物业服务企业：登记名称或统一社会信用代码",
        "committee" => "业主委员会：formed、none、expired 或 proxy",
        "demonstration" => "设为示范小区",
        "no_demonstration" => "不再是示范小区",
    }
    "community list" => {
        ABOUT => "列出已登记的小区：街道、别名、物业服务企业、业委会、示范小区、问题数",
        AFTER => "示例：\n  ledger community list --format csv --out 小区.csv",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "community show" => {
        ABOUT => "查看一个小区：别名、物业服务企业、业主委员会、标记及其问题",
        AFTER => "示例：\n  ledger community show 幸福里",
        "name" => "小区名称或别名",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "community unmatched" => {
        ABOUT => "列出与任何已登记小区都对不上的小区写法，问题最多的在前",
        AFTER => "示例：\n  ledger community unmatched\n  ledger community set 幸福里小区 --alias 幸福里二期",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "campaign" => {
        ABOUT => "整治行动日程（四、工作步骤）：四个阶段、今天所处阶段、台账报区截止日",
        AFTER => "示例：\n  ledger campaign set --phase deploy --from 2026-11-01 --to 2026-11-15\n  ledger campaign set --ledger-due 2026-11-20\n  ledger campaign",
        "format" => "输出格式：table（表格）、csv 或 json",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "form" => {
        ABOUT => "把一个问题的巡查“三联单”生成可打印的页面（HTML，A4，中文）：记录表、劝阻通知书或报告书",
        AFTER => "示例：\n  ledger form S07-2026-0002 --kind record --out 记录表.html\n  ledger form S07-2026-0002 --kind notice --out 劝阻通知书.html\n  ledger form --kind report --blank --out 报告书.html\n\n用浏览器打开文件并打印（A4）。",
        "case" => "据以填写表单的问题编号",
        "kind" => "record（记录表）、notice（劝阻通知书）或 report（报告书）",
        "blank" => "空白表单，手工填写",
        "out" => "写入这个文件而不是屏幕（写完整后才放到位）",
    }
    "campaign set" => {
        ABOUT => "设置一个阶段的起止日期，或各街道台账报区的截止日",
        AFTER => "示例：\n  ledger campaign set --phase rectify --from 2026-11-16 --to 2027-03-31\n  ledger campaign set --ledger-due 2026-11-20",
        "phase" => "deploy（部署启动）、rectify（集中整治）、consolidate（巩固提升）或 accept（总结验收）",
        "from" => "阶段的第一天",
        "to" => "阶段的最后一天",
        "ledger_due" => "各街道台账须报到区里的日期",
    }
    // --- issue 14, the sweep: edit, link, split, triage and their flags
    "list" => {
        "suggested" => "只列问题类型是导入时系统建议、尚未确认的问题",
        "no_community" => "只列小区为导入时的占位“(未注明)”的问题",
    }
    "assign" => {
        "accept_suggested" => "确认导入时系统建议的问题类型，并按它转办",
    }
    "edit" => {
        ABOUT => "更正问题登记的小区、摘要、地址、被投诉方、责任主体、问题类型或重点标记\n\n一条事件记下每个字段的原值和新值（show 的办理经过中可见，随交换文件传送）。已销号的问题须先重新打开。",
        AFTER => "示例：\n  ledger edit S07-2026-0012 --community 中海国际社区三期 --address 'A3区xx路1号'\n  ledger edit S07-2026-0013 --summary '物业停水三天' --party 鑫源物业服务有限公司 --key\n  ledger edit S07-2026-0014 --accept-suggested        # 确认系统建议的问题类型\n  ledger edit S07-2026-0015 --problem WY-02 --address ''   # '' 清空地址",
        "case" => "问题编号",
        "community" => "小区名称",
        "summary" => "一句话问题摘要",
        "address" => "详细地址（'' 为清空）",
        "party" => "被投诉方（'' 为清空）",
        "subject" => "责任主体",
        "problem" => "问题类型（确认的，不是建议）",
        "accept_suggested" => "确认导入时系统建议的问题类型",
        "key" => "标为重点难点问题",
        "no_key" => "取消重点难点标记",
    }
    "link" => {
        ABOUT => "把两件相关的问题关联起来（两件都显示关联）",
        AFTER => "示例：\n  ledger link S07-2026-0024 S07-2026-0051",
        "case" => "问题编号",
        "other" => "相关问题的编号",
    }
    "split" => {
        ABOUT => "把一件包含多个问题的投诉拆分：每部分登记为一件新问题，与原件关联\n\n各部分沿用原件的来源、受理时间、小区和投诉人，各有自己的摘要和系统建议的问题类型，分别分类、转办。report 只统计各部分，不再统计原件。",
        AFTER => "示例：\n  ledger split S07-2026-0031 --part '物业以欠费为由停水' --part '住建部门接到投诉后未处理'",
        "case" => "问题编号",
        "part" => "一部分的摘要（两个或更多）",
    }
    "triage" => {
        ABOUT => "逐件过目导入的问题，或一次确认其系统建议的问题类型\n\n所选问题与 list 用同样条件时相同，但不含已销号的问题和已拆分的原件。在终端上逐件显示，按键后回车：a 确认建议，p 改填问题类型代码，c 改填小区，x 按非物业问题销号，s 跳过，q 退出；每个决定立即写入。不在终端上，或加 --accept：在一个事务中确认所选问题的全部建议。",
        AFTER => "示例：\n  ledger triage --suggested                # 逐件过目\n  ledger triage --no-community --from 2019-01 --to 2019-03\n  ledger triage --problem WY-06 --accept   # 一次确认全部 WY-06 建议",
        "status" => "只选这些状态（用逗号分隔）：open、assigned、deferred",
        "suggested" => "只选问题类型是系统建议、尚未确认的问题",
        "no_community" => "只选小区为“(未注明)”的问题",
        "problem" => "只选这个问题类型（建议的或确认的）",
        "subject" => "只选这个责任主体",
        "community" => "只选小区名称包含这段文字的问题",
        "key" => "只选重点难点问题",
        "office" => "只选这个街道的问题",
        "from" => "受理日期不早于这一天（或月份）",
        "to" => "受理日期不晚于这一天（或月份）",
        "accept" => "不逐件询问，一次确认所选问题的全部建议",
    }
    // --- the units' loop (issue 15)
    "assign" => {
        "co_unit" => "协办单位（代码或完整名称），与主办单位一起处理；可多次给出",
    }
    "list" => {
        "supervised" => "只列督办的问题",
        "unvisited" => "只列已解决销号但尚未回访的问题",
        "plan_overdue" => "只列暂缓且已过计划完成日期（--until）的问题",
        "acknowledged" => "只列责任单位已签收的问题",
        "ack_late" => "只列转办后超过一个工作日才签收的问题",
        "closed_late" => "只列超过办结时限或督办时限才销号的问题",
        "visited" => "只列销号后已回访的问题",
        "satisfaction" => "只列这些回访满意度（用逗号分隔）：satisfied（满意）、basic（基本满意）、dissatisfied（不满意）",
        "returned" => "只列被责任单位退回过的问题",
        "returned_by" => "只列被这个单位（代码或名称）退回过的问题",
        "extension" => "只列申请过延期（asked）、批准过延期（approved）或延期待审批（pending）的问题",
    }
    "ack" => {
        ABOUT => "责任单位签收转办的问题；转办后超过一个工作日签收计为超时签收",
        AFTER => "示例：\n  ledger ack S07-2026-0002 --by 李四",
        "case" => "问题编号",
        "by" => "责任单位的签收人",
    }
    "return" => {
        ABOUT => "责任单位退回转办错误的问题：问题重新变为待处理、没有责任单位；退回不计入任何单位的考核，但按单位列出",
        AFTER => "示例：\n  ledger return S07-2026-0002 --reason '不属于本单位职责，应由规划分局认定'",
        "case" => "问题编号",
        "reason" => "退回的原因",
    }
    "extend" => {
        ABOUT => "申请延期，或批准、不批准已申请的延期；只有批准的延期才改变办结时限",
        AFTER => "示例：\n  ledger extend S07-2026-0002 --until 2026-12-15 --reason '需规划分局先行认定'\n  ledger extend S07-2026-0002 --approve\n  ledger extend S07-2026-0002 --refuse --reason '时限内可以办结'",
        "case" => "问题编号",
        "until" => "申请把办结时限延至这一天",
        "approve" => "批准已申请的延期：办结时限改为申请的日期",
        "refuse" => "不批准已申请的延期（须附 --reason）",
        "reason" => "原因（申请和不批准时必须给出）",
    }
    "supervise" => {
        ABOUT => "督办问题，通常由区里督办街道的问题；督办时限之后才销号计为超期办结",
        AFTER => "示例：\n  ledger --db district.db supervise S07-2026-0002 --note '群众反映强烈，限期办结' --due 2026-12-05",
        "case" => "问题编号",
        "note" => "督办要求",
        "due" => "须在这一天之前办结",
    }
    "visit" => {
        ABOUT => "记录销号后的回访及投诉人的满意度；不满意加 --reopen 则以备注为原因重新打开问题",
        AFTER => "示例：\n  ledger visit S07-2026-0001 --satisfaction satisfied\n  ledger visit S07-2026-0003 --satisfaction dissatisfied --note '仍然停水' --reopen",
        "case" => "问题编号",
        "satisfaction" => "satisfied（满意）、basic（基本满意）或 dissatisfied（不满意）",
        "note" => "投诉人的意见",
        "reopen" => "重新打开问题（仅限不满意，备注即原因）",
    }
};

/// The Chinese text for one key.
pub fn text(path: &str, id: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|(_, _, t)| *t)
}
