"""收益与成本（ruralfin.economics）输出的列：定价拆解、RAROC、综合收益、风险成本、监管指标、公开统计。

利率与成本率为年化百分数（单位 %）；概率与比例为 0–1 的小数（单位留空）。
"""

from . import Field

_PCT = "%"

FIELDS = [
    # ---------------------------------------------------------------- 定价参数与拆解
    Field("ftp_rate", "资金成本（FTP）", unit=_PCT,
          meaning="内部资金转移价格：贷款占用资金的内部成本，年化"),
    Field("opex_rate", "运营成本率", unit=_PCT, meaning="人工、网点、系统等分摊到每百元贷款上的年化成本"),
    Field("lgd", "违约损失率", meaning="违约后收不回来的比例（LGD），0–1 之间"),
    Field("risk_weight", "风险权重", meaning="计算风险加权资产用的权重，0.75 表示 75%；课程默认值仅为示意，未经核实"),
    Field("capital_ratio", "资本充足率要求", meaning="每元风险加权资产需要准备的资本，0.105 表示 10.5%"),
    Field("hurdle_rate", "股东要求回报率", meaning="资本的最低回报要求（门槛），0.12 表示 12%"),
    Field("el_rate", "预期损失率", unit=_PCT, meaning="预期损失占贷款余额的比例（= PD × LGD），即风险成本率"),
    Field("capital_cost_rate", "资本成本率", unit=_PCT,
          meaning="风险权重 × 资本充足率要求 × 股东要求回报率：占用资本的成本折到每百元贷款上"),
    Field("break_even_rate", "保本利率", unit=_PCT,
          meaning="FTP + 运营成本率 + 预期损失率 + 资本成本率：不赚不亏的贷款利率（门槛利率）"),
    Field("margin_rate", "目标利润率", unit=_PCT, meaning="在保本利率之上加的目标利润"),
    Field("customer_rate", "对客利率", unit=_PCT, meaning="保本利率 + 目标利润率：报给客户的贷款利率"),
    Field("step", "步骤", meaning="定价拆解的第几级"),
    Field("row", "行号", meaning="输入表中的行序号"),
    Field("component", "组成部分", meaning="贷款利率的组成部分", values={
        "ftp": "资金成本（FTP）",
        "opex": "运营成本",
        "expected_loss": "预期损失",
        "capital_cost": "资本成本",
        "break_even": "保本利率",
        "margin": "目标利润",
        "customer_rate": "对客利率",
    }),
    Field("kind", "类型", meaning="瀑布图中柱子的类型", values={
        "component": "组成", "subtotal": "小计", "total": "合计",
    }),
    Field("component_rate", "利率", unit=_PCT, meaning="该组成部分（或小计、合计）的年化利率"),
    Field("bar_start", "柱底", unit=_PCT, meaning="瀑布图中柱子的起点高度"),
    Field("bar_end", "柱顶", unit=_PCT, meaning="瀑布图中柱子的终点高度"),
    Field("reference_rate", "参考利率", unit=_PCT, meaning="用于对比的利率，如公开的新发放普惠型小微贷款平均利率"),
    # ---------------------------------------------------------------- RAROC
    Field("max_dpd_to_date", "历史最长逾期", unit="天", meaning="贷款从发放到统计时点出现过的最长逾期天数"),
    Field("n_loans", "贷款笔数", unit="笔", meaning="汇总的贷款笔数"),
    Field("ead", "违约风险暴露", unit="万元", meaning="违约时银行面临损失的金额（EAD），默认取贷款余额"),
    Field("interest_income", "利息收入", unit="万元", meaning="余额 × 贷款利率，年化"),
    Field("fee_income", "中间业务收入", unit="万元",
          meaning="结算、代发、理财、保险代销等手续费收入，年化"),
    Field("funding_cost", "资金成本", unit="万元", meaning="余额 × FTP，年化"),
    Field("operating_cost", "运营成本", unit="万元", meaning="余额 × 运营成本率，年化"),
    Field("expected_loss", "预期损失", unit="万元", meaning="PD × LGD × EAD，年化"),
    Field("risk_adjusted_profit", "风险调整利润", unit="万元",
          meaning="利息收入 + 中收 − 资金成本 − 运营成本 − 预期损失"),
    Field("regulatory_capital", "占用资本", unit="万元", meaning="EAD × 风险权重 × 资本充足率要求（监管资本口径）"),
    Field("raroc", "RAROC", meaning="风险调整利润 / 占用资本，0.15 表示 15%"),
    Field("meets_hurdle", "达到回报门槛", meaning="RAROC 是否不低于股东要求回报率",
          values={True: "是", False: "否"}),
    # ---------------------------------------------------------------- 综合收益
    Field("loan_balance", "贷款余额", unit="万元", meaning="贷款本金余额（汇总表中为该组或该客户的合计）"),
    Field("deposit_balance", "存款余额", unit="万元", meaning="存款余额；客户汇总表中为近 12 个月日均余额的合计"),
    Field("loan_rate", "贷款利率", unit=_PCT, meaning="客户贷款的执行利率（按余额加权），年化"),
    Field("deposit_rate", "存款付息率", unit=_PCT, meaning="付给客户的存款利率（按余额加权），年化"),
    Field("loan_spread_income", "贷款利差收入", unit="万元", meaning="贷款余额 × (贷款利率 − FTP)，年化"),
    Field("deposit_contribution", "存款贡献", unit="万元", meaning="存款余额 × (存款 FTP − 存款付息率)，年化"),
    Field("risk_cost", "风险成本", unit="万元", meaning="贷款余额 × PD × LGD，即预期损失"),
    Field("loan_net_income", "贷款净收益", unit="万元", meaning="贷款利差收入 − 风险成本 − 运营成本"),
    Field("comprehensive_income", "综合收益", unit="万元", meaning="贷款净收益 + 存款贡献 + 中间业务收入"),
    Field("loan_net_yield", "贷款净收益率", unit=_PCT, meaning="贷款净收益 / 贷款余额"),
    Field("comprehensive_yield", "综合收益率", unit=_PCT, meaning="综合收益 / 贷款余额"),
    Field("yield_pattern", "收益类型", meaning="只看贷款与看综合收益时，客户是否达到收益门槛", values={
        "both_good": "利差与综合都达标",
        "rescued": "利差不足、综合补回",
        "eroded": "利差尚可、综合拖累",
        "both_poor": "利差与综合都不达标",
        "no_loan": "无贷款",
    }),
    # ---------------------------------------------------------------- 监管指标
    Field("indicator", "指标", meaning="监管指标", values={
        "all_loans_growth": "各项贷款增速",
        "inclusive_micro_growth": "普惠型小微贷款增速",
        "inclusive_micro_borrowers": "普惠型小微有贷户数",
        "all_loans_npl_ratio": "各项贷款不良率",
        "inclusive_micro_npl_ratio": "普惠型小微不良率",
        "inclusive_micro_new_loan_rate": "新发放普惠型小微贷款平均利率",
        "agri_growth": "涉农贷款增速",
        "inclusive_agri_growth": "普惠型涉农贷款增速",
    }),
    Field("value", "数值", meaning="指标的数值，单位见“单位”列"),
    Field("benchmark", "对比基准", meaning="判断是否达标时对比的数，单位见“单位”列"),
    Field("unit", "单位", meaning="数值与对比基准的单位"),
    Field("requirement", "要求", meaning="监管要求或对比口径"),
    Field("met", "是否达标", meaning="是否满足要求；没有已核实的量化要求或无法计算时为空",
          values={True: "达标", False: "未达标"}),
    Field("direction", "相对基准", meaning="数值相对对比基准的方向", values={
        "above": "高于", "below": "低于", "equal": "持平",
    }),
    Field("verified", "可信度", meaning="要求或数字在来源中的核实程度", values={
        "V": "已核实", "S": "二手来源，待复核", "U": "未核实",
    }),
    Field("note", "备注", meaning="口径说明与注意事项"),
    # ---------------------------------------------------------------- 公开统计
    Field("figure", "统计指标", meaning="全国公开统计数的指标", values={
        "inclusive_sme_loans_nfra": "普惠型小微企业贷款余额（金融监管总局口径）",
        "inclusive_sme_loans_pboc": "普惠小微贷款余额（人民银行口径）",
        "inclusive_sme_credit_loans_nfra": "普惠型小微企业信用贷款余额",
        "agri_loans": "涉农贷款余额",
        "inclusive_agri_loans": "普惠型涉农贷款余额",
        "rural_loans": "农村（县及县以下）贷款余额",
        "agriculture_loans": "农业贷款余额",
        "farm_household_loans": "农户贷款余额",
        "farm_household_business_loans": "农户生产经营贷款余额",
        "inclusive_sme_new_loan_rate": "新发放普惠型小微企业贷款平均利率",
        "lpr_1y": "1 年期贷款市场报价利率（LPR）",
        "commercial_bank_npl_ratio": "商业银行不良贷款率",
        "family_farms": "家庭农场数量",
        "farmer_cooperatives": "农民合作社数量",
        "family_farm_net_profit": "家庭农场平均年净利润",
        "new_agri_entities": "新型农业经营主体数量",
        "individual_businesses": "个体工商户数量",
    }),
    Field("category", "类别", meaning="公开统计数的类别", values={
        "loan_balance": "贷款余额", "loan_rate": "利率", "entity_count": "主体数量", "other": "其他",
    }),
    Field("stat_basis", "统计口径", meaning="发布机构或统计口径（PBOC 人民银行，NFRA 金融监管总局，CBIRC 原银保监会）"),
    Field("period", "时点", meaning="统计时点或期间"),
    Field("growth_pct", "增速", unit=_PCT, meaning="余额或数量的增长率，口径见“增速口径”"),
    Field("growth_basis", "增速口径", meaning="同比、较年初等"),
]

