"""客群与精准营销（ruralfin.segments）的显示文字：输出的列、产品大类名、打分规则说明、走访清单的工作表名。"""

from . import Field

#: 产品大类（ruralfin.segments.PRODUCT_FAMILIES 的键）-> 中文名；也是 product_family 列的取值名
_FAMILY = {
    "credit": "贷款", "deposit": "存款", "wealth": "理财", "settlement": "支付结算",
    "insurance": "保险", "consumer_credit": "信用卡与分期",
}

FIELDS = [
    # ---------------------------------------------------------------- 画像与渗透率
    Field("age_band", "经营者年龄段", meaning="按经营者年龄分段", values={
        "under_30": "30 岁以下", "30_39": "30–39 岁", "40_49": "40–49 岁", "50_59": "50–59 岁",
        "60_plus": "60 岁及以上",
    }),
    Field("n_entities", "主体数", unit="户", meaning="汇总的经营主体个数"),
    Field("entity_share", "主体占比", meaning="占全县全部经营主体的比例，0–1"),
    Field("n_customers", "我行客户数", unit="户", meaning="与我行有业务往来的主体数"),
    Field("penetration", "渗透率", meaning="我行客户数 / 全部主体数，0–1"),
    Field("median_operator_age", "经营者年龄中位数", unit="岁", meaning="该组经营者年龄的中位数"),
    Field("median_revenue", "年营业收入中位数", unit="万元", meaning="该组自报年营业收入的中位数"),
    Field("median_years_in_business", "经营年限中位数", unit="年", meaning="该组经营年限的中位数"),
    Field("mean_employees", "平均从业人数", unit="人", meaning="该组平均从业人数"),
    Field("row_share", "行内占比", meaning="占该行（如该客群）合计的比例，0–1"),
    Field("total_share", "总体占比", meaning="占全部的比例，0–1"),
    Field("n_main_bank_ours", "以我行为主办行的主体数", unit="户", meaning="主办行是我行的主体数"),
    Field("main_bank_share", "我行主办行份额", meaning="以我行为主办行的主体 / 全部主体，0–1"),
    Field("peer_main_share", "同业主办行份额", meaning="以同业为主办行的主体 / 全部主体，0–1"),
    Field("institution_share", "主办行份额", meaning="该机构作为主办行的主体占该组的比例，0–1"),
    # ---------------------------------------------------------------- 一户一行的客户表
    Field("has_credit", "有贷款", meaning="在我行有经营或农户贷款等信贷产品", values={True: "是", False: "否"}),
    Field("has_deposit", "有存款", meaning="在我行有活期或定期存款", values={True: "是", False: "否"}),
    Field("has_wealth", "有理财", meaning="在我行购买了理财", values={True: "是", False: "否"}),
    Field("has_settlement", "有支付结算", meaning="使用我行借记卡、移动支付、结算或电商收款产品",
          values={True: "是", False: "否"}),
    Field("has_insurance", "有保险", meaning="经我行购买了保险", values={True: "是", False: "否"}),
    Field("has_consumer_credit", "有信用卡或分期", meaning="持有我行信用卡或分期产品", values={True: "是", False: "否"}),
    Field("n_product_types", "持有产品种数", unit="种", meaning="在我行持有的不同产品种类数"),
    Field("wealth_balance", "理财余额", unit="万元", meaning="在我行的理财余额"),
    Field("customer_years", "开户年数", unit="年", meaning="在我行开户至统计时点的年数"),
    Field("max_dpd_12m", "近 12 个月最长逾期", unit="天", meaning="在我行贷款近 12 个月的最长逾期天数"),
    Field("flow_months_12m", "近 12 个月有流入的月数", unit="月", meaning="结算账户近 12 个月中有资金流入的月份数"),
    Field("inflow_12m", "近 12 个月资金流入", unit="万元", meaning="结算账户近 12 个月的资金流入合计"),
    Field("inflow_trend", "资金流入趋势", meaning="近 6 个月流入 / 前 6 个月流入 − 1；0.1 表示增长 10%"),
    Field("max_dpd", "最长逾期天数", unit="天", meaning="观察期内的最长逾期天数"),
    Field("is_performing", "表现良好", meaning="观察期内最长逾期不超过允许天数", values={True: "是", False: "否"}),
    # ---------------------------------------------------------------- 潜在客户
    Field("rank", "名次", meaning="按得分从高到低的名次，从 1 开始"),
    Field("prospect_score", "潜在客户得分", unit="分", meaning="按透明规则给潜在客户打的分，满分 100"),
    Field("max_points", "可得满分", unit="分", meaning="在现有数据列下能得到的最高分"),
    Field("score_reasons", "得分理由", meaning="满足的打分规则"),
    Field("n_links", "关联的优质客户数", unit="户", meaning="与该交易对手有往来的我行优质客户数"),
    Field("n_as_supplier", "作为上游供应商次数", unit="次", meaning="在我行优质客户的采购关系中出现的次数"),
    Field("n_as_buyer", "作为下游买家次数", unit="次", meaning="在我行优质客户的销售关系中出现的次数"),
    Field("total_trade_share", "交易份额合计", meaning="在这些客户采购或销售中所占份额之和"),
    Field("mean_relationship_years", "平均合作年限", unit="年", meaning="与我行优质客户的平均合作年限"),
    Field("rule", "规则", meaning="打分规则的编号"),
    Field("rule_column", "规则所用列", meaning="规则判断的数据列"),
    Field("rule_op", "比较方式", meaning=">=、>、<=、<、==、!="),
    Field("rule_threshold", "阈值", meaning="与列值比较的阈值"),
    Field("rule_points", "分值", unit="分", meaning="满足规则时加的分"),
    Field("rule_type", "规则类型", meaning="加分或排除", values={"score": "加分", "exclude": "排除"}),
    Field("rule_text", "规则说明", meaning="规则的中文说明"),
    # ---------------------------------------------------------------- 产品组合
    *[Field(f"share_{k}", f"{v}持有率", meaning=f"该组客户中持有{v}产品的比例，0–1") for k, v in _FAMILY.items()],
    Field("suggested_bundle", "建议产品组合", meaning="贷款作载体，再加上本组持有率偏低的产品"),
    Field("product_family", "产品大类", meaning="信贷、存款、理财、支付结算、保险、信用卡与分期",
          values=_FAMILY),
]

#: 其他显示文字，用 labels.text(键) 取
TEXTS = {
    # 存量客户挖掘的默认规则（prospect_rules 的 rule_text 列，键为 segments.rule.<rule>）
    "segments.rule.deposit": "存款近 12 个月日均不少于 5 万元",
    "segments.rule.active_flows": "近 12 个月至少 10 个月有资金流入，经营在持续",
    "segments.rule.growing_flows": "近 6 个月流入不低于前 6 个月",
    "segments.rule.long_relationship": "在我行开户满 2 年",
    "segments.rule.established": "经营满 3 年",
    "segments.rule.uses_settlement": "在用我行支付结算产品",
    "segments.rule.good_visit": "客户经理走访评价不低于 4 分",
    "segments.rule.police_flag": "有公安负面信息",
    "segments.rule.lawsuits": "有涉诉记录",
    "segments.rule.credit_overdue": "征信显示近 24 个月逾期超过 30 天",
    # 走访清单
    "segments.target_sheet": "走访清单",
}
