//! One test per rule of the indicator tables (`super`).
use super::*;

/// The indicator of each figure of `body` (one section of a reply published in 2023), as
/// `text:key` (`-` for none).
fn keys_of(body: &str) -> String {
    let mut reply = crate::parse(&format!("关于某事的答复\n发布时间: 2023-08-22\n一、办理情况\n{body}"));
    crate::parse::annotate(&mut reply);
    let mut out = Vec::new();
    for f in &reply.figures {
        out.push(format!("{}:{}", f.text, f.indicator.as_deref().unwrap_or("-")));
    }
    out.join(" ")
}

fn key(body: &str) -> String {
    let all = keys_of(body);
    let last = all.rsplit(' ').next().unwrap_or("");
    last.split_once(':').map_or(String::new(), |(_, k)| k.to_string())
}

#[test]
fn the_issue_examples() {
    assert_eq!(key("全市技术合同成交额达到2700亿元。"), "技术合同成交额");
    assert_eq!(key("下一步，力争新建5个中试平台。"), "中试平台");
    assert_eq!(key("科技型企业贷款余额1200亿元。"), "科技型企业贷款余额");
    assert_eq!(
        keys_of("全市技术合同成交额达到2700亿元，同比增长15%。"),
        "2700亿元:技术合同成交额 15%:技术合同成交额增长率"
    );
}

#[test]
fn leading_scope_words_and_reporting_verbs_go() {
    for w in ["全市", "我市", "其中", "累计", "新增", "新建", "达到", "实现", "完成", "目前", "共"]
    {
        assert_eq!(key(&format!("{w}技术合同成交额2700亿元。")), "技术合同成交额", "{w}");
    }
}

#[test]
fn trailing_copulas_and_levels_go() {
    for w in ["达到", "为", "达", "保持在", "稳定在", "突破", "约"] {
        assert_eq!(key(&format!("技术合同成交额{w}2700亿元。")), "技术合同成交额", "{w}");
    }
}

#[test]
fn words_anywhere_go() {
    assert_eq!(key("武汉基金累计出资规模361亿元。"), "武汉基金出资规模");
    assert_eq!(key("引进各类高端人才200余人。"), "引进高端人才");
    assert_eq!(key("累计帮助在孵企业获得科技贷款329笔。"), "在孵企业科技贷款");
}

#[test]
fn verbs_of_doing_go_verbs_that_change_what_is_counted_stay() {
    assert_eq!(key("组织实施科技重大专项10项。"), "科技重大专项");
    assert_eq!(key("市级引导基金累计设立子基金37支。"), "子基金");
    assert_eq!(key("孵化企业600余家。"), "孵化企业");
    assert_eq!(key("发放科技创新再贷款238.51亿元。"), "发放科技创新再贷款");
    // A verb of doing before a word too general to stand alone stays.
    assert_eq!(key("建设规模3亿元。"), "建设规模");
}

#[test]
fn a_count_takes_the_noun_after_its_measure_word() {
    assert_eq!(key("引导12家中试平台提升服务能级。"), "中试平台");
    assert_eq!(keys_of("共涉及7个2000年以前建成的老旧小区。"), "7个:老旧小区 2000年:-");
    assert_eq!(key("“到2026年建成5个中试平台”的目标。"), "中试平台");
    assert_eq!(key("目前在建的2个平台预计年底投入使用。"), "平台");
    // A count's key does not say that it counts.
    assert_eq!(key("全市中试平台数量达到128家。"), "中试平台");
    // Counts of time read the phrase before.
    assert_eq!(key("审批办结时间压缩至15天。"), "审批办结时间");
    // A count with no noun after it reads the phrase before.
    assert_eq!(key("累计招聘教师1837人。"), "招聘教师");
}

#[test]
fn a_general_noun_after_a_count_takes_the_phrase_before_it() {
    assert_eq!(key("全市“科创贷”为2864家企业提供贷款。"), "科创贷企业");
    for w in words(GENERIC) {
        assert!(!w.is_empty());
    }
}

#[test]
fn an_amount_may_name_its_money_noun_after_it() {
    assert_eq!(key("市级财政将安排不少于10亿元科技创新专项资金。"), "科技创新专项资金");
    // A verb of money alone is too general to link replies; with what it went to, it is a key.
    assert_eq!(key("投入5亿元建设新厂。"), "-");
    assert_eq!(key("城市基础设施建设累计投入13.4亿元。"), "城市基础设施建设投入");
}