# 图表标题、监管指标表里的要求与口径说明、出处等其他显示文字（labels.text("economics.…")）
_SRC_2019 = ("《关于2019年进一步提升小微企业金融服务质效的通知》（China Banking News 2019-03-15；"
             "Xinhua 2019-03-13）")
_SRC_2018 = "2018 年“两增两控”通知（只见于二手来源：英译转载 http://www.68fish.cn/uncategorized135/，页面无日期）"

TEXTS = {
    # ---------------------------------------------------------------- 定价拆解图
    "economics.rate_buildup_title": "贷款定价拆解",
    # ---------------------------------------------------------------- 监管指标：出处
    "economics.source.notice_2019": _SRC_2019,
    "economics.source.notice_2018": _SRC_2018,
    "economics.source.inclusive_micro_growth": "{notice_2019}；首次提出见 {notice_2018}（年份 2018 未核实）",
    "economics.source.nfra_2024": "金融监管总局 2024-01-26 发布会（via urdupoint 2024-01-26）",
    "economics.source.npl_rule": "《商业银行金融资产风险分类办法》（原银保监会、中国人民银行令 2023 年第 1 号）：逾期超过 90 天至少归为次级",
    # ---------------------------------------------------------------- 监管指标：要求
    "economics.requirement.baseline": "—（对比基准）",
    "economics.requirement.inclusive_micro_growth": "不低于各项贷款增速",
    "economics.requirement.inclusive_micro_borrowers": "有贷款余额的户数不低于期初",
    "economics.requirement.inclusive_micro_npl_ratio": "不高于各项贷款不良率 + {margin:g} 个百分点",
    "economics.requirement.inclusive_micro_new_loan_rate": "合理控制贷款综合成本（无已核实的量化门槛，只看升降）",
    "economics.requirement.agri_growth": "对比各项贷款增速（未核实到对涉农贷款总量的量化要求）",
    "economics.requirement.inclusive_agri_growth": "力争不低于各项贷款平均增速",
    # ---------------------------------------------------------------- 监管指标：口径说明
    "economics.period": "{start} 至 {end}",
    "economics.inclusive_micro_rule": "普惠型小微：{flag} 为真且单户授信 {cmp} {limit:g}（与 {credit_line} 同单位）",
    "economics.inclusive_micro_flag_only": "普惠型小微：{flag} 为真",
    "economics.npl_rule_flag": "不良以列 {column} 为准",
    "economics.npl_rule_dpd": "不良按逾期超过 {days:g} 天认定（只是下限，{source}）",
    "economics.new_rate_from_contracts": "按合同金额加权；来自全部贷款合同",
    "economics.new_rate_from_books": ("按合同金额加权；只含期末（上期为期初）仍在册的贷款，期内已结清的会被漏掉，"
                                      "给出 new_loans（全部合同）更准确"),
    "economics.note.all_loans_growth": "各项贷款余额增速，{period}",
    "economics.note.inclusive_micro_growth": "{definition}；{period}",
    "economics.note.inclusive_micro_borrowers": "2019 年通知表述为“客户数高于上年”[V]；比较基期（上年同期或年初）未核实",
    "economics.note.all_loans_npl_ratio": "期末各项贷款不良率；{npl_rule}",
    "economics.note.inclusive_micro_npl_ratio": "期末普惠型小微不良率；容忍度以风险总体可控为前提；{npl_rule}",
    "economics.note.inclusive_micro_new_loan_rate": "本期 {period} 新发放，基准为上一个等长期间；{rate_note}",
    "economics.note.agri_growth": "涉农：{flag} 为真；{period}",
    "economics.note.inclusive_agri_flag": "要求已核实（2024 年目标），但普惠型涉农贷款的定义未核实：本表按标志列 {flag} 计算，口径是教学假设",
    "economics.note.inclusive_agri_growth": ("要求已核实（2024 年目标），但普惠型涉农贷款的定义未核实：本表按“{flag} 为真且单户授信 "
                                             "{cmp} {limit:g}”计算，仅为教学假设"),
    "economics.unit.households": "户",
    # ---------------------------------------------------------------- 指标表的展示（format_indicators）
    "economics.count_units": "户、笔、个、人、家",
    "economics.shown.none": "—",
    "economics.shown.not_computable": "—（无法计算）",
    "economics.shown.direction_only": "—（只看方向）",
}
