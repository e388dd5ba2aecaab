"""第 44 课（预授信审批、贷后监测与催收）的练习题。

（4）预授信/审批：哪条约束卡住额度（第 1 题）、算一户额度（第 2 题）、按目标坏账率选切分点（第 3 题）；
（5）贷后监测：手工五级分类（第 4 题）、债务人 10% 规则（第 5 题）、读 vintage（第 6 题）、滚动率（第 7 题）；
（6）催收：固定人手下按每小时预期回收分配多回收多少（第 8 题）。
期望答案都由 :mod:`ruralfin.risk` 和示范县数据现算，不写死数字。
"""

from __future__ import annotations

from functools import lru_cache

from ._core import ChoiceQuestion, CustomQuestion, NumberQuestion, SetQuestion, as_items, link_solutions, load

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8",
           "Q1_HOUSEHOLD", "Q2_HOUSEHOLD", "LIMIT_OPTIONS", "Q4_LOANS", "Q5_LOANS"]

#: 额度参数（与讲义相同，教学示意）。
_LIMIT_KW = dict(revenue="revenue", income="cash_income", existing_debt="total_debt",
                 product_cap=30.0, term_months=36, round_to=0.5)
#: 第 1 题的农户（金额万元）。
Q1_HOUSEHOLD = {"revenue": 80.0, "cash_income": 30.0, "total_debt": 25.0}
#: 第 2 题的农户（金额万元）。
Q2_HOUSEHOLD = {"revenue": 120.0, "cash_income": 9.0, "total_debt": 10.0}
#: 第 1 题的选项。
LIMIT_OPTIONS = {"A": "产品额度上限", "B": "收入倍数扣减现有负债", "C": "偿债比上限"}
_OPTION_OF = {"product_cap": "A", "revenue_multiple": "B", "dsr": "C"}
#: 第 4 题：五笔贷款（同一时点，各属不同债务人）。
Q4_LOANS = {
    "loan_id": ["L1", "L2", "L3", "L4", "L5"],
    "entity_id": ["A", "B", "C", "D", "E"],
    "days_past_due": [0, 45, 90, 181, 361],
    "guarantee_method": ["mortgage", "credit", "guarantee", "mortgage", "credit"],
    "collateral_covers_pct": [150, 0, 0, 200, 0],
    "balance": [20.0, 5.0, 8.0, 30.0, 3.0],
}
#: 第 5 题：三户六笔贷款。
Q5_LOANS = {
    "loan_id": ["A-1", "A-2", "B-1", "B-2", "C-1", "C-2"],
    "entity_id": ["A", "A", "B", "B", "C", "C"],
    "days_past_due": [0, 120, 0, 95, 0, 200],
    "balance": [50.0, 4.0, 18.0, 2.0, 10.0, 5.0],
}
_GRADE_ALIASES = {"正常": "normal", "关注": "special_mention", "次级": "substandard", "可疑": "doubtful",
                  "损失": "loss"}
#: 第 3 题的目标坏账率与候选切分点。
_TARGET_BAD = 0.03
_CUTOFFS = range(540, 605, 5)
#: 第 6 题的批次与账龄。
_COHORT, _MOB = "2024-01", 12
#: 第 8 题的人手。
_N_COLLECTORS, _HOURS = 2, 16.0


def _limit(household: dict):
    import pandas as pd

    from ..risk.limits import credit_limit

    return credit_limit(pd.DataFrame([household]), **_LIMIT_KW).iloc[0]


@lru_cache(maxsize=None)
def _applications():
    """讲义中的 A 卡与 2024 下半年以来的申请（含评分、违约概率与真相）。"""
    from ..risk.binning import WoEBinner
    from ..risk.scorecard import Scorecard

    apps = load("applications")
    apps = apps.assign(debt_to_revenue=apps["existing_debt"] / apps["reported_revenue"])
    feats = ["manager_visit_score", "max_dpd_24m", "debt_to_revenue", "credit_inquiries_6m", "social_security_months"]
    dev = apps[(apps["sample"] == "development") & apps["bad_12m"].notna()]
    card = Scorecard(WoEBinner(max_bins=4), decimals=0).fit(dev[feats], dev["bad_12m"].astype(int))
    new = apps[apps["sample"] != "development"].merge(load("truth_applications"), on="application_id")
    new = new.assign(points=card.predict_points(new[feats]), prob_default=card.predict_proba(new[feats])[:, 1])
    return new


