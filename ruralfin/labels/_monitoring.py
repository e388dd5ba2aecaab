"""贷后监测、催收输出的列与图表文字。

贷后监测分四个模块：``ruralfin.risk.classification``（五级分类、逾期账龄桶、不良率）、
``migration``（迁移矩阵、滚动率）、``vintage``（账龄分析）、``early_warning``（预警）；
催收在 ``collection``；预授信与审批的列在 ``_approval.py``。

比例类的列取值在 0–1 之间，不是百分数；金额为万元。
"""

from . import Field

_GRADES = {"normal": "正常", "special_mention": "关注", "substandard": "次级", "doubtful": "可疑", "loss": "损失"}
_BUCKETS = {"M0": "M0（未逾期）", "M1": "M1（1–30 天）", "M2": "M2（31–60 天）", "M3": "M3（61–90 天）",
            "M4+": "M4+（90 天以上）"}
_SIGNAL_MEANING = "预警信号（是/否），见 ruralfin.risk.early_warning_signals"

FIELDS = [
    # ---- 五级分类与不良率（classification）
    Field("risk_grade", "五级分类", meaning="《商业银行金融资产风险分类办法》(2023) 的五级分类；后三类为不良",
          values=_GRADES),
    Field("next_grade", "下月五级分类", meaning="迁移矩阵的列：下个月的五级分类；closed 为下月不在表中",
          values={**_GRADES, "closed": "结清/转出"}),
    Field("is_npl", "是否不良", meaning="五级分类为次级、可疑或损失"),
    Field("grade_driver", "分类依据", meaning="决定最终分类的规则（并列时取靠前者）",
          values={"none": "无不利情形", "overdue": "逾期天数", "restructured": "重组观察期",
                  "renewal": "不合格续贷", "base": "基础分类（人工认定）",
                  "borrower_10pct": "债务人 10% 规则", "cross_bank_20pct": "跨行 20% 规则"}),
    Field("n_npl", "不良笔数", unit="笔", meaning="五级分类为次级、可疑或损失的贷款笔数"),
    Field("npl_ratio_count", "不良率（按笔数）", meaning="不良笔数 ÷ 贷款笔数"),
    Field("total_balance", "贷款余额合计", unit="万元", meaning="汇总范围内的贷款余额"),
    Field("npl_balance", "不良贷款余额", unit="万元", meaning="次级、可疑、损失三类贷款的余额"),
    Field("npl_ratio", "不良贷款率", meaning="不良贷款余额 ÷ 贷款余额"),
    # ---- 账龄桶、滚动率、vintage
    Field("dpd_bucket", "逾期账龄桶",
          meaning="按逾期天数分段：M0 未逾期、M1 1–30、M2 31–60、M3 61–90、M4+ 超过 90 天（M 编号为行业惯例）",
          values=_BUCKETS),
    Field("next_bucket", "下月逾期账龄桶", meaning="滚动率矩阵的列：下个月所在的逾期账龄桶；closed 为下月不在表中",
          values={**_BUCKETS, "closed": "结清/转出"}),
    Field("cohort", "放款批次", meaning="按放款月份划分的批次（vintage）"),
    Field("mob", "账龄", unit="月", meaning="放款后的月数（months on book），放款当月为 0"),
    Field("n_ever_bad", "累计曾逾期笔数", unit="笔", meaning="到该账龄为止曾经逾期超过门槛天数的贷款笔数"),
    Field("cohort_weight", "批次基数", meaning="批次的笔数或放款金额（按笔数或按金额加权时）"),
    Field("ever_bad_weight", "累计曾逾期基数", meaning="累计曾逾期贷款的笔数或放款金额"),
    Field("ever_bad_rate", "累计逾期率", meaning="到该账龄为止曾经逾期超过门槛天数的比例（vintage 曲线的纵轴）"),
    # ---- 预警
    Field("sig_sales_decline", "销售额下滑", meaning=_SIGNAL_MEANING + "：本月销售额或流水低于此前几个月均值一定幅度"),
    Field("sig_utility_decline", "用电用水下滑", meaning=_SIGNAL_MEANING + "：本月用电或用水量低于此前几个月均值一定幅度"),
    Field("sig_overdue_elsewhere", "他行逾期", meaning=_SIGNAL_MEANING + "：在其他银行出现逾期"),
    Field("sig_industry_shock", "行业冲击", meaning=_SIGNAL_MEANING + "：所在行业处于冲击期"),
    Field("sig_guarantee_trouble", "担保圈出险", meaning=_SIGNAL_MEANING + "：担保圈/互保圈中有成员出险"),
    Field("future_default", "未来是否违约", meaning="之后若干个月内是否发生违约：1 是、0 否，缺失表示不用于训练"),
    Field("warning_score", "预警分", unit="分", meaning="亮起的预警信号分值之和，越高越危险"),
    Field("signal", "预警信号", meaning="预警信号的列名"),
    Field("signal_coef", "信号系数", meaning="预警模型（逻辑回归）中该信号的系数（对数几率）"),
    Field("warning_points", "信号分值", unit="分", meaning="该信号亮起时加的预警分"),
    Field("default_month", "违约月份", meaning="首次违约（如首次逾期 90 天以上）的月份"),
    Field("first_warning_month", "首次预警月份", meaning="违约前回看窗口内预警分首次达到门槛的月份"),
    Field("lead_time_months", "预警提前期", unit="月", meaning="违约月份 − 首次预警月份；missed 表示窗口内未预警"),
    Field("warned", "是否提前预警", meaning="违约前回看窗口内是否亮过预警"),
    Field("n_entities", "主体数", unit="户", meaning="汇总的经营主体个数"),
    Field("defaulter_share", "占违约主体比例", meaning="该提前期的主体数 ÷ 全部违约主体数"),
    # ---- 催收（collection）
    Field("paid_ratio_3m", "近 3 月还款比例", meaning="近 3 个月实还 ÷ 应还（应还为 0 时记 1）"),
    Field("unpaid_3m", "近 3 月未还金额", unit="万元", meaning="近 3 个月应还未还的金额合计"),
    Field("overdue_months_12m", "近 12 月逾期月数", unit="月", meaning="近 12 个月（含本月）处于逾期的月数"),
    Field("months_in_arrears", "连续逾期月数", unit="月", meaning="本轮连续逾期的月数"),
    Field("cured_30d", "30 天内回正", meaning="下个月逾期天数回到 0：1 是、0 否，缺失表示下月不在表中"),
    Field("prob_cure", "回正概率", meaning="逾期贷款 30 天内回到正常的预测概率（催收评分）"),
    Field("collection_action", "催收手段", meaning="按逾期账龄桶采用的催收手段（常见做法，非监管规定）",
          values={"sms_reminder": "短信/电话提醒", "phone_call": "电话催收", "field_visit": "上门催收",
                  "legal": "法律诉讼/清收"}),
    Field("effort_hours", "工作量", unit="小时", meaning="每件案件按该手段大约需要的催收工时（示意值）"),
    Field("expected_recovery", "预期回收", unit="万元", meaning="回正概率 × 金额"),
    Field("recovery_per_hour", "每小时预期回收", unit="万元/小时", meaning="预期回收 ÷ 工作量，催收排序的依据"),
    Field("collection_priority", "催收优先级", meaning="按每小时预期回收从高到低的名次，1 最先"),
    Field("collector", "催收员", meaning="贪心分配给的催收员编号（从 1 起），缺失为本期未分配"),
    Field("naive_collector", "催收员（朴素分配）", meaning="朴素分配给的催收员编号，缺失为本期未分配"),
    Field("allocation_method", "分配方式", meaning="催收案件的分配方式",
          values={"greedy": "按每小时预期回收（贪心）", "naive": "朴素顺序"}),
    Field("n_cases", "案件数", unit="件", meaning="分配到催收员的案件数"),
    Field("hours_used", "已用工时", unit="小时", meaning="分配的案件所需工时合计"),
    Field("recovery_share", "回收占比", meaning="分配案件的预期回收 ÷ 全部案件的预期回收"),
    Field("n_collectors", "催收员人数", unit="人", meaning="参与本期分配的催收员人数"),
    Field("greedy_recovery", "预期回收（贪心分配）", unit="万元", meaning="按每小时预期回收分配时的预期回收合计"),
    Field("naive_recovery", "预期回收（朴素分配）", unit="万元", meaning="按朴素顺序（如先追大额）分配时的预期回收合计"),
    Field("recovery_gain", "多回收金额", unit="万元", meaning="贪心分配比朴素分配多回收的预期金额"),
]

