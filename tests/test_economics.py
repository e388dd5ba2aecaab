"""ruralfin.economics：定价拆解、RAROC、综合收益、风险成本、监管指标——每个数都手算过。"""

import math

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.economics import (
    PRICING_EXAMPLE,
    break_even_rate,
    comprehensive_yield,
    expected_loss_table,
    loan_book,
    loan_pricing,
    plot_rate_buildup,
    plot_yield_comparison,
    public_figures,
    raroc,
    rate_buildup,
    regulatory_indicators,
)
from ruralfin.errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning


def _all_labelled(df, inputs=()):
    missing = [c for c in df.columns if c not in inputs and not labels.is_registered(c)]
    assert missing == [], f"这些输出列没有登记中文标签：{missing}"


# --------------------------------------------------------------------------- 定价


def test_facts_worked_example_break_even():
    # FACTS §5：2.0% + 1.2% + 2%×50% + 75%×10.5%×12% = 2.0 + 1.2 + 1.0 + 0.945 = 5.145%
    assert break_even_rate() == pytest.approx(5.145, abs=1e-12)
    assert break_even_rate(**PRICING_EXAMPLE) == pytest.approx(5.145, abs=1e-12)
    assert round(break_even_rate(), 2) == 5.15


def test_loan_pricing_components_by_hand():
    row = loan_pricing(margin=0.5).iloc[0]
    assert row["ftp_rate"] == pytest.approx(2.0)
    assert row["opex_rate"] == pytest.approx(1.2)
    assert row["el_rate"] == pytest.approx(1.0)
    assert row["capital_cost_rate"] == pytest.approx(0.945)
    assert row["break_even_rate"] == pytest.approx(5.145)
    assert row["customer_rate"] == pytest.approx(5.645)
    # 换一组：FTP 2.5%、运营 1.0%、PD 5%、LGD 40%、权重 100%、资本 12%、回报 15%
    # = 2.5 + 1.0 + 2.0 + 1.8 = 7.3%
    assert break_even_rate(ftp_rate=2.5, opex_rate=1.0, prob_default=0.05, lgd=0.4,
                           risk_weight=1.0, capital_ratio=0.12, hurdle_rate=0.15) == pytest.approx(7.3)


def test_loan_pricing_vectorised_with_columns_and_input_unchanged():
    seg = pd.DataFrame({"customer_group": ["coop", "individual_business"], "pd_est": [0.01, 0.04],
                        "rw": [0.75, 1.0]})
    before = seg.copy()
    out = loan_pricing(seg, prob_default="pd_est", risk_weight="rw", margin=0.3)
    pd.testing.assert_frame_equal(seg, before)
    # coop: 2 + 1.2 + 0.5 + 0.945 = 4.645；个体户: 2 + 1.2 + 2.0 + 1.0×0.105×0.12×100 = 6.46
    assert out["break_even_rate"].tolist() == pytest.approx([4.645, 6.46])
    assert out["customer_rate"].tolist() == pytest.approx([4.945, 6.76])
    assert list(out.columns[:3]) == ["customer_group", "pd_est", "rw"]
    _all_labelled(out, inputs=seg.columns)


def test_rate_buildup_bars_stack_to_totals():
    t = rate_buildup(margin=0.5)
    assert t["component"].tolist() == ["ftp", "opex", "expected_loss", "capital_cost", "break_even",
                                       "margin", "customer_rate"]
    comp = t[t["kind"] == "component"]
    # 每根组成柱的起点是上一根的终点
    assert comp["bar_start"].iloc[1:].tolist() == pytest.approx(comp["bar_end"].iloc[:-1].tolist())
    be = t.set_index("component").loc["break_even"]
    assert (be["bar_start"], be["bar_end"]) == pytest.approx((0.0, 5.145))
    assert t.set_index("component").loc["customer_rate", "bar_end"] == pytest.approx(5.645)
    _all_labelled(t)


def test_rate_buildup_over_segments_keeps_keys_in_order():
    seg = pd.DataFrame({"customer_group": ["coop", "farmer_household"], "pd_est": [0.01, 0.03]})
    t = rate_buildup(seg, by="customer_group", prob_default="pd_est")
    assert len(t) == 14
    assert t["customer_group"].tolist() == ["coop"] * 7 + ["farmer_household"] * 7
    farmer = t[t["customer_group"] == "farmer_household"].set_index("component")
    assert farmer.loc["break_even", "component_rate"] == pytest.approx(2 + 1.2 + 1.5 + 0.945)
    rows = rate_buildup(seg, prob_default="pd_est")
    assert rows["row"].tolist() == [0] * 7 + [1] * 7


@pytest.mark.parametrize(
    "kwargs, err, words",
    [
        ({"prob_default": 2}, RuralfinValueError, ["prob_default", "看起来像百分数"]),
        ({"lgd": -0.1}, RuralfinValueError, ["lgd", "0 到 1"]),
        ({"ftp_rate": "2%"}, RuralfinTypeError, ["ftp_rate", "列名"]),
        ({"hurdle_rate": True}, RuralfinTypeError, ["hurdle_rate"]),
        ({"opex_rate": float("nan")}, RuralfinValueError, ["opex_rate"]),
    ],
)
def test_pricing_bad_parameters(kwargs, err, words):
    with pytest.raises(err) as info:
        loan_pricing(**kwargs)
    for w in words:
        assert w in str(info.value)


def test_rates_written_as_fractions_warn():
    with pytest.warns(RuralfinWarning, match="参数 ftp_rate 的值最大只有 0.02，看起来是小数"):
        loan_pricing(ftp_rate=0.02)
    loans = _two_loans().assign(contract_rate=[0.06, 0.045, 0.07])
    with pytest.warns(RuralfinWarning, match="contract_rate.*乘以 100"):
        raroc(loans)