#[test]
fn growth_and_decline_of_the_indicator_before() {
    assert_eq!(
        keys_of("科技贷款余额4457.56亿元，同比增速28.34%。"),
        "4457.56亿元:科技贷款余额 28.34%:科技贷款余额增长率"
    );
    assert_eq!(
        keys_of("数字化改造覆盖率达到71.3%，比2021年提高26个百分点。"),
        "71.3%:数字化改造覆盖率 2021年:- 26个百分点:数字化改造覆盖率增长"
    );
    // A general word alone would link unrelated figures: none.
    assert_eq!(key("覆盖率达到71.3%。"), "-");
    assert_eq!(key("海上观光游客量增长近3倍。"), "海上观光游客量增长");
    assert_eq!(keys_of("能耗总量80万吨，同比下降5%。"), "80万吨:能耗 5%:能耗下降率");
}

#[test]
fn respectively_pairs_the_figures_with_the_indicators_before_them() {
    assert_eq!(
        keys_of("全市接待国内游客超过1亿人次，实现旅游收入1536亿元，同比分别增长32.6%和41.2%。"),
        "超过1亿人次:接待国内游客 1536亿元:旅游收入 32.6%:接待国内游客增长率 41.2%:旅游收入增长率"
    );
}

#[test]
fn a_new_level_measures_what_the_figure_before_did() {
    assert_eq!(
        keys_of("政府采购价格扣除比例由6%-10%提高至10%-20%。"),
        "6%-10%:政府采购价格扣除比例 10%-20%:政府采购价格扣除比例"
    );
    assert_eq!(keys_of("审批办结时间由原来的45天压缩至15天。"), "45天:审批办结时间 15天:审批办结时间");
}

#[test]
fn a_general_word_takes_the_indicator_before_it() {
    assert_eq!(
        keys_of("发放科技创新再贷款238.51亿元，占全省比重超过50%。"),
        "238.51亿元:发放科技创新再贷款 超过50%:发放科技创新再贷款比重"
    );
    assert_eq!(
        keys_of("今年已引进算力项目15个，总投资约320亿元。"),
        "今年:- 15个:引进算力项目 约320亿元:引进算力项目总投资"
    );
}

#[test]
fn an_amount_of_the_thing_counted_before() {
    assert_eq!(keys_of("股权投资105笔，投资规模27.19亿元。"), "105笔:股权投资 27.19亿元:股权投资规模");
}

#[test]
fn participles_of_standing_go_with_their_de() {
    assert_eq!(key("我市市级挂牌成立的新型研发机构有20家。"), "新型研发机构");
    assert_eq!(key("全市已完成数字化改造的规上工业企业达5862家。"), "数字化改造的规上工业企业");
}

#[test]
fn a_verb_alone_takes_its_object_named_before_in_the_sentence() {
    assert_eq!(key("联合举办科技创业投资沙龙活动，截至目前已举办28期。"), "科技创业投资沙龙活动");
}

#[test]
fn the_items_of_a_list_share_its_verb_and_lose_its_head() {
    assert_eq!(
        keys_of("引进领军科学家核心团队和创新创业团队13个、创新创业人才150余人。"),
        "13个:引进创新创业团队 150余人:引进创新创业人才"
    );
    assert_eq!(keys_of("其中5A级景区2家、涉海景区47家。"), "2家:5A级景区 47家:涉海景区");
    assert_eq!(key("围绕光电子信息、数字经济等重点领域立项537项。"), "重点领域立项");
}

#[test]
fn a_table_cell_takes_its_column() {
    let mut reply = crate::parse("答复\n发布时间: 2023-08-30\n一、情况\n年份\t投入资金\t项目数\n2021年\t8.2亿元\t28项");
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| f.indicator.as_deref()).collect();
    assert_eq!(got, [None, Some("投入资金"), Some("项目数")]);
}