#: 图表标题、坐标轴、图例等显示文字（labels.text(键)）；画图函数都可用 title= 等参数覆盖。
TEXTS = {
    # ---- 迁移矩阵与滚动率（migration）
    "migration.roll_title": "逾期账龄桶滚动率",
    "migration.roll_xlabel": "下月所在桶",
    "migration.roll_ylabel": "本月所在桶",
    "migration.grade_title": "五级分类月度迁移矩阵",
    "migration.grade_xlabel": "下月分类",
    "migration.grade_ylabel": "本月分类",
    # ---- 账龄分析（vintage）
    "vintage.title": "账龄曲线（vintage）",
    "vintage.xlabel": "账龄 MOB（月）",
    "vintage.ylabel_percent": "累计逾期率（%）",
    "vintage.legend_title": "放款月份",
    # ---- 预警（early_warning）
    "early_warning.lead_title": "预警提前期分布",
    "early_warning.lead_xlabel": "违约前提前预警的月数",
    "early_warning.lead_ylabel": "违约主体数（户）",
    "early_warning.missed": "未预警",
    "early_warning.target_meaning": "1 = 未来违约",
    "early_warning.target_missing_hint": "如 future_default_label 标为缺失的月份",
    # ---- 催收（collection）
    "collection.curve_title": "催收人手与预期回收",
    "collection.curve_greedy": "按每小时预期回收分配",
    "collection.curve_naive": "朴素分配（先追大额）",
    "collection.target_meaning": "1 = 30 天内回正",
    "collection.target_missing_hint": "如下月已结清或数据截止的案件",
}