def test_pricing_bad_columns():
    df = pd.DataFrame({"pd_est": [0.01, np.nan], "grp": ["a", "b"], "pct": [2.0, 3.0]})
    with pytest.raises(RuralfinValueError, match="pd_est.*1 个缺失值"):
        loan_pricing(df, prob_default="pd_est")
    with pytest.raises(RuralfinTypeError, match="grp.*应为数值"):
        loan_pricing(df, prob_default="grp")
    with pytest.raises(RuralfinValueError, match="pct.*超出范围.*看起来像百分数"):
        loan_pricing(df, prob_default="pct")
    with pytest.raises(RuralfinValueError, match="data 缺少列 nope（参数 lgd"):
        loan_pricing(df, lgd="nope")
    with pytest.raises(RuralfinValueError, match="缺少列 zz（参数 by"):
        rate_buildup(df.fillna(0.01), by="zz", prob_default="pd_est")
    with pytest.raises(RuralfinValueError, match="by 只在给出 data"):
        rate_buildup(by="grp")
    with pytest.raises(RuralfinTypeError, match="不传表时"):
        break_even_rate(prob_default="pd_est")


# --------------------------------------------------------------------------- RAROC


def _two_loans():
    return pd.DataFrame({
        "loan_id": ["L1", "L2", "L3"],
        "customer_group": ["coop", "coop", "individual_business"],
        "balance": [100.0, 50.0, 40.0],
        "contract_rate": [6.0, 4.5, 7.0],
        "pd_est": [0.02, 0.02, 0.05],
    })


def test_raroc_per_loan_by_hand():
    loans = _two_loans()
    before = loans.copy()
    r = raroc(loans, fee_income=0.2, prob_default="pd_est")
    pd.testing.assert_frame_equal(loans, before)
    # L1：利息 6.0 + 中收 0.2 − 资金 2.0 − 运营 1.2 − EL 100×2%×50%=1.0 = 2.0；资本 100×0.75×0.105 = 7.875
    l1 = r.iloc[0]
    assert l1["interest_income"] == pytest.approx(6.0)
    assert l1["funding_cost"] == pytest.approx(2.0)
    assert l1["operating_cost"] == pytest.approx(1.2)
    assert l1["expected_loss"] == pytest.approx(1.0)
    assert l1["risk_adjusted_profit"] == pytest.approx(2.0)
    assert l1["regulatory_capital"] == pytest.approx(7.875)
    assert l1["raroc"] == pytest.approx(2.0 / 7.875)
    assert bool(l1["meets_hurdle"])
    # L2：2.25 + 0.2 − 1.0 − 0.6 − 0.5 = 0.35；资本 3.9375
    assert r.iloc[1]["risk_adjusted_profit"] == pytest.approx(0.35)
    assert r.iloc[1]["raroc"] == pytest.approx(0.35 / 3.9375)
    assert not bool(r.iloc[1]["meets_hurdle"])
    # L3：2.8 + 0.2 − 0.8 − 0.48 − 40×5%×50%=1.0 = 0.72；资本 40×0.75×0.105 = 3.15
    assert r.iloc[2]["risk_adjusted_profit"] == pytest.approx(0.72)
    assert r.iloc[2]["raroc"] == pytest.approx(0.72 / 3.15)
    _all_labelled(r, inputs=loans.columns)


def test_raroc_by_segment_is_ratio_of_sums():
    r = raroc(_two_loans(), fee_income=0.2, prob_default="pd_est", by="customer_group")
    coop = r.set_index("customer_group").loc["coop"]
    assert coop["n_loans"] == 2
    assert coop["loan_balance"] == pytest.approx(150.0)
    assert coop["risk_adjusted_profit"] == pytest.approx(2.35)
    assert coop["regulatory_capital"] == pytest.approx(11.8125)
    assert coop["raroc"] == pytest.approx(2.35 / 11.8125)
    assert r["customer_group"].tolist() == ["coop", "individual_business"]
    _all_labelled(r, inputs=["customer_group"])  # 客群列由示范县标签登记


def test_raroc_ead_and_hurdle():
    loans = _two_loans().assign(exposure=[120.0, 50.0, 40.0])
    r = raroc(loans, ead="exposure", hurdle_rate=0.3)
    # EL 与资本按 EAD 120 计：EL = 1.2，资本 = 9.45；利润 = 6 − 2 − 1.2 − 1.2 = 1.6
    assert r.iloc[0]["expected_loss"] == pytest.approx(1.2)
    assert r.iloc[0]["regulatory_capital"] == pytest.approx(9.45)
    assert r.iloc[0]["raroc"] == pytest.approx(1.6 / 9.45)
    # L3：2.8 − 0.8 − 0.48 − 0.4 = 1.12；资本 3.15 → 35.6% ≥ 30%
    assert r["meets_hurdle"].tolist() == [False, False, True]


def test_raroc_bad_input():
    loans = _two_loans()
    with pytest.raises(RuralfinValueError, match="loans 缺少列：bal"):
        raroc(loans, balance="bal")
    with pytest.raises(RuralfinValueError, match="loans 缺少列 rate（参数 contract_rate"):
        raroc(loans, contract_rate="rate")
    with pytest.raises(RuralfinValueError, match="balance.*超出范围"):
        raroc(loans.assign(balance=[-1.0, 50.0, 40.0]))
    with pytest.raises(RuralfinTypeError, match="loans 应为 pandas DataFrame"):
        raroc([1, 2])
    with pytest.raises(RuralfinValueError, match="hurdle_rate.*看起来像百分数"):
        raroc(loans, hurdle_rate=12)


# --------------------------------------------------------------------------- 综合收益


def _customers():
    return pd.DataFrame({
        "customer_id": ["A", "B", "C", "D"],
        "loan_balance": [100.0, 100.0, 0.0, 100.0],
        "loan_rate": [3.5, 6.0, 0.0, 2.0],
        "deposit_balance": [80.0, 300.0, 50.0, 0.0],
        "deposit_rate": [0.3, 2.5, 0.5, 0.5],
        "fee_income": [0.5, 0.0, 0.1, 0.0],
    })


