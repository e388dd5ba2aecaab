"""客户行为分析（ruralfin.risk.behavior）输出的列：流水行为特征、还款表现、B 卡标签、行为分群。

金额为万元；比例、趋势、波动为小数（0.05 = 5%），不是百分数。
"""

from . import Field

FIELDS = [
    Field("as_of", "观察时点", meaning="计算特征所站的月份（该月最后一天）；只用这个月及以前的数据"),
    # ---- 流水行为特征（behavior_features）
    Field("tenure_months", "往来月数", unit="月", meaning="从第一次出现在流水表到观察时点的月数（含两端）"),
    Field("recency_months", "距最近交易月数", unit="月",
          meaning="近度（R）：观察时点距最近一个有交易的月份的月数，0 表示当月有交易"),
    Field("active_months", "有交易月数", unit="月", meaning="频度（F）：观察窗口内有交易的月数"),
    Field("txn_per_month", "月均交易笔数", unit="笔", meaning="观察窗口内流入与流出笔数之和 ÷ 计入的月数"),
    Field("inflow_avg", "月均流入", unit="万元", meaning="金额（M）：观察窗口内资金流入之和 ÷ 计入的月数"),
    Field("net_flow_avg", "月均净流入", unit="万元", meaning="观察窗口内（流入 − 流出）之和 ÷ 计入的月数；负数为净流出"),
    Field("inflow_slope", "流入月变化率",
          meaning="月流入对月序的最小二乘斜率 ÷ 月均流入：平均每月变化的比例（0.05 = 每月多 5%）"),
    Field("inflow_cv", "流入波动系数", meaning="月流入的标准差 ÷ 月均流入（变异系数），越大越不稳定"),
    Field("balance_avg", "平均日均余额", unit="万元", meaning="观察窗口内各月结算账户日均余额的平均"),
    Field("balance_slope", "余额月变化率", meaning="日均余额对月序的最小二乘斜率 ÷ 平均日均余额：平均每月变化的比例"),
    Field("balance_cover_months", "余额覆盖月数", unit="月", meaning="平均日均余额 ÷ 月均流出：账上余额够付几个月的支出"),
    # ---- 还款表现（repayment_features）
    Field("dpd_now", "当前逾期天数", unit="天", meaning="观察时点当月各笔贷款逾期天数的最大值"),
    Field("max_dpd_window", "窗口内最长逾期天数", unit="天", meaning="观察窗口内各月各笔贷款逾期天数的最大值"),
    Field("late_months", "窗口内逾期月数", unit="月", meaning="观察窗口内有贷款逾期（逾期天数大于 0）的月数"),
    Field("paid_ratio", "还款比例", meaning="观察窗口内实还之和 ÷ 应还之和；应还为 0 时记 1"),
    Field("on_book_balance", "在贷余额", unit="万元", meaning="观察时点当月各笔贷款余额之和"),
    # ---- B 卡标签
    Field("bad_future", "表现期内变坏",
          meaning="B 卡目标：观察时点后表现期内（默认 12 个月）任一笔贷款逾期超过门槛天数（默认 90 天）为 1，否则为 0"),
    # ---- 行为分群
    Field("segment", "分群编号", meaning="行为分群的群编号，按人数从多到少为 1、2、3……"),
    Field("segment_name", "分群画像", meaning="由群中心的标准分推出的中文画像名（规则见 BehaviorSegmenter）"),
    Field("segment_share", "分群占比", meaning="该群主体数占全部样本的比例，0–1"),
]

#: 行为分群的画像用语：特征 -> (该群明显偏高时的说法, 明显偏低时的说法)；``ruralfin.risk.TRAITS`` 由它生成。
_TRAITS = {
    "tenure_months": ("老客户", "新客户"),
    "recency_months": ("久未往来", "近期活跃"),
    "active_months": ("月月有交易", "交易月份少"),
    "txn_per_month": ("交易笔数多", "交易笔数少"),
    "inflow_avg": ("流水大", "流水小"),
    "net_flow_avg": ("资金净流入", "资金净流出"),
    "inflow_slope": ("流水上升", "流水下滑"),
    "inflow_cv": ("流水波动大", "流水平稳"),
    "balance_avg": ("存款沉淀多", "存款沉淀少"),
    "balance_slope": ("余额上升", "余额下降"),
    "balance_cover_months": ("余额宽裕", "余额偏紧"),
    "dpd_now": ("当前逾期", "当前正常"),
    "max_dpd_window": ("近期有逾期", "还款记录好"),
    "late_months": ("逾期月份多", "很少逾期"),
    "paid_ratio": ("足额还款", "还款不足"),
    "on_book_balance": ("贷款余额大", "贷款余额小"),
}

#: 显示文字（labels.text(键)）。画像用语的键为 behavior.trait.<特征>.high / .low。
TEXTS = {
    **{f"behavior.trait.{f}.high": high for f, (high, _) in _TRAITS.items()},
    **{f"behavior.trait.{f}.low": low for f, (_, low) in _TRAITS.items()},
    "behavior.trait_other_high": "{label}高",
    "behavior.trait_other_low": "{label}低",
    "behavior.near_average": "各项接近平均",
    "behavior.profile_title": "各群中心的标准分（红 = 高于平均，蓝 = 低于平均）",
}