def _q3_cutoff() -> float:
    from ..risk.decisions import cutoff_table

    tab = cutoff_table(_applications(), outcome="truth_bad_12m", requested_amount="requested_amount",
                       cutoffs=_CUTOFFS)
    ok = tab[tab["expected_bad_rate"] <= _TARGET_BAD]
    return float(ok["cutoff"].min())


def _q4_grades() -> list[str]:
    import pandas as pd

    from ..risk.classification import classify_loans

    return classify_loans(pd.DataFrame(Q4_LOANS))["risk_grade"].astype(str).tolist()


def _judge_grades(answer, expected) -> tuple[bool, str]:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return False, "请用方括号列出 5 个分类，例如 [\"正常\", \"关注\", ...]，按 L1 到 L5 的顺序。"
    got = as_items(answer, item="分类", limit=100)  # 不收整张表、字典；生成器最多读 100 项
    if len(got) != len(expected):
        return False, f"应当给出 {len(expected)} 个分类（L1 到 L5 各一个），你给了 {len(got)} 个。"
    codes = []
    for a in got:
        a = str(a).strip()
        code = _GRADE_ALIASES.get(a, a)
        if code not in _GRADE_ALIASES.values():
            return False, f"“{a}”不是五级分类之一；请用 正常、关注、次级、可疑、损失。"
        codes.append(code)
    wrong = [f"L{i + 1}" for i, (c, e) in enumerate(zip(codes, expected)) if c != e]
    if not wrong:
        return True, "答对了：抵押再足，逾期超过 90 天也是次级；恰好 90 天仍是关注。"
    return False, f"{'、'.join(wrong)} 的分类不对。对照逾期天数的四个门槛再看一遍，注意“超过”是严格大于。"


def _q5_npl() -> set[str]:
    import pandas as pd

    from ..risk.classification import classify_loans

    out = classify_loans(pd.DataFrame(Q5_LOANS))
    return set(out.loc[out["is_npl"], "loan_id"])


def _q6_vintage() -> float:
    import pandas as pd

    from ..risk.vintage import vintage_table

    v30 = vintage_table(load("loan_monthly"), dpd_threshold=30)
    return float(v30.loc[pd.Period(_COHORT, freq="M"), _MOB] * 100)


def _q7_roll() -> float:
    from ..risk.migration import roll_rate_matrix

    return float(roll_rate_matrix(load("loan_monthly")).loc["M2", "M3"] * 100)


def _q8_gain() -> float:
    from ..risk.collection import CollectionScoreModel, allocate_collectors, collection_cases

    lm = load("loan_monthly")
    cases = collection_cases(lm)
    feats = ["days_past_due", "balance", "months_on_book", "paid_ratio_3m", "unpaid_3m",
             "overdue_months_12m", "months_in_arrears"]
    train = cases["cured_30d"].notna() & (cases["month"] < "2025-01-01")
    model = CollectionScoreModel(random_state=0).fit(cases.loc[train, feats], cases.loc[train, "cured_30d"].astype(int))
    now = cases[cases["month"] == lm["month"].max()]
    now = now.assign(prob_cure=model.predict_proba(now[feats])[:, 1])
    return allocate_collectors(now, _N_COLLECTORS, _HOURS).gain


q1 = ChoiceQuestion(
    "第 1 题",
    lambda: _OPTION_OF[str(_limit(Q1_HOUSEHOLD)["binding_constraint"])],
    options=LIMIT_OPTIONS,
    hints=[
        "三条约束各算一遍，取最小的那条：产品上限 30 万元；0.5 × 年营业收入 − 现有负债；偿债比上限折成的本金。",
        "收入倍数：0.5 × 80 − 25 = 15 万元。偿债比那条要先扣掉现有负债的年还款额（按 3 年等额本息估），再把剩下的月供折成本金——两条很接近，手算容易看错。",
        "用 rf.risk.limits.credit_limit(pd.DataFrame([ex.Q1_HOUSEHOLD]), revenue=\"revenue\", income=\"cash_income\", "
        "existing_debt=\"total_debt\", product_cap=30.0, term_months=36) 看 limit_revenue、limit_dsr 两列。",
    ],
)