def test_comprehensive_yield_by_hand():
    cust = _customers()
    before = cust.copy()
    r = comprehensive_yield(cust, deposit_rate="deposit_rate").set_index("customer_id")
    pd.testing.assert_frame_equal(cust, before)
    # A：利差 100×(3.5−2)% = 1.5；风险 1.0；运营 1.2；贷款净 −0.7；存款 80×(2−0.3)% = 1.36；综合 1.16
    a = r.loc["A"]
    assert (a["loan_spread_income"], a["risk_cost"], a["operating_cost"]) == pytest.approx((1.5, 1.0, 1.2))
    assert a["loan_net_income"] == pytest.approx(-0.7)
    assert a["deposit_contribution"] == pytest.approx(1.36)
    assert a["comprehensive_income"] == pytest.approx(1.16)
    assert (a["loan_net_yield"], a["comprehensive_yield"]) == pytest.approx((-0.7, 1.16))
    assert a["yield_pattern"] == "rescued"
    # B：贷款净 4 − 1 − 1.2 = 1.8；存款 300×(2−2.5)% = −1.5；综合 0.3
    assert r.loc["B", "comprehensive_income"] == pytest.approx(0.3)
    assert r.loc["B", "yield_pattern"] == "both_good"
    # C：无贷款，存款 50×1.5% = 0.75 + 中收 0.1 = 0.85
    assert r.loc["C", "comprehensive_income"] == pytest.approx(0.85)
    assert math.isnan(r.loc["C", "comprehensive_yield"])
    assert r.loc["C", "yield_pattern"] == "no_loan"
    # D：利差 0，贷款净 −2.2，综合 −2.2
    assert r.loc["D", "yield_pattern"] == "both_poor"
    _all_labelled(r.reset_index(), inputs=cust.columns)


def test_comprehensive_yield_threshold_and_deposit_ftp():
    cust = _customers()
    # 门槛 1%：B 贷款净 1.8% ≥ 1%，综合 0.3% < 1% → 利差尚可、综合拖累
    r = comprehensive_yield(cust, deposit_rate="deposit_rate", threshold=1.0)
    assert r["yield_pattern"].tolist() == ["rescued", "eroded", "no_loan", "both_poor"]
    # 存款 FTP 3%：A 存款贡献 80×2.7% = 2.16
    r2 = comprehensive_yield(cust, deposit_rate="deposit_rate", deposit_ftp_rate=3.0)
    assert r2.loc[0, "deposit_contribution"] == pytest.approx(2.16)
    # 不计存款与中收：综合 = 贷款净
    r3 = comprehensive_yield(cust, deposit_balance=None, fee_income=None)
    assert r3["comprehensive_income"].tolist() == pytest.approx(r3["loan_net_income"].tolist())


def test_comprehensive_yield_bad_input():
    cust = _customers()
    with pytest.raises(RuralfinValueError, match="customers 缺少列：deposit_bal"):
        comprehensive_yield(cust, deposit_balance="deposit_bal")
    with pytest.raises(RuralfinTypeError, match="customer_id.*应为数值"):
        comprehensive_yield(cust, fee_income="customer_id")
    with pytest.raises(RuralfinValueError, match="threshold"):
        comprehensive_yield(cust, threshold=500)


# --------------------------------------------------------------------------- 风险成本


def _el_loans():
    return pd.DataFrame({
        "customer_group": ["coop", "coop", "coop", "individual_business", "individual_business"],
        "industry": ["agri_production", "agri_production", "catering", "catering", "catering"],
        "balance": [100.0, 300.0, 50.0, 20.0, 30.0],
        "pd_est": [0.01, 0.03, 0.02, 0.05, 0.10],
        "defaulted": [False, True, False, False, True],
    })


def test_expected_loss_table_with_model_pd():
    loans = _el_loans()
    before = loans.copy()
    t = expected_loss_table(loans, prob_default="pd_est", lgd=0.4)
    pd.testing.assert_frame_equal(loans, before)
    cell = t.set_index(["customer_group", "industry"]).loc[("coop", "agri_production")]
    # EL = 0.4 × (100×1% + 300×3%) = 0.4 × 10 = 4.0；EAD 400；EL 率 1%；加权 PD = 10/400 = 2.5%
    assert cell["n_loans"] == 2
    assert cell["ead"] == pytest.approx(400.0)
    assert cell["expected_loss"] == pytest.approx(4.0)
    assert cell["el_rate"] == pytest.approx(1.0)
    assert cell["prob_default"] == pytest.approx(0.025)
    ib = t.set_index(["customer_group", "industry"]).loc[("individual_business", "catering")]
    # 0.4 × (20×5% + 30×10%) = 1.6；EAD 50 → 3.2%
    assert ib["el_rate"] == pytest.approx(3.2)
    _all_labelled(t, inputs=["customer_group", "industry"])


def test_expected_loss_table_with_default_history_and_pivot():
    t = expected_loss_table(_el_loans(), default_flag="defaulted", columns=None)
    coop = t.set_index("customer_group").loc["coop"]
    # coop：3 笔中 1 笔违约 → PD 1/3；EL = 1/3 × 0.5 × 450 = 75；EL 率 = 75/450 = 16.67%
    assert coop["prob_default"] == pytest.approx(1 / 3)
    assert coop["expected_loss"] == pytest.approx(75.0)
    assert coop["el_rate"] == pytest.approx(100 / 6)
    dpd = _el_loans().assign(dpd=[0, 120, 30, 0, 91])
    via_dpd = expected_loss_table(dpd, default_flag="dpd", default_dpd=90, columns=None)
    pd.testing.assert_frame_equal(via_dpd, t)
    with pytest.raises(RuralfinValueError, match="default_dpd"):
        expected_loss_table(dpd, default_flag="dpd")
    wide = expected_loss_table(_el_loans(), prob_default="pd_est", pivot="el_rate")
    assert wide.loc["coop", "catering"] == pytest.approx(1.0)
    assert math.isnan(wide.loc["individual_business", "agri_production"])


def test_expected_loss_table_bad_input():
    loans = _el_loans()
    with pytest.raises(RuralfinValueError, match="只给出一个"):
        expected_loss_table(loans)
    with pytest.raises(RuralfinValueError, match="只给出一个"):
        expected_loss_table(loans, prob_default=0.02, default_flag="defaulted")
    with pytest.raises(RuralfinValueError, match="0/1"):
        expected_loss_table(loans, default_flag="pd_est")
    with pytest.raises(RuralfinValueError, match="pivot 不认识"):
        expected_loss_table(loans, prob_default=0.02, pivot="el")
    with pytest.raises(RuralfinValueError, match="loans 缺少列 township（参数 columns"):
        expected_loss_table(loans, prob_default=0.02, columns="township")


# --------------------------------------------------------------------------- 监管指标