#[test]
fn clean_up() {
    let c = |s: &str| clean(&s.chars().collect::<Vec<char>>());
    assert_eq!(c("“科创贷”服务企业"), Some("科创贷服务企业".into()), "punctuation goes");
    assert_eq!(c("IPv6活跃用户占比"), Some("IPv6活跃用户占比".into()), "codes with a letter stay");
    assert_eq!(c("2023年度(含子公司)技术合同成交额"), Some("技术合同成交额".into()), "digits and brackets go");
    assert_eq!(c("全市"), None, "a scope word alone is none");
    assert_eq!(c("额"), None, "shorter than 2");
    let long = c("对小微企业参加政府采购活动价格扣除比例").unwrap_or_default();
    assert_eq!(long, "政府采购活动价格扣除比例", "cut after 参加");
    assert!(c("一二三四五六七八九十一二三四五六七八九十").is_some_and(|k| k.chars().count() == 16));
    assert!((2..=16).contains(&long.chars().count()) && !long.chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn years_and_dates_have_no_indicator() {
    assert_eq!(keys_of("2022年，建成平台10家。"), "2022年:- 10家:平台");
}

#[test]
fn prepositions_scope_and_manner_words_go() {
    // A preposition alone is no key (it linked unrelated amounts of a regulation).
    assert_eq!(key("按照3600元定额扣除。"), "-");
    assert_eq!(key("通过技术交易平台撮合成交额2700亿元。"), "技术交易平台撮合成交额");
    assert_eq!(key("顶岗实习时间一般为6个月。"), "顶岗实习时间");
}

#[test]
fn nouns_that_open_with_a_scope_word_stay_whole() {
    assert_eq!(key("全县从业人员35078人。"), "从业人员");
    assert_eq!(key("全县在校学生131391人。"), "在校学生");
}

#[test]
fn a_share_is_of_what_the_sentence_measured_before() {
    assert_eq!(key("生产性服务业投资39.66亿元，占第三产业投资的33.1%。"), "生产性服务业投资占比");
    assert_eq!(keys_of("城建环保类建议48件，占比28.6%。"), "48件:城建环保类建议 28.6%:城建环保类建议占比");
}

#[test]
fn growth_compared_with_a_time_is_of_the_amount_before() {
    let got = keys_of("存款余额1221442万元，比年初增加121749万元，贷款余额678599万元，比年初增加132401万元。");
    assert_eq!(got, "1221442万元:存款余额 121749万元:存款余额增长 678599万元:贷款余额 132401万元:贷款余额增长");
    assert_eq!(
        keys_of("早稻109924吨，比上年减产849吨，晚稻183961吨，比上年增产4546吨。"),
        "109924吨:早稻 849吨:早稻下降 183961吨:晚稻 4546吨:晚稻增长"
    );
    assert_eq!(
        keys_of("旅游接待总人数比2010年增长262.21%，旅游综合收入比2010年增长286.9%。"),
        "2010年:- 262.21%:旅游接待总人数增长率 2010年:- 286.9%:旅游综合收入增长率"
    );
    assert_eq!(
        keys_of("城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%。"),
        "22258元:城镇居民人均可支配收入 1894元:城镇居民人均可支配收入增长 9.3%:城镇居民人均可支配收入增长率"
    );
}

#[test]
fn the_rest_of_a_compound_unit_is_no_noun() {
    assert_eq!(key("旅客周转量18274万人公里。"), "旅客周转量");
}

#[test]
fn a_class_named_before_a_count_is_part_of_its_key() {
    assert_eq!(
        keys_of("其中亿元以上项目48个，十亿元以上项目11个。"),
        "亿元以上:- 48个:亿元以上项目 十亿元以上:- 11个:十亿元以上项目"
    );
    // A verb before the class stays with it.
    assert_eq!(keys_of("引进千万元以上项目145个。"), "千万元以上:引进 145个:引进千万元以上项目");
}

#[test]
fn attributes_and_parts_take_their_whole() {
    assert_eq!(
        keys_of("个体工商户16743户，从业人员71703人，注册资金247449万元。"),
        "16743户:个体工商户 71703人:个体工商户从业人员 247449万元:个体工商户注册资金"
    );
    let got = keys_of("承办代表建议37件（主办34件、协办3件）和政协提案16件（主办7件、协办9件）。");
    let keys: Vec<&str> = got.split(' ').map(|p| p.split_once(':').map_or("", |(_, k)| k)).collect();
    assert_ne!(keys[2], keys[5], "{got}");
    assert!(keys[2].ends_with("协办") && keys[5].ends_with("协办"), "{got}");
}

#[test]
fn verbs_of_reach_stay_with_what_they_reach() {
    assert_eq!(key("项目覆盖全县7个乡镇。"), "覆盖乡镇");
    assert_eq!(key("惠及西平街道三个社区。"), "惠及社区");
    // (A bare place has no key: see `a_bare_place_has_no_key`.)
    assert_eq!(key("全县有7个乡镇。"), "-");
}

#[test]
fn a_count_of_people_under_a_key_of_things_is_a_number_of_people() {
    assert_eq!(key("全县小学35所。"), "小学");
    assert_eq!(key("全县在校学生131391人，其中小学64618人。"), "小学人数");
    assert_eq!(key("全年公路客运量392万人。"), "公路客运量");
    assert_eq!(key("累计引进人才200名。"), "引进人才");
}

#[test]
fn a_category_counts_what_its_paragraph_named() {
    assert_eq!(
        keys_of("立案提案按类别划分，经济类7件，占17.5%；市政类9件，占22.5%。"),
        "7件:经济类提案 17.5%:经济类提案占比 9件:市政类提案 22.5%:市政类提案占比"
    );
}

#[test]
fn a_role_after_qizhong_takes_its_whole() {
    let got = keys_of("共收到政协提案34件，其中主办25件、协办9件。");
    assert!(got.ends_with("9件:收到政协提案协办"), "{got}");
    // A part that names itself keeps its own key.
    assert_eq!(
        keys_of("共新增停车泊位8491个，其中小区配建停车泊位8165个。"),
        "8491个:停车泊位 8165个:小区配建停车泊位"
    );
}

#[test]
fn growth_on_the_same_period_of_last_year_is_of_the_amount_before() {
    assert_eq!(
        keys_of("粮食作物种植面积12981公顷，比上年同期增长1.32%；蔬菜种植面积3373公顷，比上年同期增长1.54%。"),
        "12981公顷:粮食作物种植面积 1.32%:粮食作物种植面积增长率 3373公顷:蔬菜种植面积 1.54%:蔬菜种植面积增长率"
    );
}

#[test]
fn a_role_verb_before_a_count_and_its_list_stays_in_the_key() {
    assert_eq!(
        keys_of("新认定了226项省级非遗代表性项目、231家省级项目保护单位和318名省级传承人。"),
        "226项:新认定省级非遗代表性项目 231家:新认定省级项目保护单位 318名:新认定省级传承人"
    );
    assert_eq!(key("建成后可新增133个停车位。"), "新增停车位");
    // The total has none: it does not link with the additions.
    assert_eq!(key("目前全省共有省级非遗代表性项目1173项。"), "省级非遗代表性项目");
}

#[test]
fn parts_after_qizhong_take_their_wholes_role() {
    assert_eq!(
        keys_of("引进千万元以上项目145个，其中亿元以上项目48个；竣工投产项目55个，其中亿元以上项目28个。"),
        "千万元以上:引进 145个:引进千万元以上项目 亿元以上:- 48个:引进亿元以上项目 55个:竣工投产项目 亿元以上:- \
         28个:竣工投产亿元以上项目"
    );
    // What counts other things keeps its own key.
    assert_eq!(keys_of("引进项目14个，其中实际利用内资30亿元。"), "14个:引进项目 30亿元:实际利用内资");
}

#[test]
fn a_subjects_scope_of_statistics_carries_over_its_sentence() {
    assert_eq!(
        keys_of("规模以上工业企业实现利税总额354362万元，利润212061万元。"),
        "354362万元:规模以上工业利税总额 212061万元:规模以上工业利润"
    );
    assert_eq!(key("其中规模以上工业企业完成工业总产值2596736万元。"), "规模以上工业总产值");
    // Firms counted are firms: no subject, nothing carried.
    assert_eq!(key("全市规模以上农产品加工企业达到1082家。"), "规模以上农产品加工企业");
}

#[test]
fn a_parts_role_takes_the_whole_its_sibling_named() {
    assert_eq!(
        keys_of("其中人大建议主办2件、协办1件；政协提案主办8件、协办6件。"),
        "2件:人大建议主办 1件:人大建议协办 8件:政协提案主办 6件:政协提案协办"
    );
}

#[test]
fn a_capacity_is_a_reach() {
    assert_eq!(key("建设一所可容纳4000名学生的学校。"), "容纳学生");
}

#[test]
fn money_put_in_without_what_it_is_for_is_no_key_alone() {
    assert_eq!(keys_of("建设共投入资金388万元。"), "388万元:-");
    assert_eq!(keys_of("新建公共停车场3个，投入资金388万元。"), "3个:公共停车场 388万元:公共停车场投入资金");
}

#[test]
fn what_remains_of_a_whole_has_no_key() {
    assert_eq!(key("尚未改造的剩余10个老旧小区将于明年改造。"), "-");
    assert_eq!(key("今年改造10个老旧小区。"), "老旧小区");
}

#[test]
fn a_verb_before_works_is_part_of_the_noun() {
    assert_eq!(key("针对正在实施的5个老旧小区改造项目。"), "老旧小区改造项目");
    assert_eq!(key("今年有3个老旧小区改造完毕。"), "老旧小区");
}

#[test]
fn a_percent_of_a_count_has_no_key() {
    assert_eq!(key("审核人员不少于执法人员总数的5%。"), "-");
}

#[test]
fn a_bare_place_has_no_key() {
    assert_eq!(key("涉及西平街道三个社区。"), "-");
    assert_eq!(key("首先对8个乡镇开展整治。"), "-");
    assert_eq!(key("覆盖7个乡镇。"), "覆盖乡镇");
    assert_eq!(key("共采取3项措施。"), "-");
}

#[test]
fn a_verb_alone_has_no_key() {
    assert_eq!(key("组织11个市作为分会场。"), "-");
}

#[test]
fn roles_after_including_take_their_whole() {
    assert_eq!(
        keys_of("其中人大代表建议180件，包括主办及分办79件、协办69件、参阅32件。"),
        "180件:人大代表建议 79件:人大代表建议主办及分办 69件:人大代表建议协办 32件:人大代表建议参阅"
    );
}

#[test]
fn a_parts_role_before_its_count_names_the_part() {
    assert_eq!(key("主办的9件政协提案均已办结。"), "主办政协提案");
    // 承办 is all that a unit handles, not a part.
    assert_eq!(key("我厅承办的5件B类建议已办结。"), "B类建议");
}

#[test]
fn a_part_of_documents_after_which_counts_them() {
    assert_eq!(
        keys_of("收到人大代表建议29件，其中消防事项13件；政协提案28件，其中消防事项9件。"),
        "29件:收到人大代表建议 13件:消防事项建议 28件:政协提案 9件:消防事项提案"
    );
    assert_eq!(key("全市注册商标5000多件，其中集体商标5件。"), "集体商标");
}

#[test]
fn an_organ_before_gong_is_the_subject() {
    assert_eq!(keys_of("市卫生健康局共承办人大建议3件、政协提案14件。"), "3件:承办人大建议 14件:承办政协提案");
    assert_eq!(key("全市共有幼儿园1090所。"), "幼儿园");
    assert_eq!(key("县人民医院共有床位500张。"), "床位");
    assert_eq!(key("带动全社会共同投资12亿元。"), "带动全社会共同投资");
    assert_eq!(key("新建公共停车场3个。"), "公共停车场");
}

#[test]
fn students_staff_and_revenue_are_attributes_of_the_subject() {
    assert_eq!(keys_of("专门教育学校1所，在校学生192人。"), "1所:专门教育学校 192人:专门教育学校在校学生");
    assert_eq!(
        keys_of("全市共有规上文化企业286家，实现营业收入182.89亿元。"),
        "286家:规上文化企业 182.89亿元:规上文化企业营业收入"
    );
}

#[test]
fn a_clause_of_a_noun_and_its_count_goes_on_a_list() {
    assert_eq!(
        keys_of("国务院部门共办理人大代表建议8721件，政协委员提案5865件。"),
        "8721件:办理人大代表建议 5865件:办理政协委员提案"
    );
    assert_eq!(keys_of("共办理人大代表建议87件，占比95%。"), "87件:办理人大代表建议 95%:办理人大代表建议占比");
    assert_eq!(keys_of("共收到建议50件，已办结50件。"), "50件:收到建议 50件:办结");
}

#[test]
fn a_bare_measure_word_has_no_key() {
    assert_eq!(key("人次达到50万人次。"), "-");
    assert_eq!(key("接待游客人次50万人次。"), "接待游客人次");
}

#[test]
fn a_long_key_keeps_its_scope_of_statistics() {
    let k = key("规模以上工业企业研究与试验发展经费内部支出总额120亿元。");
    assert!(k.starts_with("规模以上") && k.chars().count() <= 16, "{k}");
}