q2 = NumberQuestion(
    "第 2 题",
    lambda: float(_limit(Q2_HOUSEHOLD)["credit_limit"]),
    atol=0.01,
    unit="万元",
    hints=[
        "这户营业额 120 万元，但一年只赚 9 万元——先猜猜是哪条约束卡住它。",
        "偿债比：0.5 × 9 = 4.5 万元/年可用于还款，先减去现有 10 万元负债按 3 年等额本息的年还款额，剩下的÷12 是可承受月供。",
        "直接用 rf.risk.limits.credit_limit(pd.DataFrame([ex.Q2_HOUSEHOLD]), ...)，参数与第 1 题相同（含 round_to=0.5），取 credit_limit。",
    ],
)

q3 = NumberQuestion(
    "第 3 题",
    _q3_cutoff,
    atol=0.01,
    unit="分",
    hints=[
        "用 rf.risk.decisions.cutoff_table(new, outcome=\"truth_bad_12m\", requested_amount=\"requested_amount\", cutoffs=range(540, 605, 5))。",
        "看“预期坏账率”一列（expected_bad_rate，小数）：目标 3% 就是 0.03。切分点越高，预期坏账率越低。",
        "在 expected_bad_rate <= 0.03 的行里取最小的 cutoff——切分点尽量低，才能在达标的前提下多通过客户。",
    ],
)

q4 = CustomQuestion(
    "第 4 题",
    _q4_grades,
    judge=_judge_grades,
    hints=[
        "四个门槛：逾期（1 天起）至少关注；超过 90 天至少次级；超过 270 天至少可疑；超过 360 天损失。",
        "“超过”是严格大于：恰好 90 天还不算超过 90 天。",
        "2023 年新规：逾期超过 90 天的，即使抵押担保充足也要归为不良——抵押率 200% 也救不了。",
    ],
)

q5 = SetQuestion(
    "第 5 题",
    _q5_npl,
    item="贷款",
    hints=[
        "先按逾期天数逐笔分类：超过 90 天的是不良。",
        "再按户看：一户在本行的不良余额占该户全部余额的比例**超过** 10%，该户全部贷款都归为不良。",
        "A 户 4 ÷ 54 ≈ 7.4%，B 户 2 ÷ 20 = 10%（恰好 10% 不算超过），C 户 5 ÷ 15 ≈ 33%。",
    ],
)

q6 = NumberQuestion(
    "第 6 题",
    _q6_vintage,
    atol=0.05,
    unit="%",
    hints=[
        "v30 = rf.risk.vintage.vintage_table(loan_monthly, dpd_threshold=30)：行是放款批次，列是账龄（月）。",
        "行索引是月度 Period：用 v30.loc[pd.Period(\"2024-01\", freq=\"M\"), 12] 取值。",
        "表里是 0–1 的小数，题目要百分数：乘以 100。",
    ],
)

q7 = NumberQuestion(
    "第 7 题",
    _q7_roll,
    atol=0.05,
    unit="%",
    hints=[
        "用 rf.risk.migration.roll_rate_matrix(loan_monthly)（默认按笔数）。",
        "行是本月所在桶，列是下月所在桶：取行 \"M2\"、列 \"M3\"。",
        "表里是小数，题目要百分数：乘以 100。",
    ],
)

q8 = NumberQuestion(
    "第 8 题",
    _q8_gain,
    rtol=1e-3,
    atol=0.5,
    unit="万元",
    hints=[
        "用讲义里打好回正概率的 12 月末逾期案件 open_cases。",
        "rf.risk.collection.allocate_collectors(open_cases, 2, 16.0) 返回的结果有 .summary 和 .gain。",
        ".gain 就是按每小时预期回收分配比“先追大额”多回收的预期金额（万元）。",
    ],
)


link_solutions(globals(), "44_lifecycle")