def _books():
    """6 笔贷款的小台账：期初 4 笔在册，期末 5 笔在册（L2 已还清，新放 L5、L6）。"""
    cols = ["loan_id", "entity_id", "balance", "borrower_credit_line", "is_inclusive_micro",
            "is_agri_related", "days_past_due", "contract_rate", "loan_amount", "origination_date"]
    start = pd.DataFrame([
        (1, 1, 100.0, 200.0, True, True, 0, 5.0, 100.0, "2024-03-01"),
        (2, 2, 200.0, 800.0, True, False, 0, 6.0, 200.0, "2024-06-01"),
        (3, 3, 300.0, 1000.0, True, True, 100, 5.5, 300.0, "2023-06-01"),
        (4, 4, 400.0, 3000.0, False, False, 0, 4.0, 500.0, "2023-01-01"),
    ], columns=cols)
    end = pd.DataFrame([
        (1, 1, 80.0, 200.0, True, True, 0, 5.0, 100.0, "2024-03-01"),
        (3, 3, 300.0, 1000.0, True, True, 0, 5.5, 300.0, "2023-06-01"),
        (4, 4, 380.0, 3000.0, False, False, 0, 4.0, 500.0, "2023-01-01"),
        (5, 5, 150.0, 150.0, True, True, 0, 4.8, 150.0, "2025-03-01"),
        (6, 2, 120.0, 800.0, True, False, 95, 5.2, 150.0, "2025-08-01"),
    ], columns=cols)
    for df in (start, end):
        df["origination_date"] = pd.to_datetime(df["origination_date"])
    start["month"] = pd.Timestamp("2024-12-31")
    end["month"] = pd.Timestamp("2025-12-31")
    return start, end


def test_regulatory_indicators_every_cell_by_hand():
    start, end = _books()
    b0, b1 = start.copy(), end.copy()
    t = regulatory_indicators(start, end).set_index("indicator")
    pd.testing.assert_frame_equal(start, b0)
    pd.testing.assert_frame_equal(end, b1)
    # 各项贷款：1000 → 1030，+3%
    assert t.loc["all_loans_growth", "value"] == pytest.approx(3.0)
    # 普惠型小微（≤1000 万元，L1/L2/L3 → L1/L3/L5/L6）：600 → 650，+8.33%，不低于 3% → 达标
    assert t.loc["inclusive_micro_growth", "value"] == pytest.approx(650 / 600 * 100 - 100)
    assert t.loc["inclusive_micro_growth", "benchmark"] == pytest.approx(3.0)
    assert t.loc["inclusive_micro_growth", "met"] is True
    assert t.loc["inclusive_micro_growth", "direction"] == "above"
    # 有贷户数：期初 {1,2,3}=3，期末 {1,3,5,2}=4 → 达标
    assert t.loc["inclusive_micro_borrowers", ["value", "benchmark"]].tolist() == [4.0, 3.0]
    assert bool(t.loc["inclusive_micro_borrowers", "met"])
    # 不良（逾期 > 90 天）：期末只有 L6（95 天）120 万元
    assert t.loc["all_loans_npl_ratio", "value"] == pytest.approx(120 / 1030 * 100)
    assert t.loc["inclusive_micro_npl_ratio", "value"] == pytest.approx(120 / 650 * 100)
    assert t.loc["inclusive_micro_npl_ratio", "benchmark"] == pytest.approx(120 / 1030 * 100 + 3)
    assert not bool(t.loc["inclusive_micro_npl_ratio", "met"])  # 18.46% > 11.65% + 3
    # 新发放平均利率：本期 L5、L6 → (4.8×150 + 5.2×150)/300 = 5.0；上期 L1、L2 → (5×100 + 6×200)/300
    assert t.loc["inclusive_micro_new_loan_rate", "value"] == pytest.approx(5.0)
    assert t.loc["inclusive_micro_new_loan_rate", "benchmark"] == pytest.approx(1700 / 300)
    assert t.loc["inclusive_micro_new_loan_rate", "direction"] == "below"
    assert pd.isna(t.loc["inclusive_micro_new_loan_rate", "met"])  # 没有量化门槛，不判断
    # 涉农：400 → 530，+32.5%；无量化要求 → met 为空，方向“高于”
    assert t.loc["agri_growth", "value"] == pytest.approx(32.5)
    assert pd.isna(t.loc["agri_growth", "met"])
    assert t.loc["agri_growth", "direction"] == "above"
    # 普惠型涉农（教学假设 ≤1000 万元）：400 → 530，达标，但标为未核实
    assert t.loc["inclusive_agri_growth", "value"] == pytest.approx(32.5)
    assert bool(t.loc["inclusive_agri_growth", "met"])
    assert t.loc["inclusive_agri_growth", "verified"] == "U"
    assert "未核实" in t.loc["inclusive_agri_growth", "note"]
    assert t.loc["inclusive_micro_npl_ratio", "verified"] == "V"
    assert "2019" in t.loc["inclusive_micro_npl_ratio", "source"]
    assert t["met"].tolist() == [None, True, True, None, False, None, None, True]
    _all_labelled(t.reset_index())
    shown = labels.to_display(t.reset_index())
    assert pd.isna(shown["是否达标"].iloc[0]) and shown["是否达标"].tolist()[1:3] == ["达标", "达标"]


def test_regulatory_indicators_threshold_parameters():
    start, end = _books()
    # 人民银行口径“< 1000 万元”：L3（正好 1000）不算
    t = regulatory_indicators(start, end, threshold_inclusive=False).set_index("indicator")
    assert t.loc["inclusive_micro_growth", "value"] == pytest.approx(350 / 300 * 100 - 100)
    assert t.loc["inclusive_micro_borrowers", ["value", "benchmark"]].tolist() == [3.0, 2.0]
    assert t.loc["inclusive_agri_growth", "value"] == pytest.approx(130.0)  # 100 → 230
    # 上限 500 万元：只剩 L1、L5
    t2 = regulatory_indicators(start, end, limit_threshold=500).set_index("indicator")
    assert t2.loc["inclusive_micro_growth", "value"] == pytest.approx(130.0)  # 100 → 230
    # 不良容忍度 10 个百分点：18.46% ≤ 21.65% → 达标
    t3 = regulatory_indicators(start, end, npl_margin=10).set_index("indicator")
    assert bool(t3.loc["inclusive_micro_npl_ratio", "met"])
    # 不算普惠型涉农
    t4 = regulatory_indicators(start, end, inclusive_agri_limit=None)
    assert "inclusive_agri_growth" not in t4["indicator"].tolist()
    # 布尔不良标志
    t5 = regulatory_indicators(start.assign(bad=False), end.assign(bad=[False, True, False, False, False]),
                               days_past_due="bad").set_index("indicator")
    assert t5.loc["all_loans_npl_ratio", "value"] == pytest.approx(300 / 1030 * 100)
    # 本行导出的是/否标志常是 0/1：与布尔列结果相同
    as01 = {c: lambda d, c=c: d[c].astype("int64") for c in ("is_inclusive_micro", "is_agri_related")}
    pd.testing.assert_frame_equal(regulatory_indicators(start.assign(**as01), end.assign(**as01)),
                                  regulatory_indicators(start, end))


