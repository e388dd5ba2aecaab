"""三维度交叉验证：手算的三户小例子、坏输入、输入不变，以及在示范县上找出虚报户。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.crosscheck import (
    SOURCE_NAMES,
    combine_revenue,
    crosscheck_revenue,
    flag_metrics,
    flag_revenue,
    flow_revenue,
    plot_crosscheck,
    plot_tolerance_sweep,
    tax_revenue,
    tolerance_sweep,
    utility_revenue,
)

MONTHS_2025 = list(pd.date_range("2025-01-31", periods=12, freq="ME"))
QUARTERS_2025 = list(pd.date_range("2025-03-31", periods=4, freq="QE"))


# ---------------------------------------------------------------------------
# 三户小例子：每个估计都能手算
#   主体 1（餐馆）如实：四个来源都是 120 万元；
#   主体 2（小卖部）自报 60：流水 60、电表 30、水表 30、纳税 40 → 核实 = 中位数 35，1.714 倍；
#   主体 3（餐馆）自报 30：没有流水，电表只有 4 个月读数，纳税是定额征收 → 无可用来源。
# ---------------------------------------------------------------------------
@pytest.fixture
def toy():
    entities = pd.DataFrame({
        "entity_id": [1, 2, 3],
        "sub_industry": ["restaurant", "grocery", "restaurant"],
        "reported_revenue": [120.0, 60.0, 30.0],
    })
    coefficients = pd.DataFrame({
        "sub_industry": ["restaurant", "grocery"],
        "revenue_per_kwh": [40.0, 100.0],
        "revenue_per_ton_water": [100.0, 1000.0],
        "tax_to_revenue": [0.01, 0.008],
    })
    flows = pd.DataFrame({
        "entity_id": [1] * 12 + [2] * 12 + [1],
        "month": MONTHS_2025 * 2 + [pd.Timestamp("2024-12-31")],  # 最后一行在窗口外
        "inflow_amount": [4.0] * 12 + [1.0] * 12 + [999.0],
    })
    settlement = pd.DataFrame({
        "entity_id": [1, 2, 3],
        "reported_share_with_us": [0.5, 0.4, np.nan],
        "receipt_share_cash": [0.2, 0.5, 0.3],
    })
    utilities = pd.DataFrame({
        "entity_id": [1] * 12 + [2] * 12 + [3] * 4,
        "month": MONTHS_2025 * 2 + MONTHS_2025[:4],
        "electricity_kwh": [2500.0] * 12 + [250.0] * 12 + [250.0] * 4,
        "water_tons": [1000.0] * 12 + [25.0] * 12 + [np.nan] * 4,
    })
    tax = pd.DataFrame({
        "entity_id": [1] * 4 + [2] * 4 + [3] * 4,
        "quarter_end": QUARTERS_2025 * 3,
        "tax_method": ["small_scale"] * 4 + ["general"] * 4 + ["fixed_quota"] * 4,
        "declared_revenue": [30.0] * 4 + [10.0] * 4 + [2.0] * 4,
        "tax_paid": [0.3] * 4 + [0.3] * 4 + [0.02] * 4,
    })
    truth = pd.DataFrame({"entity_id": [1, 2, 3], "truth_is_misreporter": [False, True, True]})
    return dict(entities=entities, coefficients=coefficients, flows=flows, settlement=settlement,
                utilities=utilities, tax=tax, truth=truth)


def test_flow_revenue_by_hand(toy):
    out = flow_revenue(toy["flows"], toy["settlement"])
    assert list(out["entity_id"]) == [1, 2]
    # 主体 1：4 × 12 ÷ (0.8 × 0.5) = 120（2024 年那笔 999 不在窗口内）；主体 2：1 × 12 ÷ (0.5 × 0.4) = 60
    assert out["flow_revenue"].tolist() == pytest.approx([120.0, 60.0])
    assert out["inflow_annual"].tolist() == pytest.approx([48.0, 12.0])
    assert out["flow_months"].tolist() == [12, 12]
    assert out["cash_share"].tolist() == pytest.approx([0.2, 0.5])


def test_flow_revenue_options(toy):
    # 每月扣 1 万元非经营性流入：主体 1 → 3 × 12 ÷ 0.4 = 90；主体 2 → 0
    out = flow_revenue(toy["flows"], toy["settlement"], non_business_inflow=1.0)
    assert out["flow_revenue"].tolist() == pytest.approx([90.0, 0.0])
    # 分母下限 0.25：主体 2 的 0.5 × 0.4 = 0.2 太小，不估计
    out = flow_revenue(toy["flows"], toy["settlement"], min_share=0.25)
    assert out["flow_revenue"].iloc[0] == pytest.approx(120.0)
    assert np.isnan(out["flow_revenue"].iloc[1])
    # 不用现金比例：1 × 12 ÷ 0.4 = 30
    out = flow_revenue(toy["flows"], toy["settlement"], receipt_share_cash=None)
    assert out["flow_revenue"].tolist() == pytest.approx([96.0, 30.0])
    # 窗口挪到 2025-06-30：主体 1 有 2025 年 6 个月 + 2024-12 共 7 个月，主体 2 有 6 个月；最少 8 个月时都不估计
    out = flow_revenue(toy["flows"], toy["settlement"], as_of="2025-06-30", min_months=8)
    assert out["flow_revenue"].isna().all()
    assert out["flow_months"].tolist() == [7, 6]
    assert out["inflow_annual"].tolist() == pytest.approx([(999 + 6 * 4) / 7 * 12, 12.0])


def test_utility_revenue_by_hand(toy):
    out = utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"])
    assert list(out["entity_id"]) == [1, 2, 3]
    # 主体 1：2500 × 12 × 40 ÷ 10000 = 120；1000 × 12 × 100 ÷ 10000 = 120
    # 主体 2：250 × 12 × 100 ÷ 10000 = 30；25 × 12 × 1000 ÷ 10000 = 30
    assert out["electricity_revenue"].iloc[:2].tolist() == pytest.approx([120.0, 30.0])
    assert out["water_revenue"].iloc[:2].tolist() == pytest.approx([120.0, 30.0])
    # 主体 3：只有 4 个月电表读数（< 6），水表全缺
    assert out["electricity_months"].tolist() == [12, 12, 4]
    assert out["water_months"].tolist() == [12, 12, 0]
    assert np.isnan(out.loc[2, "electricity_revenue"]) and np.isnan(out.loc[2, "water_revenue"])
    assert out["electricity_kwh_annual"].tolist() == pytest.approx([30000.0, 3000.0, 3000.0])


def test_utility_revenue_baseline_and_single_item(toy):
    out = utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"], kwh_baseline=500, water_tons=None)
    # (2500 − 500) × 12 × 40 ÷ 10000 = 96；主体 2 的 250 < 500 → 0
    assert out["electricity_revenue"].iloc[:2].tolist() == pytest.approx([96.0, 0.0])
    assert "water_revenue" not in out.columns


def test_utility_revenue_unknown_industry_is_missing(toy):
    ent = toy["entities"].assign(sub_industry=["restaurant", "bakery", "restaurant"])
    out = utility_revenue(toy["utilities"], ent, toy["coefficients"])
    assert np.isnan(out.loc[1, "electricity_revenue"])
    assert out.loc[0, "electricity_revenue"] == pytest.approx(120.0)


def test_tax_revenue_by_hand(toy):
    out = tax_revenue(toy["tax"])
    # 定额征收的主体 3 被排除；主体 1：30 × 4 = 120；主体 2：10 × 4 = 40
    assert list(out["entity_id"]) == [1, 2]
    assert out["tax_revenue"].tolist() == pytest.approx([120.0, 40.0])
    assert out["tax_quarters"].tolist() == [4, 4]
    # 不排除定额：主体 3 = 2 × 4 = 8
    out = tax_revenue(toy["tax"], exclude_methods=())
    assert out["tax_revenue"].tolist() == pytest.approx([120.0, 40.0, 8.0])


def test_tax_revenue_from_tax_paid(toy):
    out = tax_revenue(toy["tax"], basis="tax_paid", entities=toy["entities"], coefficients=toy["coefficients"])
    # 主体 1：0.3 × 4 ÷ 0.01 = 120；主体 2：0.3 × 4 ÷ 0.008 = 150
    assert out["tax_revenue"].tolist() == pytest.approx([120.0, 150.0])
    with pytest.raises(RuralfinValueError, match="coefficients"):
        tax_revenue(toy["tax"], basis="tax_paid")


def _table(toy):
    return combine_revenue(
        toy["entities"],
        flow_revenue(toy["flows"], toy["settlement"])[["entity_id", "flow_revenue"]],
        utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"]),
        tax_revenue(toy["tax"]),
    )


def test_combine_revenue_by_hand(toy):
    t = _table(toy)
    assert list(t.columns) == ["entity_id", "reported_revenue", "flow_revenue", "electricity_revenue",
                               "water_revenue", "tax_revenue", "n_sources", "verified_revenue"]
    assert t["n_sources"].tolist() == [4, 4, 0]
    # 主体 2：[60, 30, 30, 40] 的中位数 = 35
    assert t["verified_revenue"].iloc[:2].tolist() == pytest.approx([120.0, 35.0])
    assert np.isnan(t["verified_revenue"].iloc[2])
    geo = combine_revenue(toy["entities"], t[["entity_id", "flow_revenue", "electricity_revenue"]], method="geomean")
    # 主体 2：sqrt(60 × 30)
    assert geo["verified_revenue"].iloc[1] == pytest.approx(np.sqrt(60 * 30))


def test_combine_revenue_custom_sources_and_nonpositive(toy):
    own = pd.DataFrame({"entity_id": [1, 2, 3], "invoice_revenue": [100.0, 0.0, 25.0]})
    t = combine_revenue(toy["entities"], own, sources=["invoice_revenue"])
    # 0 不算有效估计
    assert t["n_sources"].tolist() == [1, 0, 1]
    assert t["verified_revenue"].tolist()[0] == pytest.approx(100.0)
    f = flag_revenue(t, sources=["invoice_revenue"], tolerance=0.1)
    assert f["invoice_ratio"].iloc[0] == pytest.approx(1.2)
    assert f["flag"].tolist() == [True, False, True]


def test_flag_revenue_by_hand(toy):
    f = flag_revenue(_table(toy), tolerance=0.3)
    assert f["verified_ratio"].iloc[:2].tolist() == pytest.approx([1.0, 60 / 35])
    assert f["flow_ratio"].iloc[:2].tolist() == pytest.approx([1.0, 1.0])
    assert f["electricity_ratio"].iloc[1] == pytest.approx(2.0)
    assert f["tax_ratio"].iloc[1] == pytest.approx(1.5)
    assert f["checkable"].tolist() == [True, True, False]
    assert f["flag"].tolist() == [False, True, False]
    assert f["n_disagree"].tolist() == [0, 3, 0]
    assert f["disagreeing_sources"].tolist() == ["", "electricity;water;tax", ""]
    assert f.loc[1, "flag_reason"] == (
        "自报 60.0 万元，是核实收入 35.0 万元的 1.71 倍（容差 ±30%，高报）；"
        "对不上的来源：电表 2.00 倍、水表 2.00 倍、纳税申报 1.50 倍"
    )
    assert "可用的独立来源只有 0 个" in f.loc[2, "flag_reason"]
    assert f.loc[0, "flag_reason"] == ""
    # 放宽到 80%：1.71 倍在容差内，但电表、水表（2 倍）仍单独超出
    f = flag_revenue(_table(toy), tolerance=0.8)
    assert f["flag"].tolist() == [False, False, False]
    assert f["disagreeing_sources"].tolist() == ["", "electricity;water", ""]


def test_flag_revenue_directions_and_min_sources(toy):
    t = _table(toy)
    t.loc[0, "reported_revenue"] = 60.0  # 主体 1 报低了一半
    assert flag_revenue(t, direction="over")["flag"].tolist() == [False, True, False]
    assert flag_revenue(t, direction="under")["flag"].tolist() == [True, False, False]
    assert flag_revenue(t, direction="both")["flag"].tolist() == [True, True, False]
    under = flag_revenue(t, direction="under")
    assert "低报" in under.loc[0, "flag_reason"]
    assert flag_revenue(t, min_sources=5)["checkable"].tolist() == [False, False, False]


def test_crosscheck_revenue_matches_steps(toy):
    out = crosscheck_revenue(toy["entities"], flows=toy["flows"], settlement=toy["settlement"],
                             utilities=toy["utilities"], coefficients=toy["coefficients"],
                             tax_records=toy["tax"])
    steps = flag_revenue(_table(toy))
    pd.testing.assert_frame_equal(out[steps.columns], steps)
    only_tax = crosscheck_revenue(toy["entities"], tax_records=toy["tax"])
    assert only_tax["verified_revenue"].iloc[:2].tolist() == pytest.approx([120.0, 40.0])


def test_flag_metrics_by_hand(toy):
    f = flag_revenue(_table(toy))
    m = flag_metrics(f, toy["truth"])
    row = m.iloc[0]
    assert (row["n_entities"], row["n_flagged"], row["n_positive"]) == (3, 1, 2)
    assert (row["true_positives"], row["false_positives"], row["false_negatives"]) == (1, 0, 1)
    assert row["precision"] == pytest.approx(1.0)
    assert row["recall"] == pytest.approx(0.5)
    assert row["f1"] == pytest.approx(2 / 3)
    assert row["base_rate"] == pytest.approx(2 / 3)
    # 只评估可核对的主体：主体 3 去掉后查全率 = 1
    m2 = flag_metrics(f[f["checkable"]], toy["truth"])
    assert m2.loc[0, "recall"] == pytest.approx(1.0)
    # 真相已在表里时不必再给 truth
    m3 = flag_metrics(f.merge(toy["truth"], on="entity_id"))
    pd.testing.assert_frame_equal(m, m3)
    # 一个也没标记时查准率无定义
    none = flag_metrics(f.assign(flag=False), toy["truth"])
    assert np.isnan(none.loc[0, "precision"]) and none.loc[0, "recall"] == 0


def test_tolerance_sweep_by_hand(toy):
    t = _table(toy)
    sw = tolerance_sweep(t, toy["truth"], tolerances=[0.5, 0.75, 1.0])
    # 主体 2 的 1.714 倍：容差 0.5 时抓到，0.75 时放过；主体 3 不可核对，不参与
    assert sw["tolerance"].tolist() == [0.5, 0.75, 1.0]
    assert sw["true_positives"].tolist() == [1, 0, 0]
    assert sw["n_entities"].tolist() == [2, 2, 2]
    assert sw["n_positive"].tolist() == [1, 1, 1]
    all_rows = tolerance_sweep(t, toy["truth"], tolerances=[0.5], only_checkable=False)
    assert all_rows.loc[0, "n_entities"] == 3 and all_rows.loc[0, "recall"] == pytest.approx(0.5)
    default = tolerance_sweep(t, toy["truth"])
    assert len(default) == 20 and default["tolerance"].iloc[0] == pytest.approx(0.05)


def test_inputs_unchanged(toy):
    before = {k: v.copy(deep=True) for k, v in toy.items()}
    t = _table(toy)
    t_before = t.copy(deep=True)
    f = flag_revenue(t)
    f_before = f.copy(deep=True)
    crosscheck_revenue(toy["entities"], flows=toy["flows"], settlement=toy["settlement"],
                       utilities=toy["utilities"], coefficients=toy["coefficients"], tax_records=toy["tax"])
    tax_revenue(toy["tax"], basis="tax_paid", entities=toy["entities"], coefficients=toy["coefficients"])
    flag_metrics(f, toy["truth"])
    tolerance_sweep(f, toy["truth"])
    plot_crosscheck(f)
    for k, v in toy.items():
        pd.testing.assert_frame_equal(v, before[k])
    pd.testing.assert_frame_equal(t, t_before)
    pd.testing.assert_frame_equal(f, f_before)


# ---------------------------------------------------------------------------
# 坏输入：本项目的错误类型 + 中文说明
# ---------------------------------------------------------------------------
def test_bad_inputs(toy):
    with pytest.raises(RuralfinValueError, match="flows 缺少列：inflow_amount"):
        flow_revenue(toy["flows"].drop(columns="inflow_amount"), toy["settlement"])
    with pytest.raises(RuralfinTypeError, match="settlement 应为 pandas DataFrame"):
        flow_revenue(toy["flows"], [1, 2])
    with pytest.raises(RuralfinValueError, match="reported_share_with_us 有 2 个值大于 1"):
        flow_revenue(toy["flows"], toy["settlement"].assign(reported_share_with_us=[50.0, 40.0, np.nan]))
    with pytest.raises(RuralfinValueError, match="settlement 的主键 entity_id 有 6 行重复"):
        flow_revenue(toy["flows"], pd.concat([toy["settlement"], toy["settlement"]]))
    with pytest.raises(RuralfinValueError, match="flows 的列 month 应为月份"):
        flow_revenue(toy["flows"].assign(month="上个月"), toy["settlement"])
    with pytest.raises(RuralfinValueError, match="参数 as_of 无法识别为日期"):
        flow_revenue(toy["flows"], toy["settlement"], as_of="去年底")
    with pytest.raises(RuralfinValueError, match="参数 min_share 应为 0 到 1"):
        flow_revenue(toy["flows"], toy["settlement"], min_share=2)
    with pytest.raises(RuralfinValueError, match="utilities 的列 electricity_kwh 有 .* 个值小于 0"):
        utility_revenue(toy["utilities"].assign(electricity_kwh=-1.0), toy["entities"], toy["coefficients"])
    with pytest.raises(RuralfinValueError, match="不止一次"):
        utility_revenue(toy["utilities"], toy["entities"], pd.concat([toy["coefficients"]] * 2))
    with pytest.raises(RuralfinValueError, match="不能都为 None"):
        utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"], electricity_kwh=None, water_tons=None)
    with pytest.raises(RuralfinValueError, match="coefficients 缺少列：revenue_per_kwh"):
        utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"].drop(columns="revenue_per_kwh"))
    with pytest.raises(RuralfinValueError, match="参数 basis 不认识取值"):
        tax_revenue(toy["tax"], basis="invoice")
    with pytest.raises(RuralfinValueError, match="没有找到任何独立来源"):
        combine_revenue(toy["entities"], toy["truth"])
    with pytest.raises(RuralfinValueError, match="都没有找到：bank_revenue"):
        combine_revenue(toy["entities"], toy["truth"], sources=["bank_revenue"])
    with pytest.raises(RuralfinTypeError, match=r"第 1 个估计表（estimates\[0\]）应为 pandas DataFrame"):
        combine_revenue(toy["entities"], "flows")
    with pytest.raises(RuralfinValueError, match="entities 的主键 entity_id 有 .* 行重复"):
        combine_revenue(pd.concat([toy["entities"]] * 2), tax_revenue(toy["tax"]))
    with pytest.raises(RuralfinValueError, match="在多个估计表里都出现了"):
        combine_revenue(toy["entities"], tax_revenue(toy["tax"]), tax_revenue(toy["tax"]))
    t = _table(toy)
    with pytest.raises(RuralfinValueError, match="参数 direction 不认识取值 'up'"):
        flag_revenue(t, direction="up")
    with pytest.raises(RuralfinValueError, match="参数 tolerance 应为 0 到 100"):
        flag_revenue(t, tolerance=-0.1)
    with pytest.raises(RuralfinTypeError, match="参数 tolerance 应为数字"):
        flag_revenue(t, tolerance="30%")
    with pytest.raises(RuralfinValueError, match="table 缺少列：verified_revenue"):
        flag_revenue(t.drop(columns="verified_revenue"))
    with pytest.raises(RuralfinValueError, match="没有独立来源的估计列"):
        flag_revenue(t[["entity_id", "reported_revenue", "verified_revenue"]])
    f = flag_revenue(t)
    with pytest.raises(RuralfinValueError, match="有 1 个主体没有真实结论"):
        flag_metrics(f, toy["truth"].iloc[:2])
    with pytest.raises(RuralfinTypeError, match="truth 的列 truth_is_misreporter 应为是/否（True/False 或 0/1）"):
        flag_metrics(f, toy["truth"].assign(truth_is_misreporter=["yes", "no", "yes"]))
    with pytest.raises(RuralfinValueError, match="flags 缺少列：truth_is_misreporter"):
        flag_metrics(f)
    with pytest.raises(RuralfinTypeError, match="参数 tolerances 应为一组数"):
        tolerance_sweep(t, toy["truth"], tolerances=0.3)
    with pytest.raises(RuralfinValueError, match="参数 tolerances 是空的"):
        tolerance_sweep(t, toy["truth"], tolerances=[])
    with pytest.raises(RuralfinValueError, match="同时给出 flows"):
        crosscheck_revenue(toy["entities"], flows=toy["flows"])
    with pytest.raises(RuralfinValueError, match="至少给出一个独立来源"):
        crosscheck_revenue(toy["entities"])
    with pytest.raises(RuralfinValueError, match="参数 kind 不认识取值"):
        plot_tolerance_sweep(tolerance_sweep(t, toy["truth"]), kind="roc")


def test_plots_return_axes(toy):
    f = flag_revenue(_table(toy))
    ax = plot_crosscheck(f, tolerance=0.3)
    assert ax.get_xscale() == "log"
    assert ax.get_xlabel() == "核实收入（万元）" and ax.get_ylabel() == "自报年营业收入（万元）"
    # 对角线 + 两条容差线
    assert len(ax.get_lines()) == 3
    sw = tolerance_sweep(f, toy["truth"], tolerances=[0.2, 0.5, 1.0])
    ax = plot_tolerance_sweep(sw, tolerance=0.5)
    assert [line.get_label() for line in ax.get_lines()] == ["抓到的虚报户", "误报的如实户", "当前容差 50%"]
    assert ax.get_lines()[0].get_xdata().tolist() == pytest.approx([20, 50, 100])
    ax = plot_tolerance_sweep(sw, kind="rates")
    assert ax.get_lines()[0].get_ydata().tolist()[0] == pytest.approx(100.0)


def test_source_names_cover_labels():
    from ruralfin.labels import get, is_registered, label

    assert SOURCE_NAMES == dict(get("disagreeing_sources").values)  # 由标签登记处派生，不另写一份
    for code in SOURCE_NAMES:
        assert is_registered(f"{code}_revenue") and is_registered(f"{code}_ratio")
    for col in ["verified_revenue", "verified_ratio", "flag", "flag_reason", "precision", "recall", "f1",
                "tolerance", "true_positives", "false_positives", "n_flagged"]:
        assert is_registered(col), col
    assert label("precision") == "查准率"


# ---------------------------------------------------------------------------
# 示范县：标记能找出生成器设定的虚报户
# ---------------------------------------------------------------------------
def test_county_flags_find_misreporters(county):
    out = crosscheck_revenue(county["entities"], flows=county["account_flows"], settlement=county["settlement"],
                             utilities=county["utilities"], coefficients=county["industry_coefficients"],
                             tax_records=county["tax_records"], tolerance=0.3)
    assert len(out) == len(county["entities"])
    chk = out[out["checkable"]]
    assert len(chk) > 0.8 * len(out)
    m = flag_metrics(chk, county["truth_entities"]).iloc[0]
    base = m["base_rate"]
    assert 0.1 < base < 0.3
    # 随机抽查的查准率 = 基准率；标记的查准率是它的 3 倍以上
    assert m["precision"] > 3 * base
    assert m["precision"] > 0.7
    # 随机标记同样多的户，查全率 ≈ 标记率；这里远高于它
    assert m["recall"] > 2 * m["flag_rate"]
    assert m["recall"] > 0.4
    # 容差越宽，标记越少、查准率越高
    sw = tolerance_sweep(out, county["truth_entities"], tolerances=[0.1, 0.3, 0.6])
    assert sw["n_flagged"].is_monotonic_decreasing
    assert sw["precision"].is_monotonic_increasing
    assert sw["recall"].is_monotonic_decreasing
    assert sw.loc[1, "precision"] == pytest.approx(m["precision"])
    # 被标记户的真实虚报倍数明显高于未标记户
    tr = county["truth_entities"].set_index("entity_id")["truth_misreport_ratio"]
    flagged = tr.reindex(chk.loc[chk["flag"], "entity_id"]).median()
    clean = tr.reindex(chk.loc[~chk["flag"], "entity_id"]).median()
    assert flagged > 1.3 and clean < 1.05


# ---------------------------------------------------------------------------
# 坏值不能悄悄变成缺失的收入（issue 11：坏输入测试）
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [np.nan, np.inf, -1e6])
def test_bad_reported_revenue_is_an_error_not_a_missing_ratio(toy, bad):
    ent = toy["entities"].assign(reported_revenue=[bad, 60.0, 30.0])
    with pytest.raises(RuralfinValueError, match="reported_revenue"):
        combine_revenue(ent, tax_revenue(toy["tax"]))
    with pytest.raises(RuralfinValueError, match="reported_revenue"):
        crosscheck_revenue(ent, tax_records=toy["tax"])
    with pytest.raises(RuralfinValueError, match="reported_revenue"):
        flag_revenue(_table(toy).assign(reported_revenue=[bad, 60.0, 30.0]))


@pytest.mark.parametrize("bad", [np.inf, -1e6])
def test_bad_estimates_are_errors_while_missing_ones_mean_no_source(toy, bad):
    t = _table(toy)
    with pytest.raises(RuralfinValueError, match="flow_revenue"):
        combine_revenue(toy["entities"], t[["entity_id", "flow_revenue"]].assign(flow_revenue=[bad, 60.0, np.nan]))
    with pytest.raises(RuralfinValueError, match="flow_revenue"):
        flag_revenue(t.assign(flow_revenue=[bad, 60.0, np.nan]))
    with pytest.raises(RuralfinValueError, match="verified_revenue"):
        flag_revenue(t.assign(verified_revenue=[bad, 35.0, np.nan]))
    with pytest.raises(RuralfinValueError, match="declared_revenue"):
        tax_revenue(toy["tax"].assign(declared_revenue=[bad] + [30.0] * 11))
    with pytest.raises(RuralfinValueError, match="inflow_amount"):
        flow_revenue(toy["flows"].assign(inflow_amount=[bad] + [4.0] * 24), toy["settlement"])
    with pytest.raises(RuralfinValueError, match="revenue_per_kwh"):
        utility_revenue(toy["utilities"], toy["entities"], toy["coefficients"].assign(revenue_per_kwh=[bad, 100.0]))
    with pytest.raises(RuralfinTypeError, match="flow_revenue"):
        flag_revenue(t.assign(flow_revenue=["暂无", "60", "70"]))
    # 缺失的估计 = 该来源估不出：照常合并，不报错
    assert combine_revenue(toy["entities"], t[["entity_id", "flow_revenue"]])["n_sources"].tolist() == [1, 1, 0]


@pytest.mark.parametrize("bad", [np.nan, np.inf, -1.0, "暂无"])
def test_entity_ids_must_be_usable_keys(toy, bad):
    def spoil(df):
        df = df.copy()
        df["entity_id"] = df["entity_id"].astype(object if isinstance(bad, str) else "float64")
        df.iloc[0, df.columns.get_loc("entity_id")] = bad
        return df

    err = (RuralfinValueError, RuralfinTypeError)
    with pytest.raises(err, match="entity_id"):
        flow_revenue(spoil(toy["flows"]), toy["settlement"])
    with pytest.raises(err, match="entity_id"):
        utility_revenue(spoil(toy["utilities"]), toy["entities"], toy["coefficients"])
    with pytest.raises(err, match="entity_id"):
        utility_revenue(toy["utilities"], spoil(toy["entities"]), toy["coefficients"])
    with pytest.raises(err, match="entity_id"):
        tax_revenue(spoil(toy["tax"]))
    f = flag_revenue(_table(toy))
    with pytest.raises(err, match="entity_id"):
        flag_revenue(spoil(_table(toy)))
    with pytest.raises(err, match="entity_id"):
        flag_metrics(spoil(f), toy["truth"])


def test_text_ids_do_not_silently_fail_to_match(toy):
    st = toy["settlement"].assign(entity_id=lambda d: d["entity_id"].astype(str))
    with pytest.raises(RuralfinTypeError, match="拼接用的列类型不一致"):
        flow_revenue(toy["flows"], st)
    with pytest.raises(RuralfinTypeError, match="拼接用的列类型不一致"):
        flag_metrics(flag_revenue(_table(toy)), toy["truth"].assign(entity_id=["1", "2", "3"]))


def test_missing_settlement_share_is_documented_missing_but_cash_share_is_required(toy):
    out = flow_revenue(toy["flows"], toy["settlement"])
    assert out["flow_revenue"].notna().tolist() == [True, True]
    with pytest.raises(RuralfinValueError, match="receipt_share_cash 有 1 个缺失值"):
        flow_revenue(toy["flows"], toy["settlement"].assign(receipt_share_cash=[np.nan, 0.5, 0.3]))


def test_plot_crosscheck_rejects_infinite_revenue():
    t = pd.DataFrame({"verified_revenue": [10.0, 20.0, np.inf], "reported_revenue": [11.0, 35.0, 40.0],
                      "flag": [False, True, False]})
    with pytest.raises(RuralfinValueError, match="verified_revenue 有 1 个无穷大"):
        plot_crosscheck(t)
    with pytest.raises(RuralfinValueError, match="random_state"):
        plot_crosscheck(t.assign(verified_revenue=[10.0, 20.0, 40.0]), random_state=-1)
