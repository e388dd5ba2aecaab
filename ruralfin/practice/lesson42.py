"""第 42 课（线下人工与小微信贷技术风控：三维度的数据交叉验证）的练习题。

由浅入深：数被标记的人（第 1 题）→ 手算一户的流水还原收入（第 2 题）→ 自选容差读查准率
（第 3 题）→ 扣除生活用量看查全率（第 4 题）→ 判断收紧容差的后果（第 5 题）→ 找出最常对不上
的来源（第 6 题）。期望答案都由 :mod:`ruralfin.risk.crosscheck` 和示范县数据现算。
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from ._core import ChoiceQuestion, CustomQuestion, NumberQuestion, as_number, link_solutions, load

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "AS_OF", "TOLERANCE", "SOURCE_OPTIONS"]

#: 核对时点与讲义默认容差。
AS_OF = "2025-12-31"
TOLERANCE = 0.3
#: 第 4 题扣除的生活用电（千瓦时/月）和生活用水（吨/月）。
KWH_BASELINE, WATER_BASELINE = 100.0, 5.0
#: 第 6 题的选项：选项字母 -> 来源代码。
_SOURCE_CODES = {"A": "flow", "B": "electricity", "C": "water", "D": "tax"}
SOURCE_OPTIONS = {"A": "银行流水", "B": "电表", "C": "水表", "D": "纳税申报"}


@lru_cache(maxsize=1)
def _applicants():
    ent = load("entities")
    return ent[ent["entity_id"].isin(load("applications")["entity_id"])]


@lru_cache(maxsize=None)
def _table(kwh_baseline: float = 0.0, water_baseline: float = 0.0):
    """申请人的各来源估计与核实收入（同讲义第三节）。"""
    from ..risk import crosscheck as cc

    app = _applicants()
    return cc.combine_revenue(
        app,
        cc.flow_revenue(load("account_flows"), load("settlement"), as_of=AS_OF),
        cc.utility_revenue(load("utilities"), app, load("industry_coefficients"), as_of=AS_OF,
                           kwh_baseline=kwh_baseline, water_baseline=water_baseline),
        cc.tax_revenue(load("tax_records"), as_of=AS_OF),
    )


def _metrics_at(tolerance: float, kwh_baseline: float = 0.0, water_baseline: float = 0.0):
    from ..risk import crosscheck as cc

    return cc.tolerance_sweep(_table(kwh_baseline, water_baseline), load("truth_entities"),
                              tolerances=[tolerance]).iloc[0]


# ---------------------------------------------------------------- 第 1 题
def _n_flagged() -> int:
    from ..risk import crosscheck as cc

    return int(cc.flag_revenue(_table(), tolerance=TOLERANCE)["flag"].sum())


q1 = NumberQuestion(
    "第 1 题",
    _n_flagged,
    rtol=0,
    atol=0.5,
    unit="户",
    integer=True,
    hints=[
        "先按讲义做出核实收入表 table，再用 rf.risk.crosscheck.flag_revenue(table, tolerance=0.3) 加上标记。",
        "标记在 flag 列（True/False）；True 的个数就是答案，可以用 .sum()。",
    ],
)


# ---------------------------------------------------------------- 第 2 题
@lru_cache(maxsize=1)
def _flow_example():
    """第 2 题用的主体：有完整 12 个月流水、能还原收入的申请人里编号最小的一户。"""
    from ..risk import crosscheck as cc

    f = cc.flow_revenue(load("account_flows"), load("settlement"), as_of=AS_OF)
    f = f[f["entity_id"].isin(_applicants()["entity_id"]) & (f["flow_months"] == 12) & f["flow_revenue"].notna()]
    row = f.sort_values("entity_id").iloc[0]
    return int(row["entity_id"]), float(row["flow_revenue"])


def example_entity() -> int:
    """第 2 题要手算的主体编号。"""
    return _flow_example()[0]


q2 = NumberQuestion(
    "第 2 题",
    lambda: _flow_example()[1],
    rtol=2e-3,
    unit="万元",
    hints=[
        "三个数：这户 2025 年 12 个月流入（account_flows.inflow_amount）的合计、"
        "settlement 里的经我行结算比例 reported_share_with_us、现金收款比例 receipt_share_cash。",
        "公式：流入合计 ÷ [(1 − 现金收款比例) × 经我行结算比例]。先除以非现金比例，再除以经我行的比例。",
        "筛 2025 年：flows[(flows['entity_id'] == eid) & (flows['month'].dt.year == 2025)]。",
    ],
)


# ---------------------------------------------------------------- 第 3 题
def _judge_precision(answer: Any, expected: Any) -> tuple[bool, str]:
    if not isinstance(answer, tuple) or len(answer) != 2:
        return False, "请按 (容差, 查准率) 的形式作答，例如 (0.25, 0.8)：两个数，用逗号隔开、外面加圆括号。"
    values = []
    for name, v in zip(("容差", "查准率"), answer):
        num = as_number(v)
        if num is None or math.isnan(num):
            return False, f"{name}应当是一个数，你给的是 {type(v).__name__}：{v!r}。"
        values.append(num)
    tol, prec = values
    if not (0.05 <= tol <= 1.0):
        return False, f"容差请在 0.05 到 1.0 之间选（0.25 表示 25%），你选的是 {tol:g}。"
    if math.isclose(tol, TOLERANCE, abs_tol=0.01):  # 0.30000001 也是讲义的容差
        return False, "请换一个和讲义不同的容差（不要用 0.3，也不要用和它相差不到 0.01 的数），再算一次。"
    if prec > 1.0:
        return False, "查准率是 0–1 之间的小数（如 0.85），不是百分数。"
    right = float(_metrics_at(tol)["precision"])
    if math.isclose(prec, right, abs_tol=5e-4):
        side = "更高" if tol > TOLERANCE else "更低"
        return True, f"答对了：容差 {tol:.0%} 时查准率 {right:.1%}，比讲义的 30% 时{side}。"
    if math.isclose(prec, float(_metrics_at(tol)["recall"]), abs_tol=5e-4):
        return False, "这是查全率（抓到的 ÷ 真有问题的）；查准率是 抓到的 ÷ 标记的。"
    return False, f"容差 {tol:g} 时的查准率不是 {prec:g}。确认只统计了可核对的申请人，并且比较的是真相表的 truth_is_misreporter。"


q3 = CustomQuestion(
    "第 3 题",
    None,
    judge=_judge_precision,
    hints=[
        "rf.risk.crosscheck.tolerance_sweep(table, truth, tolerances=[你的容差]) 一行就给出该容差下的查准率（precision 列）。",
        "也可以自己算：flag_revenue 标记后筛 checkable，再用 rf.risk.crosscheck.flag_metrics(…, truth)。",
        "作答形式是一个元组：(容差, 查准率)，如 (0.2, 0.71)；容差不要用 0.3。",
    ],
)


# ---------------------------------------------------------------- 第 4 题
q4 = NumberQuestion(
    "第 4 题",
    lambda: float(_metrics_at(TOLERANCE, KWH_BASELINE, WATER_BASELINE)["recall"]),
    rtol=0,
    atol=5e-4,
    unit="",
    hints=[
        "重新算电表、水表：rf.risk.crosscheck.utility_revenue(…, kwh_baseline=100, water_baseline=5)，其余两个来源不变。",
        "用新的电表水表结果重新 combine_revenue，再用 tolerance_sweep(…, tolerances=[0.3]) 读 recall。",
        "查全率是 0–1 的小数，如 0.65。",
    ],
)


# ---------------------------------------------------------------- 第 5 题
_Q5_OPTIONS = {
    "A": "抓到的虚报户变多，误报的如实户也变多，查准率下降",
    "B": "抓到的虚报户变多，误报的如实户变少，查准率上升",
    "C": "抓到的虚报户变少，误报的如实户也变少，查准率上升",
    "D": "抓到的和误报的户数都不变",
}


def _q5_expected() -> str:
    from ..risk import crosscheck as cc

    sw = cc.tolerance_sweep(_table(), load("truth_entities"), tolerances=[TOLERANCE, 0.15]).set_index("tolerance")
    wide, tight = sw.loc[TOLERANCE], sw.loc[0.15]
    more_tp = tight["true_positives"] > wide["true_positives"]
    more_fp = tight["false_positives"] > wide["false_positives"]
    if more_tp and more_fp and tight["precision"] < wide["precision"]:
        return "A"
    if more_tp and not more_fp:
        return "B"
    if not more_tp and not more_fp:
        return "C" if tight["precision"] > wide["precision"] else "D"
    return "D"


q5 = ChoiceQuestion(
    "第 5 题",
    _q5_expected,
    options=_Q5_OPTIONS,
    hints=[
        "用 rf.risk.crosscheck.tolerance_sweep(table, truth, tolerances=[0.3, 0.15]) 把两个容差放在一张表里比较。",
        "看 true_positives（抓到的）、false_positives（误报的）、precision（查准率）三列怎么变。",
    ],
)


# ---------------------------------------------------------------- 第 6 题
def _q6_expected() -> str:
    from ..risk import crosscheck as cc

    flags = cc.flag_revenue(_table(), tolerance=TOLERANCE)
    codes = flags.loc[flags["flag"], "disagreeing_sources"].str.split(";").explode()
    codes = codes[codes != ""]
    top = codes.value_counts().idxmax()
    return next(k for k, v in _SOURCE_CODES.items() if v == top)


q6 = ChoiceQuestion(
    "第 6 题",
    _q6_expected,
    options=SOURCE_OPTIONS,
    hints=[
        "被标记（flag 为 True）的申请人，disagreeing_sources 列写着对不上的来源代码，用“;”连接。",
        "用 .str.split(';').explode() 把它拆成一行一个来源，再 .value_counts() 数每个来源出现几次。",
        "来源代码：flow = 银行流水，electricity = 电表，water = 水表，tax = 纳税申报。",
    ],
)


link_solutions(globals(), "42_crosscheck")