def test_regulatory_indicators_new_loans_table_counts_closed_loans():
    start, end = _books()
    contracts = pd.concat([start, end]).drop_duplicates("loan_id").drop(columns=["month"])
    closed = pd.DataFrame([{
        "loan_id": 7, "entity_id": 7, "balance": 0.0, "borrower_credit_line": 100.0, "is_inclusive_micro": True,
        "is_agri_related": False, "days_past_due": 0, "contract_rate": 6.0, "loan_amount": 100.0,
        "origination_date": pd.Timestamp("2025-02-01"),
    }])
    contracts = pd.concat([contracts, closed], ignore_index=True)
    t = regulatory_indicators(start, end, new_loans=contracts).set_index("indicator")
    # (4.8×150 + 5.2×150 + 6.0×100) / 400 = 5.25
    assert t.loc["inclusive_micro_new_loan_rate", "value"] == pytest.approx(5.25)


def test_regulatory_indicators_bad_input():
    start, end = _books()
    with pytest.raises(RuralfinValueError, match="晚于"):
        regulatory_indicators(end, start)
    with pytest.raises(RuralfinValueError, match="start_date"):
        regulatory_indicators(start.drop(columns="month"), end)
    with pytest.raises(RuralfinValueError, match="book_start 缺少列 is_agri（参数 is_agri_related"):
        regulatory_indicators(start, end, is_agri_related="is_agri")
    with pytest.raises(RuralfinTypeError, match="is_inclusive_micro.*是/否"):
        regulatory_indicators(start.assign(is_inclusive_micro="是"), end)
    with pytest.raises(RuralfinValueError, match="book_end 缺少列：balance"):
        regulatory_indicators(start, end.drop(columns="balance"))
    with pytest.raises(RuralfinValueError, match="limit_threshold"):
        regulatory_indicators(start, end, limit_threshold=-5)
    with pytest.raises(RuralfinValueError, match="参数 end_date 无法识别为日期"):
        regulatory_indicators(start, end, end_date="明年")


def test_regulatory_indicators_npl_threshold_domain():
    """issue 11 第 7 条：npl_dpd=nan 曾给出 0.00% 的不良率，0/-1 曾让每笔贷款都成了不良。"""
    start, end = _books()
    end = end.assign(days_past_due=[10, 0, 0, 0, 95])  # L1 逾期 10 天，L6 逾期 95 天
    total = end["balance"].sum()

    def npl(**kw):
        t = regulatory_indicators(start, end, **kw).set_index("indicator")
        return t.loc["all_loans_npl_ratio", "value"]

    assert npl() == pytest.approx(120.0 / total * 100)
    # 0 = 有逾期即算不良：L1 与 L6，而不是全部贷款
    assert npl(npl_dpd=0) == pytest.approx((80.0 + 120.0) / total * 100)
    assert npl(npl_dpd=0) < 100.0
    for bad in (float("nan"), float("inf"), -1, -90):
        with pytest.raises(RuralfinValueError, match="npl_dpd"):
            npl(npl_dpd=bad)
    with pytest.raises(RuralfinTypeError, match="npl_dpd"):
        npl(npl_dpd="90")
    with pytest.raises(RuralfinValueError, match="days_past_due 有 1 个值小于 0"):
        regulatory_indicators(start, end.assign(days_past_due=[-5, 0, 0, 0, 95]))
    with pytest.raises(RuralfinValueError, match="days_past_due 有 1 个缺失值"):
        regulatory_indicators(start, end.assign(days_past_due=[np.nan, 0, 0, 0, 95]))
    with pytest.raises(RuralfinTypeError, match="threshold_inclusive"):
        regulatory_indicators(start, end, threshold_inclusive="yes")


def test_regulatory_indicators_reject_bad_rates_and_amounts():
    start, end = _books()
    for rate in (-5.0, float("inf"), float("nan"), 80.0):
        with pytest.raises(RuralfinValueError, match="contract_rate"):
            regulatory_indicators(start, end.assign(contract_rate=[rate, 5.5, 4.0, 4.8, 5.2]))
    with pytest.raises(RuralfinValueError, match="loan_amount 有 1 个值小于 0"):
        regulatory_indicators(start, end.assign(loan_amount=[-100.0, 300.0, 500.0, 150.0, 150.0]))
    with pytest.raises(RuralfinTypeError, match="origination_date.*应为日期"):
        regulatory_indicators(start, end.assign(origination_date="2025-03-01"))
    with pytest.raises(RuralfinValueError, match="entity_id 是编号"):
        regulatory_indicators(start, end.assign(entity_id=[1.0, np.nan, 4, 5, 2]))


@pytest.mark.parametrize("kwargs, words", [
    (dict(hurdle_rate=-0.05), "hurdle_rate 应为 0 到 1"),
    (dict(ftp_rate=-1.0), "ftp_rate 应为 0 到 100"),
    (dict(lgd=1.2), "lgd 应为 0 到 1"),
    (dict(lgd=-0.1), "lgd 应为 0 到 1"),
    (dict(prob_default=-0.01), "prob_default 应为 0 到 1"),
    (dict(prob_default=1.5), "prob_default 应为 0 到 1"),
    (dict(contract_rate=float("inf")), "contract_rate 应为有限"),
    (dict(fee_income=float("inf")), "fee_income 应为有限"),
    (dict(opex_rate=float("nan")), "opex_rate 应为有限"),
])
def test_raroc_rejects_out_of_domain_parameters(kwargs, words):
    with pytest.raises(RuralfinValueError, match=words):
        raroc(_two_loans(), **kwargs)


