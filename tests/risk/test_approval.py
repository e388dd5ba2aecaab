"""预授信与审批：额度三约束（手算）、等额本息、准入规则、白名单、决策矩阵与原因、切分点取舍。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin.errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ruralfin.risk.decisions import DecisionMatrix, cutoff_table, decide, plot_cutoff_tradeoff, top_adverse_factors
from ruralfin.risk.limits import annuity_payment, annuity_principal, credit_limit, debt_service_ratio
from ruralfin.risk.preapproval import Rule, check_rules, pre_approve, whitelist_summary

# 月利率 0.5%、12 期：(1 − 1.005^−12) / 0.005 = 11.618932...
ANNUITY_FACTOR = (1 - 1.005 ** -12) / 0.005


# ---------------------------------------------------------------- 等额本息
def test_annuity_arithmetic_by_hand():
    assert ANNUITY_FACTOR == pytest.approx(11.618932, abs=1e-6)
    assert annuity_payment(12.0, 6.0, 12) == pytest.approx(12 / ANNUITY_FACTOR)
    assert annuity_payment(12.0, 6.0, 12) == pytest.approx(1.032797, abs=1e-6)
    assert annuity_principal(1.0, 6.0, 12) == pytest.approx(ANNUITY_FACTOR)
    # 零利率退化为平均摊还
    assert annuity_payment(24.0, 0.0, 24) == 1.0 and annuity_principal(1.0, 0.0, 24) == 24.0
    # 互为反函数
    assert annuity_principal(annuity_payment(37.5, 4.35, 36), 4.35, 36) == pytest.approx(37.5)
    np.testing.assert_allclose(annuity_payment(np.array([12.0, 24.0]), 6.0, 12), [1.032797, 2.065594], atol=1e-6)


def test_annuity_rate_is_annual_percent():
    with pytest.raises(RuralfinValueError, match="contract_rate.*年化百分数"):
        annuity_payment(10.0, 60, 12)
    with pytest.warns(RuralfinWarning, match="contract_rate 的值最大只有 0.06，看起来是小数"):
        annuity_payment(10.0, 0.06, 12)
    with pytest.raises(RuralfinTypeError, match="term_months"):
        annuity_payment(10.0, 6.0, 12.5)


def test_debt_service_ratio_by_hand():
    df = pd.DataFrame({"requested_amount": [12.0, 12.0], "verified_revenue": [40.0, 0.0],
                       "existing_debt": [0.0, 0.0], "pay": [4.0, 0.0]})
    dsr = debt_service_ratio(df, existing_payment="pay")
    assert dsr.iloc[0] == pytest.approx((4.0 + 12 / ANNUITY_FACTOR * 12) / 40)
    assert np.isinf(dsr.iloc[1])
    assert dsr.name == "dsr"


# ---------------------------------------------------------------- 额度
def _limit_frame():
    return pd.DataFrame({
        "entity_id": ["A", "B", "C", "D"],
        "verified_revenue": [200.0, 40.0, 40.0, 10.0],
        "existing_debt": [0.0, 5.0, 0.0, 20.0],
        "annual_payment": [0.0, 0.0, 8.0, 0.0],
    })


def test_each_of_the_three_constraints_binds():
    df = _limit_frame()
    out = credit_limit(df, existing_payment="annual_payment", product_cap=30, revenue_multiple=0.5,
                       max_dsr=0.5, contract_rate=6.0, term_months=12)
    # A：上限 30；收入倍数 100；偿债比 100/12 × 因子 = 96.82 → 产品上限
    # B：收入倍数 0.5 × 40 − 5 = 15；偿债比 20/12 × 因子 = 19.36 → 收入倍数
    # C：收入倍数 20；偿债比 (20 − 8)/12 × 因子 = 11.62 → 偿债比
    # D：收入倍数 5 − 20 = −15 → 额度 0
    assert out["binding_constraint"].astype(str).tolist() == ["product_cap", "revenue_multiple", "dsr",
                                                             "revenue_multiple"]
    np.testing.assert_allclose(out["limit_revenue"], [100, 15, 20, -15])
    np.testing.assert_allclose(out["limit_dsr"], [100 / 12 * ANNUITY_FACTOR, 20 / 12 * ANNUITY_FACTOR,
                                                  ANNUITY_FACTOR, 5 / 12 * ANNUITY_FACTOR])
    np.testing.assert_allclose(out["credit_limit"], [30, 15, ANNUITY_FACTOR, 0])
    assert "受偿债比上限约束" in out.loc[2, "limit_note"]
    assert "不足以授信" in out.loc[3, "limit_note"]


def test_existing_debt_amortised_when_no_payment_column_and_rounding():
    df = pd.DataFrame({"verified_revenue": [40.0], "existing_debt": [12.0]})
    out = credit_limit(df, revenue_multiple=2.0, contract_rate=6.0, term_months=12)
    # 现有负债 12 万按同利率期限摊还：年还款 = 1.032797 × 12；可用于新贷款 = 20 − 12.3936
    expected = (20 - 12 / ANNUITY_FACTOR * 12) / 12 * ANNUITY_FACTOR
    assert out.loc[0, "limit_dsr"] == pytest.approx(expected)
    assert out.loc[0, "binding_constraint"] == "dsr"
    rounded = credit_limit(df, revenue_multiple=2.0, round_to=0.5)
    assert rounded.loc[0, "credit_limit"] == 7.0


def test_product_cap_from_a_column_and_income_column():
    df = pd.DataFrame({"verified_revenue": [100.0, 100.0], "existing_debt": [0.0, 0.0],
                       "cap": [5.0, 50.0], "net_income": [100.0, 12.0]})
    out = credit_limit(df, product_cap="cap", income="net_income", contract_rate=0.0, term_months=12)
    # 第 2 行偿债比用净收入：0.5 × 12 / 12 × 12 = 6
    np.testing.assert_allclose(out["credit_limit"], [5.0, 6.0])
    assert out["binding_constraint"].astype(str).tolist() == ["product_cap", "dsr"]


def test_credit_limit_input_unchanged_and_bad_inputs():
    df = _limit_frame()
    before = df.copy()
    credit_limit(df)
    pd.testing.assert_frame_equal(df, before)
    with pytest.raises(RuralfinValueError, match="contract_rate.*年化百分数"):
        credit_limit(df, contract_rate=600)
    with pytest.raises(RuralfinValueError, match="max_dsr"):
        credit_limit(df, max_dsr=50)
    with pytest.raises(RuralfinValueError, match="缺少列：verified_revenue"):
        credit_limit(df.drop(columns="verified_revenue"))
    with pytest.raises(RuralfinValueError, match="existing_debt 有 4 个值小于 0"):
        credit_limit(df.assign(existing_debt=-1.0))
    with pytest.raises(RuralfinValueError, match="verified_revenue.*缺失"):
        credit_limit(df.assign(verified_revenue=np.nan))
    with pytest.raises(RuralfinTypeError, match="verified_revenue"):
        credit_limit(df.assign(verified_revenue="100"))


# ---------------------------------------------------------------- 准入规则
def test_rules_operators_missing_and_sets():
    df = pd.DataFrame({
        "age": [30, 70, 40, 50],
        "max_dpd_24m": [0.0, np.nan, 45.0, np.nan],
        "industry": ["catering", "catering", "mining", "agri_production"],
        "size": pd.Categorical(["micro", "small", "medium", "micro"], categories=["micro", "small", "medium"],
                               ordered=True),
    })
    rules = [
        Rule("age", "<=", 65, "经营者超过 65 岁"),
        Rule("max_dpd_24m", "<=", 30, "近 24 个月有 30 天以上逾期", missing="pass"),
        ("industry", "not in", ["mining"], "行业不在支持范围"),
        {"column": "size", "op": "<=", "threshold": "small", "reason": "规模超出产品范围"},
    ]
    res = check_rules(df, rules)
    assert res["rules_passed"].tolist() == [True, False, False, True]
    assert res.loc[1, "failed_reasons"] == "经营者超过 65 岁"
    assert res.loc[2, "failed_reasons"] == "近 24 个月有 30 天以上逾期；行业不在支持范围；规模超出产品范围"
    assert res.loc[2, "failed_rules"] == "max_dpd_24m;industry;size"
    # 缺失默认算不满足
    strict = check_rules(df, [Rule("max_dpd_24m", "<=", 30, "逾期")])
    assert strict["rules_passed"].tolist() == [True, False, False, False]


@pytest.mark.parametrize(
    "rules, err, words",
    [
        ([("age", "=>", 3, "x")], RuralfinValueError, "运算符 '=>' 不认识"),
        ([("age", ">", 3)], RuralfinTypeError, "第 1 条规则"),
        ([("nope", ">", 3, "x")], RuralfinValueError, "缺少列：nope"),
        ([("age", ">", 3, "")], RuralfinValueError, "缺少中文原因"),
        ([("age", "in", 3, "x")], RuralfinTypeError, "取值列表"),
        ([("name", ">", 3, "x")], RuralfinTypeError, "数值列"),
        (Rule("age", ">", 3, "x"), RuralfinTypeError, "规则列表"),
        ([{"col": "age"}], RuralfinValueError, "column、op、threshold、reason"),
    ],
)
def test_bad_rules(rules, err, words):
    df = pd.DataFrame({"age": [30], "name": ["x"]})
    with pytest.raises(err, match=words):
        check_rules(df, rules)


def test_pre_approve_whitelist():
    df = pd.DataFrame({
        "entity_id": [1, 2, 3, 4, 5],
        "operator_age": [40, 70, 45, 50, 35],
        "points": [720.0, 700.0, 560.0, 650.0, np.nan],
        "verified_revenue": [80.0, 60.0, 50.0, 10.0, 80.0],
        "existing_debt": [0.0, 0.0, 0.0, 20.0, 0.0],
    })
    before = df.copy()
    with pytest.warns(RuralfinWarning, match="有 1 个评分缺失"):
        out = pre_approve(df, [("operator_age", "<=", 65, "经营者超过 65 岁")], min_score=600, contract_rate=0.0)
    pd.testing.assert_frame_equal(df, before)
    assert out["whitelisted"].tolist() == [True, False, False, False, False]
    assert out["rules_passed"].tolist() == [True, False, True, True, True]
    assert out.loc[2, "exclusion_reasons"] == "评分 560 低于门槛 600"
    assert out.loc[3, "exclusion_reasons"] == "测算额度为 0（收入倍数扣减现有负债不足）"
    assert out.loc[4, "exclusion_reasons"] == "评分缺失"
    # 不设评分门槛时不需要评分列
    out2 = pre_approve(df.drop(columns="points"), [], contract_rate=0.0)
    assert out2["whitelisted"].tolist() == [True, True, True, False, True]


# ---------------------------------------------------------------- 决策矩阵
def test_matrix_band_boundaries():
    m = DecisionMatrix(score_cuts=[600, 680], dsr_cuts=[0.4, 0.6])
    s, d = m.band_codes(np.array([599.9, 600, 680, np.nan]), np.array([0.4, 0.4001, 0.6, 0.61]))
    assert s.tolist() == [0, 1, 2, -1]  # 等于分段点归入较高评分段
    assert d.tolist() == [0, 1, 1, 2]   # 等于分段点归入较低偿债比段
    assert m.score_labels == ["<600", "600–680", "≥680"]
    assert m.dsr_labels == ["≤40%", "40%–60%", ">60%"]


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"score_cuts": [680, 600]}, "严格升序"),
        ({"score_cuts": []}, "至少要有一个分段点"),
        ({"score_cuts": [600]}, "3×3"),
        ({"score_cuts": [600], "actions": [["approve"], ["approve"]]}, "2 行（评分段）× 3 列"),
        ({"score_cuts": [600], "dsr_cuts": [0.5], "actions": [["ok", "decline"], ["approve", "refer"]]},
         "不认识的决定：ok"),
    ],
)
def test_matrix_bad_config(kwargs, words):
    with pytest.raises(RuralfinValueError, match=words):
        DecisionMatrix(**kwargs)


def test_decide_reasons_for_every_decline_and_refer():
    apps = pd.DataFrame({
        "points": [700, 650, 550, 700, np.nan, 650, 700],
        "dsr": [0.3, 0.7, 0.2, 0.3, 0.3, 0.5, 0.65],
        "court_cases": [0, 0, 0, 2, 0, 0, 0],
    })
    before = apps.copy()
    m = DecisionMatrix(score_cuts=[600, 680])
    with pytest.warns(RuralfinWarning, match="points 有 1 个缺失值"):
        out = decide(apps, m, rules=[("court_cases", "==", 0, "有涉诉记录")])
    pd.testing.assert_frame_equal(apps, before)
    assert out["auto_decision"].astype(str).tolist() == [
        "approve", "decline", "decline", "decline", "refer", "refer", "refer"]
    assert out["reason_codes"].tolist() == ["", "score_dsr", "score_low", "rule:court_cases",
                                            "missing_score", "score_dsr", "score_dsr"]
    assert out.loc[3, "decision_reasons"] == "未满足硬性规则：有涉诉记录"
    assert out.loc[4, "decision_reasons"] == "评分缺失，转人工复核"
    assert out.loc[0, "decision_reasons"] == ""
    declined = out[out["auto_decision"] != "approve"]
    assert (declined["decision_reasons"].str.len() > 0).all()
    assert str(out.loc[5, "score_band"]) == "600–680" and str(out.loc[5, "dsr_band"]) == "40%–60%"


def test_decide_dsr_high_when_column_always_declines():
    m = DecisionMatrix(score_cuts=[600], dsr_cuts=[0.5],
                       actions=[["decline", "decline"], ["approve", "decline"]])
    out = decide(pd.DataFrame({"points": [700], "dsr": [0.8]}), m)
    assert out.loc[0, "reason_codes"] == "dsr_high"
    assert out.loc[0, "decision_reasons"] == "偿债比 80% 过高（>50% 段不论评分高低都不予通过）"



def test_decide_zero_income_gives_a_readable_reason_and_never_auto_approves():
    # 收入为 0 → 偿债比无穷大：按最高偿债比段（>60%）处理，原因写明收入为 0，不出现“inf%”
    apps = pd.DataFrame({"requested_amount": [10.0, 10.0, 10.0], "verified_revenue": [0.0, 0.0, 0.0],
                         "existing_debt": [0.0, 0.0, 0.0], "points": [700, 650, 550]})
    apps["dsr"] = debt_service_ratio(apps)
    assert np.isinf(apps["dsr"]).all()
    out = decide(apps, DecisionMatrix(score_cuts=[600, 680]))
    # 示意矩阵 >60% 一列：高分段人工复核、中分段拒绝、低分段拒绝
    assert out["auto_decision"].astype(str).tolist() == ["refer", "decline", "decline"]
    assert out["reason_codes"].tolist() == ["no_income", "no_income", "score_low;no_income"]
    assert out.loc[0, "decision_reasons"] == "收入为 0，无法计算偿债比（按最高偿债比段 >60% 处理，转人工复核）"
    assert out.loc[1, "decision_reasons"] == "收入为 0，无法计算偿债比（按最高偿债比段 >60% 处理，不予通过）"
    assert out.loc[2, "decision_reasons"] == ("评分 550 过低（<600 段不论偿债比高低都不予通过）；"
                                              "收入为 0，无法计算偿债比")
    assert str(out.loc[0, "dsr_band"]) == ">60%"
    assert not out["decision_reasons"].str.contains("inf").any()
    # 即使矩阵最高偿债比段写的是“通过”，收入为 0 也只转人工复核，不自动通过
    lax = DecisionMatrix(score_cuts=[600], dsr_cuts=[0.5], actions=[["decline", "approve"], ["approve", "approve"]])
    res = decide(pd.DataFrame({"points": [700, 700], "dsr": [np.inf, 0.8]}), lax)
    assert res["auto_decision"].astype(str).tolist() == ["refer", "approve"]
    assert res.loc[0, "decision_reasons"] == "收入为 0，无法计算偿债比（按最高偿债比段 >50% 处理，转人工复核）"


@pytest.mark.parametrize("call", [
    lambda df: debt_service_ratio(df),
    lambda df: credit_limit(df),
    lambda df: credit_limit(df.assign(cash=[-1.0, 2.0], verified_revenue=[5.0, 5.0]), income="cash"),
])
def test_negative_income_rejected_with_a_hint_to_clip(call):
    df = pd.DataFrame({"requested_amount": [10.0, 10.0], "verified_revenue": [-3.0, 5.0],
                       "existing_debt": [0.0, 0.0]})
    with pytest.raises(RuralfinValueError, match=r"负数.*亏损.*clip\(lower=0\)"):
        call(df)
    for func in (debt_service_ratio, credit_limit):
        assert "负数" in func.__doc__ and "clip(lower=0)" in func.__doc__

def test_decide_with_top_factors():
    apps = pd.DataFrame({"points": [550, 700], "dsr": [0.2, 0.2]}, index=[10, 11])
    pts = pd.DataFrame({"base_points": [500, 500], "years_in_business": [5, 30], "owns_house": [0, 20],
                        "credit_inquiries_6m": [10, 10], "points": [515, 560]}, index=[10, 11])
    card = pd.DataFrame({"feature": ["years_in_business", "years_in_business", "owns_house", "owns_house",
                                     "credit_inquiries_6m", "credit_inquiries_6m"],
                         "points": [5, 30, 0, 20, -5, 10]})
    out = decide(apps, DecisionMatrix(score_cuts=[600, 680]), points=pts, max_points=card, n_factors=2)
    assert out.loc[10, "reason_codes"] == "score_low;factor:years_in_business;factor:owns_house"
    assert "主要不利因素" in out.loc[10, "decision_reasons"]
    assert out.loc[11, "reason_codes"] == ""
    with pytest.raises(RuralfinValueError, match="points 的索引应与 df 一致"):
        decide(apps, DecisionMatrix(score_cuts=[600, 680]), points=pts.iloc[:1])
    with pytest.raises(RuralfinTypeError, match="DecisionMatrix"):
        decide(apps, [[600, 680]])


def test_top_adverse_factors_by_hand():
    pts = pd.DataFrame({"a": [10.0, 40.0, 40.0], "b": [5.0, 5.0, 30.0], "c": [20.0, 0.0, 20.0]})
    res = top_adverse_factors(pts, max_points={"a": 40, "b": 30, "c": 20}, n=2)
    # 差距：行 0 = (30, 25, 0)；行 1 = (0, 25, 20)；行 2 = 全 0
    assert res["factor_1"].tolist()[:2] == ["a", "b"] and res["factor_2"].tolist()[:2] == ["b", "c"]
    assert res["shortfall_1"].tolist()[:2] == [30.0, 25.0]
    assert pd.isna(res.loc[2, "factor_1"]) and res.loc[2, "adverse_factors"] == ""
    # 不给最高分时用样本最大值
    auto = top_adverse_factors(pts, n=1)
    assert auto["shortfall_1"].tolist()[:2] == [30.0, 25.0]
    # 特征名取登记处的中文名
    named = top_adverse_factors(pd.DataFrame({"dsr": [0.0, 5.0]}), n=1)
    assert named.loc[0, "adverse_factors"] == "偿债比（比最高分少 5 分）"
    with pytest.raises(RuralfinValueError, match="max_points 缺少这些特征的最高分：c"):
        top_adverse_factors(pts, max_points={"a": 40, "b": 30})
    with pytest.raises(RuralfinTypeError, match="points 中这些列应为数值：c"):
        top_adverse_factors(pts.assign(c="x"))


# ---------------------------------------------------------------- 切分点取舍
def test_cutoff_table_by_hand():
    apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01],
                         "bad": [1.0, 0.0, np.nan, 0.0], "amount": [10.0, 20.0, 10.0, 10.0]})
    tab = cutoff_table(apps, outcome="bad", requested_amount="amount", cutoffs=[400, 650],
                       contract_rate=6.0, ftp_rate=2.0, opex_rate=1.2, lgd=0.5)
    # 默认扣资本成本：75% × 10.5% × 12% = 0.945%（与 RAROC、保本利率同一套定价假设）
    margin, loss = 0.028 - 0.00945, 0.532 + 0.00945
    exp_all = (10 * (0.6 * margin - 0.4 * loss) + 20 * (0.9 * margin - 0.1 * loss)
               + 10 * (0.95 * margin - 0.05 * loss) + 10 * (0.99 * margin - 0.01 * loss))
    assert tab.loc[0, "expected_profit"] == pytest.approx(exp_all)
    assert tab.loc[0, "approval_rate"] == 1.0
    assert tab.loc[0, "expected_bad_rate"] == pytest.approx(0.14)
    # 实际口径：结局缺失的一行不计
    assert tab.loc[0, "actual_bad_rate"] == pytest.approx(1 / 3)
    assert tab.loc[0, "actual_profit"] == pytest.approx(-10 * loss + 20 * margin + 10 * margin)
    assert tab.loc[1, "n_approved"] == 2 and tab.loc[1, "actual_bad_rate"] == 0.0
    no_capital = cutoff_table(apps, outcome="bad", requested_amount="amount", cutoffs=[400], hurdle_rate=0.0)
    assert no_capital.loc[0, "actual_profit"] == pytest.approx(-10 * 0.532 + 30 * 0.028)
    default = cutoff_table(apps)
    assert default["cutoff"].is_monotonic_increasing and default.loc[0, "approval_rate"] == 1.0
    assert "actual_bad_rate" not in default.columns


def test_cutoff_bad_inputs_and_plot():
    apps = pd.DataFrame({"points": [500, 600], "prob_default": [0.4, 0.1]})
    with pytest.raises(RuralfinValueError, match="prob_default 有 2 个值大于 1"):
        cutoff_table(apps.assign(prob_default=[40, 10]))
    with pytest.raises(RuralfinValueError, match="lgd"):
        cutoff_table(apps, lgd=50)
    with pytest.raises(RuralfinValueError, match="bad.*0/1"):
        cutoff_table(apps.assign(bad=[2, 0]), outcome="bad")
    ax = plot_cutoff_tradeoff(cutoff_table(apps, cutoffs=[450, 550]))
    assert ax.get_ylabel() == "通过率（%）" and ax.profit_ax.get_ylabel() == "利润（万元）"


def _tradeoff_apps():
    rng = np.random.default_rng(3)
    n = 400
    points = rng.normal(600, 40, n)
    prob = 1 / (1 + np.exp((points - 480) / 30))  # 约 1%–3% 的 PD
    return pd.DataFrame({"points": points, "prob_default": prob, "bad": (rng.random(n) < prob).astype(int)})


def test_plot_cutoff_tradeoff_bad_rates_get_their_own_scale_and_actual_profit_is_drawn():
    import matplotlib.pyplot as plt

    from ruralfin.plotting import set_theme

    set_theme()
    tab = cutoff_table(_tradeoff_apps(), outcome="bad", cutoffs=[540, 570, 600, 630, 660])
    assert tab["expected_bad_rate"].max() < 0.05  # 坏账率只有几个百分点
    ax = plot_cutoff_tradeoff(tab)
    # 上图左轴：通过率一条线，0–100%
    assert [ln.get_label() for ln in ax.get_lines()] == ["通过率"]
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= 100
    # 上图右轴：预期、实际坏账率，刻度按坏账率自身范围，不再挤在 0–100% 的底部
    bad = ax.bad_rate_ax
    assert [ln.get_label() for ln in bad.get_lines()] == ["预期坏账率", "实际坏账率"]
    np.testing.assert_allclose(bad.get_lines()[0].get_ydata(), tab["expected_bad_rate"] * 100)
    assert bad.get_ylim()[0] == 0 and bad.get_ylim()[1] < 20
    assert bad.get_ylabel() == "坏账率（%）"
    # 下图：预期利润与实际利润
    prof = ax.profit_ax
    assert [ln.get_label() for ln in prof.get_lines() if not ln.get_label().startswith("_")] == [
        "预期利润", "实际利润"]
    by_label = {ln.get_label(): ln for ln in prof.get_lines()}
    np.testing.assert_allclose(by_label["实际利润"].get_ydata(), tab["actual_profit"])
    np.testing.assert_allclose(by_label["预期利润"].get_ydata(), tab["expected_profit"])
    assert prof.get_xlabel() == "评分切分点（分）"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["通过率", "预期坏账率", "实际坏账率"]
    plt.close("all")


def test_plot_cutoff_tradeoff_without_outcome_and_on_a_given_ax():
    import matplotlib.pyplot as plt

    tab = cutoff_table(_tradeoff_apps(), cutoffs=[550, 600, 650])
    fig, given = plt.subplots()
    ax = plot_cutoff_tradeoff(tab, ax=given, title="取舍")
    assert ax is given and ax.get_title() == "取舍"
    assert len(ax.bad_rate_ax.get_lines()) == 1
    assert [ln.get_label() for ln in ax.profit_ax.get_lines() if not ln.get_label().startswith("_")] == ["预期利润"]
    assert ax.profit_ax.figure is fig and len(fig.axes) == 3
    plt.close("all")


def test_cutoff_table_nullable_boolean_outcome():
    # 示范县 applications.bad_12m 是可空布尔：被拒的申请没有结局
    apps = pd.DataFrame({"points": [500, 600, 700], "prob_default": [0.3, 0.1, 0.02],
                         "bad_12m": pd.array([True, None, False], dtype="boolean")})
    tab = cutoff_table(apps, outcome="bad_12m", cutoffs=[0])
    assert tab.loc[0, "actual_bad_rate"] == 0.5


def test_whitelist_summary_by_village():
    pre = pd.DataFrame({"village": ["a", "a", "b", "b", "b"], "whitelisted": [True, True, False, True, False],
                        "credit_limit": [10.0, 5.0, 30.0, 20.0, 0.0]})
    out = whitelist_summary(pre)
    assert out.index.tolist() == ["b", "a"]
    assert out.loc["b", "n_whitelisted"] == 1 and out.loc["b", "total_credit_limit"] == 20.0
    assert out.loc["a", "whitelist_rate"] == 1.0
    with pytest.raises(RuralfinValueError, match="pre 缺少列 township"):
        whitelist_summary(pre, by="township")


# ---------------------------------------------------------------- 坏输入（issue 11 第 7 条）
def test_credit_limit_with_infinite_or_missing_debt_is_an_error_not_nan():
    df = pd.DataFrame({"entity_id": [1, 2], "verified_revenue": [100.0, 50.0], "existing_debt": [np.inf, 0.0]})
    with pytest.raises(RuralfinValueError, match="existing_debt 有 1 个无穷大"):
        credit_limit(df)
    with pytest.raises(RuralfinValueError, match="existing_debt 有 1 个缺失值"):
        credit_limit(df.assign(existing_debt=[np.nan, 0.0]))
    with pytest.raises(RuralfinValueError, match="pay 有 1 个无穷大"):
        credit_limit(df.assign(existing_debt=0.0, pay=[np.inf, 0.0]), existing_payment="pay")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -1.0])
def test_credit_limit_needs_a_usable_entity_id(bad):
    df = pd.DataFrame({"entity_id": [1.0, 2.0], "verified_revenue": [100.0, 50.0], "existing_debt": [0.0, 0.0]})
    with pytest.raises(RuralfinValueError, match="entity_id"):
        credit_limit(df.assign(entity_id=[bad, 2.0]))
    with pytest.raises(RuralfinValueError, match="entity_id"):
        pre_approve(df.assign(entity_id=[bad, 2.0]), [("verified_revenue", ">", 0, "没有收入")])
    assert len(credit_limit(df.drop(columns="entity_id"))) == 2  # 没有编号列的表照常测算


@pytest.mark.parametrize("threshold", [np.nan, float("inf"), None, pd.NA, np.float64("nan")])
def test_rule_with_a_missing_or_infinite_threshold_is_rejected_at_construction(threshold):
    with pytest.raises(RuralfinValueError, match="门槛应为有限的数"):
        Rule("operator_age", "<=", threshold, "经营者超过 65 岁")
    with pytest.raises(RuralfinValueError, match="第 1 条规则（列 operator_age）的门槛应为有限的数"):
        check_rules(pd.DataFrame({"operator_age": [40]}), [("operator_age", "<=", threshold, "经营者超过 65 岁")])


@pytest.mark.parametrize(
    ("args", "err", "words"),
    [
        ((123, ">", 3, "x"), RuralfinTypeError, "列名 column 应为非空字符串"),
        (("age", "=>", 3, "x"), RuralfinValueError, "运算符 '=>' 不认识"),
        (("age", ">", [1, 2], "x"), RuralfinTypeError, "门槛应为一个值"),
        (("age", "in", [1, np.nan], "x"), RuralfinValueError, "取值列表里不能有缺失值"),
        (("age", "in", "abc", "x"), RuralfinTypeError, "取值列表"),
        (("age", ">", 3, ""), RuralfinValueError, "缺少中文原因"),
        (("age", ">", 3, "x", "skip"), RuralfinValueError, "missing 应为 'fail' 或 'pass'"),
    ],
)
def test_rule_checks_itself(args, err, words):
    with pytest.raises(err, match=words):
        Rule(*args)
    assert Rule("size", "<=", "small", "规模超出").threshold == "small"  # 有序类别的文字门槛可以


def test_a_rule_column_with_infinity_is_an_error_and_missing_follows_the_rule():
    df = pd.DataFrame({"court_cases": [0.0, np.inf, np.nan]})
    with pytest.raises(RuralfinValueError, match="court_cases 有 1 个无穷大"):
        check_rules(df, [("court_cases", "==", 0, "有涉诉记录")])
    res = check_rules(df.iloc[[0, 2]], [("court_cases", "==", 0, "有涉诉记录", "pass")])
    assert res["rules_passed"].tolist() == [True, True]


def test_negative_pd_lgd_and_costs_are_rejected():
    apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01]})
    for kwargs, words in [({"lgd": -0.1}, "lgd 应为 0 到 1"), ({"lgd": np.nan}, "lgd 应为有限的数"),
                          ({"ftp_rate": -1.0}, "ftp_rate 应为 0 到 100"), ({"opex_rate": -1.0}, "opex_rate 应为 0 到 100"),
                          ({"contract_rate": np.nan}, "contract_rate 应为有限的")]:
        with pytest.raises(RuralfinValueError, match=words):
            cutoff_table(apps, **kwargs)
    with pytest.raises(RuralfinValueError, match="prob_default 有 1 个值小于 0"):
        cutoff_table(apps.assign(prob_default=[-0.1, 0.1, 0.05, 0.01]))
    with pytest.raises(RuralfinValueError, match="dsr_cuts 应为不小于 0"):
        DecisionMatrix(score_cuts=[600, 680], dsr_cuts=(-0.4, 0.6))


def test_top_adverse_factors_rejects_missing_points():
    pts = pd.DataFrame({"years_in_business": [10.0, 40.0], "owns_house": [20.0, 20.0]})
    with pytest.raises(RuralfinValueError, match="years_in_business 有 1 个缺失值"):
        top_adverse_factors(pts.assign(years_in_business=[np.nan, 40.0]))
    with pytest.raises(RuralfinValueError, match="years_in_business 有 1 个无穷大"):
        top_adverse_factors(pts.assign(years_in_business=[np.inf, 40.0]))
    with pytest.raises(RuralfinValueError, match="max_points"):
        top_adverse_factors(pts, max_points={"years_in_business": np.nan, "owns_house": 20})


def test_decide_warns_about_missing_scores_it_refers():
    apps = pd.DataFrame({"points": [700, np.nan], "dsr": [0.3, 0.3]})
    with pytest.warns(RuralfinWarning, match="points 有 1 个缺失值：这些申请一律转人工复核"):
        out = decide(apps, DecisionMatrix(score_cuts=[600, 680]))
    assert out["auto_decision"].tolist() == ["approve", "refer"]


def test_plot_cutoff_tradeoff_rejects_text_and_infinite_columns():
    apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01]})
    tab = cutoff_table(apps, cutoffs=[550, 650])
    with pytest.raises(RuralfinTypeError, match="cutoff"):
        plot_cutoff_tradeoff(tab.assign(cutoff=["暂无", "650"]))
    with pytest.raises(RuralfinValueError, match="expected_profit 有 1 个无穷大"):
        plot_cutoff_tradeoff(tab.assign(expected_profit=[np.inf, 0.0]))
