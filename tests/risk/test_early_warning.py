"""预警：预警面板、信号、未来违约标签、预警打分模型、提前期与提前期图。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.early_warning import (
    EarlyWarningModel,
    early_warning_signals,
    future_default_label,
    lead_time_summary,
    plot_lead_time,
    warning_lead_time,
    warning_panel,
)


def _ews_panel():
    months = pd.date_range("2024-01-31", periods=8, freq="ME")
    rows = []
    for e, sales in {"A": [10, 10, 10, 10, 10, 5, 5, 5], "B": [10] * 8}.items():
        for m, s in zip(months, sales):
            rows.append((e, m, float(s), 100.0 if e == "B" or m < months[6] else 50.0))
    return pd.DataFrame(rows, columns=["entity_id", "month", "sales_amount", "electricity_kwh"])

NO_FLAGS = {"overdue_elsewhere": None, "industry_shock": None, "guarantee_trouble": None}


def test_early_warning_signals_trailing_decline():
    sig = early_warning_signals(_ews_panel(), window=3, drop=0.3, **NO_FLAGS)
    a = sig[sig["entity_id"] == "A"]
    assert a["sig_sales_decline"].tolist() == [False] * 5 + [True, True, False]
    # 用电在第 7 个月腰斩；前 3 个月均值 100
    assert a["sig_utility_decline"].tolist() == [False] * 6 + [True, True]
    assert not sig.loc[sig["entity_id"] == "B", ["sig_sales_decline", "sig_utility_decline"]].any().any()
    assert not sig["sig_overdue_elsewhere"].any()


def test_early_warning_flags_and_input_unchanged():
    panel = _ews_panel().assign(other_overdue=[0] * 15 + [1], shock=False)
    before = panel.copy()
    sig = early_warning_signals(panel, overdue_elsewhere="other_overdue", industry_shock="shock",
                                guarantee_trouble=None)
    assert sig["sig_overdue_elsewhere"].sum() == 1
    pd.testing.assert_frame_equal(panel, before)
    with pytest.raises(RuralfinValueError, match="drop"):
        early_warning_signals(panel, drop=1.5, **NO_FLAGS)


def test_future_default_label():
    panel = pd.DataFrame({"entity_id": ["A"] * 5, "month": pd.period_range("2024-01", periods=5, freq="M"),
                          "default_month": [pd.Period("2024-04", "M")] * 5})
    lab = future_default_label(panel, horizon=2)
    assert lab.tolist()[:3] == [0, 1, 1]
    assert lab.isna().tolist()[3:] == [True, True]


def test_early_warning_model_contract_and_weights():
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    rng = np.random.default_rng(1)
    X = pd.DataFrame(rng.random((2000, 3)) < 0.2,
                     columns=["sig_sales_decline", "sig_overdue_elsewhere", "sig_industry_shock"])
    logit = -3 + 2.0 * X["sig_overdue_elsewhere"] + 1.0 * X["sig_sales_decline"]
    y = (rng.random(2000) < 1 / (1 + np.exp(-logit))).astype(int)
    m = EarlyWarningModel(random_state=0)
    with pytest.raises(NotFittedError):
        m.predict_proba(X)
    assert m.fit(X, y) is m
    pts = m.points_
    assert pts["sig_overdue_elsewhere"] > pts["sig_sales_decline"] > pts["sig_industry_shock"]
    score = m.predict_points(X)
    assert score.name == "warning_score"
    row = X.iloc[[0]]
    assert score.iloc[0] == int(sum(pts[c] for c in X.columns if row[c].iloc[0]))
    assert m.predict_proba(X).shape == (2000, 2)
    assert clone(m).get_params() == m.get_params()
    assert m.points_table()["signal"].iloc[0] == "sig_overdue_elsewhere"
    with pytest.raises(RuralfinValueError, match="两类都要出现"):
        EarlyWarningModel().fit(X, np.zeros(2000))
    with pytest.raises(RuralfinValueError, match="缺少训练时用过的列：sig_industry_shock"):
        m.predict_points(X.drop(columns="sig_industry_shock"))


def test_lead_time_by_hand():
    panel = pd.DataFrame({
        "entity_id": ["A"] * 6 + ["B"] * 6 + ["C"] * 6,
        "month": list(pd.period_range("2024-01", periods=6, freq="M")) * 3,
        "warning_score": [0, 40, 0, 40, 40, 40,   # A：违约 2024-06，最早亮灯 2024-02 → 4 个月
                          0, 0, 0, 0, 0, 50,      # B：只在违约当月亮灯 → 漏报
                          0, 0, 0, 0, 0, 0],      # C：未违约，不在表里
        "default_month": [pd.Period("2024-06", "M")] * 6 + [pd.Period("2024-06", "M")] * 6 + [pd.NaT] * 6,
    })
    lt = warning_lead_time(panel, threshold=30)
    assert lt["entity_id"].tolist() == ["A", "B"]
    assert lt["lead_time_months"].tolist()[0] == 4 and pd.isna(lt["lead_time_months"].iloc[1])
    assert lt["warned"].tolist() == [True, False]
    lt3 = warning_lead_time(panel, threshold=30, lookback=3)
    assert lt3["lead_time_months"].iloc[0] == 2
    summ = lead_time_summary(lt)
    assert summ["lead_time_months"].tolist() == ["4", "missed"]
    assert summ["defaulter_share"].tolist() == [0.5, 0.5]
    ax = plot_lead_time(lt)
    assert len(ax.patches) == 2



def test_warning_panel_joins_county_tables_by_hand():
    months = pd.to_datetime(["2024-01-31", "2024-02-29", "2024-03-31"])
    loans = pd.DataFrame({"loan_id": [1] * 3 + [2] * 3, "entity_id": [7] * 3 + [8] * 3,
                          "month": list(months) * 2, "days_past_due": [0, 0, 0, 0, 40, 100]})
    sales = pd.DataFrame({"entity_id": [7] * 3 + [8] * 3 + [9] * 3, "month": list(months) * 3,
                          "sales_amount": [5.0] * 9})
    util = pd.DataFrame({"entity_id": [7], "month": [months[0]], "electricity_kwh": [120.0]})
    events = pd.DataFrame({"entity_id": [7, 7, 8], "month": [months[1], months[1], months[2]],
                           "event_type": ["overdue_other_bank", "lawsuit", "tax_arrears"]})
    ent = pd.DataFrame({"entity_id": [7, 8, 9], "sub_industry": ["livestock", "grocery", "grocery"]})
    ind = pd.DataFrame({"sub_industry": ["livestock"] * 3 + ["grocery"] * 3, "month": list(months) * 2,
                        "shock": [False, True, True, False, False, False]})
    g = pd.DataFrame({"loan_id": [2], "entity_id": [8], "guarantor_id": [7]})
    inputs = [loans.copy(), sales.copy()]
    out = warning_panel(loans, sales, utilities=util, external_events=events, industry_monthly=ind,
                        entities=ent, guarantees=g)
    pd.testing.assert_frame_equal(loans, inputs[0])
    assert out["entity_id"].tolist() == [7, 7, 7, 8, 8, 8]  # 9 没有贷款
    a = out[out["entity_id"] == 7]
    assert a["overdue_elsewhere"].tolist() == [False, True, False]
    assert a["industry_shock"].tolist() == [False, True, True]
    # 7 为 8 担保；8 在 3 月逾期 100 天 > 90 → 7 的担保圈 3 月出险
    assert a["guarantee_trouble"].tolist() == [False, False, True]
    assert a["default_month"].isna().all()
    b = out[out["entity_id"] == 8]
    assert (b["default_month"] == months[2]).all()
    assert b["guarantee_trouble"].tolist() == [False, False, False]
    assert np.isnan(a["electricity_kwh"].iloc[1]) and a["electricity_kwh"].iloc[0] == 120.0
    sig = early_warning_signals(out, window=1)
    assert sig["sig_guarantee_trouble"].sum() == 1 and sig["sig_overdue_elsewhere"].sum() == 1
    with pytest.raises(RuralfinValueError, match="还需要 entities"):
        warning_panel(loans, sales, industry_monthly=ind)




def test_plot_lead_time_texts_come_from_the_registry():
    lt = pd.DataFrame({"lead_time_months": pd.array([1, 3, None], dtype="Int64")})
    ax = plot_lead_time(lt)
    assert ax.get_xticklabels()[-1].get_text() == labels.text("early_warning.missed")
    assert ax.get_title() == labels.text("early_warning.lead_title")
    assert plot_lead_time(lt, title="门槛 15 分").get_title() == "门槛 15 分"


def test_early_warning_outputs_are_registered():
    produced = set(early_warning_signals(_ews_panel(), **NO_FLAGS).columns) - {"entity_id", "month"}
    produced |= {"future_default", "warning_score"}
    lt = warning_lead_time(pd.DataFrame({"entity_id": ["A"], "month": ["2024-01"], "warning_score": [1],
                                         "default_month": ["2024-02"]}))
    produced |= set(lt.columns) - {"entity_id"}
    produced |= set(lead_time_summary(lt).columns)
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.random((200, 2)) < 0.3, columns=["sig_sales_decline", "sig_industry_shock"])
    y = (rng.random(200) < 0.2 + 0.3 * X["sig_sales_decline"]).astype(int)
    produced |= set(EarlyWarningModel(random_state=0).fit(X, y).points_table().columns)
    assert [c for c in sorted(produced) if not labels.is_registered(c)] == []


# ---------------------------------------------------------------- 坏输入（issue 11）
def _panel_inputs():
    months = pd.to_datetime(["2024-01-31", "2024-02-29"])
    loans = pd.DataFrame({"loan_id": [1, 1, 2, 2], "entity_id": [7, 7, 8, 8], "month": list(months) * 2,
                          "days_past_due": [0, 0, 0, 95]})
    sales = pd.DataFrame({"entity_id": [7, 7, 8, 8], "month": list(months) * 2, "sales_amount": [5.0, 5.0, 3.0, 1.0]})
    g = pd.DataFrame({"loan_id": [1], "entity_id": [7], "guarantor_id": [8]})
    return loans, sales, g


@pytest.mark.parametrize("bad", [np.nan, np.inf, -1.0])
def test_warning_panel_rejects_bad_sales(bad):
    loans, sales, g = _panel_inputs()
    sales.loc[0, "sales_amount"] = bad
    with pytest.raises(RuralfinValueError, match="sales_monthly 的列 sales_amount"):
        warning_panel(loans, sales, guarantees=g)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -5.0])
def test_warning_panel_rejects_bad_guarantor_ids(bad):
    loans, sales, g = _panel_inputs()
    g = g.astype({"guarantor_id": "float64"})
    g.loc[0, "guarantor_id"] = bad
    with pytest.raises(RuralfinValueError, match="guarantees 的列 guarantor_id 是编号"):
        warning_panel(loans, sales, guarantees=g)


def test_warning_panel_rejects_ids_of_different_types():
    loans, sales, g = _panel_inputs()
    with pytest.raises(RuralfinTypeError, match="loan_monthly 的列 entity_id 是文本，sales_monthly 的列 entity_id 是数值"):
        warning_panel(loans.astype({"entity_id": "str"}), sales)
    with pytest.raises(RuralfinValueError, match="不能为空.*'暂无'"):
        warning_panel(loans.astype({"entity_id": "str"}).assign(entity_id=["7", "7", "8", "暂无"]), sales)


def test_warning_lead_time_rejects_a_threshold_nobody_reaches():
    panel = pd.DataFrame({"entity_id": ["A"] * 3, "month": ["2024-01", "2024-02", "2024-03"],
                          "warning_score": [0, 30, 40], "default_month": ["2024-03"] * 3})
    assert warning_lead_time(panel, threshold=40)["lead_time_months"].isna().all()  # 违约当月才亮灯：漏报
    with pytest.raises(RuralfinValueError, match="threshold=1e\\+12 高于 panel 的列 warning_score 的最高分 40"):
        warning_lead_time(panel, threshold=1e12)
    with pytest.raises(RuralfinValueError, match="threshold 应为有限的数"):
        warning_lead_time(panel, threshold=np.nan)


@pytest.mark.parametrize("values, words", [
    (pd.array([2, -1, None], dtype="Int64"), "小于 0"),
    (pd.array([2.0, np.inf, None], dtype="Float64"), "无穷大"),
    (pd.array([2.0, 1.5, None], dtype="Float64"), "整数月数"),
    (["2", "暂无", None], "应为数值"),
])
def test_lead_time_summary_rejects_bad_lead_times(values, words):
    lt = pd.DataFrame({"lead_time_months": values})
    with pytest.raises((RuralfinValueError, RuralfinTypeError), match=words):
        lead_time_summary(lt)
    with pytest.raises((RuralfinValueError, RuralfinTypeError), match=words):
        plot_lead_time(lt)