def test_raroc_and_yield_reject_infinite_columns():
    with pytest.raises(RuralfinValueError, match="balance 有 1 个无穷大"):
        raroc(_two_loans().assign(balance=[np.inf, 50.0, 40.0]))
    with pytest.raises(RuralfinValueError, match="contract_rate 有 1 个无穷大"):
        raroc(_two_loans().assign(contract_rate=[6.0, np.inf, 7.0]))
    with pytest.raises(RuralfinValueError, match="deposit_balance 有 1 个无穷大"):
        comprehensive_yield(_customers().assign(deposit_balance=[np.inf, 1.0, 1.0, 1.0]))
    with pytest.raises(RuralfinValueError, match="deposit_rate 有 1 个无穷大"):
        comprehensive_yield(_customers().assign(deposit_rate=[np.inf, 1.0, 1.0, 1.0]), deposit_rate="deposit_rate")


@pytest.mark.parametrize("kwargs, words", [
    (dict(deposit_rate=-0.5), "deposit_rate 应为 0 到 100"),
    (dict(deposit_ftp_rate=-1.0), "deposit_ftp_rate 应为 0 到 100"),
    (dict(ftp_rate=-1.0), "ftp_rate 应为 0 到 100"),
    (dict(threshold=float("inf")), "threshold 应为有限"),
    (dict(lgd=2.0), "lgd 应为 0 到 1"),
    (dict(prob_default=-0.2), "prob_default 应为 0 到 1"),
])
def test_comprehensive_yield_rejects_out_of_domain_parameters(kwargs, words):
    with pytest.raises(RuralfinValueError, match=words):
        comprehensive_yield(_customers(), **kwargs)


def test_loan_pricing_rejects_negative_hurdle_and_ftp():
    with pytest.raises(RuralfinValueError, match="hurdle_rate 应为 0 到 1"):
        loan_pricing(hurdle_rate=-0.1)
    with pytest.raises(RuralfinValueError, match="ftp_rate 应为 0 到 100"):
        break_even_rate(ftp_rate=-0.5)


def test_loan_book_rejects_what_a_left_join_would_turn_into_missing_values():
    loans = pd.DataFrame({"loan_id": [1, 2], "entity_id": [10, 20], "contract_rate": [5.0, 6.0]})
    monthly = pd.DataFrame({"loan_id": [1, 2], "entity_id": [10, 20], "balance": [10.0, 5.0],
                            "month": pd.to_datetime(["2024-12-31"] * 2), "days_past_due": [0, 3]})
    entities = pd.DataFrame({"entity_id": [10, 20], "customer_group": ["coop", "coop"]})
    book = loan_book(loans, monthly, "2024-12-31", entities=entities)
    assert book["contract_rate"].tolist() == [5.0, 6.0]
    # 当月的贷款在合同表里找不到：合并后合同利率会是空的
    with pytest.raises(RuralfinValueError, match="有 1 行的 loan_id 在 loans 里找不到（如 2）"):
        loan_book(loans.iloc[:1], monthly, "2024-12-31")
    with pytest.raises(RuralfinValueError, match="entity_id 在 entities 里找不到（如 20）"):
        loan_book(loans, monthly, "2024-12-31", entities=entities.iloc[:1])
    # 编号一边是整数、一边是文字：对不上
    with pytest.raises(RuralfinTypeError, match="类型不一致"):
        loan_book(loans.assign(loan_id=["1", "2"]), monthly, "2024-12-31")
    with pytest.raises(RuralfinValueError, match="loan_id 是编号"):
        loan_book(loans, monthly.assign(loan_id=[1.0, np.nan]), "2024-12-31")
    for rate in (np.inf, np.nan, -1.0):
        with pytest.raises(RuralfinValueError, match="contract_rate"):
            loan_book(loans.assign(contract_rate=[5.0, rate]), monthly, "2024-12-31")
    with pytest.raises(RuralfinValueError, match="balance 有 1 个无穷大"):
        loan_book(loans, monthly.assign(balance=[10.0, np.inf]), "2024-12-31")
    with pytest.raises(RuralfinValueError, match="balance 有 1 个缺失值"):
        loan_book(loans, monthly.assign(balance=[10.0, np.nan]), "2024-12-31")
    with pytest.raises(RuralfinValueError, match="days_past_due 有 1 个值小于 0"):
        loan_book(loans, monthly.assign(days_past_due=[0, -3]), "2024-12-31")
    with pytest.raises(RuralfinTypeError, match="include_closed"):
        loan_book(loans, monthly, "2024-12-31", include_closed="yes")


def test_plot_rate_buildup_rejects_infinite_bars():
    steps = rate_buildup()
    steps.loc[6, "bar_end"] = np.inf
    with pytest.raises(RuralfinValueError, match="bar_end 有 1 个无穷大"):
        plot_rate_buildup(steps)


def test_loan_book_snapshot():
    loans = pd.DataFrame({"loan_id": [1, 2, 3], "entity_id": [10, 20, 30], "contract_rate": [5.0, 6.0, 7.0]})
    monthly = pd.DataFrame({
        "loan_id": [1, 2, 3, 1],
        "entity_id": [10, 20, 30, 10],
        "month": pd.to_datetime(["2024-12-31", "2024-12-31", "2024-12-31", "2025-01-31"]),
        "balance": [10.0, 0.0, 5.0, 8.0],
    })
    monthly["days_past_due"] = [0, 0, 40, 0]
    monthly.loc[len(monthly)] = [3, 30, pd.Timestamp("2024-11-30"), 6.0, 95]
    entities = pd.DataFrame({"entity_id": [10, 20, 30], "customer_group": ["coop", "coop", "rural_micro"],
                             "industry": ["catering"] * 3, "other": [1, 2, 3]})
    before = monthly.copy()
    b = loan_book(loans, monthly, "2024-12-31", entities=entities)
    pd.testing.assert_frame_equal(monthly, before)
    assert b["customer_group"].tolist() == ["coop", "rural_micro"]
    assert "other" not in b.columns
    assert b["max_dpd_to_date"].tolist() == [0, 95]  # 贷款 3 在 11 月逾期 95 天，12 月回落到 40
    b = loan_book(loans, monthly, "2024-12-31")
    assert b["loan_id"].tolist() == [1, 3]
    assert b["contract_rate"].tolist() == [5.0, 7.0]
    assert "entity_id" in b.columns and "entity_id_x" not in b.columns
    assert len(loan_book(loans, monthly, "2024-12-31", include_closed=True)) == 3
    # 只到月份的写法、月中的日期都指那个月
    pd.testing.assert_frame_equal(loan_book(loans, monthly, "2024-12"), b)
    pd.testing.assert_frame_equal(loan_book(loans, monthly, pd.Timestamp("2024-12-15")), b)
    renamed = monthly.rename(columns={"month": "period_end", "days_past_due": "dpd_days"})
    c = loan_book(loans, renamed, "2024-12-31", month="period_end", days_past_due="dpd_days")
    assert c["max_dpd_to_date"].tolist() == [0, 95]
    with pytest.raises(RuralfinValueError, match="没有 2024-10-31 的数据.*2024-11-30 至 2025-01-31"):
        loan_book(loans, monthly, "2024-10-31")
    with pytest.raises(RuralfinValueError, match="重复"):
        loan_book(pd.concat([loans, loans]), monthly, "2024-12-31")


# --------------------------------------------------------------------------- 公开统计


def test_public_figures_are_the_facts_numbers():
    f = public_figures()
    assert set(f["verified"]) <= {"V", "S"}
    assert f["source"].str.len().min() > 10
    rate = f[(f["figure"] == "inclusive_sme_new_loan_rate") & (f["period"] == "2024 年 1–4 月")]
    assert rate["value"].tolist() == [4.45]
    nfra = f[(f["figure"] == "inclusive_sme_loans_nfra") & (f["period"] == "2023 末")].iloc[0]
    assert (nfra["value"], nfra["growth_pct"]) == (29.06, 23.27)
    coop = f[f["figure"] == "farmer_cooperatives"].iloc[0]
    assert coop["value"] == 221.6 and coop["unit"] == "万家"
    # 二手来源的数都标 S
    assert set(f[f["period"] == "2025 末"]["verified"]) == {"S"}
    _all_labelled(f)
    assert set(labels.get("figure").values) >= set(f["figure"])


def test_public_figures_come_from_the_shipped_data_file_with_a_source_on_every_row():
    import hashlib
    import tomllib
    from importlib import resources
    from pathlib import Path

    from ruralfin.economics import statistics

    raw = resources.files("ruralfin.economics").joinpath(statistics.PUBLIC_FIGURES_FILE).read_bytes()
    table = pd.read_csv(__import__("io").BytesIO(raw), encoding="utf-8", keep_default_na=False, dtype=str)
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8，无 BOM
    assert "source" in table.columns and (table["source"].str.strip() != "").all()
    f = public_figures()
    assert len(f) == len(table) == 43
    # 与搬进数据文件之前（Python 字面量版本）逐格相同：同一张表写成 CSV 的指纹
    assert hashlib.sha256(f.to_csv(index=False).encode()).hexdigest() == (
        "05f9a3533529cdd99c78e9ae4c2a06e5ccf08e8873edc33d890e6f27aef4e62f")
    assert f["note"].tolist()[0] == "" and math.isnan(f.loc[8, "value"])  # 空备注是空文字，缺失的数是 NaN
    assert f["value"].dtype == "float64" and f["growth_pct"].dtype == "float64"
    f.loc[0, "value"] = -1.0  # 每次返回新表，改了不影响下一次
    assert public_figures().loc[0, "value"] == 9.36
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "economics/*.csv" in pyproject["tool"]["setuptools"]["package-data"]["ruralfin"]


def test_package_exports_every_topic_module_name():
    import importlib

    from ruralfin import economics

    names = []
    for sub in ("pricing", "yields", "risk_cost", "regulatory", "statistics"):
        mod = importlib.import_module(f"ruralfin.economics.{sub}")
        names += mod.__all__
        for name in mod.__all__:
            assert getattr(economics, name) is getattr(mod, name)
    assert sorted(economics.__all__) == sorted(names)


def test_public_figures_filters_and_errors():
    assert set(public_figures("entity_count")["category"]) == {"entity_count"}
    assert len(public_figures(figure="lpr_1y")) == 1
    with pytest.raises(RuralfinValueError, match="category 不认识"):
        public_figures("loans")
    with pytest.raises(RuralfinValueError, match="figure 不认识"):
        public_figures(figure="gdp")


# --------------------------------------------------------------------------- 图


def test_plot_rate_buildup_returns_axes_with_chinese_text():
    import matplotlib.pyplot as plt

    fig, ax0 = plt.subplots()
    ax = plot_rate_buildup(rate_buildup(margin=0.5), reference=4.45, reference_label="参考", ax=ax0)
    assert ax is ax0
    assert len(ax.patches) == 7
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "资金成本（FTP）" and ticks[4] == "保本利率" and ticks[-1] == "对客利率"
    assert ax.get_ylabel() == labels.label("component_rate")
    assert [ln.get_label() for ln in ax.get_lines() if ln.get_linestyle() == "--"] == ["参考"]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([2.0, 1.2, 1.0, 0.945, 5.145, 0.5, 5.645])


def test_plot_rate_buildup_rejects_many_rows():
    seg = pd.DataFrame({"g": ["a", "b"]})
    with pytest.raises(RuralfinValueError, match="一次只画一笔"):
        plot_rate_buildup(rate_buildup(seg, by="g"))
    ax = plot_rate_buildup()  # 默认示意算例
    assert len(ax.patches) == 7


# --------------------------------------------------------------------------- 示范县（数据就绪时）


def test_county_regulatory_growth_matches_direct_sums(county):
    loans, lm, e = county["loans"], county["loan_monthly"], county["entities"]
    b0 = loan_book(loans, lm, "2024-12-31", entities=e)
    b1 = loan_book(loans, lm, "2025-12-31", entities=e)
    t = regulatory_indicators(b0, b1, new_loans=loans).set_index("indicator")
    m = pd.to_datetime(lm["month"])
    s0 = lm.loc[m == "2024-12-31", "balance"].astype(float).sum()
    s1 = lm.loc[m == "2025-12-31", "balance"].astype(float).sum()
    assert t.loc["all_loans_growth", "value"] == pytest.approx((s1 / s0 - 1) * 100, rel=1e-6)
    npl = lm.loc[(m == "2025-12-31") & (lm["days_past_due"] > 90), "balance"].astype(float).sum()
    assert t.loc["all_loans_npl_ratio", "value"] == pytest.approx(npl / s1 * 100, rel=1e-6)
    r = raroc(b1, by="customer_group")
    assert r["loan_balance"].sum() == pytest.approx(s1, rel=1e-6)
    assert r["n_loans"].sum() == len(b1)


def test_plot_yield_comparison_axes():
    r = comprehensive_yield(_customers(), deposit_rate="deposit_rate", threshold=1.0)
    ax = plot_yield_comparison(r, threshold=1.0)
    # A 补回、B 拖累、D 都不达标；C 无贷款不画
    assert sum(len(c.get_offsets()) for c in ax.collections) == 3
    legend = sorted(t.get_text() for t in ax.get_legend().get_texts())
    assert legend == sorted(["利差不足、综合补回", "利差尚可、综合拖累", "利差与综合都不达标"])
    assert ax.get_xlabel() == labels.label("loan_net_yield")
    with pytest.raises(RuralfinValueError, match="没有有贷款的客户"):
        plot_yield_comparison(r[r["yield_pattern"] == "no_loan"])
    with pytest.raises(RuralfinValueError, match="data 缺少列"):
        plot_yield_comparison(_customers())


# --------------------------------------------------------------------------- 性质


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(
    ftp=st.floats(0.1, 6) | st.just(0.0), opex=st.floats(0.1, 3) | st.just(0.0), prob=st.floats(0, 1), lgd=st.floats(0, 1),
    rw=st.floats(0, 2), cr=st.floats(0, 0.3), hurdle=st.floats(0, 0.3), margin=st.floats(-1, 3),
)
def test_buildup_components_always_add_up(ftp, opex, prob, lgd, rw, cr, hurdle, margin):
    t = rate_buildup(ftp_rate=ftp, opex_rate=opex, prob_default=prob, lgd=lgd, risk_weight=rw,
                     capital_ratio=cr, hurdle_rate=hurdle, margin=margin).set_index("component")
    parts = t.loc[["ftp", "opex", "expected_loss", "capital_cost"], "component_rate"].sum()
    assert t.loc["break_even", "component_rate"] == pytest.approx(parts, abs=1e-9)
    assert t.loc["customer_rate", "component_rate"] == pytest.approx(parts + margin, abs=1e-9)
    assert t.loc["margin", "bar_end"] == pytest.approx(t.loc["customer_rate", "bar_end"], abs=1e-9)
    # 保本利率随 PD 单调不减
    assert break_even_rate(ftp_rate=ftp, opex_rate=opex, prob_default=min(prob + 0.01, 1), lgd=lgd,
                           risk_weight=rw, capital_ratio=cr, hurdle_rate=hurdle) >= parts - 1e-12


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(1, 500), st.floats(2, 12), st.sampled_from(["a", "b"])), min_size=1, max_size=12))
def test_group_raroc_is_ratio_of_summed_loans(rows):
    loans = pd.DataFrame(rows, columns=["balance", "contract_rate", "g"])
    per = raroc(loans)
    grp = raroc(loans, by="g").set_index("g")
    for g, part in per.groupby("g"):
        expect = part["risk_adjusted_profit"].sum() / part["regulatory_capital"].sum()
        assert grp.loc[g, "raroc"] == pytest.approx(expect)


def test_indicator_table_for_display_has_no_nan_and_whole_household_counts(county):
    """练习 11 的指标表：户数显示 2,828（不是 2828.00），没有基准或量化要求的格子不显示 NaN。"""
    from ruralfin import economics

    loans, lm, e = county["loans"], county["loan_monthly"], county["entities"]
    b0 = loan_book(loans, lm, "2024-12-31", entities=e)
    b1 = loan_book(loans, lm, "2025-12-31", entities=e)
    ind = regulatory_indicators(b0, b1, new_loans=loans)
    before = ind.copy()
    shown = economics.format_indicators(ind).set_index("indicator")
    pd.testing.assert_frame_equal(ind, before)  # 原表不变，仍是数值
    n0 = int(ind.set_index("indicator").loc["inclusive_micro_borrowers", "benchmark"])
    n1 = int(ind.set_index("indicator").loc["inclusive_micro_borrowers", "value"])
    assert shown.loc["inclusive_micro_borrowers", ["value", "benchmark", "met"]].tolist() == [
        f"{n1:,}", f"{n0:,}", "达标" if n1 >= n0 else "未达标"]
    assert shown.loc["all_loans_growth", ["benchmark", "met"]].tolist() == ["—", "—"]
    assert shown.loc["all_loans_npl_ratio", ["benchmark", "met"]].tolist() == ["—", "—"]
    assert shown.loc["inclusive_micro_new_loan_rate", "met"] == "—（只看方向）"
    assert shown.loc["agri_growth", "met"] == "—（只看方向）"
    g = ind.set_index("indicator").loc["all_loans_growth", "value"]
    assert shown.loc["all_loans_growth", "value"] == f"{g:.2f}"
    # 练习 11 准备单元格里展示的那张表
    disp = labels.to_display(shown.reset_index()[["indicator", "value", "benchmark", "unit", "requirement", "met"]])
    assert disp.set_index("指标").loc["普惠型小微有贷户数", ["数值", "对比基准", "单位"]].tolist() == [
        f"{n1:,}", f"{n0:,}", "户"]
    text = disp.to_string()
    assert "NaN" not in text and "None" not in text and f"{n0}.00" not in text


def test_format_indicators_marks_values_that_cannot_be_computed():
    from ruralfin import economics

    t = pd.DataFrame({"indicator": ["inclusive_micro_new_loan_rate"], "value": [np.nan], "benchmark": [5.333],
                      "unit": ["%"], "met": [None]})
    assert economics.format_indicators(t, digits=1)[["value", "benchmark", "met"]].iloc[0].tolist() == [
        "—", "5.3", "—（无法计算）"]
    with pytest.raises(RuralfinValueError, match="digits"):
        economics.format_indicators(t, digits=-1)
    with pytest.raises(RuralfinValueError, match="benchmark"):
        economics.format_indicators(t.drop(columns="benchmark"))
